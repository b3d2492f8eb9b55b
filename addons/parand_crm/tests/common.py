# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the Persian pipeline's tests stand on, made here rather than taken from the database
(as crm/tests/common.py does): a sales team on the Persian pipeline, its stages (the won
one included), a salesperson and a sales manager."""

from odoo.tests import Form, TransactionCase, new_test_user


class ParandCrmCommon(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_sales_manager = new_test_user(
            cls.env, "parand_common_manager", name="Mina Manager",
            groups="sales_team.group_sale_manager")
        cls.user_salesman = new_test_user(
            cls.env, "parand_common_salesman", name="Reza Salesman",
            groups="sales_team.group_sale_salesman")
        cls.team = cls.env["crm.team"].create({
            "name": "Shiraz Sales", "user_id": cls.user_sales_manager.id,
            "member_ids": [(6, 0, cls.user_salesman.ids)]})
        # The pipeline as an administrator applies it: through the wizard.
        wizard = Form(cls.env["parand.pipeline.apply"])
        wizard.team_ids.add(cls.team)
        action = wizard.save().action_apply()
        cls.application = cls.env["parand.pipeline.application"].search(action["domain"])
        cls.stages = cls.application.stage_ids.sorted("sequence")
        cls.stage_won = cls.stages.filtered("is_won")
        cls.open_stages = cls.stages - cls.stage_won
