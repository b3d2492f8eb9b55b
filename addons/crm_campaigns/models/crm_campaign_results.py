from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.sql import WON_DOMAIN

RESULT_FIELDS = ("lead_count", "opportunity_count", "won_count", "lost_count", "won_revenue",
                 "pipeline_revenue", "weighted_revenue")


class CrmCampaignResults(models.AbstractModel):
    """The figures campaign results are made of, for many campaigns at once: the totals of
    each campaign's own leads and members (utm.campaign adds up the sub-campaigns' and
    makes the rates, by tools.results).

    sudo: results are aggregates of the campaign's leads and members, shown to everyone who
    may read the campaign, as Odoo shows the lead count of a campaign; but only the leads
    of the reader's allowed companies (and those of no company) count: a campaign of no
    company does not add up, for a reader of company A, company B's revenue.
    """

    _name = "crm.campaign.results"
    _description = "Campaign Results"

    @api.model
    def _lead_totals(self, campaigns):
        """{campaign id: lead totals}, its own leads only, from one scan of the leads (two
        when companies or campaigns have different currencies).

        Won as crm's "Won" filter (tools.sql); lost: archived with a probability of 0, as
        Odoo marks them. Every figure is a filtered aggregate of the same GROUP BY: a
        grouped read per figure would read the million leads of a large campaign history
        once each.
        """
        Lead = self.env["crm.lead"].sudo().with_context(active_test=False)
        totals = defaultdict(lambda: dict.fromkeys(RESULT_FIELDS, 0))
        domain = [("campaign_id", "in", campaigns.ids),
                  ("company_id", "in", [*self.env.companies.ids, False])]
        # One currency for every company and campaign (the usual case): the won revenue is
        # summed as it is; otherwise each deal is converted at the date it was won.
        # sudo: the currencies of every company, whichever the user may read; a handful.
        currencies = self.env["res.company"].sudo()._read_group([], ["currency_id"])
        one_currency = len(campaigns.currency_id.union(
            *(currency for currency, in currencies))) == 1
        query = Lead._search(domain)

        def column(fname):
            return Lead._field_to_sql(query.table, fname, query)

        # Won as tools.sql.won_lead_sql, with the won stages' ids rather than a join of
        # the stages: the join made the scan of the leads four times slower.
        # sudo: which stages are won, whichever teams the user belongs to; a handful.
        # Ordered by id: the stages' own order sorts on their translated names.
        won_stages = self.env["crm.stage"].sudo().search([("is_won", "=", True)],
                                                         order="id").ids or [0]
        active, lead_type = column("active"), column("type")
        in_won_stage = SQL("%s = ANY(%s)", column("stage_id"), won_stages)
        won = SQL("(%s AND %s)", active, in_won_stage)
        # Open opportunities: a stage that is not won, or none yet.
        pipeline = SQL("(%s AND %s = 'opportunity' AND NOT COALESCE(%s, FALSE))",
                       active, lead_type, in_won_stage)
        query.groupby = column("campaign_id")
        rows = self.env.execute_query(query.select(
            column("campaign_id"),
            SQL("count(*)"),
            SQL("count(*) FILTER (WHERE %s = 'opportunity')", lead_type),
            SQL("count(*) FILTER (WHERE %s)", won),
            SQL("count(*) FILTER (WHERE NOT %s AND %s = 0)", active, column("probability")),
            SQL("coalesce(sum(%s) FILTER (WHERE %s), 0)", column("expected_revenue"), won),
            SQL("coalesce(sum(%s) FILTER (WHERE %s), 0)", column("expected_revenue"),
                pipeline),
            SQL("coalesce(sum(%s) FILTER (WHERE %s), 0)", column("prorated_revenue"),
                pipeline),
        ))
        for campaign_id, count, opportunities, won_count, lost, revenue, pipe, weighted \
                in rows:
            totals[campaign_id].update(
                lead_count=count, opportunity_count=opportunities, won_count=won_count,
                lost_count=lost, won_revenue=revenue if one_currency else 0,
                pipeline_revenue=pipe, weighted_revenue=weighted)
        if not one_currency:
            for campaign, company, day, revenue in Lead._read_group(
                    [*domain, *WON_DOMAIN],
                    ["campaign_id", "company_id", "date_closed:day"], ["expected_revenue:sum"]):
                totals[campaign.id]["won_revenue"] += self._to_currency(
                    revenue, company, campaign.currency_id, day)
        return totals

    @api.model
    def _to_currency(self, amount, company, currency, day):
        """`amount` in `company`'s currency (the current company's for none), converted to
        `currency` at `day` (today when the deal has no closing date)."""
        company = company or self.env.company
        if not amount or company.currency_id == currency:
            return amount
        return company.currency_id._convert(amount, currency, company,
                                            day or fields.Date.context_today(self))

    @api.model
    def _member_totals(self, campaigns):
        """{campaign id: [members, responding members]}, its own members only, from one
        grouped read."""
        members = defaultdict(lambda: [0, 0])
        for campaign, is_response, count in self.env["crm.campaign.member"].sudo()._read_group(
                [("campaign_id", "in", campaigns.ids)], ["campaign_id", "is_response"],
                ["__count"]):
            members[campaign.id][0] += count
            members[campaign.id][1] += count if is_response else 0
        return members
