from collections import defaultdict

import pytz

from odoo import api, fields, models
from odoo.addons.crm_feedback.tools import scores
from odoo.tools import SQL


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    feedback_nps = fields.Float(
        "NPS", compute="_compute_feedback_scores",
        help="Net Promoter Score (-100..100) of the feedback of the campaign: feedback "
             "tagged with it, and feedback of its members (their contacts and accounts) "
             "dated within its period.")
    feedback_nps_count = fields.Integer("NPS Answers", compute="_compute_feedback_scores")
    feedback_csat = fields.Float(
        "CSAT (%)", compute="_compute_feedback_scores",
        help="Share of satisfied CSAT answers (4 or 5 out of 5) in the same feedback.")
    feedback_csat_count = fields.Integer("CSAT Answers", compute="_compute_feedback_scores")

    @api.depends("start_date", "end_date", "member_ids")
    @api.depends_context("tz", "uid", "allowed_company_ids")
    def _compute_feedback_scores(self):
        """NPS and CSAT of every campaign in self from one grouped query.

        The feedback of a campaign: the feedback whose campaign is this one, and the
        feedback of its members dated from its start date to its end date (open-ended
        when it has none; without a start date members' feedback is not counted, there
        is no period), days in the reader's time zone. A member's feedback is that of its
        contact (a lead member: the lead's contact) or, for an account, of anyone of that
        account. Each piece of feedback counts once per campaign.
        """
        self.update(dict.fromkeys(("feedback_nps", "feedback_nps_count", "feedback_csat",
                                   "feedback_csat_count"), 0))
        campaigns = self.filtered("id")
        if not campaigns:
            return
        self.env.flush_all()
        # The period's days begin at midnight where the reader is: feedback stored at
        # 21:00 UTC on the eve of the start date is already the start date in Tehran.
        tz = self.env.context.get("tz") or self.env.user.tz
        tz = tz if tz in pytz.all_timezones_set else "UTC"
        # Aggregates over the campaign's feedback, shown to whoever may read the campaign
        # (as its results are), whatever feedback records the reader may open: plain SQL;
        # the feedback of the reader's allowed companies only (and of no company).
        rows = self.env.execute_query(SQL("""
            WITH campaign AS (
                SELECT id, company_id,
                       start_date::timestamp AT TIME ZONE %(tz)s AT TIME ZONE 'UTC' AS start,
                       (end_date + 1)::timestamp AT TIME ZONE %(tz)s AT TIME ZONE 'UTC'
                           AS end_before
                  FROM utm_campaign WHERE id = ANY(%(ids)s)
            ), member_partner AS (
                SELECT m.campaign_id, COALESCE(m.partner_id, lead.partner_id) AS partner_id
                  FROM crm_campaign_member m
                  LEFT JOIN crm_lead lead ON lead.id = m.lead_id
                 WHERE m.campaign_id = ANY(%(ids)s)
            ), campaign_feedback AS (
                SELECT f.campaign_id, f.id FROM crm_feedback f
                 WHERE f.campaign_id = ANY(%(ids)s)
                UNION
                SELECT c.id, f.id
                  FROM campaign c
                  JOIN member_partner mp ON mp.campaign_id = c.id
                  JOIN crm_feedback f ON f.partner_id = mp.partner_id
                                      OR f.commercial_partner_id = mp.partner_id
                 WHERE c.start IS NOT NULL AND f.date >= c.start
                   AND (c.end_before IS NULL OR f.date < c.end_before)
                   AND (c.company_id IS NULL OR f.company_id = c.company_id)
            )
            SELECT cf.campaign_id, f.score_type, f.value, count(*)
              FROM campaign_feedback cf
              JOIN crm_feedback f ON f.id = cf.id
             WHERE f.score_type IN ('nps', 'csat')
               AND (f.company_id IS NULL OR f.company_id = ANY(%(companies)s))
             GROUP BY 1, 2, 3
        """, ids=campaigns.ids, tz=tz, companies=self.env.companies.ids))
        nps_counts = defaultdict(lambda: {"promoter": 0, "passive": 0, "detractor": 0})
        csat_counts = defaultdict(lambda: [0, 0])
        for campaign_id, score_type, value, count in rows:
            if score_type == "nps":
                nps_counts[campaign_id][scores.nps_category(value)] += count
            else:
                csat_counts[campaign_id][0] += count if value >= scores.CSAT_SATISFIED else 0
                csat_counts[campaign_id][1] += count
        for campaign in campaigns:
            nps = nps_counts[campaign.id]
            satisfied, answers = csat_counts[campaign.id]
            campaign.feedback_nps = scores.nps(nps["promoter"], nps["passive"],
                                               nps["detractor"]) or 0
            campaign.feedback_nps_count = sum(nps.values())
            campaign.feedback_csat = scores.csat(satisfied, answers) or 0
            campaign.feedback_csat_count = answers
