"""18.0.1.2.0: mailings as contacts moved to the crm_campaigns_mass_mailing bridge.

The hourly cron was kept by its noupdate flag although the method it calls is now the
bridge's: it goes, and the bridge makes its own when mass_mailing is installed.
"""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(SQL("""
        DELETE FROM ir_cron WHERE id IN (
            SELECT res_id FROM ir_model_data
             WHERE module = 'crm_campaigns' AND name = 'ir_cron_sync_mailing_contacts')
    """))
    cr.execute(SQL("""
        DELETE FROM ir_model_data
         WHERE module = 'crm_campaigns' AND name = 'ir_cron_sync_mailing_contacts'
    """))
