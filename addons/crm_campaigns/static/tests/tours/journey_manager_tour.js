import { registry } from "@web/core/registry";
import {
    JALALI_YEAR,
    noGregorian,
    screenshotSteps,
} from "@parand_base/../tests/tours/tour_steps";

/**
 * Journey 4 of issue 12, the campaigns part: a Persian sales manager who reads the Jalali
 * calendar compares the campaigns' results, opens one and finds its summary in the print
 * menu, then reads the campaign analysis by month. Each screen is checked for Persian
 * titles, Jalali months and no Gregorian date.
 */

registry.category("web_tour.tours").add("crm_campaigns_journey_manager", {
    steps: () => [
        {
            content: "the campaigns side by side, titled in Persian",
            trigger: ".o_breadcrumb:contains(مقایسهٔ کمپین‌ها)",
        },
        {
            content: "the won revenue column is named in Persian",
            trigger: ".o_list_view th:contains(درآمد معامله‌های برنده)",
        },
        {
            content: "the Nowruz campaign and its results",
            trigger: ".o_list_view .o_data_row:contains(کمپین نوروز)",
        },
        noGregorian("campaign comparison", ".o_list_view .o_data_row"),
        ...screenshotSteps("journey_manager_campaign_results", ".o_list_view .o_data_row"),
        {
            content: "open the Nowruz campaign",
            trigger: ".o_list_view .o_data_row:contains(کمپین نوروز) td[name=title]",
            run: "click",
        },
        {
            content: "open the results tab, titled in Persian",
            trigger: ".o_form_view .o_notebook a.nav-link[name=results]:contains(نتایج)",
            run: "click",
        },
        {
            content: "its results are shown in Persian",
            trigger: ".o_form_view .o_field_widget[name=won_revenue]",
        },
        noGregorian("campaign form", ".o_form_view .o_field_widget[name=won_revenue]"),
        {
            content: "open the form's action menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "the campaign summary is offered, in Persian",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(خلاصهٔ کمپین)",
        },
        ...screenshotSteps("journey_manager_campaign", ".o-dropdown--menu"),
        {
            content: "open the campaign analysis",
            trigger: "body",
            run: "goToUrl /odoo/action-crm_campaigns.crm_campaign_report_action?view_type=graph",
        },
        {
            content: "the analysis is titled in Persian",
            trigger: ".o_breadcrumb:contains(تحلیل کمپین‌ها)",
            timeout: 30000,
        },
        {
            content: "the graph is drawn",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "switch to the pivot table",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "open the search options",
            trigger: ".o_pivot_view .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "group by the month of creation",
            trigger: ".o_group_by_menu .o_accordion_toggle:contains(ماه ایجاد)",
            run: "click",
        },
        {
            content: "by month",
            trigger: ".o_group_by_menu .o_item_option:contains(/^\\s*ماه\\s*$/)",
            run: "click",
        },
        {
            content: "the months are Jalali months",
            trigger: `.o_pivot th:contains(/${JALALI_YEAR}/)`,
        },
        {
            content: "close the search options",
            trigger: ".o_pivot_view .o_searchview_dropdown_toggler",
            run: "click",
        },
        noGregorian("campaign analysis", "body:not(:has(.o_group_by_menu)) .o_pivot th"),
        ...screenshotSteps("journey_manager_campaign_analysis", ".o_pivot"),
    ],
});
