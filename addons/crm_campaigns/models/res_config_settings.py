from odoo import fields, models

from ..tools.attribution import ATTRIBUTION_MODELS, DEFAULT_MODEL


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_campaign_attribution_model = fields.Selection(
        ATTRIBUTION_MODELS, "Attribution Model", default=DEFAULT_MODEL,
        config_parameter="crm_campaigns.attribution_model",
        help="How the revenue of a won deal is shared among the campaigns that touched it: "
             "all to the first or the last touch, equally, or 40% to the first, 40% to the "
             "last and 20% to those in between.")
