from odoo import api, fields, models
from odoo.tools import SQL


class CrmCampaignTouch(models.Model):
    _inherit = "crm.campaign.touch"

    touch_type = fields.Selection(selection_add=[("mailing", "Mailing")],
                                  ondelete={"mailing": "cascade"})

    @api.model
    def _touch_sources(self, first, last):
        """A mailing of a campaign sent to a lead, or to a contact (then every lead of that
        contact), touches it: sent and further (delivered, opened, replied); bounced and
        failed are no touch."""
        return [*super()._touch_sources(first, last), SQL("""
            SELECT CASE WHEN t.model = 'crm.lead' THEN t.res_id ELSE l.id END,
                   mailing.campaign_id, 'mailing',
                   COALESCE(t.sent_datetime, t.create_date), t.id
              FROM mailing_trace t
              JOIN mailing_mailing mailing ON mailing.id = t.mass_mailing_id
              LEFT JOIN crm_lead l ON t.model = 'res.partner' AND l.partner_id = t.res_id
             WHERE mailing.campaign_id IS NOT NULL
               AND t.model IN ('crm.lead', 'res.partner')
               AND t.trace_status IN ('pending', 'sent', 'open', 'reply')
               AND CASE WHEN t.model = 'crm.lead' THEN t.res_id ELSE l.id END
                   BETWEEN %(first)s AND %(last)s
        """, first=first, last=last)]
