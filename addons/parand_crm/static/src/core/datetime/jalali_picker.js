/**
 * Odoo's DateTimePicker with Jalali months, years and decades for Jalali users.
 *
 * The picker keeps working on luxon DateTimes (Gregorian): only the grids it shows, its
 * titles and its next/previous steps follow the Jalali calendar. `focusDate` is the first
 * day of the Jalali month (days view), year (months view) or decade/century shown.
 */

import { _t } from "@web/core/l10n/translation";
import { isInRange, today } from "@web/core/l10n/dates";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { patch } from "@web/core/utils/patch";
import {
    MONTH_NAMES,
    addJalaliMonths,
    jalaliMonthGrid,
    jalaliWeekNumber,
    jdnToGregorian,
    toPersianDigits,
} from "@parand_crm/core/l10n/jalali";
import {
    dateTimeToJalali,
    jalaliSettings,
    jalaliToDateTime,
} from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

const GRID_COUNT = 10;
const GRID_MARGIN = 1;

const label = (value) => (jalaliSettings.persianDigits ? toPersianDigits(value) : String(value));

function dayAt(jdn) {
    const { gy, gm, gd } = jdnToGregorian(jdn);
    return DateTime.fromObject({ year: gy, month: gm, day: gd });
}

function dateItem({ id, range, text, isOutOfRange = false, isValid = true, extraClass = "" }) {
    return {
        id,
        includesToday: isInRange(today(), range),
        isOutOfRange,
        isValid,
        label: text,
        range,
        extraClass,
    };
}

/** First day of a Jalali year, or of the month of a Jalali year, as a DateTime. */
const startOf = (jy, jm = 1) => jalaliToDateTime({ jy, jm, jd: 1 });
const endOfYear = (jy) => startOf(jy + 1).minus({ millisecond: 1 });
const startOfDecade = (jy) => Math.floor(jy / 10) * 10;
const startOfCentury = (jy) => Math.floor(jy / 100) * 100;

/**
 * The Jalali counterpart of the picker's precision levels: same shape as Odoo's, plus
 * `move(date, sign)` for the next/previous buttons and `focus(date)` for the panel start.
 */
