"""Data of the campaigns' tests, made here rather than taken from whatever the database
holds (as crm/tests/common.py does): a sales team with its own stages, a won one
included, and users of each role."""

from odoo.tests import TransactionCase, new_test_user


def setup_sales(cls):
    """Give the test class `cls` a sales team, its stages and users of each role."""
    env = cls.env
    cls.sales_team = env["crm.team"].create({"name": "Campaigns Test Team"})
    cls.stage_new, cls.stage_proposal, cls.stage_won = env["crm.stage"].create([
        {"name": "New (campaigns)", "sequence": 1, "team_id": cls.sales_team.id},
        {"name": "Proposal (campaigns)", "sequence": 2, "team_id": cls.sales_team.id},
        {"name": "Won (campaigns)", "sequence": 70, "is_won": True,
         "team_id": cls.sales_team.id},
    ])
    company = {"company_id": env.company.id, "company_ids": [env.company.id]}
    cls.user_salesman = new_test_user(env, "cmp_common_salesman", name="Reza Salesman",
                                      groups="sales_team.group_sale_salesman", **company)
    cls.user_campaign = new_test_user(
        env, "cmp_common_campaigns", name="Sara Campaigns",
        groups="sales_team.group_sale_salesman_all_leads", **company)
    cls.user_sales_manager = new_test_user(env, "cmp_common_manager", name="Maryam Manager",
                                           groups="sales_team.group_sale_manager", **company)
    cls.sales_team.member_ids = cls.user_salesman | cls.user_campaign


class CampaignsCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_sales(cls)
