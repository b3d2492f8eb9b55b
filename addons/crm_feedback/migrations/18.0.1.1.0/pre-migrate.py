"""18.0.1.1.0: a new sentiment analyser; the stored comments are scored again by a cron.

The column that names the analyser of each row is created here, empty, so that the ORM does
not compute it (and the sentiment with it) for every row inside the upgrade: the rows with
a comment stay outdated and the cron scores them again in batches (post-migrate.py
triggers it). A row without a comment has nothing to score again.

A customer without a score read 0.00, the worst score: the scored ones are marked.
"""

from odoo.addons.crm_feedback.tools.sentiment import VERSION
from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS satisfaction_known boolean")
    cr.execute("""UPDATE res_partner SET satisfaction_known = satisfaction_score IS NOT NULL
                  WHERE satisfaction_date IS NOT NULL""")
    cr.execute("ALTER TABLE crm_feedback ADD COLUMN IF NOT EXISTS sentiment_version varchar")
    cr.execute(SQL("""UPDATE crm_feedback SET sentiment_version = %s
                      WHERE sentiment_version IS NULL AND coalesce(comment, '') = ''""",
                   VERSION))
