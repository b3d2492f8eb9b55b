"""Who may count mailings as contacts (issue #13: M4), and who may open a campaign."""

from datetime import datetime

from odoo.addons.crm_campaigns.tests.common import CampaignsCommon
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMailingSecurity(CampaignsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B (mailings)"})
        cls.manager = cls.user_sales_manager
        cls.portal = new_test_user(cls.env, "camp_mailing_portal", groups="base.group_portal")
        cls.campaign = cls.env["utm.campaign"].create(
            {"title": "Nowruz A", "company_id": cls.company_a.id})
        cls.campaign_b = cls.env["utm.campaign"].create(
            {"title": "Nowruz B", "company_id": cls.company_b.id})
        cls.target = cls.env["res.partner"].create({"name": "Target of list"})

    def _mailed_member(self, campaign):
        campaign._add_members(self.target)
        mailing = self.env["mailing.mailing"].create({
            "subject": "Offers", "body_html": "<p>Offers</p>",
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "campaign_id": campaign.id})
        self.env["mailing.trace"].create({
            "mass_mailing_id": mailing.id, "model": "res.partner", "res_id": self.target.id,
            "trace_status": "sent", "sent_datetime": datetime(2026, 3, 1, 9),
            "email": "x@example.com"})
        return campaign.member_ids

    def test_sync_mailing_contacts_refused_on_ids_not_allowed(self):
        member = self._mailed_member(self.campaign_b)
        for user in (self.portal, self.manager):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["utm.campaign"].with_user(user).browse(
                    self.campaign_b.id).action_sync_mailing_contacts()
        self.assertFalse(member.last_contact_date)

    def test_sync_mailing_contacts_by_a_manager(self):
        member = self._mailed_member(self.campaign)
        self.assertIs(self.campaign.with_user(self.manager).action_sync_mailing_contacts(),
                      True)
        self.assertEqual(member.last_contact_date, datetime(2026, 3, 1, 9))

    def test_sales_manager_without_email_marketing_opens_a_campaign(self):
        """The form as the web client loads it: its view, then every field it shows."""
        self._mailed_member(self.campaign)
        self.assertFalse(self.manager.has_group("mass_mailing.group_mass_mailing_user"))
        Campaign = self.env["utm.campaign"].with_user(self.manager)
        views = Campaign.get_views([(False, "form")])
        fields = views["models"]["utm.campaign"]["fields"]
        self.assertIn("ab_testing_mailings_count", fields)
        self.assertIn("action_sync_mailing_contacts", views["views"]["form"]["arch"])
        values = Campaign.browse(self.campaign.id).web_read({name: {} for name in fields})
        self.assertEqual(values[0]["ab_testing_mailings_count"], 0)
        self.assertEqual(values[0]["member_count"], 1)
        # An Email Marketing user still counts the campaign's mailings.
        self.manager.groups_id += self.env.ref("mass_mailing.group_mass_mailing_user")
        self.env.invalidate_all()
        self.assertEqual(Campaign.browse(self.campaign.id).mailing_mail_count, 1)
