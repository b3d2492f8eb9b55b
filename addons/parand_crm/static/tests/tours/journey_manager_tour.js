import { registry } from "@web/core/registry";
import { screenshotSteps } from "./screenshot";

/**
 * Journey 4 of issue 12, the pipeline part: a Persian sales manager who reads the Jalali
 * calendar opens the stage conversion report: the Persian stages of his team, their
 * conversion rates, then the same by Jalali month of creation. No Gregorian date is shown.
 */

const GREGORIAN = [
    /\b20\d\d[-/.]\d\d?[-/.]\d\d?\b/,
    /\bW\d{1,2} 20\d\d\b/,
    /\b20\d\d-\d\d\b/,
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
];

function noGregorian(screen, trigger) {
    return {
        content: `${screen}: no Gregorian date`,
        trigger,
        run() {
            const text = document.querySelector(".o_action_manager").innerText;
            for (const pattern of GREGORIAN) {
                const found = text.match(pattern);
                if (found) {
                    throw new Error(`${screen}: Gregorian date ${JSON.stringify(found[0])}`);
                }
            }
        },
    };
}

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
