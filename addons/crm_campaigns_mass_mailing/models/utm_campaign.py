from odoo import api, models
from odoo.tools import SQL


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    def _compute_mailing_mail_count(self):
        """mass_mailing counts the campaign's mailings for every reader of the campaign
        form (the A/B test count has no group), but only Email Marketing users may read
        mailings: a sales manager without that right got an access error opening a
        campaign. Who may not read mailings has none to count."""
        if not self.env["mailing.mailing"].has_access("read"):
            self.mailing_mail_count = self.ab_testing_mailings_count = 0
            return
        super()._compute_mailing_mail_count()

    def action_sync_mailing_contacts(self):
        """Members who received a mailing of the campaign count as contacted.

        The members are updated by SQL: the user must be allowed to change the campaigns
        and members, and only the members the user may change are updated.
        """
        self.check_access("write")
        Member = self.env["crm.campaign.member"]
        Member.check_access("write")
        self._sync_mailing_contacts(
            members=Member.search([("campaign_id", "in", self.ids)])._filtered_access("write"))
        return True

    @api.model
    def _cron_sync_mailing_contacts(self):
        self.search([("member_ids", "!=", False)])._sync_mailing_contacts()
        return True

    def _sync_mailing_contacts(self, members=None):
        """Set-based: one UPDATE over the members of every campaign in self whose contact
        or lead got a sent trace of a mailing of that campaign (of `members` only, when
        given)."""
        if not self.ids or (members is not None and not members):
            return self.env["crm.campaign.member"]
        # Sent and further (delivered, opened, replied); bounced and failed are not
        # contacts.
        reached = SQL(" UNION ALL ").join(SQL("""
            SELECT m.id AS member_id, COALESCE(t.sent_datetime, t.create_date) AS contact_date
              FROM mailing_trace t
              JOIN mailing_mailing mailing ON mailing.id = t.mass_mailing_id
              JOIN crm_campaign_member m ON m.campaign_id = mailing.campaign_id
                                        AND %(member_column)s = t.res_id
             WHERE t.model = %(model)s AND mailing.campaign_id = ANY(%(campaigns)s)
               AND t.trace_status IN ('pending', 'sent', 'open', 'reply')
        """, member_column=SQL.identifier("m", column), model=model, campaigns=self.ids)
            for model, column in (("res.partner", "partner_id"), ("crm.lead", "lead_id")))
        if members is not None:
            reached = SQL("SELECT * FROM (%s) reached WHERE member_id = ANY(%s)", reached,
                          members.ids)
        return self.env["crm.campaign.member"]._mark_contacted(reached)
