import { registry } from "@web/core/registry";
import {
    JALALI_YEAR,
    noGregorian,
    screenshotSteps,
} from "@parand_base/../tests/tours/tour_steps";

/**
 * Journey 4 of issue 12, the complaints and feedback part: a Persian sales manager who reads
 * the Jalali calendar opens the feedback dashboard, the complaint list, the complaint
 * analysis and the print menu of the management review. Each screen is checked for what he
 * reads: Persian titles, Jalali months and dates, no Gregorian date.
 */

registry.category("web_tour.tours").add("crm_feedback_journey_manager", {
    steps: () => [
        // ---------------------------------------------------------------- dashboard
        {
            content: "the dashboard shows the NPS of the period",
            trigger: ".o_feedback_card_nps .o_feedback_value",
        },
        {
            content: "its months are Jalali months, named in Persian",
            trigger: `.o_feedback_months tbody tr td:first-child:contains(/^[آ-ی]+ ${JALALI_YEAR}$/)`,
        },
        noGregorian("dashboard", ".o_feedback_months"),
        ...screenshotSteps("journey_manager_dashboard", ".o_feedback_months"),
        // ---------------------------------------------------------------- complaints
        {
            content: "open the complaints",
            trigger: "body",
            run: "goToUrl /odoo/action-crm_feedback.crm_complaint_action?view_type=list",
        },
        {
            content: "the complaint list is titled in Persian",
            trigger: ".o_list_view th:contains(تاریخ دریافت)",
            timeout: 30000,
        },
        {
            content: "the complaints are dated in the Jalali calendar",
            trigger: `.o_list_view .o_data_row:contains(خرابی کمپرسور):contains(/${JALALI_YEAR}/)`,
        },
        noGregorian("complaint list", ".o_list_view .o_data_row"),
        ...screenshotSteps("journey_manager_complaints", ".o_list_view .o_data_row"),
        {
            content: "select every complaint",
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "open the print menu",
            trigger: ".o_cp_action_menus button:has(.fa-print)",
            run: "click",
        },
        {
            content: "the management review is offered, in Persian",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(بازنگری مدیریت شکایت‌ها)",
        },
        // ---------------------------------------------------------------- analysis
        {
            content: "open the complaint analysis",
            trigger: "body",
            run: "goToUrl /odoo/action-crm_feedback.crm_complaint_report_action",
        },
        {
            content: "the analysis is titled in Persian",
            trigger: ".o_breadcrumb:contains(تحلیل شکایت‌ها)",
            timeout: 30000,
        },
        {
            content: "its columns are Jalali months",
            trigger: `.o_pivot thead th:contains(/${JALALI_YEAR}/)`,
        },
        noGregorian("complaint analysis", ".o_pivot thead th"),
        ...screenshotSteps("journey_manager_complaint_analysis", ".o_pivot"),
    ],
});
