"""Access matrix of crm_campaigns: the rows of parand_base's access_matrix.TABLE for this
addon, each role (the table and its test case live in parand_base's tests, with the other
addons' rows: one table for the three addons)."""

from odoo import fields
from odoo.addons.parand_base.tests.access_matrix_case import AccessMatrixCase, add_matrix_tests
from odoo.tests import tagged


@tagged("post_install", "-at_install", "access_matrix")
class TestAccessMatrixCrmCampaigns(AccessMatrixCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        seller = cls.users["sales_team"]
        campaign = env["utm.campaign"].create({"title": "Matrix Nowruz offer",
                                               "user_id": seller.id,
                                               "company_id": cls.company_a.id})
        statuses = env["crm.campaign.member.status"].search([], limit=2)
        lead = env["crm.lead"].create({"name": "Matrix campaign lead", "user_id": seller.id,
                                       "team_id": cls.team_a.id, "campaign_id": campaign.id,
                                       "company_id": cls.company_a.id})
        cls.records.update(
            campaign=campaign,
            status_contacted=statuses[-1],
            member=env["crm.campaign.member"].create({"campaign_id": campaign.id,
                                                      "partner_id": cls.customer.id}),
            marketing_list=env["crm.marketing.list"].create({
                "name": "Matrix Tehran customers", "list_type": "static",
                "company_id": cls.company_a.id,
                "partner_ids": [(6, 0, cls.customer.ids)]}),
            dynamic_list=env["crm.marketing.list"].create({
                "name": "Matrix customers of Tehran", "list_type": "dynamic",
                "company_id": cls.company_a.id}),
            activity=env["crm.campaign.activity"].create({
                "campaign_id": campaign.id, "summary": "Call the customer",
                "activity_type_id": env.ref("mail.mail_activity_data_call").id,
                "user_id": seller.id}),
            touch=env["crm.campaign.touch"].search([("lead_id", "=", lead.id)], limit=1)
            or env["crm.campaign.touch"].create({
                "lead_id": lead.id, "campaign_id": campaign.id, "touch_type": "lead_source",
                "touch_date": fields.Datetime.now(), "origin_id": lead.id,
                "company_id": cls.company_a.id, "user_id": seller.id}),
        )


add_matrix_tests(TestAccessMatrixCrmCampaigns, "crm_campaigns")
