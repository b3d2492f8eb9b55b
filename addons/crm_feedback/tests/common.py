# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the feedback tests stand on, made here rather than taken from the database (as
crm/tests/common.py does): a sales team with its stages, the won one included, and one
user per role."""

from odoo.tests import TransactionCase, new_test_user


class FeedbackCommon(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # No follow-up activity for each low score logged, no commit inside the crons.
        cls.env = cls.env(context=dict(cls.env.context, feedback_no_followup=True,
                                       feedback_cron_no_commit=True,
                                       complaint_cron_no_commit=True))
        cls.user_salesman = new_test_user(
            cls.env, "fb_common_salesman", name="Reza Salesman",
            groups="sales_team.group_sale_salesman")
        cls.user_sales_manager = new_test_user(
            cls.env, "fb_common_manager", name="Mina Manager",
            groups="sales_team.group_sale_manager")
        cls.user_complaints_officer = new_test_user(
            cls.env, "fb_common_officer", name="Omid Officer",
            groups="sales_team.group_sale_salesman,crm_feedback.group_complaint_officer")
        cls.user_portal = new_test_user(
            cls.env, "fb_common_portal", name="Parisa Portal", groups="base.group_portal")
        cls.sales_team = cls.env["crm.team"].create({
            "name": "Feedback Test Team", "user_id": cls.user_sales_manager.id,
            "member_ids": [(6, 0, [cls.user_salesman.id, cls.user_complaints_officer.id])]})
        cls.stage_new, cls.stage_won = cls.env["crm.stage"].create([
            {"name": "Feedback New", "sequence": 1, "team_id": cls.sales_team.id},
            {"name": "Feedback Won", "sequence": 70, "is_won": True,
             "team_id": cls.sales_team.id},
        ])
