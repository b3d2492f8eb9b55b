import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";
import { screenshotSteps } from "@parand_base/../tests/tours/tour_steps";

const { DateTime } = luxon;

/**
 * A salesperson creates two opportunities: on the first one they type the expected closing
 * date, on the second one they pick it in the date picker. The same steps run for a Jalali
 * and for a Gregorian user; the Python test checks the Gregorian dates the server holds.
 */
function leadSteps({
    prefix, typed, shown, invalid, pickFrom, monthTitle, nextMonthTitle, picked, screenshots,
}) {
    // Screenshots for the README, once (the Jalali user's run).
    const shot = (name, trigger) => (screenshots ? screenshotSteps(name, trigger) : []);
    const deadline = ".o_field_widget[name=date_deadline] input";
    return [
        {
            content: "name the first opportunity",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: `edit ${prefix} typed lead`,
        },
        {
            content: "type the expected closing date",
            trigger: deadline,
            run: `edit ${typed} && press Enter`,
        },
        {
            content: "the date is shown in the user's calendar",
            trigger: `${deadline}:value(${shown})`,
        },
        {
            content: "type a day that does not exist",
            trigger: deadline,
            run: `edit ${invalid} && press Enter`,
        },
        {
            content: "the day that does not exist is refused: the field keeps its date",
            trigger: `${deadline}:value(${shown})`,
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: `.o_breadcrumb .active:contains(${prefix} typed lead)`,
        },
        {
            content: "new opportunity",
            trigger: ".o_form_button_create",
            run: "click",
        },
        {
            content: "the new opportunity's form is open",
            trigger: `.o_breadcrumb .active:not(:contains(${prefix} typed lead))`,
        },
        {
            content: "name the second opportunity",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: `edit ${prefix} picked lead`,
        },
        {
            content: "start from a known month",
            trigger: deadline,
            run: `edit ${pickFrom} && press Enter`,
        },
        {
            content: "open the date picker",
            trigger: `${deadline}:value(${pickFrom})`,
            run: "click",
        },
        {
            content: "the picker shows the month of the date",
            trigger: `.o_datetime_picker .o_header_part:contains(${monthTitle})`,
        },
        ...shot("jalali_date_picker", ".o_datetime_picker"),
        {
            content: "go to the next month",
            trigger: ".o_datetime_picker .o_next",
            run: "click",
        },
        {
            content: "pick the 31st",
            trigger: `.o_datetime_picker:has(.o_header_part:contains(${nextMonthTitle})) button.o_date_item_cell:contains(31)`,
            run: "click",
        },
        {
            content: "the picked date is in the field",
            trigger: `${deadline}:value(${picked})`,
        },
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved",
            trigger: `.o_breadcrumb .active:contains(${prefix} picked lead)`,
        },
        ...shot("jalali_lead_form", `${deadline}:value(${picked})`),
    ];
}

registry.category("web_tour.tours").add("parand_crm_jalali_lead", {
    url: "/odoo/action-crm.crm_lead_action_pipeline/new",
    steps: () =>
        leadSteps({
            prefix: "Jalali",
            typed: "۱۴۰۳/۰۵/۰۱",
            shown: "1403/05/01",
            invalid: "1402/12/30",
            pickFrom: "1403/05/10",
            monthTitle: "مرداد 1403",
            nextMonthTitle: "شهریور 1403",
            picked: "1403/06/31",
            screenshots: true,
        }),
});

registry.category("web_tour.tours").add("parand_crm_gregorian_lead", {
    url: "/odoo/action-crm.crm_lead_action_pipeline/new",
    steps: () => {
        // In the user's own date format and language, whatever they are.
        const text = (iso) => DateTime.fromISO(iso).toFormat(localization.dateFormat);
        const title = (iso) => `${DateTime.fromISO(iso).monthLong} ${DateTime.fromISO(iso).year}`;
        return leadSteps({
            prefix: "Gregorian",
            typed: text("2024-07-22"),
            shown: text("2024-07-22"),
            invalid: text("2024-02-28").replace("28", "30"),
            pickFrom: text("2024-07-10"),
            monthTitle: title("2024-07-01"),
            nextMonthTitle: title("2024-08-01"),
            picked: text("2024-08-31"),
        });
    },
});
