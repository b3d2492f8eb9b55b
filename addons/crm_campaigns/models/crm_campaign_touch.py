from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.sql import lock_skip_locked

TOUCH_TYPES = [
    ("lead_source", "Lead Source"),
    ("member_response", "Member Response"),
    ("activity", "Activity Done"),
]
BATCH_SIZE = 50000
CURSOR_PARAM = "crm_campaigns.touch_refresh_cursor"


def source_touch_date_sql(alias):
    """SQL of the date a lead entered the pipeline (tools.attribution.source_touch_date):
    the earliest of its creation, assignment and closing dates, never after its close.
    LEAST() skips the dates that are NULL."""
    return SQL("LEAST(%s, %s, %s)", SQL.identifier(alias, "create_date"),
               SQL.identifier(alias, "date_open"), SQL.identifier(alias, "date_closed"))


class CrmCampaignTouch(models.Model):
    """A time a campaign reached a lead or opportunity: the campaign it came from, a member
    response, a mailing sent, an activity done. Derived data, rebuilt set-based from those
    sources; the attribution report shares won revenue among the touches."""

    _name = "crm.campaign.touch"
    _description = "Campaign Touch"
    _order = "lead_id, touch_date, id"
    _rec_name = "campaign_id"

    lead_id = fields.Many2one("crm.lead", required=True, index=True, ondelete="cascade",
                              readonly=True)
    campaign_id = fields.Many2one("utm.campaign", required=True, index=True,
                                  ondelete="cascade", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    touch_type = fields.Selection(TOUCH_TYPES, "Touch", required=True, readonly=True)
    touch_date = fields.Datetime("Date", required=True, readonly=True)
    origin_id = fields.Integer(
        readonly=True, help="The record the touch comes from: the lead, the member, the "
                            "mailing trace or the campaign activity.")

    _sql_constraints = [
        ("origin_unique", "UNIQUE(touch_type, origin_id, lead_id)",
         "A touch is recorded once per lead."),
    ]

    @api.model
    def _touch_sources(self, first, last):
        """SQL queries of the touches (lead_id, campaign_id, touch_type, touch_date,
        origin_id) of the leads with ids in [first, last], one per kind of source; addons
        that bring another source (a mailing sent) add theirs. A contact's response or
        activity touches every lead of that contact."""
        # The lead-source touch is dated when the lead entered the pipeline, not when
        # its record was made: a deal imported as won, or created in a won stage, still
        # came from its campaign before it was won.
        return [SQL("""
            SELECT l.id AS lead_id, l.campaign_id, 'lead_source' AS touch_type,
                   %(touch_date)s AS touch_date, l.id AS origin_id
              FROM crm_lead l
             WHERE l.campaign_id IS NOT NULL AND l.id BETWEEN %(first)s AND %(last)s
        """, touch_date=source_touch_date_sql("l"), first=first, last=last), SQL("""
            SELECT COALESCE(m.lead_id, l.id), m.campaign_id, 'member_response',
                   m.first_response_date, m.id
              FROM crm_campaign_member m
              LEFT JOIN crm_lead l ON m.lead_id IS NULL AND l.partner_id = m.partner_id
             WHERE m.is_response AND m.first_response_date IS NOT NULL
               AND COALESCE(m.lead_id, l.id) BETWEEN %(first)s AND %(last)s
        """, first=first, last=last), SQL("""
            SELECT COALESCE(a.lead_id, l.id), a.campaign_id, 'activity',
                   a.date_done::timestamp, a.id
              FROM crm_campaign_activity a
              LEFT JOIN crm_lead l ON a.lead_id IS NULL AND l.partner_id = a.partner_id
             WHERE a.state = 'done' AND a.date_done IS NOT NULL
               AND COALESCE(a.lead_id, l.id) BETWEEN %(first)s AND %(last)s
        """, first=first, last=last)]

    @api.model
    def _refresh_range(self, first, last):
        """Rebuild the touches of the leads with ids in [first, last]: the sources are
        gathered once in a temporary table, then one upsert and one delete of the touches
        whose source is gone."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("DROP TABLE IF EXISTS crm_campaign_touch_source"))
        cr.execute(SQL("""
            CREATE TEMPORARY TABLE crm_campaign_touch_source ON COMMIT DROP AS
            SELECT * FROM (%s) source WHERE source.touch_date IS NOT NULL
        """, SQL(" UNION ALL ").join(self._touch_sources(first, last))))
        cr.execute(SQL("""
            INSERT INTO crm_campaign_touch (lead_id, campaign_id, company_id, user_id,
                                            touch_type, touch_date, origin_id, create_uid,
                                            create_date, write_uid, write_date)
            SELECT source.lead_id, source.campaign_id, lead.company_id, lead.user_id,
                   source.touch_type, source.touch_date, source.origin_id, %(uid)s,
                   now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
              FROM crm_campaign_touch_source source
              JOIN crm_lead lead ON lead.id = source.lead_id
            ON CONFLICT (touch_type, origin_id, lead_id) DO UPDATE
               SET campaign_id = EXCLUDED.campaign_id, touch_date = EXCLUDED.touch_date,
                   company_id = EXCLUDED.company_id, user_id = EXCLUDED.user_id,
                   write_date = EXCLUDED.write_date, write_uid = EXCLUDED.write_uid
             WHERE (crm_campaign_touch.campaign_id, crm_campaign_touch.touch_date,
                    crm_campaign_touch.company_id, crm_campaign_touch.user_id)
                   IS DISTINCT FROM (EXCLUDED.campaign_id, EXCLUDED.touch_date,
                                     EXCLUDED.company_id, EXCLUDED.user_id)
        """, uid=self.env.uid))
        cr.execute(SQL("""
            DELETE FROM crm_campaign_touch touch
             WHERE touch.lead_id BETWEEN %(first)s AND %(last)s
               AND NOT EXISTS (
                   SELECT 1 FROM crm_campaign_touch_source source
                    WHERE source.lead_id = touch.lead_id
                      AND source.touch_type = touch.touch_type
                      AND source.origin_id = touch.origin_id)
        """, first=first, last=last))
        cr.execute(SQL("DROP TABLE crm_campaign_touch_source"))
        self.invalidate_model()

    @api.model
    def _refresh_all(self, batch_size=BATCH_SIZE, commit=False):
        """Rebuild every lead's touches, in batches of lead ids.

        With `commit` (the cron), each batch is committed with the last lead id done, so
        that a run stopped half-way resumes after the last committed batch. Each batch is
        claimed by locking that cursor: a second run at the same time (another cron
        worker, a manual run) finds it locked and leaves the work to the first, so that
        no batch is rebuilt twice and no two runs upsert the same touches.
        """
        max_id = self.env.execute_query(SQL("SELECT max(id) FROM crm_lead"))[0][0] or 0
        if not commit:
            for first in range(1, max_id + 1, batch_size):
                self._refresh_range(first, first + batch_size - 1)
            return True
        cr = self.env.cr
        cr.execute(SQL("""
            INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid,
                                             write_date)
            VALUES (%(key)s, '0', %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s,
                    now() AT TIME ZONE 'UTC')
            ON CONFLICT (key) DO NOTHING
        """, key=CURSOR_PARAM, uid=self.env.uid))
        while True:
            # Committed first: the lock is then the first statement of a transaction,
            # which reads the cursor as the last run committed it.
            cr.commit()  # pylint: disable=invalid-commit
            locked = lock_skip_locked(cr, SQL(
                "SELECT value FROM ir_config_parameter WHERE key = %s FOR UPDATE SKIP LOCKED",
                CURSOR_PARAM))
            if not locked:
                return True
            first = int(locked[0][0] or 0) + 1
            last = first + batch_size - 1
            if first <= max_id:
                self._refresh_range(first, last)
            # The cursor is read by SQL only: no cached parameter to clear.
            cr.execute(SQL("UPDATE ir_config_parameter SET value = %s WHERE key = %s",
                           str(last if last < max_id else 0), CURSOR_PARAM))
            self.env["ir.cron"]._notify_progress(done=min(last, max_id),
                                                 remaining=max(max_id - last, 0))
            if last >= max_id:
                cr.commit()  # pylint: disable=invalid-commit
                return True

    @api.model
    def _cron_refresh(self):
        return self._refresh_all(commit=True)

    @api.model
    def action_refresh(self):
        """From the menu (sales managers): rebuild the touches now, in the background.

        Who may write touches may ask for it; the rebuild itself is the cron's, batch by
        batch, never every lead's touches in one request."""
        self.check_access("write")
        self.env.ref("crm_campaigns.ir_cron_refresh_touches")._trigger()
        return {"type": "ir.actions.client", "tag": "display_notification",
                "params": {"type": "info", "sticky": False,
                           "message": self.env._("The campaign touches are being updated "
                                                 "in the background."),
                           "next": {"type": "ir.actions.client", "tag": "soft_reload"}}}
