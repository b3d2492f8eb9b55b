from odoo import fields, models

from ..tools.attribution import ATTRIBUTION_MODELS, DEFAULT_MODEL
from .crm_marketing_list_import import DEFAULT_MAX_ROWS, DEFAULT_MAX_SIZE_MB


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_campaign_attribution_model = fields.Selection(
        ATTRIBUTION_MODELS, "Attribution Model", default=DEFAULT_MODEL,
        config_parameter="crm_campaigns.attribution_model",
        help="How the revenue of a won deal is shared among the campaigns that touched it: "
             "all to the first or the last touch, equally, or 40% to the first, 40% to the "
             "last and 20% to those in between.")
    crm_campaign_import_max_size_mb = fields.Integer(
        "Largest Imported File (MB)", default=DEFAULT_MAX_SIZE_MB,
        config_parameter="crm_campaigns.import_max_size_mb",
        help="A marketing list import refuses a larger file; an XLSX also when it holds "
             "more than ten times this once uncompressed.")
    crm_campaign_import_max_rows = fields.Integer(
        "Most Imported Rows", default=DEFAULT_MAX_ROWS,
        config_parameter="crm_campaigns.import_max_rows",
        help="A marketing list import refuses a file with more rows (the header aside).")
