import { registry } from "@web/core/registry";

/**
 * A Persian manager who reads Jalali opens Feedback > Dashboard: the months of the NPS and
 * CSAT table are Jalali months (آبان 1405), not Gregorian ones (2026-11).
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
