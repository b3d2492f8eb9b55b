import { registry } from "@web/core/registry";
import { noGregorian, screenshotSteps } from "@parand_base/../tests/tours/tour_steps";

/**
 * Journey 4 of issue 12, the pipeline part: a Persian sales manager who reads the Jalali
 * calendar opens the stage conversion report: the Persian stages of his team, their
 * conversion rates, then the same by Jalali month of creation. No Gregorian date is shown.
 */

registry.category("web_tour.tours").add("parand_crm_journey_manager", {
    steps: () => [
        {
            content: "the stage conversion report is titled in Persian",
            trigger: ".o_breadcrumb:contains(تبدیل مراحل)",
        },
        {
            content: "its rows are the team's Persian stages",
            trigger: ".o_pivot th:contains(سرنخ جدید)",
        },
        {
            content: "with the conversion rate, named in Persian",
            trigger: ".o_pivot th:contains(نرخ تبدیل)",
        },
        {
            content: "and the team, in Persian",
            trigger: ".o_pivot th:contains(فروش اصفهان)",
        },
        ...screenshotSteps("journey_manager_stage_conversion", ".o_pivot"),
        {
            content: "open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "group by the date of creation",
            trigger: ".o_group_by_menu .o_accordion_toggle:contains(تاریخ ایجاد)",
            run: "click",
        },
        {
            content: "by month: Jalali months for a Jalali reader",
            trigger: ".o_group_by_menu .o_item_option:contains(/^\\s*ماه\\s*$/)",
            run: "click",
        },
        {
            content: "the months are Jalali months",
            trigger: ".o_pivot th:contains(/14\\d\\d|۱۴[۰-۹]{2}/)",
        },
        noGregorian("stage conversion", ".o_pivot th"),
    ],
});
