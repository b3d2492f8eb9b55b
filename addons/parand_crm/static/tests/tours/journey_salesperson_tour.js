import { registry } from "@web/core/registry";
import { screenshotSteps } from "@parand_base/../tests/tours/tour_steps";

/**
 * A Persian salesperson's day on his team's Persian pipeline: he creates a lead from the
 * pipeline, types the customer's national code in Persian digits and is warned of the lead
 * that already has it, moves the lead through the stages, schedules a Letter activity and
 * prints the letter. Each step checks what he reads: Persian stage names, the normalized
 * code, the Jalali due date of the letter.
 */
registry.category("web_tour.tours").add("parand_crm_journey_salesperson", {
    steps: () => [
        {
            content: "the pipeline opens on the team's Persian stages",
            trigger: ".o_kanban_renderer .o_column_title:contains(سرنخ جدید)",
        },
        {
            content: "the stages follow the Persian sales cycle",
            trigger: ".o_kanban_renderer .o_column_title:contains(تعیین صلاحیت)",
        },
        ...screenshotSteps("journey_salesperson_pipeline", ".o_kanban_record"),
        {
            content: "new lead from the pipeline",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "name it in the quick create card",
            trigger: ".o_kanban_quick_create .o_field_widget[name=name] input",
            run: "edit سامانهٔ مدیریت انبار پخش البرز",
        },
        {
            content: "open the whole form",
            trigger: ".o_kanban_quick_create .o_kanban_edit",
            run: "click",
        },
        {
            content: "type the customer's national code in Persian digits",
            trigger: ".o_form_view .o_field_widget[name=l10n_ir_national_code] input",
            run: "edit ۰۴۹۹۳۷۰۸۹۹ && press Tab",
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "the code is kept in Latin digits, as the registry writes it",
            trigger: ".o_form_view .o_field_widget[name=l10n_ir_national_code] input:value(0499370899)",
        },
        {
            content: "the lead that already has this national code is shown as a duplicate",
            trigger: "button[name=action_show_potential_duplicates] .o_stat_value:contains(1)",
        },
        {
            content: "move the lead to the first contact",
            trigger: ".o_statusbar_status button:contains(تماس اولیه)",
            run: "click",
        },
        {
            content: "the first contact is the current stage",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(تماس اولیه)",
        },
        {
            content: "move the lead on to qualification",
            trigger: ".o_statusbar_status button:contains(تعیین صلاحیت)",
            run: "click",
        },
        {
            content: "qualification is the current stage",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(تعیین صلاحیت)",
        },
        {
            content: "schedule an activity",
            trigger: ".o-mail-Chatter-topbar button:contains(فعالیت)",
            run: "click",
        },
        {
            content: "choose the Letter activity type",
            trigger: ".modal .o_field_widget[name=activity_type_id] input",
            run: "edit نامه",
        },
        {
            content: "the Letter type is offered",
            trigger: ".ui-autocomplete .dropdown-item:contains(نامه)",
            run: "click",
        },
        {
            content: "the letter's subject",
            trigger: ".modal .o_field_widget[name=summary] input",
            run: "edit ارسال پیش‌فاکتور سامانهٔ انبار",
        },
        {
            content: "schedule it",
            trigger: ".modal button[name=action_schedule_activities]",
            run: "click",
        },
        {
            content: "the letter is planned in the chatter",
            trigger: ".o-mail-Activity:contains(ارسال پیش‌فاکتور سامانهٔ انبار)",
        },
        ...screenshotSteps("journey_salesperson_lead", ".o-mail-Activity"),
        {
            content: "open the print menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "print the letter",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(نامه)",
            run: "click",
        },
        {
            content: "the letter is printed: the page is the lead's again, without error",
            trigger: ".o_form_view .o_field_widget[name=l10n_ir_national_code] input:value(0499370899)",
            // The server renders the letter while the page waits.
            timeout: 60000,
        },
    ],
});
