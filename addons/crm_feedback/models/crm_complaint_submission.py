# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import time
from datetime import datetime, timedelta, timezone

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.complaint_form import window_start, within_limit

# The bucket of the form's global ceiling (no address is written like this).
GLOBAL_KEY = "*"


class CrmComplaintSubmission(models.Model):
    """Posts of the public complaint form counted per address bucket and fixed time window,
    for its rate limit: one row per bucket and window whatever the number of posts (a flood
    adds no rows), plus one row per minute for the form's global ceiling.

    Kept in the database rather than in memory: Odoo runs several worker processes (and
    several servers behind a proxy), each with its own memory, which restart at will; a
    counter in one of them would let a flood through the others. Rows older than two windows
    are removed by the autovacuum.
    """

    _name = "crm.complaint.submission"
    _description = "Public Complaint Form Submission"
    _log_access = False

    ip_address = fields.Char(
        "Address", required=True,
        help="The bucket: an IPv4 address, an IPv6 /64 network, or * for the global ceiling.")
    date = fields.Datetime("Window Start", required=True, index=True)
    count = fields.Integer(default=1, required=True)

    _sql_constraints = [
        ("ip_address_date_uniq", "unique(ip_address, date)",
         "A bucket has one counter per time window."),
    ]

    @api.model
    def _rate_settings(self):
        # Read from the table, not through ir.config_parameter's cache: every worker applies
        # a changed limit at the next post. Odoo 18.0 as first released checks the cache
        # signals of other workers on the replica when one is set (odoo/odoo#190407), where
        # they may lag, so a worker could go on with the limit it cached.
        keys = {"window": "crm_feedback.complaint_form_window_minutes",
                "limit": "crm_feedback.complaint_form_max_per_window",
                "global_limit": "crm_feedback.complaint_form_max_per_minute"}
        self.env.cr.execute(SQL("SELECT key, value FROM ir_config_parameter WHERE key IN %s",
                                tuple(keys.values())))
        values = dict(self.env.cr.fetchall())

        def number(key, default):
            try:
                return max(int(values.get(key, default)), 1)
            except (TypeError, ValueError):
                return default

        return {
            "window": number(keys["window"], 60) * 60,
            "limit": number(keys["limit"], 5),
            "global_limit": number(keys["global_limit"], 30),
        }

    @api.model
    def _check_rate(self, key):
        """Count this post; returns None when it may go on, else "address" (its bucket is over
        its limit) or "global" (the form as a whole is over its ceiling per minute).

        A post refused for its address is not counted in the global ceiling, so that one
        flooding address does not lock the form for everybody.
        """
        settings = self._rate_settings()
        if not self._hit(key, settings["window"], settings["limit"]):
            return "address"
        if not self._hit(GLOBAL_KEY, 60, settings["global_limit"]):
            return "global"
        return None

    @api.model
    def _hit(self, key, window_seconds, limit):
        """Add one post to `key`'s counter of the current window; True while within `limit`.

        Counted in a transaction of its own, committed at once: the counter row stays locked
        only for this statement (not for the whole post, which may send mails), and a post that
        fails later is counted all the same. That transaction reads committed rows, not Odoo's
        repeatable-read snapshot: concurrent posts of a bucket then queue on its row and each
        adds one, where a snapshot would fail all but the first with a serialization error.
        """
        now = time.time()
        start = window_start(now, window_seconds)
        current_start = datetime.fromtimestamp(start, timezone.utc).replace(tzinfo=None)
        previous_start = datetime.fromtimestamp(start - window_seconds,
                                                timezone.utc).replace(tzinfo=None)
        with self.env.registry.cursor() as cr:
            if not self.env.registry.in_test_mode():
                # (In HttpCase's test mode this cursor is the test's, its transaction begun.)
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            cr.execute(SQL("""
                INSERT INTO crm_complaint_submission AS s (ip_address, date, count)
                VALUES (%s, %s, 1)
                ON CONFLICT (ip_address, date) DO UPDATE SET count = s.count + 1
                RETURNING count
            """, key, current_start))
            current = cr.fetchone()[0]
            cr.execute(SQL("""
                SELECT count FROM crm_complaint_submission
                WHERE ip_address = %s AND date = %s
            """, key, previous_start))
            row = cr.fetchone()
        previous = row[0] if row else 0
        return within_limit(current, previous, (now - start) / window_seconds, limit)

    @api.autovacuum
    def _gc_submissions(self):
        window = self._rate_settings()["window"]
        self.env.cr.execute(SQL(
            "DELETE FROM crm_complaint_submission WHERE date < %s",
            fields.Datetime.now() - timedelta(seconds=2 * max(window, 60))))
