# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The campaigns' results and their comparison may be read on a replica (issue 15).

The web client reads them with Odoo's web_search_read, web_read and web_read_group, which
Odoo 18 runs on a read-only cursor (`@api.readonly`, on db_replica_host when there is
one): the computed results and the report views must then write nothing. Each read below
runs in a `SET TRANSACTION READ ONLY` savepoint, where PostgreSQL refuses any write.
"""
import contextlib

from psycopg2.errors import ReadOnlySqlTransaction

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

RESULT_FIELDS = ("member_count", "response_count", "lead_count", "opportunity_count",
                 "won_count", "lost_count", "won_revenue", "pipeline_revenue",
                 "weighted_revenue", "conversion_rate", "win_rate", "response_rate",
                 "cost_per_lead", "cost_per_won", "roi", "budget_used", "attributed_revenue",
                 "activity_cost", "activity_count")
# The web client's readers, which Odoo marks read-only.
READERS = ("web_search_read", "web_read", "web_read_group", "read_group")


@tagged("post_install", "-at_install")
class TestReadonlyEntryPoints(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(cls.env, "ro_campaign_manager",
                                    groups="sales_team.group_sale_manager")
        cls.campaign = cls.env["utm.campaign"].create({"title": "Yalda", "actual_cost": 500.0})
        won = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env["crm.lead"].create([
            {"name": "Yalda lead", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "Yalda deal", "type": "opportunity", "expected_revenue": 2000,
             "stage_id": won.id, "campaign_id": cls.campaign.id},
        ])

    @contextlib.contextmanager
    def _read_only(self):
        """A read-only transaction for the block, as on a replica; undone after it."""
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.cr.execute("SAVEPOINT read_only_entry_point")
        self.env.cr.execute("SET TRANSACTION READ ONLY")
        try:
            yield self.env(user=self.manager)
            self.env.flush_all()
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT read_only_entry_point")
            self.env.invalidate_all()

    @mute_logger("odoo.sql_db")
    def test_the_read_only_transaction_refuses_writes(self):
        with self.assertRaises(ReadOnlySqlTransaction), self._read_only() as env:
            env["utm.campaign"].browse(self.campaign.id).sudo().actual_cost = 600.0

    def test_results_are_read_read_only(self):
        with self._read_only() as env:
            rows = env["utm.campaign"].web_search_read(
                [("id", "=", self.campaign.id)], {name: {} for name in RESULT_FIELDS})
            record = env["utm.campaign"].browse(self.campaign.id).web_read(
                {name: {} for name in RESULT_FIELDS})
        self.assertEqual(rows["records"][0]["lead_count"], 2)
        self.assertEqual(rows["records"][0]["won_count"], 1)
        self.assertEqual(record[0]["won_revenue"], 2000)

    def test_comparison_is_read_read_only(self):
        with self._read_only() as env:
            groups = env["crm.campaign.report"].web_read_group(
                [("campaign_id", "=", self.campaign.id)],
                ["lead_count:sum", "won_count:sum", "won_revenue:sum"], ["campaign_id"])
            attribution = env["crm.campaign.attribution.report"].web_read_group(
                [], ["campaign_id"], ["campaign_id"])
        self.assertEqual(groups["groups"][0]["lead_count"], 2)
        self.assertEqual(groups["groups"][0]["won_revenue"], 2000)
        self.assertIsInstance(attribution["groups"], list)

    def test_readers_are_marked_and_actions_are_not(self):
        """The readers the campaigns' screens call are read-only for Odoo; crm_campaigns
        marks none of its own methods, and none of its actions (buttons write)."""
        for model in ("utm.campaign", "crm.campaign.report", "crm.campaign.attribution.report"):
            for reader in READERS:
                # As Odoo decides (web's DataSet._call_kw_readonly): the first mark found.
                marks = [getattr(cls, reader)._readonly
                         for cls in self.env.registry[model].__mro__
                         if hasattr(getattr(cls, reader, None), "_readonly")]
                self.assertTrue(marks and marks[0], f"{model}.{reader}")
        for model in self.env.registry.values():
            for cls in model.__mro__:
                if not cls.__module__.startswith("odoo.addons.crm_campaigns."):
                    continue
                for name, method in vars(cls).items():
                    self.assertFalse(getattr(method, "_readonly", False),
                                     f"{model._name}.{name} is marked read-only")