export const JALALI_PRECISION_LEVELS = new Map()
    .set("days", {
        mainTitle: _t("Select month"),
        nextTitle: _t("Next month"),
        prevTitle: _t("Previous month"),
        focus(date) {
            const { jy, jm } = dateTimeToJalali(date);
            return startOf(jy, jm);
        },
        move(date, sign) {
            const { jy, jm } = dateTimeToJalali(date);
            const next = addJalaliMonths(jy, jm, sign);
            return startOf(next.jy, next.jm);
        },
        getTitle(date, { additionalMonth }) {
            const { jy, jm } = dateTimeToJalali(date);
            const titles = [`${MONTH_NAMES[jm - 1]} ${label(jy)}`];
            if (additionalMonth) {
                const next = addJalaliMonths(jy, jm, 1);
                titles.push(`${MONTH_NAMES[next.jm - 1]} ${label(next.jy)}`);
            }
            return titles;
        },
        getItems(
            date,
            { additionalMonth, maxDate, minDate, showWeekNumbers, isDateValid, dayCellClass }
        ) {
            const { jy, jm } = dateTimeToJalali(date);
            const months = [{ jy, jm }];
            if (additionalMonth) {
                months.push(addJalaliMonths(jy, jm, 1));
            }
            return months.map((month, i) => {
                const weeks = jalaliMonthGrid(month.jy, month.jm).map((week) => ({
                    number: jalaliWeekNumber(week[0].jdn),
                    days: week.map((cell) => {
                        const day = dayAt(cell.jdn);
                        const range = [day, day.endOf("day")];
                        return dateItem({
                            id: day.toISODate(),
                            range,
                            text: label(cell.jd),
                            isOutOfRange: !cell.inMonth,
                            isValid:
                                isInRange(range, [minDate, maxDate]) &&
                                (isDateValid ? isDateValid(day) : true),
                            extraClass: dayCellClass?.(day) || "",
                        });
                    }),
                }));
                // A sixth row made only of the next month's days is left out, as Odoo does.
                if (weeks[5].days.every((d) => d.isOutOfRange)) {
                    weeks.pop();
                }
                // Persian has no short weekday names ("شنبه" is already short): use the
                // one-letter ones so that the seven columns fit.
                const persian = date.locale?.startsWith("fa");
                const daysOfWeek = weeks[0].days.map(({ range: [day] }) => [
                    persian ? day.toFormat("ccccc") : day.weekdayShort,
                    day.weekdayLong,
                    day.toFormat("ccccc"),
                ]);
                if (showWeekNumbers) {
                    daysOfWeek.unshift(["#", _t("Week numbers"), "#"]);
                }
                return { id: `__month__${i}`, number: month.jm, daysOfWeek, weeks };
            });
        },
    })
    .set("months", {
        mainTitle: _t("Select year"),
        nextTitle: _t("Next year"),
        prevTitle: _t("Previous year"),
        focus(date) {
            return startOf(dateTimeToJalali(date).jy);
        },
        move(date, sign) {
            return startOf(dateTimeToJalali(date).jy + sign);
        },
        getTitle(date) {
            return label(dateTimeToJalali(date).jy);
        },
        getItems(date, { maxDate, minDate }) {
            const { jy } = dateTimeToJalali(date);
            return MONTH_NAMES.map((name, i) => {
                const next = addJalaliMonths(jy, i + 1, 1);
                const range = [startOf(jy, i + 1), startOf(next.jy, next.jm).minus({ millisecond: 1 })];
                return dateItem({
                    id: range[0].toISODate(),
                    range,
                    text: name,
                    isValid: isInRange(range, [minDate, maxDate]),
                });
            });
        },
    })
    .set("years", {
        mainTitle: _t("Select decade"),
        nextTitle: _t("Next decade"),
        prevTitle: _t("Previous decade"),
        focus(date) {
            return startOf(startOfDecade(dateTimeToJalali(date).jy));
        },
        move(date, sign) {
            return startOf(startOfDecade(dateTimeToJalali(date).jy) + 10 * sign);
        },
        getTitle(date) {
            const start = startOfDecade(dateTimeToJalali(date).jy);
            return `${label(start - 1)} - ${label(start + 10)}`;
        },
        getItems(date, { maxDate, minDate }) {
            const start = startOfDecade(dateTimeToJalali(date).jy);
            const items = [];
            for (let i = -GRID_MARGIN; i < GRID_COUNT + GRID_MARGIN; i++) {
                const range = [startOf(start + i), endOfYear(start + i)];
                items.push(
                    dateItem({
                        id: range[0].toISODate(),
                        range,
                        text: label(start + i),
                        isOutOfRange: i < 0 || i >= GRID_COUNT,
                        isValid: isInRange(range, [minDate, maxDate]),
                    })
                );
            }
            return items;
        },
    })
    .set("decades", {
        mainTitle: _t("Select century"),
        nextTitle: _t("Next century"),
        prevTitle: _t("Previous century"),
        focus(date) {
            return startOf(startOfCentury(dateTimeToJalali(date).jy));
        },
        move(date, sign) {
            return startOf(startOfCentury(dateTimeToJalali(date).jy) + 100 * sign);
        },
        getTitle(date) {
            const start = startOfCentury(dateTimeToJalali(date).jy);
            return `${label(start - 10)} - ${label(start + 100)}`;
        },
        getItems(date, { maxDate, minDate }) {
            const start = startOfCentury(dateTimeToJalali(date).jy);
            const items = [];
            for (let i = -GRID_MARGIN; i < GRID_COUNT + GRID_MARGIN; i++) {
                const decade = start + i * 10;
                const range = [startOf(decade), endOfYear(decade + 9)];
                items.push(
                    dateItem({
                        id: range[0].toISODate(),
                        range,
                        text: label(decade),
                        isOutOfRange: i < 0 || i >= GRID_COUNT,
                        isValid: isInRange(range, [minDate, maxDate]),
                    })
                );
            }
            return items;
        },
    });

patch(DateTimePicker.prototype, {
    get activePrecisionLevel() {
        if (!jalaliSettings.enabled) {
            return super.activePrecisionLevel;
        }
        return JALALI_PRECISION_LEVELS.get(this.state.precision);
    },
    adjustFocus(values, focusedDateIndex) {
        const shouldAdjust = this.shouldAdjustFocusDate || !this.state.focusDate;
        super.adjustFocus(...arguments);
        if (!jalaliSettings.enabled || !shouldAdjust) {
            return;
        }
        // Odoo focuses the Gregorian month of the value; show its Jalali month instead.
        const value = values[focusedDateIndex] || values[focusedDateIndex === 1 ? 0 : 1];
        const focus = JALALI_PRECISION_LEVELS.get("days").focus(value || today());
        this.state.focusDate = this.clamp(focus);
    },
    next(ev) {
        if (!jalaliSettings.enabled) {
            return super.next(...arguments);
        }
        ev.preventDefault();
        this.state.focusDate = this.clamp(this.activePrecisionLevel.move(this.state.focusDate, 1));
    },
    previous(ev) {
        if (!jalaliSettings.enabled) {
            return super.previous(...arguments);
        }
        ev.preventDefault();
        this.state.focusDate = this.clamp(this.activePrecisionLevel.move(this.state.focusDate, -1));
    },
});
