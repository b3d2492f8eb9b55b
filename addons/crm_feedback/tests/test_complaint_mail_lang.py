from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintMailLanguage(TransactionCase):
    """A Persian customer reads the complaint mails in Persian, an English one in English,
    whatever the language of the employee who presses the button."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("fa_IR"):
            cls.skipTest(cls, "Persian is not loaded in this database")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.persian = cls.env["res.partner"].create({
            "name": "مریم احمدی", "email": "maryam@example.ir", "lang": "fa_IR"})
        cls.english = cls.env["res.partner"].create({
            "name": "John Smith", "email": "john@example.com", "lang": "en_US"})

    def _acknowledged_mail(self, partner):
        complaint = self.env["crm.complaint"].create({
            "partner_id": partner.id, "subject": "تأخیر در تحویل",
            "description": "دو هفته تأخیر", "channel": "email"})
        complaint.action_acknowledge()
        return self.env["mail.message"].search([
            ("model", "=", "crm.complaint"), ("res_id", "=", complaint.id),
            ("partner_ids", "in", partner.ids)], limit=1)

    def test_persian_customer_gets_persian_mail(self):
        message = self._acknowledged_mail(self.persian)
        self.assertTrue(message, "the acknowledgement is sent to the customer")
        self.assertIn("گرامی", message.body)
        self.assertIn("دریافت شد", message.subject)
        self.assertNotIn("Dear", message.body)
        self.assertNotIn("We received", message.body)

    def test_english_customer_gets_english_mail(self):
        message = self._acknowledged_mail(self.english)
        self.assertIn("Dear", message.body)
        self.assertIn("we received your complaint", message.subject)
