"""18.0.1.1.0: a new sentiment analyser; the stored comments are scored again by a cron.

The column that names the analyser of each row is created here, empty, so that the ORM does
not compute it (and the sentiment with it) for every row inside the upgrade: the rows with
a comment stay outdated and the cron scores them again in batches (post-migrate.py
triggers it). A row without a comment has nothing to score again.

The salespeople's record rules on complaints and feedback changed (complaints nobody owns
are the complaints officer's; a complaint's feedback is read as the complaint): they are
noupdate records, which an upgrade rewrites only when told to.

A customer without a score read 0.00, the worst score: the scored ones are marked.
"""

from odoo.addons.crm_feedback.tools.sentiment import VERSION
from odoo.tools import SQL


CHANGED_RULES = ("crm_complaint_rule_salesman", "crm_complaint_report_rule_salesman",
                 "crm_feedback_rule_salesman")


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("""UPDATE ir_model_data SET noupdate = FALSE
                      WHERE module = 'crm_feedback' AND model = 'ir.rule' AND name IN %s""",
                   CHANGED_RULES))
    cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS satisfaction_known boolean")
    cr.execute("""UPDATE res_partner SET satisfaction_known = satisfaction_score IS NOT NULL
                  WHERE satisfaction_date IS NOT NULL""")
    cr.execute("ALTER TABLE crm_feedback ADD COLUMN IF NOT EXISTS sentiment_version varchar")
    cr.execute(SQL("""UPDATE crm_feedback SET sentiment_version = %s
                      WHERE sentiment_version IS NULL AND coalesce(comment, '') = ''""",
                   VERSION))
