"""The complaint sequence numbers by the Jalali year while both crm_feedback and parand_crm
are installed: crm_feedback itself knows nothing of the Jalali calendar."""

GREGORIAN_PREFIX = "CMP/%(year)s/"
JALALI_PREFIX = "CMP/%(jalali_year)s/"


def _switch_prefix(env, old, new):
    """Only a sequence still numbering as its addon made it: an organization that chose its
    own prefix keeps it. References already given are never rewritten."""
    sequence = env.ref("crm_feedback.seq_crm_complaint", raise_if_not_found=False)
    if sequence and sequence.prefix == old:
        sequence.prefix = new


def post_init_hook(env):
    _switch_prefix(env, GREGORIAN_PREFIX, JALALI_PREFIX)


def uninstall_hook(env):
    _switch_prefix(env, JALALI_PREFIX, GREGORIAN_PREFIX)
