/**
 * Dates in Jalali for the users whose calendar (res.users.date_calendar) is Jalali.
 *
 * Odoo formats and parses every date the user sees or types through the functions of
 * @web/core/l10n/dates; they are patched here, so fields, lists, the date picker's input and
 * every other caller follow the user's calendar. Values stay luxon DateTimes in the Gregorian
 * calendar: serialization, domains and exports are untouched, the server gets Gregorian ISO.
 *
 * This file is loaded before the rest of the web client (see the manifest) so the patch is
 * in place before any module takes its copy of these functions.
 */

import * as dates from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { _t } from "@web/core/l10n/translation";
import { session } from "@web/session";
import { formatPersianDuration } from "../../rtl/persian_durations";
import { patchOdooModule } from "../utils/patch_odoo_module";
import {
    formatJalali,
    gregorianToJdn,
    jalaliToJdn,
    jdnToJalali,
    MONTH_NAMES,
    parseJalali,
    SEASON_NAMES,
    toGregorian,
    toJalali,
    toPersianDigits,
    weekdayIndex,
} from "./jalali";

const { DateTime } = luxon;

export const jalaliSettings = {
    /** Whether dates are shown and read in Jalali: the user's preference. */
    enabled: session.parand_date_calendar === "jalali",
    /** Whether dates are written with Persian digits (۱۴۰۳/۰۵/۰۱). */
    persianDigits: Boolean(session.parand_persian_digits),
};

/** The Jalali date of a luxon DateTime (in the DateTime's own zone). */
export function dateTimeToJalali(value) {
    return toJalali(value.year, value.month, value.day);
}

/** The luxon DateTime (local day start, or the given time) of a Jalali date. */
export function jalaliToDateTime({ jy, jm, jd, hour = 0, minute = 0, second = 0 }, zone) {
    const { gy, gm, gd } = toGregorian(jy, jm, jd);
    return DateTime.fromObject(
        { year: gy, month: gm, day: gd, hour, minute, second },
        { zone: zone || "default" }
    );
}

function condense(timeFormat) {
    return timeFormat.replace(/(^|[^H])H{2}([^H]|$)/, "$1H$2");
}

/** A date as the Jalali user reads it: 1403/05/01. */
export function formatJalaliDate(value, options = {}) {
    return formatJalali(dateTimeToJalali(value), {
        condensed: options.condensed,
        persianDigits: jalaliSettings.persianDigits,
    });
}

/** A datetime as the Jalali user reads it, in the user's timezone: 1403/05/01 14:30:00. */
export function formatJalaliDateTime(value, options = {}) {
    const local = value.setZone(options.tz || "default");
    let timeFormat =
        options.showSeconds === false ? localization.shortTimeFormat : localization.timeFormat;
    if (options.condensed) {
        timeFormat = condense(timeFormat);
    }
    const time = local.toFormat(timeFormat);
    return `${formatJalaliDate(local, options)} ${
        jalaliSettings.persianDigits ? toPersianDigits(time) : time
    }`;
}

/**
 * What the Jalali user typed, as a luxon DateTime; null when the text is no written date
 * (Odoo's own reading then applies: "+3d", "today", ...).
 *
 * @throws {dates.ConversionError} for a written date that does not exist, e.g. 1402/12/30
 */
export function parseJalaliDateTime(text, options = {}) {
    let parsed;
    try {
        parsed = parseJalali(text);
    } catch {
        throw new dates.ConversionError(_t("'%s' is not a correct Jalali date", text));
    }
    return parsed && jalaliToDateTime(parsed, options.tz);
}

// This file owns the patch of @web/core/l10n/dates (see ../utils/patch_odoo_module.js).
patchOdooModule("@web/core/l10n/dates", dates, {
    formatDate(value, options = {}) {
        if (!jalaliSettings.enabled || !value || options.format) {
            return super.formatDate(...arguments);
        }
        return formatJalaliDate(value, options);
    },
    formatDateTime(value, options = {}) {
        if (!jalaliSettings.enabled || !value || options.format) {
            return super.formatDateTime(...arguments);
        }
        return formatJalaliDateTime(value, options);
    },
    parseDate(value, options = {}) {
        if (jalaliSettings.enabled && value && !options.format) {
            const parsed = parseJalaliDateTime(value, options);
            if (parsed) {
                return parsed.startOf("day");
            }
        }
        return super.parseDate(...arguments);
    },
    parseDateTime(value, options = {}) {
        if (jalaliSettings.enabled && value && !options.format) {
            const parsed = parseJalaliDateTime(value, options);
            if (parsed) {
                return parsed;
            }
        }
        return super.parseDateTime(...arguments);
    },
    formatDuration(seconds, showFullDuration) {
        return (
            formatPersianDuration(seconds, showFullDuration) ??
            super.formatDuration(...arguments)
        );
    },
});

/**
 * The DateTime written by luxon's own formatting (toLocaleString: "Monday, July 22, 2024")
 * in the user's calendar: Intl's Persian (Solar Hijri) calendar for a Jalali user, so that
 * what Odoo writes through Intl reads "Mordad 1, 1403 AP" (۱ مرداد ۱۴۰۳ in Persian).
 * Only for text shown: the DateTime's own fields (year, month, day) stay Gregorian.
 */
export function inUserCalendar(value) {
    if (!jalaliSettings.enabled || !value) {
        return value;
    }
    return value.reconfigure({
        outputCalendar: "persian",
        numberingSystem: jalaliSettings.persianDigits ? "arabext" : value.numberingSystem,
    });
}

/**
 * The title of the Jalali period (day, week, month, quarter or year) that holds a luxon
 * DateTime, as the server titles date groups for a Jalali reader: "مهر 1405",
 * "پاییز 1405", "1405", "09 مهر 1405", and the week "هفتهٔ 30 1405" (weeks of the Jalali
 * year start on Saturday; week 1 holds Farvardin 1st).
 */
export function jalaliPeriodLabel(value, interval) {
    const { jy, jm, jd } = dateTimeToJalali(value);
    const month = MONTH_NAMES[jm - 1];
    let label;
    switch (interval) {
        case "day":
            label = `${String(jd).padStart(2, "0")} ${month} ${jy}`;
            break;
        case "week": {
            // As the server (tools/jalali.py week_of_year): the week of its Saturday, in
            // the Jalali year of its Friday; week 1 holds Farvardin 1st.
            const jdn = gregorianToJdn(value.year, value.month, value.day);
            const saturday = jdn - weekdayIndex(jdn);
            const weekYear = jdnToJalali(saturday + 6).jy;
            const newYear = jalaliToJdn(weekYear, 1, 1);
            const week = Math.floor((saturday - (newYear - weekdayIndex(newYear))) / 7) + 1;
            label = `هفتهٔ ${week} ${weekYear}`;
            break;
        }
        case "quarter":
            label = `${SEASON_NAMES[Math.floor((jm - 1) / 3)]} ${jy}`;
            break;
        case "year":
            label = String(jy);
            break;
        default:
            label = `${month} ${jy}`;
    }
    return jalaliSettings.persianDigits ? toPersianDigits(label) : label;
}
