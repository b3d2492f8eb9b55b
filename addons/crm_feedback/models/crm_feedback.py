# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..tools import scores, sentiment

KINDS = [("explicit", "Explicit"), ("implicit", "Implicit")]
CHANNELS = [
    ("survey", "Survey"),
    ("rating", "Rating"),
    ("phone", "Phone Call"),
    ("email", "Email"),
    ("meeting", "Meeting"),
    ("walk_in", "Walk-in"),
    ("website", "Website"),
    ("activity", "Completed Activity"),
    ("sale", "Sale"),
    ("return", "Product Return"),
    ("response", "Response Time"),
    ("lost_reason", "Lost Reason"),
    ("complaint", "Complaint"),
    ("other", "Other"),
]
SCORE_TYPES = [
    ("nps", "NPS (0-10)"),
    ("csat", "CSAT (1-5)"),
    ("ces", "CES (1-7)"),
    ("rating", "Rating (1-5)"),
]
SENTIMENTS = [("positive", "Positive"), ("neutral", "Neutral"), ("negative", "Negative")]
FOLLOWUP_STATES = [("none", "Not Needed"), ("pending", "To Follow Up"),
                   ("done", "Followed Up"), ("late", "Followed Up Late")]
# Kept by the ledger itself (derivation and follow-up): refused to direct writes, over RPC
# too. Code running as superuser (the derivations, the crons) writes them.
BOOKKEEPING_FIELDS = ("source_key", "followup_state", "followup_date", "followup_escalated")
# The source keys the ledger derives: "<kind>:<record id>", or "survey:<survey id>:<token>".
# Ids fit PostgreSQL's int (nine digits at most), so that SQL can cast them safely.
SOURCE_KEY_RE = re.compile(
    r"(?:complaint|rating|lost|activity|refund|response):[1-9][0-9]{0,8}"
    r"|survey:[1-9][0-9]{0,8}:[A-Za-z0-9_-]{1,64}")


