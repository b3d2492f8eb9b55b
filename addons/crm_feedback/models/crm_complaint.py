# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import uuid
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.service.model import retrying
from odoo.tools import SQL, format_date, format_datetime

from .crm_complaint_promise import SEVERITIES

CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("web_form", "Web Form"),
    ("portal", "Portal"),
    ("walk_in", "Walk-in"),
    ("letter", "Letter"),
]
STATES = [
    ("received", "Received"),
    ("acknowledged", "Acknowledged"),
    ("assessed", "Assessed"),
    ("investigating", "Investigating"),
    ("responded", "Responded"),
    ("escalated", "Escalated"),
    ("reopened", "Reopened"),
    ("closed", "Closed"),
]
# States in which the customer still waits for our response (the response promise runs).
AWAITING_RESPONSE = ("acknowledged", "assessed", "investigating", "reopened")
# Set by the workflow only (the buttons, the customer's answer on the portal, the satisfaction
# survey and the overdue check): refused to direct writes, over RPC too.
WORKFLOW_FIELDS = (
    "state", "customer_decision", "rejection_reason", "reopen_count", "date_acknowledged",
    "date_responded", "date_closed", "acknowledged_on_time", "responded_on_time",
    "hours_to_acknowledge", "hours_to_respond", "satisfaction_score", "satisfaction_input_id",
    "acknowledge_overdue_escalated", "response_overdue_escalated",
)
# Staff's side of a complaint: who handles it, how it is rated and solved internally. The
# customer (portal) reads the complaint without them.
INTERNAL = "base.group_user"
ESCALATION_OUTCOMES = [
    ("pending", "Pending"),
    ("upheld", "Complaint Upheld"),
    ("partly_upheld", "Partly Upheld"),
    ("rejected", "Complaint Rejected"),
    ("settled", "Settled"),
    ("withdrawn", "Withdrawn"),
]


