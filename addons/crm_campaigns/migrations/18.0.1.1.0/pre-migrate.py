"""18.0.1.1.0: the actual cost becomes the costs entered by hand plus the activities'.

The amounts entered by hand so far move to the new "Other Costs" column before the ORM
creates it, so that the total is unchanged (there are no campaign activities yet).
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute("ALTER TABLE utm_campaign ADD COLUMN IF NOT EXISTS manual_cost numeric")
    cr.execute("UPDATE utm_campaign SET manual_cost = actual_cost WHERE manual_cost IS NULL")
