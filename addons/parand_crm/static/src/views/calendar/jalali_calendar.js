/**
 * Odoo's calendar view (day, week and month scales) in Jalali for Jalali users.
 *
 * The model's month is the Jalali month of its date: its range (the records fetched) runs
 * from the Saturday on or before the 1st of that month over six weeks, as Odoo's own month
 * does for Gregorian months. FullCalendar is asked for exactly that range (a "dayGrid" view
 * with a visible range) rather than its Gregorian "dayGridMonth"; day numbers, column
 * headers, week numbers and the controller's titles are written in Jalali. The year scale is
 * the Jalali year (1 Farvardin to the last day of Esfand): its twelve small calendars are the
 * Jalali months, each a day grid over the weeks of that month whose other days stay empty.
 */

import { CalendarController } from "@web/views/calendar/calendar_controller";
import { CalendarModel } from "@web/views/calendar/calendar_model";
import { CalendarCommonRenderer } from "@web/views/calendar/calendar_common/calendar_common_renderer";
import { CalendarYearRenderer } from "@web/views/calendar/calendar_year/calendar_year_renderer";
import { patch } from "@web/core/utils/patch";
import {
    MONTH_NAMES,
    addJalaliMonths,
    gregorianToJdn,
    jalaliMonthLength,
    jalaliWeekNumber,
    toPersianDigits,
} from "@parand_crm/core/l10n/jalali";
import {
    dateTimeToJalali,
    jalaliSettings,
    jalaliToDateTime,
} from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

/** Luxon's weekday (1 Monday ... 7 Sunday) on which the Persian week starts. */
export const JALALI_FIRST_DAY_OF_WEEK = 6;

const number = (value) => (jalaliSettings.persianDigits ? toPersianDigits(value) : String(value));

/** "مرداد ۱۴۰۳" */
export function jalaliMonthTitle(date) {
    const { jy, jm } = dateTimeToJalali(date);
    return `${MONTH_NAMES[jm - 1]} ${number(jy)}`;
}

const jdnOf = (date) => gregorianToJdn(date.year, date.month, date.day);

/** The same day of the Jalali month `months` away (the last day when it is shorter). */
export function plusJalaliMonths(date, months) {
    const { jy, jm, jd } = dateTimeToJalali(date);
    const target = addJalaliMonths(jy, jm, months);
    const day = Math.min(jd, jalaliMonthLength(target.jy, target.jm));
    return jalaliToDateTime({ ...target, jd: day }, date.zone).set({
        hour: date.hour,
        minute: date.minute,
        second: date.second,
        millisecond: date.millisecond,
    });
}

/**
 * The day of a column header: FullCalendar gives month headers a date without time zone,
 * read in UTC as Odoo's own headers do.
 */
function headerDay(jsDate, scale) {
    return DateTime.fromJSDate(jsDate, scale === "month" ? { zone: "UTC" } : {});
}

/** The day of a day cell: its local midnight, as Odoo reads it (getDayCellClassNames). */
const cellDay = (jsDate) => DateTime.fromJSDate(jsDate);

/** The first and last day of the Jalali month `jm` of the year `jy`, at midnight. */
function jalaliMonthBounds(jy, jm, zone) {
    const first = jalaliToDateTime({ jy, jm, jd: 1 }, zone);
    const last = jalaliToDateTime({ jy, jm, jd: jalaliMonthLength(jy, jm) }, zone);
    return { first, last };
}

/** Whether `date` lies in the Jalali month `{ jy, jm }`. */
function inJalaliMonth(date, { jy, jm }) {
    const day = dateTimeToJalali(date);
    return day.jy === jy && day.jm === jm;
}

patch(CalendarModel.prototype, {
    setup() {
        super.setup(...arguments);
        if (jalaliSettings.enabled) {
            this.meta.firstDayOfWeek = JALALI_FIRST_DAY_OF_WEEK;
        }
    },
    computeRange() {
        if (!jalaliSettings.enabled || !["month", "year"].includes(this.meta.scale)) {
            return super.computeRange(...arguments);
        }
        const { jy, jm } = dateTimeToJalali(this.meta.date);
        if (this.meta.scale === "year") {
            const zone = this.meta.date.zone;
            return {
                start: jalaliMonthBounds(jy, 1, zone).first.startOf("day"),
                end: jalaliMonthBounds(jy, 12, zone).last.endOf("day"),
            };
        }
        const first = jalaliToDateTime({ jy, jm, jd: 1 }, this.meta.date.zone);
        const offset = (first.weekday - this.meta.firstDayOfWeek + 7) % 7;
        const start = first.minus({ days: offset }).startOf("day");
        const end = start.plus({ weeks: 6, days: -1 }).endOf("day");
        return { start, end };
    },
});

