from . import models


def _post_init_hook(env):
    """Persian speakers read Jalali from the day the module is installed.

    Only the new date_calendar column is written; the users' own data stays as it was.
    """
    env.cr.execute("""
        UPDATE res_users u SET date_calendar = 'jalali'
          FROM res_partner p
         WHERE p.id = u.partner_id AND p.lang LIKE 'fa%%'
    """)
