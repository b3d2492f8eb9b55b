import { registry } from "@web/core/registry";
import { screenshotSteps } from "@parand_base/../tests/tours/tour_steps";

/**
 * Journey 5 of issue 12: the administrator of a database that already holds leads (on
 * Odoo's stages) sets it up for a Persian team, all in the web client: applies the Persian
 * pipeline to the team with the wizard (the team's leads mapped to Persian stages), makes
 * Iran's working calendar the company's and loads Iran's holidays into it from the
 * calendar's form, and sets a salesperson's calendar to Jalali. Each step checks what he
 * reads: Persian labels, the holidays' Persian names and Jalali dates.
 */

const GREGORIAN = /\b20\d\d[-/.]\d\d?[-/.]\d\d?\b|\b\d\d?[-/.]\d\d?[-/.]20\d\d\b/;

registry.category("web_tour.tours").add("parand_crm_journey_admin", {
    steps: () => [
        // ---------------------------------------------------------------- Persian pipeline
        {
            content: "open CRM's configuration menu",
            trigger: ".o_menu_sections [data-menu-xmlid='crm.crm_menu_config']",
            run: "click",
        },
        {
            content: "apply the Persian pipeline",
            trigger: ".o-dropdown--menu [data-menu-xmlid='parand_crm.menu_parand_pipeline_apply']",
            run: "click",
        },
        {
            content: "the wizard explains itself in Persian",
            trigger: ".modal .modal-title:contains(اعمال قیف فروش فارسی)",
        },
        {
            content: "choose the team",
            trigger: ".modal .o_field_widget[name=team_ids] input",
            run: "edit فروش کرج",
        },
        {
            content: "the team is offered",
            trigger: ".ui-autocomplete .dropdown-item:contains(فروش کرج)",
            run: "click",
        },
        {
            content: "the stages holding the team's leads are listed, each with a Persian stage",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row td[name=template_stage_id]:contains(سرنخ جدید)",
        },
        ...screenshotSteps("journey_admin_pipeline_wizard", ".modal .o_field_widget[name=line_ids] .o_data_row"),
        {
            content: "apply",
            trigger: ".modal button[name=action_apply]",
            run: "click",
        },
        {
            content: "the application is listed for the team",
            trigger: ".o_list_view .o_data_row:contains(فروش کرج)",
            timeout: 30000,
        },
        // ---------------------------------------------------------------- working calendar
        {
            content: "open CRM's settings",
            trigger: ".o_list_view .o_data_row:contains(فروش کرج)",
            run: "goToUrl /odoo/action-crm.crm_config_settings_action",
        },
        {
            content: "choose the company's working schedule",
            trigger: ".o_field_widget[name=l10n_ir_resource_calendar_id] input",
            // parand_crm makes the calendar's name translatable: in Persian.
            run: "edit ایران",
            timeout: 30000,
        },
        {
            content: "Iran's calendar is offered",
            trigger: ".ui-autocomplete .dropdown-item:contains(ایران: شنبه تا چهارشنبه)",
            run: "click",
        },
        {
            // Odoo reloads the page once settings are saved: the page is marked, so that the
            // next step waits for the reloaded one (unmarked) rather than leave before the
            // reload, which would bring the settings back over the next page.
            content: "save the settings",
            trigger: ".o_control_panel .o_form_button_save",
            async run(helpers) {
                document.body.classList.add("o_parand_before_reload");
                await helpers.click();
            },
        },
        {
            content: "the settings are saved with Iran's calendar, the page reloaded",
            trigger: "body:not(.o_parand_before_reload) .o_form_view:not(.o_form_dirty) .o_field_widget[name=l10n_ir_resource_calendar_id] input:value(/^ایران: شنبه/)",
            timeout: 30000,
        },
        {
            content: "open the working calendars",
            trigger: "body",
            run: "goToUrl /odoo/action-resource.action_resource_calendar_form",
        },
        {
            content: "open Iran's calendar",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(ایران: شنبه تا چهارشنبه)",
            run: "click",
            timeout: 30000,
        },
        {
            content: "load Iran's holidays",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_l10n_ir_load_holidays]:contains(بارگذاری تعطیلات ایران)",
            run: "click",
        },
        {
            content: "he is told, in Persian, how many holidays were added",
            trigger: ".o_notification:contains(تعطیلی افزوده شد)",
            timeout: 30000,
        },
        {
            content: "open the calendars' time off",
            trigger: "body",
            run: "goToUrl /odoo/action-resource.action_resource_calendar_leave_tree",
        },
        {
            content: "Nowruz is there, named in Persian",
            trigger: ".o_list_view .o_data_row:contains(نوروز)",
            timeout: 30000,
        },
        {
            content: "the holidays are dated in the Jalali calendar",
            trigger: ".o_list_view .o_data_row:contains(/14\\d\\d|۱۴[۰-۹]{2}/)",
            run() {
                const text = document.querySelector(".o_list_view").innerText;
                const found = text.match(GREGORIAN);
                if (found) {
                    throw new Error(`Gregorian date in the holidays: ${found[0]}`);
                }
            },
        },
        ...screenshotSteps("journey_admin_holidays", ".o_list_view .o_data_row"),
        // ---------------------------------------------------------------- a user's calendar
        {
            content: "open the users",
            trigger: "body",
            run: "goToUrl /odoo/action-base.action_res_users",
        },
        {
            content: "open the salesperson",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(سارا محمدی)",
            run: "click",
            timeout: 30000,
        },
        {
            content: "open his preferences",
            trigger: ".o_notebook a.nav-link[name=preferences]",
            run: "click",
        },
        {
            content: "choose the Jalali calendar",
            trigger: ".o_field_widget[name=date_calendar] input[data-value=jalali]",
            run: "click",
        },
        ...screenshotSteps("journey_admin_user_calendar", ".o_field_widget[name=date_calendar] input[data-value=jalali]:checked"),
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_form_view:not(.o_form_dirty) .o_field_widget[name=date_calendar] input[data-value=jalali]:checked",
        },
        {
            content: "back to the users",
            trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "the users are listed again",
            trigger: ".o_list_view .o_data_row td[name=name]:contains(سارا محمدی)",
        },
    ],
});
