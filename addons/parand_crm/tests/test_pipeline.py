from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestPersianPipeline(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["parand.pipeline.stage"].search([])
        cls.team = cls.env["crm.team"].create({"name": "Tehran Sales"})
        cls.other_team = cls.env["crm.team"].create({"name": "Isfahan Sales"})
        Stage = cls.env["crm.stage"]
        cls.shared_new = Stage.create({"name": "Old New", "sequence": 1})
        cls.shared_won = Stage.create({"name": "Old Won", "sequence": 9, "is_won": True})
        cls.own = Stage.create({"name": "Tehran Demo", "sequence": 5, "team_id": cls.team.id})
        Lead = cls.env["crm.lead"]
        cls.lead_new = Lead.create({"name": "A", "type": "opportunity", "team_id": cls.team.id,
                                    "stage_id": cls.shared_new.id})
        cls.lead_own = Lead.create({"name": "B", "type": "opportunity", "team_id": cls.team.id,
                                    "stage_id": cls.own.id})
        cls.lead_won = Lead.create({"name": "C", "type": "opportunity", "team_id": cls.team.id,
                                    "stage_id": cls.shared_won.id})
        cls.lead_other = Lead.create({"name": "D", "type": "opportunity",
                                      "team_id": cls.other_team.id,
                                      "stage_id": cls.shared_new.id})

    def test_template_has_the_persian_stages(self):
        self.assertEqual(len(self.template), 7)
        self.assertEqual(self.template.filtered("is_won").name, "Won")
        self.assertTrue(all(stage.requirements for stage in self.template))
        self.assertEqual(self.template.mapped("probability_hint"), [5, 10, 20, 40, 60, 80, 100])

    def test_new_database_starts_with_the_persian_pipeline(self):
        # The test database had no lead when parand_crm was installed: its shared stages
        # are the template's, with their Persian names.
        shared = self.env["crm.stage"].search([("team_id", "=", False),
                                               ("parand_template_stage_id", "!=", False)])
        self.assertEqual(shared.parand_template_stage_id, self.template)
        first = shared.sorted("sequence")[0].with_context(lang="fa_IR")
        self.assertEqual(first.name, "سرنخ جدید")

    def _apply(self, teams):
        wizard = Form(self.env["parand.pipeline.apply"])
        for team in teams:
            wizard.team_ids.add(team)
        return wizard.save()

    def test_apply_maps_leads_and_undo_restores(self):
        wizard = self._apply(self.team)
        guesses = {line.old_stage_id: line.template_stage_id for line in wizard.line_ids}
        self.assertEqual(guesses[self.shared_won].name, "Won")
        self.assertEqual(guesses[self.shared_new], self.template[0])
        negotiation = self.template.filtered(lambda t: t.name == "Negotiation")
        wizard.line_ids.filtered(lambda line: line.old_stage_id == self.own).template_stage_id = \
            negotiation
        action = wizard.action_apply()
        application = self.env["parand.pipeline.application"].search(action["domain"])
        self.assertEqual(len(application.stage_ids), 7)
        self.assertEqual(set(application.stage_ids.team_id.ids), {self.team.id})
        self.assertEqual(application.stage_ids.with_context(lang="fa_IR").sorted("sequence")
                         .mapped("name")[:2], ["سرنخ جدید", "تماس اولیه"])
        self.assertEqual(self.lead_own.stage_id.parand_template_stage_id, negotiation)
        self.assertEqual(self.lead_new.stage_id.parand_template_stage_id, self.template[0])
        self.assertTrue(self.lead_won.stage_id.is_won)
        self.assertEqual(self.lead_other.stage_id, self.shared_new, "other teams are untouched")

        # The team's pipeline shows its Persian stages, not the shared ones it replaced.
        columns = self.env["crm.lead"].with_context(default_team_id=self.team.id) \
            ._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertNotIn(self.shared_new, columns)
        self.assertTrue(application.stage_ids <= columns)
        other_columns = self.env["crm.lead"].with_context(default_team_id=self.other_team.id) \
            ._read_group_stage_ids(self.env["crm.stage"], [])
        self.assertIn(self.shared_new, other_columns)
        # Its leads' status bar offers the team's stages, not the ones it replaced.
        arch = etree.fromstring(self.env["crm.lead"].get_view(
            self.env.ref("crm.crm_lead_view_form").id)["arch"])
        domain = safe_eval(arch.xpath("//header/field[@name='stage_id']")[0].get("domain"),
                           {"team_id": self.team.id})
        statusbar = self.env["crm.stage"].search(domain)
        self.assertTrue(application.stage_ids <= statusbar)
        self.assertNotIn(self.shared_new, statusbar)
        # A new lead of the team starts in the first Persian stage.
        fresh = self.env["crm.lead"].create({"name": "E", "type": "opportunity",
                                             "team_id": self.team.id})
        self.assertEqual(fresh.stage_id.parand_template_stage_id, self.template[0])

        with self.assertRaisesRegex(UserError, "leads were put in the Persian stages"):
            application.action_undo()
        fresh.unlink()
        application.action_undo()
        self.assertEqual(application.state, "undone")
        self.assertEqual((self.lead_new.stage_id, self.lead_own.stage_id, self.lead_won.stage_id),
                         (self.shared_new, self.own, self.shared_won))
        self.assertFalse(application.stage_ids.exists())
        self.assertFalse(self.shared_new.hidden_team_ids)

    def test_applying_twice_is_refused(self):
        self._apply(self.team).action_apply()
        with self.assertRaisesRegex(UserError, "already applied"):
            self._apply(self.team).action_apply()

    def test_a_batch_of_new_leads_starts_in_each_teams_first_stage(self):
        application = self.env["parand.pipeline.application"].search(
            self._apply(self.team).action_apply()["domain"])
        first_persian = application.stage_ids.sorted("sequence")[:1]
        other_first = self.env["crm.lead"].new({"team_id": self.other_team.id}) \
            ._stage_find(domain=[("fold", "=", False)])
        self.assertNotEqual(first_persian, other_first)

        def create(count):
            return self.env["crm.lead"].create([
                {"name": f"Lead {i}", "type": "opportunity",
                 "team_id": (self.team if i % 2 else self.other_team).id}
                for i in range(count)])

        leads = create(10)
        self.assertEqual(leads.filtered(lambda lead: lead.team_id == self.team).stage_id,
                         first_persian)
        self.assertEqual(leads.filtered(lambda lead: lead.team_id == self.other_team).stage_id,
                         other_first)
        # The stage is looked up once per team, not once per lead.
        Lead = type(self.env["crm.lead"])
        stage_find = Lead._stage_find
        lookups = []

        def counting_stage_find(leads, *args, **kwargs):
            lookups.append(leads.team_id)
            return stage_find(leads, *args, **kwargs)

        self.patch(Lead, "_stage_find", counting_stage_find)
        create(40)
        self.env.flush_all()
        self.assertEqual(len(lookups), 2)
        self.assertEqual(set().union(*lookups), {self.team, self.other_team})
