"""18.0.1.2.0: mailings as contacts moved to the crm_campaigns_mass_mailing bridge.

The hourly cron was kept by its noupdate flag although the method it calls is now the
bridge's: it goes, with its server action; the bridge makes its own when mass_mailing is
installed.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("crm_campaigns.ir_cron_sync_mailing_contacts", raise_if_not_found=False)
    if cron:
        action = cron.ir_actions_server_id
        cron.unlink()
        action.unlink()
