"""SQL fragments shared by the campaign results and reports."""

from psycopg2 import errors

from odoo.tools import SQL


def won_lead_sql(lead_alias, stage_alias):
    """SQL condition of a won lead, as crm's "Won" filter has it: active, in a won stage
    (`stage_alias` is crm_stage joined on the lead's stage)."""
    return SQL("(%s AND %s)", SQL.identifier(lead_alias, "active"),
               SQL.identifier(stage_alias, "is_won"))


# The same as a domain on crm.lead.
WON_DOMAIN = [("active", "=", True), ("stage_id.is_won", "=", True)]


def lock_skip_locked(cr, query):
    """The rows of `query` (a SELECT ... FOR UPDATE SKIP LOCKED, the first statement of its
    transaction), or none when another run changed them meanwhile.

    Odoo's cursors are REPEATABLE READ: a row another run updated and committed between
    this transaction's snapshot and the lock raises a serialization failure instead of
    being skipped. That run holds or has just done the work, so it is skipped the same
    way (the next run sees it as committed)."""
    try:
        with cr.savepoint(flush=False):
            cr.execute(query, log_exceptions=False)
            return cr.fetchall()
    except errors.SerializationFailure:
        return []
