from datetime import date, datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCampaignFeedback(TransactionCase):
    """NPS and CSAT of a campaign from its feedback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.account = Partner.create({"name": "Kavir Trading", "is_company": True})
        cls.colleague = Partner.create({"name": "Sara Ahmadi", "parent_id": cls.account.id})
        cls.person = Partner.create({"name": "Reza Karimi"})
        cls.lead_contact = Partner.create({"name": "Mina Rahimi"})
        cls.outsider = Partner.create({"name": "Not targeted"})
        cls.campaign = cls.env["utm.campaign"].create({
            "title": "Yalda", "start_date": date(2025, 12, 1), "end_date": date(2025, 12, 31)})
        cls.campaign._add_members(cls.account | cls.person)
        cls.campaign._add_members(cls.env["crm.lead"].create({
            "name": "Mina's request", "partner_id": cls.lead_contact.id}))
        cls.Feedback = cls.env["crm.feedback"]

    def _feedback(self, partner, score_type, value, day, **vals):
        return self.Feedback.create({"partner_id": partner.id, "score_type": score_type,
                                     "value": value, "date": datetime(*day, 10, 0), **vals})

    def test_nps_and_csat_of_members_in_period_and_tagged_feedback(self):
        # Members' feedback in the period: the account's colleague, a person, a lead's
        # contact; the last day of the period counts.
        self._feedback(self.colleague, "nps", 10, (2025, 12, 5))
        self._feedback(self.person, "nps", 9, (2025, 12, 31))
        self._feedback(self.lead_contact, "nps", 3, (2025, 12, 20))
        self._feedback(self.person, "csat", 5, (2025, 12, 10))
        self._feedback(self.person, "csat", 2, (2025, 12, 11))
        # Not counted: out of the period, or not a member and not tagged.
        self._feedback(self.person, "nps", 0, (2026, 1, 1))
        self._feedback(self.colleague, "nps", 0, (2025, 11, 30))
        self._feedback(self.outsider, "nps", 0, (2025, 12, 5))
        # Tagged with the campaign: counted whatever its date and author, once even when it
        # is also a member's feedback in the period.
        self._feedback(self.outsider, "csat", 4, (2026, 3, 1), campaign_id=self.campaign.id)
        self._feedback(self.person, "nps", 10, (2025, 12, 6), campaign_id=self.campaign.id)
        self.env.invalidate_all()
        campaign = self.campaign
        # NPS: 3 promoters, 1 detractor out of 4.
        self.assertEqual(campaign.feedback_nps_count, 4)
        self.assertAlmostEqual(campaign.feedback_nps, 50.0)
        # CSAT: 5 and 4 satisfied out of 3.
        self.assertEqual(campaign.feedback_csat_count, 3)
        self.assertAlmostEqual(campaign.feedback_csat, 66.67)

    def test_no_start_date_counts_only_tagged_feedback(self):
        campaign = self.env["utm.campaign"].create({"title": "Always on"})
        campaign._add_members(self.person)
        self._feedback(self.person, "nps", 10, (2025, 12, 5))
        self._feedback(self.outsider, "nps", 0, (2025, 12, 5), campaign_id=campaign.id)
        self.env.invalidate_all()
        self.assertEqual((campaign.feedback_nps_count, campaign.feedback_nps), (1, -100))
        self.assertEqual(campaign.feedback_csat_count, 0)

    def test_query_count_does_not_grow_with_campaigns(self):
        Campaign = self.env["utm.campaign"]

        def make(count):
            campaigns = Campaign.create([{"title": f"Wave {i}", "start_date": date(2025, 1, 1)}
                                         for i in range(count)])
            for campaign in campaigns:
                campaign._add_members(self.person)
            self._feedback(self.person, "nps", 10, (2025, 2, 1))
            self.env.invalidate_all()
            return campaigns

        few, many = make(2), make(20)
        # The scores, and the reader's time zone (the context has none here).
        with self.assertQueryCount(2):
            few.mapped("feedback_nps")
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            many.mapped("feedback_nps")
        self.assertEqual(set(many.mapped("feedback_nps")), {100.0})

    def test_period_days_are_the_readers(self):
        """Tehran is UTC+3:30: 21:00 UTC on Nowruz eve is already Nowruz there."""
        campaign = self.env["utm.campaign"].create({
            "title": "Nowruz", "start_date": date(2025, 3, 21), "end_date": date(2025, 3, 31)})
        campaign._add_members(self.person)
        for moment, value in ((datetime(2025, 3, 20, 20, 0), 0),  # 23:30 on the eve
                              (datetime(2025, 3, 20, 21, 0), 10),  # 00:30 on Nowruz
                              (datetime(2025, 3, 31, 20, 0), 10),  # 23:30 on the last day
                              (datetime(2025, 3, 31, 21, 0), 0)):  # 00:30 the day after
            self.Feedback.create({"partner_id": self.person.id, "score_type": "nps",
                                  "value": value, "date": moment})
        in_tehran = campaign.with_context(tz="Asia/Tehran")
        self.assertEqual((in_tehran.feedback_nps_count, in_tehran.feedback_nps), (2, 100))
        in_utc = campaign.with_context(tz="UTC")
        self.assertEqual((in_utc.feedback_nps_count, in_utc.feedback_nps), (2, 0))

    def test_scores_in_the_form_the_comparison_and_the_summary(self):
        self._feedback(self.person, "nps", 10, (2025, 12, 5))
        Campaign = self.env["utm.campaign"]
        form = Campaign.get_view(view_type="form")["arch"]
        self.assertIn('name="satisfaction"', form)
        comparison = Campaign.get_view(
            self.env.ref("crm_campaigns.utm_campaign_view_list_results").id, "list")["arch"]
        self.assertIn('name="feedback_nps"', comparison)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_campaigns.action_report_campaign_summary", self.campaign.ids)
        self.assertRegex(html.decode(), r"o_campaign_summary_nps[^>]*><span>100.0 \(1\)")
