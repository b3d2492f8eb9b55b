# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


def _reader_hook(complaint, value, partner=None):
    """A calendar bridge's override of crm.complaint._format_date_for_partner, as a marker."""
    return f"[{partner.name}: {value.isoformat()}]"


@tagged("post_install", "-at_install")
class TestDatesAsTheirReaderReadsThem(HttpCase):
    """Dates on the dashboard and the portal go through Odoo's grouping and the calendar
    hook that a calendar bridge (crm_feedback_jalali) overrides, not through fixed formats."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.owner = new_test_user(cls.env, "cmp_dates_owner", password="cmp_dates_owner_pw",
                                  groups="base.group_portal", name="Owner Sara",
                                  tz="Asia/Tehran")
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.owner.partner_id.id, "subject": "Late delivery",
            "description": "Two weeks late.",
            "date_received": datetime(2026, 11, 20, 8, 0)})
        cls.Feedback = cls.env["crm.feedback"].with_context(feedback_no_followup=True)
        now = fields.Datetime.now()
        cls.Feedback.create([{
            "partner_id": cls.owner.partner_id.id, "channel": "survey", "score_type": kind,
            "value": value, "date": now - timedelta(days=days),
        } for kind, value, days in (("nps", 10, 1), ("nps", 2, 40), ("csat", 5, 70))])

    def test_dashboard_months_as_the_web_client_groups_them(self):
        data = self.Feedback.with_context(lang="en_US", tz="Asia/Tehran").get_dashboard_data(0)
        self.assertTrue(data["by_month"])
        for row in data["by_month"]:
            # Titled as the web client titles a month ("November 2026"), not "2026-11".
            self.assertRegex(row["label"], r"^[A-Z][a-z]+ \d{4}$")
            # Its bounds open exactly the answers it counts.
            inside = self.Feedback.search_count([
                ("score_type", "in", ("nps", "csat")),
                ("date", ">=", row["date_from"]), ("date", "<", row["date_to"])])
            self.assertEqual(inside, row["nps_count"] + row["csat_count"])
        self.assertEqual(sum(row["nps_count"] + row["csat_count"] for row in data["by_month"]),
                         self.Feedback.search_count([("score_type", "in", ("nps", "csat"))]))

    def test_portal_dates_through_the_readers_calendar_hook(self):
        complaint_class = type(self.env["crm.complaint"])
        with patch.object(complaint_class, "_format_date_for_partner", new=_reader_hook):
            self.authenticate("cmp_dates_owner", "cmp_dates_owner_pw")
            listing = self.url_open("/my/complaints").text
            # The list shows the day received, in the reader's time zone (11:30 in Tehran).
            self.assertIn("[Owner Sara: 2026-11-20]", listing)
            page = self.url_open(f"/my/complaints/{self.complaint.id}").text
            self.assertIn("[Owner Sara: 2026-11-20T08:00:00]", page)
            self.assertNotIn("2026/11/20", page)
            # A visitor with the link reads it as the complainant does.
            self.authenticate(None, None)
            page = self.url_open(self.complaint.get_portal_url()).text
            self.assertIn("[Owner Sara: 2026-11-20T08:00:00]", page)