class CrmFeedback(models.Model):
    """One piece of feedback about a customer (ISO 10004): explicit (surveys, ratings, staff
    notes, complaints) or implicit (derived from behaviour). The ledger every satisfaction
    measure is computed from."""

    _name = "crm.feedback"
    _description = "Customer Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one("res.partner", "Customer", required=True, index=True,
                                 ondelete="cascade", check_company=True)
    commercial_partner_id = fields.Many2one(
        "res.partner", "Account", compute="_compute_commercial_partner_id", store=True,
        index=True, help="The company of the customer, so that feedback groups by account.")
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", index="btree_not_null",
                              ondelete="set null", check_company=True)
    campaign_id = fields.Many2one("utm.campaign", index="btree_not_null", ondelete="set null")
    user_id = fields.Many2one("res.users", "Salesperson", index=True,
                              domain="[('share', '=', False)]")
    team_id = fields.Many2one("crm.team", "Sales Team", index="btree_not_null",
                              check_company=True)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    kind = fields.Selection(KINDS, required=True, default="explicit", index=True)
    channel = fields.Selection(CHANNELS, required=True, default="phone", index=True)
    score_type = fields.Selection(SCORE_TYPES, "Scale", index=True,
                                  help="Empty for free-text feedback without a score.")
    value = fields.Integer(help="The answer on its scale: NPS 0-10, CSAT 1-5, CES 1-7, "
                                "rating 1-5.", aggregator="avg")
    score = fields.Float(compute="_compute_score", store=True, aggregator="avg",
                         help="The value normalized to 0-100 (CES reversed: low effort is good).")
    nps_category = fields.Selection(
        [("promoter", "Promoter"), ("passive", "Passive"), ("detractor", "Detractor")],
        "NPS Category", compute="_compute_score", store=True)
    comment = fields.Text()
    amount = fields.Float(
        readonly=True, copy=False,
        help="Amount behind implicit feedback, in the company currency: the untaxed total "
             "of the credit note of a product return.")
    sentiment = fields.Float(compute="_compute_sentiment", store=True, aggregator="avg",
                             help="Tone of the comment, from -1 (negative) to 1 (positive).")
    sentiment_label = fields.Selection(SENTIMENTS, compute="_compute_sentiment", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    complaint_id = fields.Many2one("crm.complaint", index="btree_not_null", ondelete="cascade")
    survey_input_id = fields.Many2one("survey.user_input", "Survey Answer",
                                      index="btree_not_null", ondelete="set null")
    rating_id = fields.Many2one("rating.rating", index="btree_not_null", ondelete="set null")
    source_key = fields.Char(
        readonly=True, copy=False,
        help="Identifies the record this feedback was derived from, so that deriving it again "
             "updates it instead of adding a copy.")
    followup_state = fields.Selection(FOLLOWUP_STATES, "Follow-up", default="none",
                                      required=True, index=True, copy=False, readonly=True)
    followup_deadline = fields.Date(copy=False)
    followup_date = fields.Date("Followed Up On", copy=False)
    # Set by the overdue check so that each lapsed follow-up is escalated once.
    followup_escalated = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        ("source_key_uniq", "unique(source_key)",
         "This source already has its feedback record."),
    ]

    def init(self):
        # The score cron aggregates the feedback of a batch of accounts (consecutive ids):
        # this index holds every column it reads, in account order, so that each batch
        # reads its own slice of the index instead of the table's pages scattered by date.
        # Measured on 1,000,000 feedback: 30 ms a batch of 5,000 accounts against 1.8 s.
        self.env.cr.execute(SQL(
            "CREATE INDEX IF NOT EXISTS crm_feedback_account_scores_index ON crm_feedback"
            " (commercial_partner_id) INCLUDE (score_type, score, value, date, sentiment,"
            " sentiment_label, channel, amount)"))

    @api.depends("partner_id.commercial_partner_id")
    def _compute_commercial_partner_id(self):
        for feedback in self:
            feedback.commercial_partner_id = feedback.partner_id.commercial_partner_id

    @api.depends("score_type", "value")
    def _compute_score(self):
        for feedback in self:
            valid = feedback.score_type and not scores.check_value(feedback.score_type,
                                                                   feedback.value)
            feedback.score = scores.normalize(feedback.score_type, feedback.value) if valid \
                else 0.0
            feedback.nps_category = (scores.nps_category(feedback.value)
                                     if valid and feedback.score_type == "nps" else False)

    @api.depends("comment")
    def _compute_sentiment(self):
        analyser = self._sentiment_analyser()
        for feedback in self:
            feedback.sentiment, feedback.sentiment_label = analyser(feedback.comment or "")

    @api.model
    def _sentiment_analyser(self):
        """The function text -> (score -1..1, label); override to plug in another analyser."""
        return sentiment.analyse

    @api.constrains("score_type", "value")
    def _check_value(self):
        messages = {
            "out_of_range": self.env._("Value: %(value)s is outside the %(scale)s scale "
                                       "(%(low)s to %(high)s)."),
            "not_whole": self.env._("Value: %(value)s must be a whole number."),
        }
        for feedback in self.filtered("score_type"):
            reason = scores.check_value(feedback.score_type, feedback.value)
            if reason:
                low, high = scores.SCALES[feedback.score_type]
                raise ValidationError(messages.get(reason, messages["out_of_range"]) % {
                    "value": feedback.value, "low": low, "high": high,
                    "scale": dict(SCORE_TYPES)[feedback.score_type]})

    @api.constrains("source_key")
    def _check_source_key(self):
        for feedback in self.filtered("source_key"):
            if not self._source_key_re().fullmatch(feedback.source_key):
                raise ValidationError(self.env._(
                    "%(field)s: %(key)s is not the key of a source of feedback (such as "
                    "refund:<credit note id> or complaint:<complaint id>).",
                    field=self._fields["source_key"]._description_string(self.env),
                    key=feedback.source_key))

    @api.model
    def _source_key_re(self):
        """The compiled pattern of valid source keys; extend it for a new derivation."""
        return SOURCE_KEY_RE

    def _check_bookkeeping_fields(self, vals):
        """Refuse direct writes of the ledger's bookkeeping (BOOKKEEPING_FIELDS)."""
        if self.env.su:
            return
        forced = [fname for fname in BOOKKEEPING_FIELDS if fname in vals]
        if forced:
            raise AccessError(self.env._(
                "%(fields)s: kept by the feedback ledger (derived records and follow-ups), "
                "not written directly.",
                fields=", ".join(self._fields[fname]._description_string(self.env)
                                 for fname in forced)))

    def write(self, vals):
        self._check_bookkeeping_fields(vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # New feedback starts without a source and without a follow-up.
            self._check_bookkeeping_fields(
                {fname: value for fname, value in vals.items()
                 if value and not (fname == "followup_state" and value == "none")})
            if not vals.get("partner_id"):
                raise ValidationError(self.env._(
                    "Customer: feedback must name the customer it is about."))
            # The value of a scale has no meaning without a scale; empty means free text.
            if not vals.get("score_type"):
                vals["value"] = 0
        self._default_owner(vals_list)
        records = super().create(vals_list)
        records._close_loop()
        return records

    @api.model
    def _default_owner(self, vals_list):
        """Salesperson and team default to the lead's, else the account's (read in batch)."""
        leads = self.env["crm.lead"].browse(
            {vals["lead_id"] for vals in vals_list if vals.get("lead_id")})
        partners = self.env["res.partner"].browse({vals["partner_id"] for vals in vals_list})
        leads.mapped("user_id.sale_team_id")
        partners.mapped("commercial_partner_id.user_id.sale_team_id")
        for vals in vals_list:
            lead = leads.browse(vals.get("lead_id") or [])
            if not vals.get("user_id"):
                partner = partners.browse(vals["partner_id"])
                vals["user_id"] = (lead.user_id or partner.commercial_partner_id.user_id).id
            if not vals.get("team_id"):
                user = self.env["res.users"].browse(vals["user_id"] or [])
                vals["team_id"] = (lead.team_id or user.sale_team_id).id

    # ------------------------------------------------------------------ derived feedback

    @api.model
    def _upsert(self, vals_list):
        """Create or update feedback by `source_key`: a source derived twice is one record."""
        keys = [vals["source_key"] for vals in vals_list]
        existing = {feedback.source_key: feedback for feedback in self.search(
            [("source_key", "in", keys)])}
        to_create = []
        records = self.browse()
        for vals in vals_list:
            feedback = existing.get(vals["source_key"])
            if feedback:
                feedback.write(vals)
                records |= feedback
            else:
                to_create.append(vals)
        return records | self.create(to_create)

    # ------------------------------------------------------------------ closing the loop

    def _needs_followup(self):
        self.ensure_one()
        return bool(
            self.nps_category == "detractor"
            or (self.score_type in ("csat", "rating") and self.value and self.value <= 2)
            or (self.score_type == "ces" and self.value >= 6)
            or self.sentiment_label == "negative")

    def _close_loop(self):
        """A detractor, a low CSAT/rating, a hard effort or a negative comment asks the
        account's salesperson to call the customer back within the configured days."""
        if self.env.context.get("feedback_no_followup"):
            return
        todo = self.filtered(lambda f: f.kind == "explicit" and f.followup_state == "none"
                             and f.channel != "complaint" and f._needs_followup())
        if not todo:
            return
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "crm_feedback.followup_days", 2))
        deadline = fields.Date.add(fields.Date.context_today(self), days=days)
        activity_type = self.env.ref("crm_feedback.mail_activity_type_feedback_followup")
        model_id = self.env["ir.model"]._get_id(self._name)
        activities = []
        for feedback in todo:
            user = feedback.user_id or feedback.commercial_partner_id.user_id or self.env.user
            activities.append({
                "res_model_id": model_id, "res_id": feedback.id,
                "activity_type_id": activity_type.id, "user_id": user.id,
                "date_deadline": deadline, "automated": True,
                "summary": self.env._("Call back %(customer)s about their feedback",
                                      customer=feedback.partner_id.display_name),
            })
        # sudo: the customer's own answer (survey, rating) creates the follow-up for staff.
        self.env["mail.activity"].sudo().create(activities)
        # sudo: the follow-up state is the ledger's bookkeeping (_check_bookkeeping_fields).
        todo.sudo().write({"followup_state": "pending", "followup_deadline": deadline})

    def _mark_followed_up(self):
        today = fields.Date.context_today(self)
        pending = self.filtered(lambda f: f.followup_state == "pending")
        late = pending.filtered(lambda f: f.followup_deadline and today > f.followup_deadline)
        late.write({"followup_state": "late", "followup_date": today})
        (pending - late).write({"followup_state": "done", "followup_date": today})

    @api.model
    def _cron_escalate_followups(self, batch_size=5000):
        """Follow-ups past their deadline go to the team leader, once each (idempotent).

        One search, one batched activity create and one flag update per batch.
        """
        overdue = self.search([("followup_state", "=", "pending"),
                               ("followup_deadline", "<", fields.Date.context_today(self)),
                               ("followup_escalated", "=", False)], limit=batch_size)
        activity_type = self.env.ref("crm_feedback.mail_activity_type_feedback_followup")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        activities = [{
            "res_model_id": model_id, "res_id": feedback.id,
            "activity_type_id": activity_type.id, "user_id": feedback.team_id.user_id.id,
            "date_deadline": today, "automated": True,
            "summary": self.env._("Overdue follow-up: %(customer)s",
                                  customer=feedback.partner_id.display_name),
        } for feedback in overdue if feedback.team_id.user_id]
        self.env["mail.activity"].sudo().create(activities)
        overdue.write({"followup_escalated": True})
        return len(overdue)

    # ------------------------------------------------------------------ measures

    @api.model
    @api.readonly
    def get_metrics(self, domain=None, date_from=False, date_to=False, team_id=False,
                    partner_ids=None):
        """Satisfaction measures over the feedback matching `domain`, searched with the
        caller's rights.

        Two grouped queries whatever the size of the domain: the feedback grouped by scale,
        value and follow-up state, and the feedback survey invitations grouped by state.
        The invitations are read as superuser (salespeople cannot read survey answers), so
        their filter is built here from typed arguments only, never from a caller's domain:
        sent from `date_from` and before `date_to`, for the accounts of sales team
        `team_id` or for the customers `partner_ids`, and, for a salesperson who sees only
        their own customers' feedback, of their own customers only. Returns the NPS with its
        95% margin, CSAT %, mean CES, mean rating and sentiment, the counts behind each, the
        response rate and the loop-closure rate; a measure without data is False (every
        RPC protocol carries it, XML-RPC cannot carry None).
        """
        domain = list(domain or [])
        groups = self._read_group(domain, ["score_type", "value", "followup_state"],
                                  ["__count", "sentiment:sum"])
        answers = scores.count_answers(
            (score_type, value, count) for score_type, value, _state, count, _sum in groups)
        counts = {"ces": [0, 0], "rating": [0, 0]}
        total = sentiment_sum = 0
        followups = {"none": 0, "pending": 0, "done": 0, "late": 0}
        for score_type, value, followup_state, count, sentiment_total in groups:
            total += count
            sentiment_sum += sentiment_total or 0.0
            followups[followup_state] += count
            if score_type in counts:
                counts[score_type][0] += value * count
                counts[score_type][1] += count
        invitation_domain = self._invitation_domain(date_from, date_to, team_id, partner_ids)
        # sudo: salespeople have no access to survey answers; the domain is the server's own
        # (typed arguments and the caller's customers), so nothing else can be probed.
        invitations = self.env["survey.user_input"].sudo()._read_group(
            invitation_domain, ["state"], ["__count"])
        invited = sum(count for _state, count in invitations)
        answered = sum(count for state, count in invitations if state == "done")
        promoters, passives, detractors = (
            answers["promoter"], answers["passive"], answers["detractor"])
        needing = followups["pending"] + followups["done"] + followups["late"]
        return self._rpc_values({
            "count": total,
            "nps": scores.nps_of(answers),
            "nps_margin": scores.nps_margin(promoters, passives, detractors),
            "nps_count": promoters + passives + detractors,
            "promoters": promoters,
            "passives": passives,
            "detractors": detractors,
            "csat": scores.csat_of(answers),
            "csat_count": answers["csat"],
            "csat_satisfied": answers["satisfied"],
            "ces": scores.mean(*counts["ces"]),
            "ces_count": counts["ces"][1],
            "rating": scores.mean(*counts["rating"]),
            "rating_count": counts["rating"][1],
            "sentiment": scores.mean(sentiment_sum, total),
            "invited": invited,
            "answered": answered,
            "response_rate": scores.rate(answered, invited),
            "followup_needed": needing,
            "followup_on_time": followups["done"],
            "loop_closure_rate": scores.rate(followups["done"], needing),
        })

    @api.model
    def _rpc_values(self, values):
        """`values` with None (a measure without data) as False: XML-RPC cannot send None."""
        return {key: False if value is None else value for key, value in values.items()}

    @api.model
    def _invitation_domain(self, date_from=False, date_to=False, team_id=False,
                           partner_ids=None):
        """The feedback survey invitations the caller may count, from typed arguments.

        Raises a ValidationError naming the argument when one is not a date, a team or a
        list of customers."""
        domain = [("survey_id.feedback_score_type", "!=", False), ("test_entry", "=", False)]
        for operator, value, label in ((">=", date_from, self.env._("From")),
                                       ("<", date_to, self.env._("To"))):
            if not value:
                continue
            try:
                moment = fields.Datetime.to_datetime(value)
            except (TypeError, ValueError) as error:
                raise ValidationError(self.env._(
                    "%(argument)s: %(value)s is not a date.", argument=label,
                    value=value)) from error
            domain.append(("create_date", operator, moment))
        if team_id:
            team = self._rpc_id(team_id, self.env._("Sales Team"))
            # An invitation's team: its opportunity's, else its account salesperson's.
            domain += ["|", ("lead_id.team_id", "=", team),
                       "&", ("lead_id", "=", False),
                       ("partner_id.commercial_partner_id.user_id.crm_team_member_ids"
                        ".crm_team_id", "=", team)]
        if partner_ids is not None:
            if not isinstance(partner_ids, (list, tuple)):
                raise ValidationError(self.env._(
                    "Customers: %(value)s is not a list of customers.", value=partner_ids))
            domain.append(("partner_id", "in", [
                self._rpc_id(partner_id, self.env._("Customers")) for partner_id in partner_ids]))
        domain.append(("partner_id.company_id", "in", [False, *self.env.companies.ids]))
        if not self.env.su and not self.env.user.has_group(
                "sales_team.group_sale_salesman_all_leads"):
            # Like the feedback rule: own opportunities and own customers only.
            domain += ["|", ("lead_id.user_id", "=", self.env.uid),
                       ("partner_id.commercial_partner_id.user_id", "=", self.env.uid)]
        return domain

    @api.model
    def _rpc_id(self, value, label):
        """`value` as a record id, or a ValidationError naming the argument."""
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            value = None
        try:
            return int(value)
        except (TypeError, ValueError) as error:
            raise ValidationError(self.env._(
                "%(argument)s: %(value)s is not a record id.", argument=label,
                value=value)) from error

    # ------------------------------------------------------------------ dashboard

    @api.model
    @api.readonly
    def get_dashboard_data(self, period_days=90, team_id=False, worst_limit=10):
        """Everything the Feedback dashboard shows, in a few grouped queries: the measures of
        `get_metrics` over the last `period_days` days (0: all time) for a sales team (or
        all), the NPS and CSAT of each month, the accounts at high churn risk with the
        lowest score, the teams to choose from, and the domain of each figure so that the
        dashboard opens the matching list."""
        try:
            period_days = int(period_days or 0)
        except (TypeError, ValueError) as error:
            raise ValidationError(self.env._(
                "Period: %(value)s is not a number of days.", value=period_days)) from error
        if period_days < 0:
            raise ValidationError(self.env._("Period: the number of days cannot be negative."))
        domain, since = [], False
        if period_days:
            since = fields.Datetime.subtract(fields.Datetime.now(), days=period_days)
            domain.append(("date", ">=", since))
        if team_id:
            team_id = self._rpc_id(team_id, self.env._("Sales Team"))
            domain.append(("team_id", "=", team_id))
        metrics = self.get_metrics(domain, date_from=since, team_id=team_id)
        # Odoo's public read_group, as the web client's graphs use it: months in the
        # reader's calendar (Jalali months for a Jalali reader when Parand CRM is
        # installed) and time zone, titled as the web client titles them.
        months = {}
        for group in self.read_group(
                [*domain, ("score_type", "in", ("nps", "csat"))], ["__count"],
                ["date:month", "score_type", "value"], lazy=False):
            bounds = group["__range"]["date:month"]
            month = months.setdefault(bounds["from"], {
                "label": group["date:month"], "to": bounds["to"], "answers": None})
            month["answers"] = scores.count_answers(
                [(group["score_type"], group["value"], group["__count"])], month["answers"])
        by_month = [self._rpc_values({
            "month": start,
            "date_from": start,
            "date_to": month["to"],
            "label": month["label"],
            "nps": scores.nps_of(month["answers"]),
            "nps_count": sum(month["answers"][category]
                             for category in ("promoter", "passive", "detractor")),
            "csat": scores.csat_of(month["answers"]),
            "csat_count": month["answers"]["csat"],
        }) for start, month in sorted(months.items())]
        account_domain = [("churn_risk", "=", "high"), ("is_company", "=", True)]
        if team_id:
            # Accounts have no team: theirs is their salesperson's.
            account_domain.append(("user_id.crm_team_member_ids.crm_team_id", "=", team_id))
        worst = self.env["res.partner"].search_fetch(
            account_domain, ["display_name", "satisfaction_score", "satisfaction_known",
                             "churn_reason"],
            order="satisfaction_score asc, id", limit=worst_limit)
        reasons = dict(self.env["res.partner"]._fields["churn_reason"]._description_selection(
            self.env))
        teams = self.env["crm.team"].search_fetch([], ["name"])
        return {
            "metrics": metrics,
            "by_month": by_month,
            "worst_accounts": [{
                "id": partner.id, "name": partner.display_name,
                "score": partner.satisfaction_known and partner.satisfaction_score,
                "reason": reasons.get(partner.churn_reason, ""),
            } for partner in worst],
            "worst_domain": account_domain,
            "teams": [{"id": team.id, "name": team.name} for team in teams],
            "domain": domain,
        }

