# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

MEASURES = ["nbr:sum", "acknowledged_on_time_rate:avg", "responded_on_time_rate:avg",
            "hours_to_acknowledge:avg", "hours_to_respond:avg", "reopen_rate:avg",
            "escalation_rate:avg", "satisfaction_score:avg"]


def _rounded(value):
    return round(value, 1) if value is not None else "-"


class ComplaintReviewReport(models.AbstractModel):
    """The printable management review (ISO 10002 clause 8.7) of the selected complaints:
    totals and one table per dimension, each from one grouped read of the analysis view."""

    _name = "report.crm_feedback.report_complaint_review"
    _description = "Complaints Management Review"

    @api.model
    def _get_report_values(self, docids, data=None):
        Report = self.env["crm.complaint.report"]
        domain = [("complaint_id", "in", list(docids or []))]
        totals = Report._read_group(
            domain, [], [*MEASURES, "date_received:min", "date_received:max"])[0]
        names = [*(m.split(":")[0] for m in MEASURES), "date_from", "date_to"]
        summary = {name: _rounded(value) if name not in ("date_from", "date_to") else value
                   for name, value in zip(names, totals, strict=True)}
        summary["count"] = totals[0] or 0
        # The period as days of the reader's time zone; the template writes them in the
        # reader's calendar.
        for name in ("date_from", "date_to"):
            if summary[name]:
                summary[name] = fields.Datetime.context_timestamp(self, summary[name]).date()
        sections = []
        for field, title in (("category_id", self.env._("Category")),
                             ("severity", self.env._("Severity")),
                             ("channel", self.env._("Received Through")),
                             ("product_id", self.env._("Product")),
                             ("team_id", self.env._("Sales Team")),
                             ("root_cause_id", self.env._("Root Cause"))):
            rows = []
            groups = Report._read_group(domain, [field], ["nbr:sum", "responded_on_time_rate:avg",
                                                          "reopen_rate:avg"],
                                        order="nbr:sum desc")
            selection = dict(Report._fields[field]._description_selection(self.env)) \
                if Report._fields.get(field) and Report._fields[field].type == "selection" else {}
            for key, count, on_time, reopened in groups:
                if hasattr(key, "display_name"):
                    label = key.display_name or self.env._("Undefined")
                else:
                    label = selection.get(key, key) or self.env._("Undefined")
                rows.append({"label": label, "count": count,
                             "responded_on_time_rate": _rounded(on_time),
                             "reopen_rate": _rounded(reopened)})
            sections.append({"title": title, "rows": rows})
        sections.append({"title": self.env._("Month"), "rows": self._month_rows(domain)})
        return {"doc_ids": docids, "doc_model": "crm.complaint", "summary": summary,
                "sections": sections}

    @api.model
    def _month_context(self):
        """Context keys for grouping by month; calendar bridges add the reader's calendar
        (crm_feedback_jalali: Jalali months for a Jalali reader)."""
        return {}

    @api.model
    def _month_rows(self, domain):
        """One row per month of the reader's calendar: read_group names the months as the
        web client does, in the reader's time zone, with the context of `_month_context`."""
        Report = self.env["crm.complaint.report"].with_context(**self._month_context())
        groups = Report.read_group(
            domain, ["nbr:sum", "responded_on_time_rate:avg", "reopen_rate:avg"],
            ["date_received:month"], orderby="date_received:month", lazy=False)
        return [{"label": group["date_received:month"] or self.env._("Undefined"),
                 "count": group["nbr"],
                 "responded_on_time_rate": _rounded(group["responded_on_time_rate"]),
                 "reopen_rate": _rounded(group["reopen_rate"])} for group in groups]
