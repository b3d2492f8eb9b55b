from lxml import etree

from odoo.tests import TransactionCase, tagged


def form_spec(model, keep=None):
    """The web_read specification of `model`'s form as the web client asks for it (its
    fields, many2ones with their name), restricted to the fields `keep` accepts."""
    arch = etree.fromstring(model.get_views([(False, "form")])["views"]["form"]["arch"])
    spec = {}
    for node in arch.iter("field"):
        if any(parent.tag == "field" for parent in node.iterancestors()):
            continue  # a field of a one2many's own list
        field = model._fields[node.get("name")]
        if keep is None or keep(field):
            spec[field.name] = ({"fields": {"display_name": {}}} if field.type == "many2one"
                                else {"fields": {}} if field.type in ("one2many", "many2many")
                                else {})
    return spec


@tagged("post_install", "-at_install")
class TestLeadQueries(TransactionCase):
    """Reading a lead costs the queries Odoo's own form costs: the fields parand_crm puts on
    the form are read with the lead's row, and its computes ask nothing more."""

    def test_form_read_costs_what_odoo_costs(self):
        lead = self.env["crm.lead"].create({
            "name": "خرید ۱۰ دستگاه", "type": "opportunity", "partner_name": "شرکت پارس",
            "email_from": "buyer@example.ir", "phone": "۰۹۱۲۱۲۳۴۵۶۷", "zip": "1435913746",
            "country_id": self.env.ref("base.ir").id,
            "state_id": self.env.ref("parand_crm.state_ir_07").id,
            "source_id": self.env.ref("parand_crm.utm_source_referral").id,
        })
        Lead = self.env["crm.lead"]
        with_parand = form_spec(Lead)
        without_parand = form_spec(Lead, keep=lambda field: "parand_crm" not in field._modules)
        self.assertGreater(len(with_parand), len(without_parand))

        def queries(spec):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            lead.web_read(spec)
            return self.env.cr.sql_log_count - before

        queries(with_parand)  # the ormcaches (access rights, views) are filled
        odoo_count = queries(without_parand)
        self.env.invalidate_all()
        with self.assertQueryCount(odoo_count):
            lead.web_read(with_parand)
