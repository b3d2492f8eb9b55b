# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

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
        sections = []
        for field, title in (("category_id", self.env._("Category")),
                             ("severity", self.env._("Severity")),
                             ("channel", self.env._("Received Through")),
                             ("product_id", self.env._("Product")),
                             ("team_id", self.env._("Sales Team")),
                             ("root_cause_id", self.env._("Root Cause")),
                             ("date_received:month", self.env._("Month"))):
            rows = []
            groups = Report._read_group(domain, [field], ["nbr:sum", "responded_on_time_rate:avg",
                                                          "reopen_rate:avg"],
                                        order="nbr:sum desc" if ":" not in field else None)
            selection = dict(Report._fields[field]._description_selection(self.env)) \
                if Report._fields.get(field) and Report._fields[field].type == "selection" else {}
            for key, count, on_time, reopened in groups:
                if hasattr(key, "display_name"):
                    label = key.display_name or self.env._("Undefined")
                elif field.startswith("date_received"):
                    label = key.strftime("%Y-%m") if key else self.env._("Undefined")
                else:
                    label = selection.get(key, key) or self.env._("Undefined")
                rows.append({"label": label, "count": count,
                             "responded_on_time_rate": _rounded(on_time),
                             "reopen_rate": _rounded(reopened)})
            sections.append({"title": title, "rows": rows})
        return {"doc_ids": docids, "doc_model": "crm.complaint", "summary": summary,
                "sections": sections}
