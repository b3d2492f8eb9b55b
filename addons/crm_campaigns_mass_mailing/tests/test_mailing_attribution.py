from datetime import datetime

from odoo.addons.crm_campaigns.tests.common import CampaignsCommon
from odoo.addons.crm_campaigns.tools.attribution import weights
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestMailingContactsAndAttribution(CampaignsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Campaign = cls.env["utm.campaign"]
        cls.fair, cls.mailing_campaign, cls.calls, cls.late = Campaign.create([
            {"title": "Tehran fair"}, {"title": "Newsletter"}, {"title": "Calls"},
            {"title": "Too late"}])
        cls.customer = cls.env["res.partner"].create({"name": "Pakhsh Sepahan"})
        cls.other = cls.env["res.partner"].create({"name": "Zagros"})
        cls.Touch = cls.env["crm.campaign.touch"]
        cls.Report = cls.env["crm.campaign.attribution.report"]

    def _mailing(self, campaign, traces):
        """A real mailing of the campaign and its traces: (model, res_id, status, date)."""
        mailing = self.env["mailing.mailing"].create({
            "subject": "Nowruz offers", "body_html": "<p>Offers</p>",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "campaign_id": campaign.id})
        self.env["mailing.trace"].create([
            {"mass_mailing_id": mailing.id, "model": model, "res_id": res_id,
             "trace_status": status, "sent_datetime": date, "email": "x@example.com"}
            for model, res_id, status, date in traces])
        return mailing

    def test_mailing_counts_as_contact(self):
        campaign = self.mailing_campaign
        campaign._add_members(self.customer | self.other)
        lead = self.env["crm.lead"].create({"name": "Lead member"})
        campaign._add_members(lead)
        self._mailing(campaign, [
            ("res.partner", self.customer.id, "sent", datetime(2026, 3, 1, 9)),
            ("res.partner", self.customer.id, "open", datetime(2026, 3, 5, 9)),
            ("res.partner", self.other.id, "bounce", datetime(2026, 3, 1, 9)),
            ("crm.lead", lead.id, "reply", datetime(2026, 3, 2, 9))])
        # A mailing of another campaign does not count for this one.
        self._mailing(self.fair, [("res.partner", self.other.id, "sent",
                                   datetime(2026, 3, 1, 9))])
        campaign.action_sync_mailing_contacts()
        by_target = {m.partner_id or m.lead_id: m for m in campaign.member_ids}
        contacted = self.env.ref("crm_campaigns.member_status_contacted")
        targeted = self.env.ref("crm_campaigns.member_status_targeted")
        self.assertEqual(by_target[self.customer].status_id, contacted)
        self.assertEqual(by_target[self.customer].last_contact_date, datetime(2026, 3, 5, 9))
        self.assertEqual(by_target[lead].status_id, contacted)
        self.assertEqual(by_target[self.other].status_id, targeted)
        self.assertFalse(by_target[self.other].last_contact_date)
        # The cron does the same for every campaign; running it again changes nothing.
        self.env["utm.campaign"]._cron_sync_mailing_contacts()
        self.assertEqual(by_target[self.customer].last_contact_date, datetime(2026, 3, 5, 9))

    def _four_touches(self):
        """A won deal of 1000 touched four times: came from the fair (1 Jan), a newsletter
        (1 Feb), a call done (1 Mar), the fair again through a response (1 Apr); won on
        1 May. A touch after the win (a mailing on 1 Jun) does not count."""
        lead = self.env["crm.lead"].create({
            "name": "Big deal", "type": "opportunity", "partner_id": self.customer.id,
            "campaign_id": self.fair.id, "expected_revenue": 1000.0,
            "stage_id": self.stage_won.id})
        self.env.flush_all()
        self.env.cr.execute("UPDATE crm_lead SET create_date = '2026-01-01 08:00', "
                            "date_closed = '2026-05-01 08:00' WHERE id = %s", [lead.id])
        self._mailing(self.mailing_campaign, [
            ("res.partner", self.customer.id, "sent", datetime(2026, 2, 1, 8))])
        self._mailing(self.late, [("crm.lead", lead.id, "sent", datetime(2026, 6, 1, 8))])
        activity = self.env["crm.campaign.activity"].create({
            "campaign_id": self.calls.id, "lead_id": lead.id, "cost": 10.0,
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id})
        activity.action_mark_done()
        activity.date_done = "2026-03-01"
        self.fair._add_members(self.customer)
        member = self.fair.member_ids
        member.status_id = self.env.ref("crm_campaigns.member_status_responded")
        member.first_response_date = "2026-04-01 08:00"
        self.env.invalidate_all()
        return lead

    def test_touches_are_recorded_once_and_follow_their_sources(self):
        lead = self._four_touches()
        self.Touch._refresh_all()
        self.Touch._refresh_all()
        touches = self.Touch.search([("lead_id", "=", lead.id)])
        self.assertEqual(
            [(t.touch_type, t.campaign_id) for t in touches],
            [("lead_source", self.fair), ("mailing", self.mailing_campaign),
             ("activity", self.calls), ("member_response", self.fair),
             ("mailing", self.late)])
        # A source gone, its touch goes.
        self.calls.activity_ids.unlink()
        self.Touch._refresh_all(batch_size=1)
        self.assertEqual(len(self.Touch.search([("lead_id", "=", lead.id)])), 4)

    def test_attribution_of_four_touches_by_each_model(self):
        lead = self._four_touches()
        self.Touch._refresh_all()
        self.env.flush_all()
        rows = self.Report.search([("lead_id", "=", lead.id)])
        got = {(r.attribution_model, r.campaign_id): r.attributed_revenue for r in rows}
        # Touch order: fair, newsletter, calls, fair.
        campaigns = [self.fair, self.mailing_campaign, self.calls, self.fair]
        for model in ("first_touch", "last_touch", "linear", "u_shaped"):
            want = {}
            for campaign, weight in zip(campaigns, weights(model, 4), strict=True):
                want[campaign] = want.get(campaign, 0) + 1000 * weight
            for campaign, amount in want.items():
                self.assertAlmostEqual(got[model, campaign], amount, msg=(model, campaign))
            self.assertAlmostEqual(sum(got[model, c] for c in want), 1000)
        self.assertAlmostEqual(got["u_shaped", self.fair], 800)
        self.assertAlmostEqual(got["u_shaped", self.calls], 100)
        self.assertAlmostEqual(got["linear", self.fair], 500)
        self.assertAlmostEqual(got["first_touch", self.fair], 1000)
        self.assertAlmostEqual(got["last_touch", self.fair], 1000)
        self.assertNotIn(self.late, rows.campaign_id)
        # The campaign shows the revenue of the model chosen in the settings.
        self.assertEqual(self.calls.attribution_model, "u_shaped")
        self.assertAlmostEqual(self.calls.attributed_revenue, 100)
        self.env["res.config.settings"].create(
            {"crm_campaign_attribution_model": "linear"}).execute()
        self.calls.invalidate_recordset()
        self.assertEqual(self.calls.attribution_model, "linear")
        self.assertAlmostEqual(self.calls.attributed_revenue, 250)
        configured = self.Report.search([("lead_id", "=", lead.id),
                                         ("is_configured_model", "=", True)])
        self.assertEqual(set(configured.mapped("attribution_model")), {"linear"})
