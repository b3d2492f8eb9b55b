import importlib.util
from pathlib import Path

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCampaignActivities(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create({"title": "Nowruz calls",
                                                       "actual_cost": 1000.0})
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.salesman = new_test_user(cls.env, "camp_salesman",
                                     groups="sales_team.group_sale_salesman")
        cls.Status = cls.env["crm.campaign.member.status"]
        cls.targeted = cls.env.ref("crm_campaigns.member_status_targeted")
        cls.contacted = cls.env.ref("crm_campaigns.member_status_contacted")
        cls.responded = cls.env.ref("crm_campaigns.member_status_responded")

    def _partners(self, count, **values):
        return self.env["res.partner"].create([{"name": f"Customer {i}", **values}
                                               for i in range(count)])

    def _schedule(self, campaign, **values):
        wizard = self.env["crm.campaign.activity.schedule"].create({
            "campaign_id": campaign.id, "activity_type_id": self.call.id,
            "summary": "Nowruz call", "cost": 50.0, **values})
        wizard.action_schedule()
        return wizard

    def test_done_activity_costs_add_to_the_hand_entered_cost(self):
        campaign = self.campaign
        self.assertEqual(campaign.manual_cost, 1000)
        Activity = self.env["crm.campaign.activity"]
        done = Activity.create({"campaign_id": campaign.id, "activity_type_id": self.call.id,
                                "summary": "Call", "cost": 200.0})
        Activity.create({"campaign_id": campaign.id, "activity_type_id": self.call.id,
                         "summary": "Meeting", "cost": 300.0})
        self.assertEqual((campaign.actual_cost, campaign.planned_activity_cost), (1000, 500))
        done.action_mark_done()
        self.assertEqual(done.date_done, fields.Date.context_today(done))
        self.assertEqual((campaign.actual_cost, campaign.activity_cost,
                          campaign.planned_activity_cost, campaign.activity_count),
                         (1200, 200, 300, 2))
        # Writing the total keeps the activities' part: the rest is the hand-entered cost.
        campaign.actual_cost = 1500
        self.assertEqual((campaign.manual_cost, campaign.actual_cost), (1300, 1500))
        # The results (ROI, cost per lead) use the total.
        self.assertTrue(campaign.has_cost)
        self.assertAlmostEqual(campaign.roi, -100)

    def test_negative_costs_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "Cost of activity Call"):
            self.env["crm.campaign.activity"].create({
                "campaign_id": self.campaign.id, "activity_type_id": self.call.id,
                "summary": "Call", "cost": -1.0})
        with self.assertRaisesRegex(ValidationError, "Other Costs"):
            self.campaign.manual_cost = -5
        self.env["crm.campaign.activity"].create({
            "campaign_id": self.campaign.id, "activity_type_id": self.call.id,
            "summary": "Call", "cost": 400.0}).action_mark_done()
        with self.assertRaisesRegex(ValidationError, "below the costs of its done"):
            self.campaign.actual_cost = 100
        with self.assertRaisesRegex(ValidationError, "Cost per Activity"):
            self.env["crm.campaign.activity.schedule"].create({
                "campaign_id": self.campaign.id, "activity_type_id": self.call.id,
                "cost": -3.0})

    def test_odoo_activity_done_or_cancelled_updates_the_campaign_activity(self):
        campaign = self.env["utm.campaign"].create({"title": "Follow-up"})
        campaign._add_members(self._partners(2))
        self._schedule(campaign, responsible="user", user_id=self.salesman.id)
        first, second = campaign.activity_ids.sorted("id")
        self.assertTrue(first.mail_activity_id and second.mail_activity_id)
        self.assertEqual(first.mail_activity_id.user_id, self.salesman)
        # The salesperson marks the Odoo activity done: it is deleted, the record stays.
        first.mail_activity_id.with_user(self.salesman).action_feedback("Talked to them")
        self.assertEqual((first.state, first.mail_activity_id.id), ("done", False))
        self.assertEqual(first.date_done, fields.Date.context_today(first))
        second.mail_activity_id.unlink()
        self.assertEqual(second.state, "cancelled")
        self.assertEqual((campaign.activity_cost, campaign.actual_cost), (50, 50))

    def test_meeting_in_the_calendar_follows_and_cancels(self):
        campaign = self.env["utm.campaign"].create({"title": "Meetings"})
        campaign._add_members(self._partners(1))
        self._schedule(campaign, activity_type_id=self.env.ref(
            "mail.mail_activity_data_meeting").id)
        activity = campaign.activity_ids
        event = self.env["calendar.event"].with_context(
            default_activity_ids=[fields.Command.set(activity.mail_activity_id.ids)]).create({
                "name": "Nowruz meeting", "start": "2026-03-10 09:00:00",
                "stop": "2026-03-10 10:00:00"})
        self.assertEqual(activity.calendar_event_id, event)
        self.assertEqual(activity.date_deadline, fields.Date.to_date("2026-03-10"))
        event.unlink()
        self.assertEqual(activity.state, "cancelled")

    def test_salesperson_sees_own_campaign_activities(self):
        campaign = self.env["utm.campaign"].create({"title": "Shared"})
        Activity = self.env["crm.campaign.activity"]
        mine, other = Activity.create([
            {"campaign_id": campaign.id, "activity_type_id": self.call.id, "summary": "Mine",
             "user_id": self.salesman.id},
            {"campaign_id": campaign.id, "activity_type_id": self.call.id, "summary": "Other",
             "user_id": self.env.uid}])
        visible = Activity.with_user(self.salesman).search([("campaign_id", "=", campaign.id)])
        self.assertEqual(visible, mine)
        self.assertNotIn(other, visible)

    def test_schedule_for_chosen_statuses_marks_members_contacted(self):
        campaign = self.env["utm.campaign"].create({"title": "Calls"})
        campaign._add_members(self._partners(4, user_id=self.salesman.id))
        members = campaign.member_ids.sorted("id")
        members[2].status_id = self.responded
        members[3].status_id = self.env.ref("crm_campaigns.member_status_opted_out")
        self._schedule(campaign, responsible="salesperson",
                       status_ids=[fields.Command.set((self.targeted | self.responded).ids)])
        activities = campaign.activity_ids
        self.assertEqual(activities.member_id, members[:3])
        self.assertEqual(activities.user_id, self.salesman)
        self.assertEqual(set(activities.mapped("cost")), {50.0})
        # Whatever order the activities come in (their model's is newest first).
        self.assertEqual(sorted(activities.mail_activity_id.mapped("res_id")),
                         sorted(members[:3].partner_id.ids))
        # Targeted members become contacted; a response stays a response.
        self.assertEqual(members.mapped("status_id"),
                         self.contacted | self.responded | members[3].status_id)
        self.assertEqual(members[:2].status_id, self.contacted)
        self.assertTrue(all(members[:3].mapped("last_contact_date")))
        self.assertFalse(members[3].last_contact_date)
        self.assertEqual(campaign.planned_activity_cost, 150)

    def test_schedule_from_selected_members(self):
        campaign = self.env["utm.campaign"].create({"title": "Selected"})
        campaign._add_members(self._partners(3))
        chosen = campaign.member_ids[:2]
        wizard = self.env["crm.campaign.activity.schedule"].with_context(
            active_model="crm.campaign.member", active_ids=chosen.ids).create({
                "activity_type_id": self.call.id})
        self.assertEqual((wizard.campaign_id, wizard.member_count), (campaign, 2))
        wizard.action_schedule()
        self.assertEqual(campaign.activity_ids.member_id, chosen)
        other = self.env["utm.campaign"].create({"title": "Other"})
        other._add_members(self._partners(1))
        with self.assertRaisesRegex(UserError, "one campaign"):
            self.env["crm.campaign.activity.schedule"].with_context(
                active_model="crm.campaign.member",
                active_ids=(chosen | other.member_ids).ids).default_get(["campaign_id"])
        with self.assertRaisesRegex(UserError, "no member to reach"):
            self._schedule(self.env["utm.campaign"].create({"title": "Empty"}))

    def test_bulk_scheduling_queries_do_not_grow_with_members(self):
        wizards = {}
        for size in (5, 10, 30):
            campaign = self.env["utm.campaign"].create({"title": f"Bulk {size}"})
            campaign._add_members(self._partners(size))
            wizards[size] = self.env["crm.campaign.activity.schedule"].create({
                "campaign_id": campaign.id, "activity_type_id": self.call.id, "cost": 10.0,
                "responsible": "user", "user_id": self.env.uid})
        # The first run fills the caches (defaults, model ids): not measured.
        wizards[5].action_schedule()
        for size in (10, 30):
            self.env.flush_all()
            self.env.invalidate_all()
            # The same count for 10 and 30 members: two creates of a list, one UPDATE.
            with self.assertQueryCount(25):
                wizards[size].action_schedule()
                self.env.flush_all()
            self.assertEqual(len(wizards[size].campaign_id.activity_ids), size)

    def test_migration_keeps_the_hand_entered_cost(self):
        path = Path(__file__).parent.parent / "migrations" / "18.0.1.1.0" / "pre-migrate.py"
        spec = importlib.util.spec_from_file_location("crm_campaigns_pre_migrate", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        self.env.flush_all()
        self.env.cr.execute("UPDATE utm_campaign SET manual_cost = NULL, actual_cost = 777 "
                            "WHERE id = %s", [self.campaign.id])
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.campaign.invalidate_recordset()
        self.assertEqual((self.campaign.manual_cost, self.campaign.actual_cost), (777, 777))
