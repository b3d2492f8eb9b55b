# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

CHURN_RISKS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
CHURN_REASONS = [
    ("active", "Orders on their usual rhythm"),
    ("late_order", "Next order later than usual"),
    ("overdue_order", "No order for twice the usual gap"),
    ("inactive", "No order for a year"),
    ("dissatisfied", "Dissatisfied"),
]
RFM_SEGMENTS = [
    ("champion", "Champion"),
    ("loyal", "Loyal"),
    ("potential", "Potential Loyalist"),
    ("new", "New"),
    ("at_risk", "At Risk"),
    ("cant_lose", "Cannot Lose Them"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
    ("none", "No Purchase"),
]
SYNC_BATCH = 2000
# The account figures are the sales team's: other employees and portal users do not read them.
SALES = "sales_team.group_sale_salesman"


class ResPartner(models.Model):
    """Satisfaction score, segments and churn risk of an account (written by the score
    engine, crm.feedback.scoring), its feedback, and asking it for more."""

    _inherit = "res.partner"

    feedback_ids = fields.One2many("crm.feedback", "commercial_partner_id", groups=SALES)
    feedback_count = fields.Integer(compute="_compute_feedback_count", groups=SALES)
    satisfaction_score = fields.Float(
        readonly=True, copy=False, aggregator="avg",
        help="0-100: weighted mean of the customer's NPS, CSAT, CES, ratings, comment sentiment "
             "and buying behaviour, recent feedback weighing more (see the CRM settings).",
        groups=SALES)
    # A float column reads NULL as 0, the worst score: this tells "no score yet" from 0.
    satisfaction_known = fields.Boolean(
        "Has a Satisfaction Score", readonly=True, copy=False, groups=SALES)
    satisfaction_trend = fields.Float(
        readonly=True, copy=False, aggregator="avg",
        help="Change of the score since the snapshot of one trend period ago.",
        groups=SALES)
    satisfaction_date = fields.Datetime("Score Computed On", readonly=True, copy=False,
                                        groups=SALES)
    nps_category = fields.Selection(
        [("promoter", "Promoter"), ("passive", "Passive"), ("detractor", "Detractor")],
        "NPS Category", readonly=True, copy=False, groups=SALES,
        help="From the customer's latest NPS answer.")
    rfm_segment = fields.Selection(RFM_SEGMENTS, "RFM Segment", readonly=True, copy=False,
                                   groups=SALES)
    rfm_code = fields.Char("RFM", readonly=True, copy=False, groups=SALES,
                           help="Recency, frequency and monetary quintiles, 5 being the best.")
    churn_risk = fields.Selection(CHURN_RISKS, readonly=True, copy=False, groups=SALES)
    churn_reason = fields.Selection(CHURN_REASONS, readonly=True, copy=False, groups=SALES)
    lifetime_value = fields.Float(readonly=True, copy=False, groups=SALES,
                                  help="Yearly revenue so far projected over three years.")
    pareto_class = fields.Selection(
        [("A", "A (80% of revenue)"), ("B", "B (next 15%)"), ("C", "C (last 5%)")],
        readonly=True, copy=False, groups=SALES)
    feedback_response_hours = fields.Float(
        "Response Time (Hours)", readonly=True, copy=False, aggregator="avg",
        help="Median time the customer took to answer our emails and messages on the account "
             "and its opportunities, over the days of the response window (system parameter "
             "crm_feedback.response_window_days, 90 by default).",
        groups=SALES)

    def _compute_feedback_count(self):
        counts = dict(self.env["crm.feedback"]._read_group(
            [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
            ["commercial_partner_id"], ["__count"]))
        for partner in self:
            partner.feedback_count = counts.get(partner.commercial_partner_id, 0)

    # ------------------------------------------------------------------ actions

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("crm_feedback.crm_feedback_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_log_feedback(self):
        self.ensure_one()
        return self.env["crm.feedback.log"]._action_open(self)

    def action_send_feedback_survey(self):
        self.ensure_one()
        return self._action_send_feedback_survey()

    def _action_send_feedback_survey(self, lead=None):
        if not self:
            raise UserError(self.env._("Customer: choose the customer to ask first."))
        survey = self.env.ref("crm_feedback.survey_feedback_nps", raise_if_not_found=False)
        context = {"default_partner_ids": self.ids, "default_survey_id": survey.id if survey
                   else False, "feedback_lead_id": lead.id if lead else False}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask for Feedback"),
            "res_model": "survey.invite",
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    # ------------------------------------------------------------------ survey fatigue

    def _feedback_fatigued(self, now=None):
        """The partners not to ask again: asked within the rest days, or as often as allowed
        in the last year, counting feedback survey invitations and rating requests. Two
        grouped queries for the whole recordset."""
        params = self.env["ir.config_parameter"].sudo()
        rest_days = int(params.get_param("crm_feedback.fatigue_days", 30))
        max_year = int(params.get_param("crm_feedback.fatigue_max", 4))
        now = now or fields.Datetime.now()
        year_ago = fields.Datetime.subtract(now, days=365)
        rest_from = fields.Datetime.subtract(now, days=rest_days)
        asked = {}
        invitations = self.env["survey.user_input"].sudo()._read_group(
            [("partner_id", "in", self.ids), ("survey_id.feedback_score_type", "!=", False),
             ("test_entry", "=", False), ("create_date", ">=", year_ago)],
            ["partner_id"], ["__count", "create_date:max"])
        ratings = self.env["rating.rating"].sudo()._read_group(
            [("partner_id", "in", self.ids), ("create_date", ">=", year_ago),
             ("res_model", "in", ("crm.lead", "res.partner"))],
            ["partner_id"], ["__count", "create_date:max"])
        for partner, count, last in invitations + ratings:
            total, latest = asked.get(partner, (0, last))
            asked[partner] = (total + count, max(latest, last))
        fatigued = self.browse()
        for partner, (count, last) in asked.items():
            if count >= max_year or last > rest_from:
                fatigued |= partner
        return fatigued

    # ------------------------------------------------------------------ implicit feedback

    def action_sync_implicit_feedback(self):
        """On demand: derive the implicit feedback of the selected accounts now (the score
        cron does it before scoring), in batches."""
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._(
                "Implicit feedback: only sales administrators can derive it."))
        ids = sorted(set(self.commercial_partner_id.ids))
        for start in range(0, len(ids), SYNC_BATCH):
            self.env["crm.feedback.implicit"]._sync(ids[start:start + SYNC_BATCH])
        return {
            "type": "ir.actions.client", "tag": "display_notification",
            "params": {"type": "success", "message": self.env._(
                "Implicit feedback derived for %(count)s accounts.", count=len(ids))},
        }
