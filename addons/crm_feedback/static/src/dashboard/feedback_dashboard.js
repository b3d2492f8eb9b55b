import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/core/utils/numbers";

/**
 * Feedback > Dashboard: the satisfaction measures of a period and a sales team (the server's
 * crm.feedback.get_dashboard_data), NPS and CSAT by month and the accounts most at risk.
 * Each card opens the feedback (or accounts) behind its figure.
 */
export class FeedbackDashboard extends Component {
    static template = "crm_feedback.FeedbackDashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.periods = [
            { days: 30, label: _t("Last 30 days") },
            { days: 90, label: _t("Last 90 days") },
            { days: 365, label: _t("Last 12 months") },
            { days: 0, label: _t("All time") },
        ];
        this.state = useState({ periodDays: 90, teamId: 0, data: null });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("crm.feedback", "get_dashboard_data", [], {
            period_days: this.state.periodDays,
            team_id: this.state.teamId || false,
        });
    }

    get cards() {
        const m = this.state.data.metrics;
        return [
            {
                key: "nps",
                title: _t("NPS"),
                value: this.format(m.nps),
                detail: this.isEmpty(m.nps_margin) ? "" : `± ${this.format(m.nps_margin)}`,
                count: m.nps_count,
                domain: [["score_type", "=", "nps"]],
            },
            {
                key: "csat",
                title: _t("CSAT"),
                value: this.format(m.csat, "%"),
                count: m.csat_count,
                domain: [["score_type", "=", "csat"]],
            },
            {
                key: "ces",
                title: _t("CES"),
                value: this.format(m.ces),
                count: m.ces_count,
                domain: [["score_type", "=", "ces"]],
            },
            {
                key: "response",
                title: _t("Survey Response Rate"),
                value: this.format(m.response_rate, "%"),
                detail: `${m.answered} / ${m.invited}`,
                count: m.answered,
                domain: [["channel", "=", "survey"]],
            },
            {
                key: "loop",
                title: _t("Loop Closure Rate"),
                value: this.format(m.loop_closure_rate, "%"),
                detail: `${m.followup_on_time} / ${m.followup_needed}`,
                count: m.followup_needed,
                domain: [["followup_state", "!=", "none"]],
            },
            {
                key: "count",
                title: _t("Feedback"),
                value: String(m.count),
                count: m.count,
                domain: [],
            },
        ];
    }

    /** A measure without data: the server sends false (XML-RPC cannot carry null). */
    isEmpty(value) {
        return value === false || value === null || value === undefined;
    }

    format(value, unit = "") {
        return this.isEmpty(value) ? "-" : `${formatFloat(value, { digits: [0, 1] })}${unit}`;
    }

    async onChangePeriod(ev) {
        this.state.periodDays = parseInt(ev.target.value);
        await this.load();
    }

    async onChangeTeam(ev) {
        this.state.teamId = parseInt(ev.target.value);
        await this.load();
    }

    openFeedback(domain, name) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name,
            res_model: "crm.feedback",
            views: [
                [false, "list"],
                [false, "form"],
                [false, "pivot"],
                [false, "graph"],
            ],
            domain: [...this.state.data.domain, ...domain],
        });
    }

    openMonth(row) {
        // The month's bounds as the server grouped it: the reader's calendar and time zone.
        this.openFeedback(
            [
                ["score_type", "in", ["nps", "csat"]],
                ["date", ">=", row.date_from],
                ["date", "<", row.date_to],
            ],
            row.label
        );
    }

    openAccounts() {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: _t("High Churn Risk"),
            res_model: "res.partner",
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain: this.state.data.worst_domain,
        });
    }

    openAccount(id) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "res.partner",
            res_id: id,
            views: [[false, "form"]],
        });
    }
}

registry.category("actions").add("crm_feedback.dashboard", FeedbackDashboard);
