from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools import results
from ..tools.attribution import ATTRIBUTION_MODELS
from .crm_campaign_results import RESULT_FIELDS

# Every field _compute_results sets.
RESULT_FIELDS_ALL = ("member_count", "response_count", "has_cost", *RESULT_FIELDS,
                     "conversion_rate", "win_rate", "response_rate", "cost_per_lead",
                     "cost_per_won", "roi", "budget_used")


class UtmCampaign(models.Model):
    """Campaigns with objective, budget, cost, members and results.

    Start and end dates, and the check that the end does not come before the start, are
    those of OCA's marketing_campaign_dates; the budget and actual
    cost fields have the names OCA's marketing_campaign_budget gives them, so that both
    modules can be installed side by side.
    """

    _inherit = "utm.campaign"
    _parent_store = True

    objective = fields.Text(help="What the campaign is run for: more sales, new customers...")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company,
                                 index="btree_not_null")
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id",
        help="The company's currency, or the current company's for a campaign of all.")
    campaign_budget_amount = fields.Monetary("Budget", currency_field="currency_id")
    # The total, under the name OCA's marketing_campaign_budget gives it (reports read it):
    # stored, so that it can be sorted, grouped and read by SQL; writing it sets the costs
    # entered by hand to what is not the activities'.
    actual_cost = fields.Monetary(
        currency_field="currency_id", compute="_compute_actual_cost",
        inverse="_inverse_actual_cost", store=True,
        help="Costs entered by hand plus the costs of the campaign's done activities.")
    manual_cost = fields.Monetary(
        "Other Costs", currency_field="currency_id",
        help="Costs entered by hand: media, printing, venue... The activities' costs are "
             "added to them.")
    activity_cost = fields.Monetary(
        "Activity Costs", currency_field="currency_id", compute="_compute_activity_costs",
        help="Costs of the campaign's done activities.")
    planned_activity_cost = fields.Monetary(
        "Planned Activity Costs", currency_field="currency_id",
        compute="_compute_activity_costs",
        help="Costs of the activities still to do: they count in the actual cost once done.")
    activity_ids = fields.One2many("crm.campaign.activity", "campaign_id", "Activities")
    activity_count = fields.Integer("Campaign Activities", compute="_compute_activity_costs")
    expected_revenue = fields.Monetary(currency_field="currency_id")
    expected_response = fields.Float("Expected Response (%)")
    parent_id = fields.Many2one("utm.campaign", "Parent Campaign", index=True,
                                ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("utm.campaign", "parent_id", "Sub-campaigns")
    marketing_list_ids = fields.Many2many("crm.marketing.list", string="Target Lists")
    member_ids = fields.One2many("crm.campaign.member", "campaign_id", "Members")

    member_count = fields.Integer(compute="_compute_results")
    response_count = fields.Integer("Responding Members", compute="_compute_results")
    lead_count = fields.Integer("Leads", compute="_compute_results",
                                help="Leads and opportunities the campaign brought.")
    opportunity_count = fields.Integer("Opportunities", compute="_compute_results")
    won_count = fields.Integer("Won", compute="_compute_results")
    lost_count = fields.Integer("Lost", compute="_compute_results")
    won_revenue = fields.Monetary(compute="_compute_results", currency_field="currency_id")
    pipeline_revenue = fields.Monetary(compute="_compute_results",
                                       currency_field="currency_id")
    weighted_revenue = fields.Monetary("Weighted Pipeline", compute="_compute_results",
                                       currency_field="currency_id")
    conversion_rate = fields.Float("Conversion Rate (%)", compute="_compute_results")
    win_rate = fields.Float("Win Rate (%)", compute="_compute_results")
    response_rate = fields.Float("Response Rate (%)", compute="_compute_results")
    cost_per_lead = fields.Monetary(compute="_compute_results", currency_field="currency_id")
    cost_per_won = fields.Monetary(compute="_compute_results", currency_field="currency_id")
    has_cost = fields.Boolean(compute="_compute_results",
                              help="Something was spent: the ROI is defined.")
    roi = fields.Float("ROI (%)", compute="_compute_results",
                       help="(Won revenue - actual cost) / actual cost; empty when nothing "
                            "was spent.")
    budget_used = fields.Float("Budget Used (%)", compute="_compute_results")
    attributed_revenue = fields.Monetary(
        compute="_compute_attributed_revenue", currency_field="currency_id",
        help="Won revenue credited to the campaign by the attribution model chosen in the "
             "settings, from the touches of every won deal (its own, not its "
             "sub-campaigns').")
    attribution_model = fields.Selection(
        ATTRIBUTION_MODELS, compute="_compute_attributed_revenue",
        help="The attribution model of the settings the attributed revenue uses.")

    @api.depends("company_id")
    def _compute_currency_id(self):
        for campaign in self:
            campaign.currency_id = (campaign.company_id or self.env.company).currency_id

    def _activity_costs_by_campaign(self):
        """{campaign id: {state: (count, cost)}} of the campaigns' activities, one grouped
        read whatever the number of campaigns."""
        costs = defaultdict(dict)
        campaigns = self.filtered("id")
        if campaigns:
            # sudo: the costs are the campaign's figures, shown to whoever reads the campaign.
            for campaign, state, count, cost in self.env["crm.campaign.activity"].sudo() \
                    ._read_group([("campaign_id", "in", campaigns.ids)],
                                 ["campaign_id", "state"], ["__count", "cost:sum"]):
                costs[campaign.id][state] = (count, cost)
        return costs

    def _done_activity_costs(self):
        """{campaign: cost of its done activities}, one grouped read."""
        campaigns = self.filtered("id")
        if not campaigns:
            return {}
        # sudo: the costs are the campaign's figures, shown to whoever reads the campaign.
        return dict(self.env["crm.campaign.activity"].sudo()._read_group(
            [("campaign_id", "in", campaigns.ids), ("state", "=", "done")],
            ["campaign_id"], ["cost:sum"]))

    @api.depends("manual_cost", "activity_ids.cost", "activity_ids.state")
    def _compute_actual_cost(self):
        done = self._done_activity_costs()
        for campaign in self:
            campaign.actual_cost = campaign.manual_cost + done.get(campaign, 0)

    def _inverse_actual_cost(self):
        done_costs = self._done_activity_costs()
        for campaign in self:
            done = done_costs.get(campaign, 0)
            if campaign.actual_cost < done:
                raise ValidationError(self.env._(
                    "Actual Cost of campaign %(campaign)s cannot be below the costs of its "
                    "done activities (%(cost)s).", campaign=campaign.title, cost=done))
            campaign.manual_cost = campaign.actual_cost - done

    @api.depends("activity_ids.cost", "activity_ids.state")
    def _compute_activity_costs(self):
        costs = self._activity_costs_by_campaign()
        for campaign in self:
            by_state = costs[campaign.id]
            campaign.activity_cost = by_state.get("done", (0, 0))[1]
            campaign.planned_activity_cost = by_state.get("planned", (0, 0))[1]
            campaign.activity_count = sum(count for count, _cost in by_state.values())

    # ----------------------------------------------------------------- validation
    @api.constrains("campaign_budget_amount", "actual_cost", "manual_cost",
                    "expected_revenue", "expected_response")
    def _check_amounts(self):
        labels = {"campaign_budget_amount": self.env._("Budget"),
                  # The hand-entered part first: it is what the user typed.
                  "manual_cost": self.env._("Other Costs"),
                  "actual_cost": self.env._("Actual Cost"),
                  "expected_revenue": self.env._("Expected Revenue"),
                  "expected_response": self.env._("Expected Response (%)")}
        for campaign in self:
            for fname, label in labels.items():
                if campaign[fname] < 0:
                    raise ValidationError(self.env._(
                        "%(field)s of campaign %(campaign)s cannot be negative.",
                        field=label, campaign=campaign.title))
            if campaign.expected_response > 100:
                raise ValidationError(self.env._(
                    "Expected Response (%%) of campaign %(campaign)s is a percentage: at most "
                    "100.", campaign=campaign.title))

    def write(self, vals):
        # Checked before writing: the parent store would refuse with a bare "Recursion
        # Detected." that names no field.
        if vals.get("parent_id") and vals["parent_id"] in self.search(
                [("id", "child_of", self.ids)]).ids:
            raise ValidationError(self.env._(
                "Parent Campaign: a campaign cannot be its own parent or descendant."))
        return super().write(vals)

    # -------------------------------------------------------------------- members
    def action_add_marketing_lists(self):
        """Make the entries of the target lists members, once each.

        The members are inserted by SQL: the rights are checked here first. The user must
        be allowed to change the campaigns and to create members (sales managers), and
        only the list entries the user may read are added.
        """
        self.check_access("write")
        self.env["crm.campaign.member"].check_access("create")
        for campaign in self:
            partners = self.env["res.partner"]
            leads = self.env["crm.lead"]
            for mlist in campaign.marketing_list_ids:
                list_partners, list_leads = mlist._get_entries()
                partners |= list_partners
                leads |= list_leads
            campaign._add_members(partners._filtered_access("read"))
            campaign._add_members(leads._filtered_access("read"))
        return True

    def action_view_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Members of %(campaign)s", campaign=self.title),
            "res_model": "crm.campaign.member",
            "view_mode": "list,kanban,form",
            "domain": [("campaign_id", "child_of", self.id)],
            "context": {"default_campaign_id": self.id},
        }

    def _add_members(self, targets):
        """Add contacts and leads as members in bulk; those already members are skipped.

        One INSERT ... ON CONFLICT per campaign whatever the number of targets: a list of
        100,000 entries must not become 100,000 ORM creates.
        """
        self.ensure_one()
        if targets._name not in ("res.partner", "crm.lead"):
            raise ValidationError(self.env._(
                "Members: a campaign member is a company, a person or a lead, not %(model)s.",
                model=self.env["ir.model"]._get(targets._name).name))
        status = self.env["crm.campaign.member.status"].search([], limit=1)
        if not status:
            raise ValidationError(self.env._("Status: define at least one member status."))
        if targets._name == "res.partner":
            column = SQL.identifier("partner_id")
            target_type = SQL("CASE WHEN target.is_company THEN 'company' ELSE 'person' END")
        else:
            column, target_type = SQL.identifier("lead_id"), SQL("'lead'")
        self.env.flush_all()
        # The conflict target names the one unique index a duplicate can break: without
        # it every unique index of the table is probed before each row is inserted. The
        # dates are the transaction's, as the ORM's create sets them.
        now = self.env.cr.now()
        self.env.cr.execute(SQL("""
            INSERT INTO crm_campaign_member (campaign_id, company_id, %(column)s, target_type,
                                             user_id, status_id, is_response,
                                             first_response_date, create_uid, create_date,
                                             write_uid, write_date)
            SELECT %(campaign)s, %(company)s, target.id, %(target_type)s, target.user_id,
                   %(status)s, %(is_response)s, %(response_date)s,
                   %(uid)s, %(now)s, %(uid)s, %(now)s
              FROM %(table)s target
             WHERE target.id = ANY(%(ids)s)
            ON CONFLICT (campaign_id, %(column)s) DO NOTHING
        """, column=column, target_type=target_type, table=SQL.identifier(targets._table),
            campaign=self.id, company=self.company_id.id or None, status=status.id,
            is_response=status.is_response, response_date=now if status.is_response else None,
            uid=self.env.uid, now=now, ids=targets.ids))
        added = self.env.cr.rowcount
        self.env["crm.campaign.member"].invalidate_model()
        self.invalidate_recordset(["member_ids"])
        return added

    def _report_members_by_status(self):
        """{campaign id: [(status, count)] in status order} for the printed summary, the
        sub-campaigns' members included (as in the member count), from one grouped read."""
        tree = self.with_context(active_test=False).search([("id", "child_of", self.ids)])
        counts = defaultdict(lambda: defaultdict(int))
        # sudo: counts, as the member count the campaign shows to whoever may read it.
        for campaign, status, count in self.env["crm.campaign.member"].sudo()._read_group(
                [("campaign_id", "in", tree.ids)], ["campaign_id", "status_id"], ["__count"]):
            for ancestor in map(int, campaign.parent_path.strip("/").split("/")):
                counts[ancestor][status] += count
        return {campaign.id: sorted(counts[campaign.id].items(),
                                    key=lambda item: (item[0].sequence, item[0].id))
                for campaign in self}

    # -------------------------------------------------------------------- results
    @api.depends("actual_cost", "campaign_budget_amount", "child_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_results(self):
        """Every result of every campaign in self from a few grouped reads.

        A campaign's figures include its sub-campaigns': the grouped reads cover the whole
        subtrees, and the sums are made here. The figures are put in the cache field by
        field for all the campaigns at once: assigning them campaign by campaign converts
        each monetary figure with a lookup of its campaign's currency, which made the ORM
        slower than the grouped reads themselves.
        """
        campaigns = self.filtered("id")
        (self - campaigns).update(dict.fromkeys(RESULT_FIELDS_ALL, 0))
        if not campaigns:
            return
        subtree = {campaign.id: set() for campaign in campaigns}
        # One search over all subtrees; parent_path holds every ancestor of a campaign.
        tree = self.with_context(active_test=False).search(
            [("id", "child_of", campaigns.ids)])
        for node in tree:
            for ancestor in map(int, node.parent_path.strip("/").split("/")):
                if ancestor in subtree:
                    subtree[ancestor].add(node.id)
        Results = self.env["crm.campaign.results"]
        totals = Results._lead_totals(tree)
        members = Results._member_totals(tree)
        costs = {node.id: node.actual_cost for node in tree}
        values = {fname: [] for fname in RESULT_FIELDS_ALL}
        for campaign in campaigns:
            summed = dict.fromkeys(RESULT_FIELDS, 0)
            n_members = n_responding = 0
            for node_id in subtree[campaign.id]:
                for key, value in totals[node_id].items():
                    summed[key] += value
                n_members += members[node_id][0]
                n_responding += members[node_id][1]
            cost = sum(costs[node_id] for node_id in subtree[campaign.id])
            figures = results.campaign_results(summed, cost, campaign.campaign_budget_amount,
                                               n_members, n_responding)
            figures.update(has_cost=bool(cost), member_count=n_members,
                           response_count=n_responding)
            for fname, column in values.items():
                column.append(figures[fname])
        currencies = [campaign.currency_id for campaign in campaigns]
        for fname, column in values.items():
            field = self._fields[fname]
            if field.type == "monetary":
                # As the monetary field's conversion does: rounded to the currency, when
                # there is one (a campaign without company has none).
                cached = [(currency.round(value) if currency else value) if value else 0.0
                          for currency, value in zip(currencies, column, strict=True)]
            else:
                cached = [field.convert_to_cache(value, campaign, validate=False)
                          for campaign, value in zip(campaigns, column, strict=True)]
            self.env.cache.update(campaigns, field, cached)

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_attributed_revenue(self):
        model = self.env["crm.campaign.attribution.report"]._configured_model()
        revenue = {}
        if self.ids:
            # sudo: an aggregate over every won deal of the reader's companies, as the
            # other campaign results.
            revenue = dict(self.env["crm.campaign.attribution.report"].sudo()._read_group(
                [("campaign_id", "in", self.ids), ("attribution_model", "=", model),
                 ("company_id", "in", [*self.env.companies.ids, False])],
                ["campaign_id"], ["attributed_revenue:sum"]))
        for campaign in self:
            campaign.attribution_model = model
            campaign.attributed_revenue = revenue.get(campaign, 0)

    # ----------------------------------------------------------------- activities
    def action_view_activities(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Activities of %(campaign)s", campaign=self.title),
            "res_model": "crm.campaign.activity",
            "view_mode": "list,form,pivot,graph",
            "domain": [("campaign_id", "=", self.id)],
            "context": {"default_campaign_id": self.id},
        }

    def action_schedule_activities(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule Activities"),
            "res_model": "crm.campaign.activity.schedule",
            "view_mode": "form",
            "target": "new",
            "context": {"default_campaign_id": self.id},
        }
