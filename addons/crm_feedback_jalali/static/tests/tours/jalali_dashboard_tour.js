import { registry } from "@web/core/registry";

/**
 * A Persian manager who reads Jalali opens Feedback > Dashboard: the months of the NPS and
 * CSAT table are Jalali months (آبان 1405), not Gregorian ones (2026-11). The Python test
 * made one answer in each of three months.
 */
registry.category("web_tour.tours").add("crm_feedback_jalali_dashboard", {
    steps: () => [
        {
            content: "the months are Jalali months",
            trigger: ".o_feedback_months tbody tr td:first-child:contains(/^[آ-ی]+ (14\\d\\d|۱۴[۰-۹]{2})$/)",
        },
        {
            content: "and no Gregorian month is left",
            trigger: ".o_feedback_months tbody:not(:has(td:contains(/20\\d\\d-\\d\\d/)))",
        },
    ],
});

/** Then a month opens the answers of that Jalali month, and only them. */
registry.category("web_tour.tours").add("crm_feedback_jalali_dashboard_month", {
    steps: () => [
        {
            content: "open the last month",
            trigger: ".o_feedback_months tbody tr:last-child td:first-child",
            run: "click",
        },
        {
            content: "its one answer, and only it",
            trigger: ".o_list_view:not(:has(.o_data_row:eq(1))) .o_data_row",
        },
    ],
});
