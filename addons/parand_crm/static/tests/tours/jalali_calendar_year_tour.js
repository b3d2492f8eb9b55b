import { registry } from "@web/core/registry";
import { MONTH_NAMES } from "@parand_crm/core/l10n/jalali";
import { dateTimeToJalali } from "@parand_crm/core/l10n/jalali_dates";
import { screenshotSteps } from "@parand_base/../tests/tours/tour_steps";

/**
 * A Jalali user opens his calendar's year scale: twelve Jalali months, from فروردین to
 * اسفند of this Jalali year, and today's meeting in today's cell of its Jalali month.
 */
registry.category("web_tour.tours").add("parand_crm_jalali_calendar_year", {
    steps: () => [
        {
            content: "open the scales",
            trigger: ".o_calendar_view .o_view_scale_selector .scale_button_selection",
            run: "click",
        },
        {
            content: "choose the year",
            trigger: ".o-dropdown--menu .o_scale_button_year",
            run: "click",
        },
        {
            content: "the year is this Jalali year",
            trigger: `.o_calendar_header h5:contains(/^\\s*(${
                dateTimeToJalali(luxon.DateTime.now()).jy
            })\\s*$/)`,
        },
        {
            content: "its twelve months are the Jalali months, in order",
            trigger: ".fc-dayGridYear-view .fc-month:eq(11) .fc-toolbar-title",
            run() {
                const { jy } = dateTimeToJalali(luxon.DateTime.now());
                const titles = [
                    ...document.querySelectorAll(".fc-dayGridYear-view .fc-toolbar-title"),
                ].map((title) => title.textContent.trim());
                const expected = MONTH_NAMES.map((name) => `${name} ${jy}`);
                if (JSON.stringify(titles) !== JSON.stringify(expected)) {
                    throw new Error(`months ${titles.join(", ")}, expected ${expected.join(", ")}`);
                }
            },
        },
        {
            content: "today's meeting is in today's cell of this Jalali month",
            trigger: ".fc-dayGridYear-view .fc-day-today:not(.o_jalali_other_month) .fc-bg-event",
            run() {
                const today = luxon.DateTime.now();
                const month = this.anchor.closest(".fc-month");
                const title = month.querySelector(".fc-toolbar-title").textContent;
                const { jy, jm, jd } = dateTimeToJalali(today);
                const cell = this.anchor.closest(".fc-daygrid-day");
                const number = cell.querySelector(".fc-daygrid-day-number").textContent;
                if (title.trim() !== `${MONTH_NAMES[jm - 1]} ${jy}` || number !== String(jd)) {
                    throw new Error(`today is shown as ${number} ${title}`);
                }
                month.scrollIntoView({ block: "center" });
            },
        },
        ...screenshotSteps("calendar_year_jalali"),
    ],
});
