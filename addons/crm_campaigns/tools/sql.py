"""SQL fragments shared by the campaign results and reports."""

from odoo.tools import SQL


def won_lead_sql(lead_alias, stage_alias):
    """SQL condition of a won lead, as crm's "Won" filter has it: active, in a won stage
    (`stage_alias` is crm_stage joined on the lead's stage)."""
    return SQL("(%s AND %s)", SQL.identifier(lead_alias, "active"),
               SQL.identifier(stage_alias, "is_won"))


# The same as a domain on crm.lead.
WON_DOMAIN = [("active", "=", True), ("stage_id.is_won", "=", True)]
