"""18.0.1.1.0: ask the re-scoring cron to run as soon as the upgrade is done.

It scores the outdated comments in batches, committing and reporting its progress after
each (Settings > Technical > Scheduled Actions shows it), instead of holding the upgrade
for as long as 100,000 comments take.

The salespeople's record rules on complaints and feedback changed (complaints nobody owns
are the complaints officer's; a complaint's feedback is read as the complaint). Odoo never
updates the records of a noupdate block: the rule files are loaded again as at install.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file

RULE_FILES = ("security/crm_complaint_security.xml", "security/crm_feedback_security.xml")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for filename in RULE_FILES:
        convert_file(env, "crm_feedback", filename, {}, mode="init", kind="data")
    env.ref("crm_feedback.ir_cron_feedback_sentiment")._trigger()
