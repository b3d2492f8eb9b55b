"""18.0.1.2.0: the score engine is its own model, crm.feedback.scoring.

The score cron (a noupdate record, which an upgrade does not rewrite) now calls it. A run
is tracked by its start rather than by the last partner done: a run the upgrade
interrupted starts again from its first account.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("crm_feedback.ir_cron_feedback_scores").write({
        "model_id": env["ir.model"]._get_id("crm.feedback.scoring"),
        "code": "model._cron_compute()",
    })
    env["ir.config_parameter"].search(
        [("key", "in", ("crm_feedback.score_cursor", "crm_feedback.score_run"))]).unlink()
