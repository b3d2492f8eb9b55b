"""18.0.1.1.0: ask the re-scoring cron to run as soon as the upgrade is done.

It scores the outdated comments in batches, committing and reporting its progress after
each (Settings > Technical > Scheduled Actions shows it), instead of holding the upgrade
for as long as 100,000 comments take.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.ref("crm_feedback.ir_cron_feedback_sentiment")._trigger()
