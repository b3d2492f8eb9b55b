# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL


class CrmFeedbackImplicit(models.AbstractModel):
    """Credit notes as implicit feedback: what the customer gives back lowers the implicit
    measure of their satisfaction score."""

    _inherit = "crm.feedback.implicit"

    @api.model
    def _sync(self, ids):
        result = super()._sync(ids)
        self._sync_returns(ids)
        return result

    @api.model
    def _sync_returns(self, ids):
        """Posted customer credit notes of the accounts `ids` as implicit 'return' feedback.

        One feedback per credit note, keyed `refund:<move id>` (unique), inserted or updated
        by one INSERT ... SELECT, and removed once the credit note is no longer posted (reset
        to draft, cancelled, deleted).
        Returns the number of feedback records written or removed.
        """
        Feedback = self.env["crm.feedback"]
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("""
            SELECT f.id FROM crm_feedback f
            WHERE f.commercial_partner_id = ANY(%s) AND starts_with(f.source_key, 'refund:')
              AND NOT EXISTS (
                  SELECT 1 FROM account_move m
                  -- A malformed key (stored before the key check, or by SQL) matches no
                  -- credit note and is removed, instead of failing the batch on the cast.
                  WHERE m.id = CASE WHEN f.source_key ~ '^refund:[0-9]{1,9}$'
                                    THEN split_part(f.source_key, ':', 2)::int END
                    AND m.state = 'posted' AND m.move_type = 'out_refund')
        """, ids))
        gone = [row[0] for row in cr.fetchall()]
        # sudo: derived feedback follows its credit note, whoever runs the sync.
        Feedback.sudo().browse(gone).unlink()
        cr.execute(SQL("""
            INSERT INTO crm_feedback (
                source_key, partner_id, commercial_partner_id, user_id, team_id, company_id,
                kind, channel, value, score, amount, comment, date, followup_state,
                followup_escalated, create_uid, write_uid, create_date, write_date)
            SELECT 'refund:' || m.id, m.partner_id, m.commercial_partner_id, u.id,
                   member.crm_team_id, m.company_id, 'implicit', 'return', 0, 0,
                   abs(m.amount_untaxed_signed), concat_ws(' - ', m.name, m.ref),
                   COALESCE(m.invoice_date, m.date)::timestamp, 'none', false,
                   %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
            FROM account_move m
            JOIN res_partner account ON account.id = m.commercial_partner_id
            LEFT JOIN res_users u ON u.id = COALESCE(m.invoice_user_id, account.user_id)
            -- The salesperson's team: their oldest active membership (res.users.sale_team_id).
            LEFT JOIN LATERAL (
                SELECT tm.crm_team_id FROM crm_team_member tm
                WHERE tm.user_id = u.id AND tm.active
                ORDER BY tm.create_date, tm.id LIMIT 1) member ON true
            WHERE m.move_type = 'out_refund' AND m.state = 'posted'
              AND m.commercial_partner_id = ANY(%(ids)s) AND m.partner_id IS NOT NULL
            ON CONFLICT (source_key) DO UPDATE
            SET partner_id = EXCLUDED.partner_id,
                commercial_partner_id = EXCLUDED.commercial_partner_id,
                company_id = EXCLUDED.company_id, amount = EXCLUDED.amount,
                comment = EXCLUDED.comment, date = EXCLUDED.date,
                write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            WHERE (crm_feedback.partner_id, crm_feedback.company_id, crm_feedback.amount,
                   crm_feedback.comment, crm_feedback.date)
                  IS DISTINCT FROM (EXCLUDED.partner_id, EXCLUDED.company_id, EXCLUDED.amount,
                                    EXCLUDED.comment, EXCLUDED.date)
            RETURNING id
        """, ids=ids, uid=self.env.uid))
        written = Feedback.browse(row[0] for row in cr.fetchall())
        self._recompute_tone(written)
        return len(written) + len(gone)
