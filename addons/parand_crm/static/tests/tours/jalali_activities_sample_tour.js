import { registry } from "@web/core/registry";

/**
 * A Jalali user opens CRM > Reporting > Activities on a database without activities: the
 * sample data's months are Jalali months of this year (آبان 1405), not impossible ones
 * (دی 2647) nor Gregorian ones.
 */
registry.category("web_tour.tours").add("parand_crm_jalali_activities_sample", {
    steps: () => [
        {
            content: "the pivot shows sample data",
            trigger: ".o_pivot_view .o_view_sample_data .o_pivot table",
        },
        {
            content: "its months are Jalali months of a real year",
            trigger: ".o_pivot table tbody th:contains(/^[آ-ی]+ (1[34]\\d\\d|[۱][۳۴][۰-۹]{2})$/)",
        },
        {
            content: "no Gregorian or impossible year is left",
            trigger: ".o_pivot table tbody:not(:has(th:contains(/(19|2\\d|[۱][۹]|[۲][۰-۹])[0-9۰-۹]{2}$/)))",
        },
    ],
});