class CrmComplaint(models.Model):
    """A customer complaint handled as ISO 10002 describes: received, acknowledged, assessed,
    investigated, answered and closed, within the service promises of ISO 10001, with the
    referral to an external dispute resolution body of ISO 10003."""

    _name = "crm.complaint"
    _description = "Customer Complaint"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char("Reference", required=True, readonly=True, copy=False, index=True,
                       default=lambda self: self.env._("New"))
    # Made with the complaint, not at its first portal link as portal.mixin does: the portal
    # pages are read-only routes (a replica may serve them) and must find it there.
    access_token = fields.Char(default=lambda self: str(uuid.uuid4()))
    subject = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", "Complainant", required=True, index=True,
                                 tracking=True, check_company=True)
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id",
                                            store=True, index=True)
    partner_email = fields.Char(related="partner_id.email")
    partner_phone = fields.Char(related="partner_id.phone")
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", index="btree_not_null",
                              check_company=True, groups=INTERNAL)
    product_id = fields.Many2one("product.product", index="btree_not_null",
                                 check_company=True)
    campaign_id = fields.Many2one("utm.campaign", index="btree_not_null", groups=INTERNAL)
    channel = fields.Selection(CHANNELS, "Received Through", required=True, default="phone",
                               tracking=True)
    description = fields.Text(required=True)
    remedy_requested = fields.Text("Remedy Asked For",
                                   help="What the customer asks us to do about it.")
    category_id = fields.Many2one("crm.complaint.category", index=True,
                                  tracking=True, check_company=True)
    severity = fields.Selection(SEVERITIES, default="medium", required=True, tracking=True,
                                groups=INTERNAL)
    user_id = fields.Many2one("res.users", "Responsible", index=True, tracking=True,
                              default=lambda self: self.env.user,
                              domain="[('share', '=', False)]", groups=INTERNAL)
    team_id = fields.Many2one("crm.team", "Sales Team", index=True, tracking=True,
                              check_company=True, compute="_compute_team_id", store=True,
                              readonly=False, groups=INTERNAL)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    state = fields.Selection(STATES, default="received", required=True, index=True,
                             tracking=True, copy=False, readonly=True)

    date_received = fields.Datetime("Received On", required=True, default=fields.Datetime.now,
                                    copy=False)
    date_acknowledged = fields.Datetime("Acknowledged On", readonly=True, copy=False)
    date_responded = fields.Datetime("Responded On", readonly=True, copy=False)
    date_closed = fields.Datetime("Closed On", readonly=True, copy=False)

    promise_id = fields.Many2one("crm.complaint.promise", "Service Promise",
                                 compute="_compute_deadlines", store=True)
    date_deadline_acknowledge = fields.Datetime(
        "Acknowledge By", compute="_compute_deadlines", store=True, index=True,
        help="The promise's working days counted on the company's working calendar from the "
             "day after receipt.")
    date_deadline_response = fields.Datetime("Respond By", compute="_compute_deadlines",
                                             store=True, index=True)
    acknowledged_on_time = fields.Boolean(readonly=True, copy=False, groups=INTERNAL)
    responded_on_time = fields.Boolean(readonly=True, copy=False, groups=INTERNAL)
    hours_to_acknowledge = fields.Float(readonly=True, copy=False, aggregator="avg",
                                        groups=INTERNAL)
    hours_to_respond = fields.Float(readonly=True, copy=False, aggregator="avg",
                                    groups=INTERNAL)
    # Set by the overdue check so that it escalates each lapse once (idempotent cron).
    acknowledge_overdue_escalated = fields.Boolean(readonly=True, copy=False, groups=INTERNAL)
    response_overdue_escalated = fields.Boolean(readonly=True, copy=False, groups=INTERNAL)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    response = fields.Text("Response to the Customer", tracking=True, copy=False)
    resolution = fields.Text(copy=False, groups=INTERNAL,
                             help="What was done to resolve the complaint.")
    root_cause_id = fields.Many2one("crm.complaint.root.cause", tracking=True,
                                    copy=False, check_company=True, groups=INTERNAL)
    customer_decision = fields.Selection(
        [("accepted", "Accepted"), ("rejected", "Rejected")], tracking=True, copy=False,
        readonly=True, help="The customer's answer to our response.")
    rejection_reason = fields.Text(readonly=True, copy=False)
    reopen_count = fields.Integer(readonly=True, copy=False)

    escalation_date = fields.Date("Referred On", copy=False, tracking=True)
    escalation_body = fields.Char("External Body", copy=False, tracking=True,
                                  help="The external dispute resolution body (ISO 10003), "
                                       "e.g. an ombudsman, a mediator or a guild council.")
    escalation_reference = fields.Char("Case Number at the Body", copy=False)
    escalation_outcome = fields.Selection(ESCALATION_OUTCOMES, "Outcome", copy=False,
                                          tracking=True)
    escalation_note = fields.Text("Outcome Details", copy=False, groups=INTERNAL)

    satisfaction_input_id = fields.Many2one("survey.user_input", "Satisfaction Survey",
                                            readonly=True, copy=False, index="btree_not_null",
                                            groups=INTERNAL)
    satisfaction_score = fields.Float(
        "Satisfaction With Handling", readonly=True, copy=False, aggregator="avg",
        help="The customer's CSAT answer about how the complaint was handled (1-5).")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)",
         "The complaint reference must be unique per company."),
    ]

    # ------------------------------------------------------------------ computes

    @api.depends("user_id", "lead_id")
    def _compute_team_id(self):
        for complaint in self:
            if complaint.team_id:
                continue
            complaint.team_id = complaint.lead_id.team_id or complaint.user_id.sale_team_id

    @api.depends("category_id", "severity", "company_id", "date_received")
    def _compute_deadlines(self):
        promises = self.env["crm.complaint.promise"].search(
            [("company_id", "in", [False, *self.company_id.ids])])
        # One calendar computation per (calendar, day, days) however many complaints share it.
        planned = {}
        for complaint in self:
            promise = promises._match(complaint.category_id, complaint.severity,
                                      complaint.company_id)
            complaint.promise_id = promise
            if not promise or not complaint.date_received:
                complaint.date_deadline_acknowledge = complaint.date_deadline_response = False
                continue
            calendar = complaint.company_id.resource_calendar_id
            for field, days in (("date_deadline_acknowledge", promise.acknowledge_days),
                                ("date_deadline_response", promise.respond_days)):
                # The deadline depends only on the day of receipt in the calendar's zone.
                key = (calendar.id, self._local_day(calendar, complaint.date_received), days)
                if key not in planned:
                    planned[key] = self._plan_working_days(calendar, complaint.date_received,
                                                           days)
                complaint[field] = planned[key]

    @api.model
    def _local_day(self, calendar, moment):
        tz = pytz.timezone(calendar.tz or "UTC") if calendar else pytz.utc
        return pytz.utc.localize(moment).astimezone(tz).date()

    @api.model
    def _plan_working_days(self, calendar, received, days):
        """End of the `days`-th working day after the day of `received` (UTC, naive).

        Counting starts the day after receipt, in the calendar's time zone, so that a complaint
        received late in the day is not due the same evening. Without a calendar, calendar days.
        """
        if not calendar:
            return datetime.combine(received.date() + timedelta(days=days), time.max)
        tz = pytz.timezone(calendar.tz or "UTC")
        local_day = self._local_day(calendar, received)
        next_day = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
        deadline = calendar.plan_days(days, next_day, compute_leaves=True)
        if not deadline:
            return datetime.combine(received.date() + timedelta(days=days), time.max)
        # plan_days gives the end of that day's first attendance (e.g. the morning before
        # lunch); the promise runs to the end of the working day.
        day = deadline.astimezone(tz).date()
        intervals = calendar._work_intervals_batch(
            tz.localize(datetime.combine(day, time.min)),
            tz.localize(datetime.combine(day, time.max)))[False]
        deadline = max([stop for _start, stop, _meta in intervals], default=deadline)
        return deadline.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("state", "date_deadline_acknowledge", "date_deadline_response")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for complaint in self:
            deadline = complaint._current_deadline()
            complaint.is_overdue = bool(deadline and deadline < now)

    def _current_deadline(self):
        if self.state == "received":
            return self.date_deadline_acknowledge
        if self.state in AWAITING_RESPONSE:
            return self.date_deadline_response
        return False

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Overdue: this filter only supports = True or = False."))
        now = fields.Datetime.now()
        domain = ["|",
                  "&", ("state", "=", "received"), ("date_deadline_acknowledge", "<", now),
                  "&", ("state", "in", AWAITING_RESPONSE), ("date_deadline_response", "<", now)]
        return domain if (operator == "=") == value else ["!", *domain]

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A new complaint starts at the beginning of the workflow: received, unmeasured.
            self._check_workflow_fields(
                {fname: value for fname, value in vals.items()
                 if value and not (fname == "state" and value == "received")})
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id)
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "crm.complaint") or self.env._("New")
        complaints = super().create(vals_list)
        complaints._sync_feedback()
        return complaints

    def write(self, vals):
        self._check_workflow_fields(vals)
        if "name" in vals and any(complaint.name != vals["name"] for complaint in self):
            raise UserError(self.env._("Reference: the reference of a complaint cannot be "
                                       "changed."))
        result = super().write(vals)
        if set(vals) & self._feedback_synced_fields():
            self._sync_feedback()
        return result

    def _check_workflow_fields(self, vals):
        """Refuse direct writes of the workflow's fields (WORKFLOW_FIELDS): only the
        workflow sets them, through `_workflow_write`. Code running as superuser is the
        workflow's own (the portal answer, the survey, the crons)."""
        if self.env.su:
            return
        forced = [fname for fname in WORKFLOW_FIELDS if fname in vals]
        if forced:
            raise AccessError(self.env._(
                "%(fields)s: set by the complaint's workflow (its buttons and the customer's "
                "answers), not written directly.",
                fields=", ".join(self._fields[fname]._description_string(self.env)
                                 for fname in forced)))

    def _workflow_write(self, vals):
        """Write workflow fields after checking that the user may write these complaints."""
        self.check_access("write")
        # sudo: direct writes of the workflow fields are refused (_check_workflow_fields);
        # the workflow writes them once the user's right to write was checked above. The
        # user stays the author of the tracked changes (sudo keeps the uid).
        return self.sudo().write(vals)

    def _feedback_synced_fields(self):
        """Fields copied onto the complaint's feedback record (see crm_complaint_feedback)."""
        return {"partner_id", "lead_id", "campaign_id", "user_id", "team_id", "subject",
                "description", "date_received", "company_id", "severity"}

    def _sync_feedback(self):
        """Each complaint is explicit feedback on the ledger; extended once crm.feedback exists."""
        return True

    # ------------------------------------------------------------------ lifecycle

    def _check_state(self, allowed, action):
        for complaint in self:
            if complaint.state not in allowed:
                raise UserError(self.env._(
                    "Status: complaint %(ref)s is %(state)s; it cannot be %(action)s now.",
                    ref=complaint.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        complaint.state],
                    action=action))

    def action_acknowledge(self):
        self._check_state(("received",), self.env._("acknowledged"))
        now = fields.Datetime.now()
        for complaint in self:
            deadline = complaint.date_deadline_acknowledge
            complaint._workflow_write({
                "state": "acknowledged",
                "date_acknowledged": now,
                "acknowledged_on_time": bool(not deadline or now <= deadline),
                "hours_to_acknowledge": (now - complaint.date_received).total_seconds() / 3600,
            })
        self._send_template("crm_feedback.mail_template_complaint_acknowledgement")
        return True

    def action_assess(self):
        self._check_state(("acknowledged",), self.env._("assessed"))
        for complaint in self:
            if not complaint.category_id:
                raise UserError(self.env._(
                    "Category: assess complaint %(ref)s by choosing its category first.",
                    ref=complaint.name))
        self._workflow_write({"state": "assessed"})
        return True

    def action_investigate(self):
        self._check_state(("assessed", "reopened"), self.env._("investigated"))
        for complaint in self:
            if not complaint.user_id:
                raise UserError(self.env._(
                    "Responsible: complaint %(ref)s needs a responsible person to investigate it.",
                    ref=complaint.name))
        self._workflow_write({"state": "investigating"})
        return True

    def action_respond(self):
        self._check_state(("investigating", "reopened"), self.env._("answered"))
        now = fields.Datetime.now()
        for complaint in self:
            if not (complaint.response or "").strip():
                raise UserError(self.env._(
                    "Response to the Customer: write the response to complaint %(ref)s "
                    "before marking it responded.", ref=complaint.name))
            vals = {"state": "responded", "date_responded": now, "customer_decision": False}
            if not complaint.date_responded:
                # The promise is measured on the first response; a reopened complaint keeps it.
                deadline = complaint.date_deadline_response
                vals.update(responded_on_time=bool(not deadline or now <= deadline),
                            hours_to_respond=(now - complaint.date_received).total_seconds()
                            / 3600)
            complaint._workflow_write(vals)
        self._send_template("crm_feedback.mail_template_complaint_response")
        return True

    def action_escalate(self):
        self._check_state(("acknowledged", "assessed", "investigating", "responded", "reopened"),
                          self.env._("escalated"))
        for complaint in self:
            if not complaint.escalation_body:
                raise UserError(self.env._(
                    "External Body: name the external dispute resolution body complaint "
                    "%(ref)s is referred to.", ref=complaint.name))
        self._workflow_write({"state": "escalated", "escalation_outcome": "pending"})
        for complaint in self.filtered(lambda c: not c.escalation_date):
            complaint.escalation_date = fields.Date.context_today(complaint)
        return True

    def action_close(self):
        self._check_state(("responded", "escalated"), self.env._("closed"))
        for complaint in self:
            if not (complaint.resolution or "").strip() or not complaint.root_cause_id:
                raise UserError(self.env._(
                    "Resolution and Root Cause: record both before closing complaint %(ref)s.",
                    ref=complaint.name))
            if complaint.state == "escalated" and complaint.escalation_outcome in (False,
                                                                                     "pending"):
                raise UserError(self.env._(
                    "Outcome: record the external body's outcome before closing complaint "
                    "%(ref)s.", ref=complaint.name))
        self._workflow_write({"state": "closed", "date_closed": fields.Datetime.now()})
        self._send_satisfaction_survey()
        return True

    def action_reopen(self):
        """Work the complaint again (ISO 10002 7.8), e.g. when the customer rejects the response."""
        self._check_state(("responded", "closed"), self.env._("reopened"))
        now = fields.Datetime.now()
        for complaint in self:
            vals = {
                "state": "reopened",
                "reopen_count": complaint.reopen_count + 1,
                "date_closed": False,
                "response_overdue_escalated": False,
            }
            if complaint.promise_id:
                # A new response is owed: the promise runs again from the reopening.
                vals["date_deadline_response"] = self._plan_working_days(
                    complaint.company_id.resource_calendar_id, now,
                    complaint.promise_id.respond_days)
            complaint._workflow_write(vals)
        return True

    def _customer_accept(self):
        """The customer accepts the response: the responsible is asked to close."""
        self._check_state(("responded",), self.env._("accepted"))
        self._workflow_write({"customer_decision": "accepted"})
        for complaint in self:
            complaint.message_post(body=self.env._("The customer accepted the response."))
            if complaint.user_id:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=complaint.user_id.id,
                    summary=self.env._("Close the complaint: the customer accepted the response"))

    def _customer_reject(self, reason):
        self._check_state(("responded",), self.env._("rejected"))
        if not (reason or "").strip():
            raise UserError(self.env._("Reason: tell us why the response does not resolve "
                                       "your complaint."))
        self._workflow_write({"customer_decision": "rejected",
                              "rejection_reason": reason.strip()})
        self.action_reopen()
        for complaint in self:
            complaint.message_post(body=self.env._(
                "The customer rejected the response: %(reason)s", reason=reason.strip()))
            if complaint.user_id:
                complaint.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=complaint.user_id.id,
                    summary=self.env._("The customer rejected the response"))

    # ------------------------------------------------------------------ mails

    def _send_template(self, xmlid):
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return
        for complaint in self.filtered("partner_id.email"):
            complaint.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light")

    def _format_date_for_partner(self, value, partner=None):
        """A date or datetime as the complaint's recipient (or `partner`) reads it: Odoo's
        formatting in the reader's language and time zone. Calendar bridges override it
        (crm_feedback_jalali: Jalali dates for Jalali readers)."""
        partner = partner or self.partner_id
        if not value:
            return ""
        tz = partner.tz or self.env.user.tz or "UTC"
        if isinstance(value, datetime):
            return format_datetime(self.env, value, tz=tz, dt_format="short",
                                   lang_code=partner.lang)
        return format_date(self.env, value, lang_code=partner.lang)

    def _portal_date(self, value, viewer, date_only=False):
        """A date of the complaint on its portal pages, as the person reading the page
        reads it: the `viewer` (the request's user: the portal pages read complaints as
        superuser), or the complainant for a visitor who came with the link."""
        self.ensure_one()
        reader = self.partner_id if viewer._is_public() else viewer.partner_id
        if value and date_only and isinstance(value, datetime):
            # The day in the reader's time zone.
            tz = pytz.timezone(reader.tz or viewer.tz or "UTC")
            value = pytz.utc.localize(value).astimezone(tz).date()
        return self._format_date_for_partner(value, reader)

    # ------------------------------------------------------------------ satisfaction

    def _send_satisfaction_survey(self):
        """On closing, ask the customer how the complaint was handled (one CSAT question)."""
        # sudo: the responsible may not be a survey officer; the answer is the customer's.
        survey = self.sudo().env.ref("crm_feedback.survey_complaint_satisfaction",
                                     raise_if_not_found=False)
        template = self.env.ref("crm_feedback.mail_template_complaint_satisfaction",
                                raise_if_not_found=False)
        if not survey or not survey.active:
            return
        for complaint in self.filtered(lambda c: c.partner_id.email
                                       and not c.satisfaction_input_id):
            answer = survey._create_answer(partner=complaint.partner_id,
                                           check_attempts=False, complaint_id=complaint.id)
            complaint._workflow_write({"satisfaction_input_id": answer.id})
            if template:
                complaint.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment",
                    email_layout_xmlid="mail.mail_notification_light")

    def _survey_url(self):
        self.ensure_one()
        answer = self.satisfaction_input_id.sudo()
        return answer.get_start_url() if answer else ""

    def _record_satisfaction(self, score):
        """Store the CSAT answer about the handling; the ledger part is added with crm.feedback."""
        self._workflow_write({"satisfaction_score": score})

    # ------------------------------------------------------------------ overdue check

    @api.model
    def _cron_escalate_overdue(self, batch_size=5000, max_batches=None):
        """Escalate complaints past their acknowledge or response deadline to the team leader.

        Idempotent: each lapse is flagged once. Per batch: one claim, one prefetch of the
        complaints and their teams, one batched activity create, one mail per leader and one
        flag update, whatever the number of complaints. Several workers may run it at once:
        each claims its batch with row locks (SKIP LOCKED). Commits per batch so that a
        crash resumes where it stopped, and reports its progress to ir.cron.
        """
        commit = not self.env.context.get("complaint_cron_no_commit")
        batches = done = 0
        # Counted once: the progress is what is left of it (a count per batch scans as much
        # as the claim does).
        todo = self.search_count(self._overdue_domain())

        def next_batch():
            complaints = self._overdue_to_escalate(batch_size)
            complaints._escalate_overdue()
            return len(complaints)

        while max_batches is None or batches < max_batches:
            # Another worker may commit what this transaction's snapshot predates: the
            # batch again in a new transaction, as Odoo retries a request.
            count = retrying(next_batch, self.env) if commit else next_batch()
            if not count:
                break
            batches += 1
            done += count
            self.env["ir.cron"]._notify_progress(done=done, remaining=max(todo - done, 0))
            if commit:
                # Commit per batch: a crash resumes after the last escalated batch.
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return batches

    @api.model
    def _overdue_domain(self):
        now = fields.Datetime.now()
        return [
            "|",
            "&", "&", ("state", "=", "received"), ("date_deadline_acknowledge", "<", now),
            ("acknowledge_overdue_escalated", "=", False),
            "&", "&", ("state", "in", AWAITING_RESPONSE), ("date_deadline_response", "<", now),
            ("response_overdue_escalated", "=", False),
        ]

    @api.model
    def _overdue_to_escalate(self, limit):
        """The next overdue complaints, locked until the batch is committed; those another
        worker holds are skipped (it escalates them)."""
        # The claim is raw SQL, which reads the complaints as stored.
        self.flush_model()
        query = self._search(self._overdue_domain(), limit=limit, order="id")
        self.env.cr.execute(SQL("%s FOR NO KEY UPDATE OF %s SKIP LOCKED", query.select(),
                                SQL.identifier(self._table)))
        return self.browse(row[0] for row in self.env.cr.fetchall())

    def _escalation_recipient(self):
        return self.team_id.user_id or self.user_id

    def _escalate_overdue(self):
        activity_type = self.env.ref("crm_feedback.mail_activity_type_complaint_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        ack_lapsed = self.filtered(lambda c: c.state == "received")
        activities, by_leader = [], {}
        for complaint in self:
            leader = complaint._escalation_recipient()
            if not leader:
                continue
            lapse = (self.env._("acknowledgement") if complaint in ack_lapsed
                     else self.env._("response"))
            activities.append({
                "res_model_id": model_id, "res_id": complaint.id, "user_id": leader.id,
                "activity_type_id": activity_type.id, "date_deadline": today,
                "summary": self.env._("Overdue %(lapse)s: %(ref)s", lapse=lapse,
                                      ref=complaint.name),
                "automated": True,
                # Stored computed values given at insert: otherwise the ORM writes them
                # back with an UPDATE per 100 activities.
                "res_name": complaint.display_name, "user_tz": leader.tz, "date_done": False,
            })
            by_leader.setdefault(leader, []).append((complaint, lapse))
        if activities:
            # sudo: the cron assigns the escalation to each team leader, whatever its rights;
            # quick update: the digest mail below replaces the mail per activity.
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True).create(activities)
        mails = []
        for leader, lapses in by_leader.items():
            if not leader.email:
                continue
            rows = Markup("").join(
                Markup("<li>%s: %s (%s)</li>") % (complaint.name, complaint.subject, lapse)
                for complaint, lapse in lapses)
            mails.append({
                "subject": self.env._("%(count)s complaints are overdue", count=len(lapses)),
                "body_html": Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("These complaints passed their service promise:"), rows),
                "email_to": leader.email_formatted,
                "email_from": (self.env.company.email_formatted
                               or self.env.user.email_formatted),
                "auto_delete": True,
            })
        if mails:
            self.env["mail.mail"].sudo().create(mails)
        # The flags are bookkeeping of this check: one statement for the batch rather than
        # the ORM's one UPDATE per 100 rows.
        self.flush_recordset(["acknowledge_overdue_escalated", "response_overdue_escalated"])
        self.env.cr.execute(SQL("""
            UPDATE crm_complaint
            SET acknowledge_overdue_escalated = acknowledge_overdue_escalated
                                                OR id = ANY(%(ack)s),
                response_overdue_escalated = response_overdue_escalated
                                             OR NOT (id = ANY(%(ack)s))
            WHERE id = ANY(%(all)s)
        """, ack=ack_lapsed.ids, all=self.ids))
        self.invalidate_recordset(["acknowledge_overdue_escalated",
                                   "response_overdue_escalated"])