patch(CalendarController.prototype, {
    async setDate(move) {
        const scale = this.model.scale;
        if (!jalaliSettings.enabled || !["month", "year"].includes(scale) || move === "today") {
            return super.setDate(...arguments);
        }
        const months = scale === "year" ? 12 : 1;
        const date = plusJalaliMonths(this.model.date, move === "next" ? months : -months);
        await this.model.load({ date });
    },
    get currentDate() {
        const scale = this.model.meta.scale;
        if (!jalaliSettings.enabled || !this.env.isSmall || !["week", "month"].includes(scale)) {
            return super.currentDate;
        }
        return ` - ${jalaliMonthTitle(this.date)}`;
    },
    get currentYear() {
        return jalaliSettings.enabled ? number(dateTimeToJalali(this.date).jy) : super.currentYear;
    },
    get currentMonth() {
        return jalaliSettings.enabled ? jalaliMonthTitle(this.date) : super.currentMonth;
    },
    get dayHeader() {
        if (!jalaliSettings.enabled) {
            return super.dayHeader;
        }
        const { jd } = dateTimeToJalali(this.date);
        return `${number(jd)} ${jalaliMonthTitle(this.date)}`;
    },
    get weekHeader() {
        if (!jalaliSettings.enabled) {
            return super.weekHeader;
        }
        const start = dateTimeToJalali(this.model.rangeStart);
        const end = dateTimeToJalali(this.model.rangeEnd);
        if (start.jy !== end.jy) {
            return `${jalaliMonthTitle(this.model.rangeStart)} - ${jalaliMonthTitle(
                this.model.rangeEnd
            )}`;
        } else if (start.jm !== end.jm) {
            return `${MONTH_NAMES[start.jm - 1]} - ${MONTH_NAMES[end.jm - 1]} ${number(start.jy)}`;
        }
        return jalaliMonthTitle(this.model.rangeStart);
    },
    get currentWeek() {
        if (!jalaliSettings.enabled) {
            return super.currentWeek;
        }
        return number(jalaliWeekNumber(jdnOf(this.model.rangeStart)));
    },
});

patch(CalendarCommonRenderer.prototype, {
    get options() {
        const options = super.options;
        if (!jalaliSettings.enabled) {
            return options;
        }
        const { model } = this.props;
        Object.assign(options, {
            firstDay: JALALI_FIRST_DAY_OF_WEEK % 7,
            weekNumberCalculation: (date) => jalaliWeekNumber(jdnOf(DateTime.fromJSDate(date))),
            dayCellContent: this.getJalaliDayCellContent,
            viewClassNames: ["o_jalali_calendar"],
        });
        if (model.scale === "month") {
            // FullCalendar's months are Gregorian: show the model's range (the Jalali month's
            // six weeks) in a plain day grid instead.
            options.initialView = "dayGrid";
            options.visibleRange = {
                start: model.rangeStart.toISODate(),
                end: model.rangeEnd.plus({ days: 1 }).toISODate(),
            };
        }
        return options;
    },
    getJalaliDayCellContent({ date, dayNumberText }) {
        if (!dayNumberText) {
            return true;
        }
        return number(dateTimeToJalali(cellDay(date)).jd);
    },
    getDayCellClassNames(info) {
        const classNames = super.getDayCellClassNames(...arguments);
        if (jalaliSettings.enabled && this.props.model.scale === "month") {
            // The plain day grid does not know which days are the month's own.
            const shown = dateTimeToJalali(this.props.model.date);
            const cell = dateTimeToJalali(cellDay(info.date));
            if (cell.jy !== shown.jy || cell.jm !== shown.jm) {
                classNames.push("fc-day-other");
            }
        }
        return classNames;
    },
    headerTemplateProps(date) {
        const props = super.headerTemplateProps(...arguments);
        if (jalaliSettings.enabled) {
            props.day = number(dateTimeToJalali(headerDay(date, props.scale)).jd);
        }
        return props;
    },
});

patch(CalendarYearRenderer.prototype, {
    /**
     * The small calendar at `month`'s place (Odoo keys them by the Gregorian month names, in
     * order) shows the Jalali month of the same rank: the weeks from the Saturday on or
     * before its 1st to the Friday on or after its last day.
     */
    getOptionsForMonth(month) {
        const options = super.getOptionsForMonth(...arguments);
        if (!jalaliSettings.enabled) {
            return options;
        }
        const { date, firstDayOfWeek } = this.props.model;
        const shown = { jy: dateTimeToJalali(date).jy, jm: this.months.indexOf(month) + 1 };
        const { first, last } = jalaliMonthBounds(shown.jy, shown.jm, date.zone);
        const start = first.minus({ days: (first.weekday - firstDayOfWeek + 7) % 7 });
        const end = last.plus({ days: 7 - ((last.weekday - firstDayOfWeek + 7) % 7) });
        return {
            ...options,
            initialView: "dayGrid",
            initialDate: first.toISODate(),
            visibleRange: { start: start.toISODate(), end: end.toISODate() },
            firstDay: JALALI_FIRST_DAY_OF_WEEK % 7,
            titleFormat: () => jalaliMonthTitle(first),
            dayCellContent: ({ date: day }) =>
                inJalaliMonth(cellDay(day), shown) ? number(dateTimeToJalali(cellDay(day)).jd) : "",
            dayCellClassNames: (info) => {
                const classNames = this.getDayCellClassNames(info);
                // The days of the neighbouring months are left empty, as Odoo's Gregorian
                // months leave theirs (showNonCurrentDates).
                return inJalaliMonth(cellDay(info.date), shown)
                    ? classNames
                    : [...classNames, "fc-day-disabled", "o_jalali_other_month"];
            },
            viewClassNames: ["o_jalali_calendar"],
        };
    },
});
