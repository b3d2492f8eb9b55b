# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models


class CrmComplaintSubmission(models.Model):
    """One post of the public complaint form, kept for its rate limit.

    Kept in the database rather than in memory: Odoo runs several worker processes (and
    several servers behind a proxy), each with its own memory, which restart at will; a
    counter in one of them would let a flood through the others. Rows older than the window
    are removed by the autovacuum.
    """

    _name = "crm.complaint.submission"
    _description = "Public Complaint Form Submission"
    _log_access = False

    ip_address = fields.Char(required=True, index=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.model
    def _rate_window(self):
        params = self.env["ir.config_parameter"].sudo()
        minutes = int(params.get_param("crm_feedback.complaint_form_window_minutes", 60))
        limit = int(params.get_param("crm_feedback.complaint_form_max_per_window", 5))
        return timedelta(minutes=max(minutes, 1)), max(limit, 1)

    @api.model
    def _count_post(self, ip_address):
        """Count this post; True when `ip_address` is within its limit (this post included).

        The row is inserted first and counted after, so that concurrent posts from one address
        each see the others once committed; the lock on the address serializes them.
        """
        window, limit = self._rate_window()
        cr = self.env.cr
        cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                   ("crm_complaint_submission:" + ip_address,))
        cr.execute("""
            INSERT INTO crm_complaint_submission (ip_address, date)
            VALUES (%s, now() AT TIME ZONE 'UTC')
        """, (ip_address,))
        cr.execute("""
            SELECT count(*) FROM crm_complaint_submission
            WHERE ip_address = %s AND date > (now() AT TIME ZONE 'UTC') - %s
        """, (ip_address, window))
        return cr.fetchone()[0] <= limit

    @api.autovacuum
    def _gc_submissions(self):
        window, _limit = self._rate_window()
        self.env.cr.execute(
            "DELETE FROM crm_complaint_submission WHERE date < (now() AT TIME ZONE 'UTC') - %s",
            (window,))
