"""The crons on several workers (issue #15): two runs of each at once, each in its own
transaction as two cron workers (or a worker and a manual run) would have them; the
result is that of one run, and no record is processed twice.

The runs must see the data: it is committed, and removed afterwards."""

import base64
import threading
from collections import Counter
from unittest.mock import patch

from odoo.addons.parand_base.tests.workers import SeveralWorkersCase
from odoo.tests import tagged

from ..models.crm_campaign_touch import CURSOR_PARAM


@tagged("post_install", "-at_install")
class TestCronConcurrency(SeveralWorkersCase):
    def _count_calls(self, model, method, key=lambda records, *args: (*records.ids, *args)):
        """Patch `model.method` to count its calls, by `key(records, *args)`."""
        calls = Counter()
        lock = threading.Lock()
        original = getattr(type(self.env[model]), method)

        def counted(records, *args):
            with lock:
                calls[key(records, *args)] += 1
            return original(records, *args)

        self.startPatcher(patch.object(type(self.env[model]), method, counted))
        return calls

    def test_dynamic_lists_refreshed_once(self):
        def setup(env):
            partners = env["res.partner"].create(
                [{"name": f"Cron twice target {i}"} for i in range(3)])
            lists = env["crm.marketing.list"].create([
                {"name": f"Cron twice {i}", "list_type": "dynamic", "use_companies": False,
                 "person_domain": "[('name', 'like', 'Cron twice target')]"}
                for i in range(4)])
            return partners.ids, lists.ids

        partner_ids, list_ids = self._committed(setup)
        self.addCleanup(self._committed, lambda env: (
            env["crm.marketing.list"].browse(list_ids).unlink(),
            env["res.partner"].browse(partner_ids).unlink()))
        calls = self._count_calls("crm.marketing.list", "action_refresh")
        self._at_once(*[lambda env: env["crm.marketing.list"]._cron_refresh_dynamic_lists()] * 2)
        self.assertEqual({key: count for key, count in calls.items() if key[0] in list_ids},
                         {(list_id,): 1 for list_id in list_ids})
        refreshed = self._committed(lambda env: [
            sorted(mlist.partner_ids.ids)
            for mlist in env["crm.marketing.list"].browse(list_ids)])
        self.assertEqual(refreshed, [sorted(partner_ids)] * len(list_ids))

    def test_touches_rebuilt_once(self):
        def setup(env):
            env["ir.config_parameter"].set_param(CURSOR_PARAM, 0)
            campaign = env["utm.campaign"].create({"title": "Cron twice"})
            leads = env["crm.lead"].create([
                {"name": f"Cron twice lead {i}", "campaign_id": campaign.id}
                for i in range(6)])
            return campaign.id, leads.ids

        campaign_id, lead_ids = self._committed(setup)
        self.addCleanup(self._committed, lambda env: (
            env["crm.lead"].browse(lead_ids).unlink(),
            env["utm.campaign"].browse(campaign_id).unlink()))
        # Four batches or so, whatever the number of leads the database holds.
        batch_size = max(lead_ids) // 4 + 1
        calls = self._count_calls("crm.campaign.touch", "_refresh_range")
        self._at_once(*[lambda env: env["crm.campaign.touch"]._refresh_all(
            batch_size=batch_size, commit=True)] * 2)
        self.assertEqual(set(calls.values()), {1})
        self.assertEqual(sorted(call[0] for call in calls),
                         list(range(1, max(lead_ids) + 1, batch_size)))
        touches = self._committed(lambda env: env["crm.campaign.touch"].search(
            [("lead_id", "in", lead_ids)]).mapped(lambda touch: (touch.lead_id.id,
                                                                 touch.touch_type)))
        self.assertEqual(sorted(touches), [(lead_id, "lead_source") for lead_id in lead_ids])

    def test_list_import_batches_imported_once(self):
        csv = "name,email\n" + "".join(
            f"Cron twice visitor {i},cron.twice.{i}@example.com\n" for i in range(30))

        def setup(env):
            mlist = env["crm.marketing.list"].create({"name": "Cron twice visitors"})
            job = env["crm.marketing.list.import"].create({
                "list_id": mlist.id, "file": base64.b64encode(csv.encode()),
                "filename": "visitors.csv", "batch_size": 5})
            job._prepare()
            return mlist.id, job.id

        list_id, job_id = self._committed(setup)
        self.addCleanup(self._committed, lambda env: (
            env["crm.marketing.list"].browse(list_id).unlink(),
            env["res.partner"].search([("email", "like", "cron.twice.")]).unlink()))
        calls = self._count_calls("crm.marketing.list.import", "_import_batch",
                                  key=lambda job, batch: batch[0]["row"])
        self._at_once(*[lambda env: env["crm.marketing.list.import"]._cron_process_imports()] * 2)
        self.assertEqual(calls, dict.fromkeys(range(2, 32, 5), 1))

        def result(env):
            job = env["crm.marketing.list.import"].browse(job_id)
            return (job.state, job.done_rows, job.created_count, job.rejected_count,
                    len(job.list_id.partner_ids),
                    env["res.partner"].search_count([("email", "like", "cron.twice.")]))

        self.assertEqual(self._committed(result), ("done", 30, 30, 0, 30, 30))
