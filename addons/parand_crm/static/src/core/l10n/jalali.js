/**
 * Jalali (Solar Hijri) calendar arithmetic, without any dependency.
 *
 * The conversion is the algorithm of jalaali-js (Behrooz Borkar's arithmetic on the
 * 2820-year break table), written again here so that the web client needs no npm package.
 * Everything works on plain numbers: {jy, jm, jd} for Jalali, {gy, gm, gd} for Gregorian,
 * months counted from 1.
 */

export const MONTH_NAMES = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/** The four Jalali quarters: the seasons, Farvardin to Khordad being spring. */
export const SEASON_NAMES = ["بهار", "تابستان", "پاییز", "زمستان"];

// Years where the 33-year leap cycle of the Jalali calendar changes its phase.
const BREAKS = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];
export const MIN_YEAR = BREAKS[0];
export const MAX_YEAR = BREAKS[BREAKS.length - 1] - 1;

const div = (a, b) => Math.trunc(a / b);
const mod = (a, b) => a - Math.trunc(a / b) * b;

/** Leap flag (0 = leap), Gregorian year and March day of the Jalali new year. */
function jalCal(jy) {
    if (!Number.isInteger(jy) || jy < MIN_YEAR || jy > MAX_YEAR) {
        throw new RangeError(`Jalali year out of range: ${jy}`);
    }
    const gy = jy + 621;
    let leapJ = -14;
    let jp = BREAKS[0];
    let jump = 0;
    for (let i = 1; i < BREAKS.length; i++) {
        const jm = BREAKS[i];
        jump = jm - jp;
        if (jy < jm) {
            break;
        }
        leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
        jp = jm;
    }
    let n = jy - jp;
    leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
    if (mod(jump, 33) === 4 && jump - n === 4) {
        leapJ += 1;
    }
    const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    const march = 20 + leapJ - leapG;
    if (jump - n < 6) {
        n = n - jump + div(jump + 4, 33) * 33;
    }
    let leap = mod(mod(n + 1, 33) - 1, 4);
    if (leap === -1) {
        leap = 4;
    }
    return { leap, gy, march };
}

/** Julian day number of a Gregorian date. */
export function gregorianToJdn(gy, gm, gd) {
    const d =
        div((gy + div(gm - 8, 6) + 100100) * 1461, 4) +
        div(153 * mod(gm + 9, 12) + 2, 5) +
        gd -
        34840408;
    return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
}

/** Gregorian date of a Julian day number. */
export function jdnToGregorian(jdn) {
    let j = 4 * jdn + 139361631;
    j += div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
    const i = div(mod(j, 1461), 4) * 5 + 308;
    const gd = div(mod(i, 153), 5) + 1;
    const gm = mod(div(i, 153), 12) + 1;
    const gy = div(j, 1461) - 100100 + div(8 - gm, 6);
    return { gy, gm, gd };
}

/** Julian day number of a Jalali date (not validated: day 32 is the next month's first). */
export function jalaliToJdn(jy, jm, jd) {
    const { gy, march } = jalCal(jy);
    return gregorianToJdn(gy, 3, march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
}

/** Jalali date of a Julian day number. */
export function jdnToJalali(jdn) {
    const { gy } = jdnToGregorian(jdn);
    let jy = gy - 621;
    const { leap, march } = jalCal(jy);
    let k = jdn - gregorianToJdn(gy, 3, march);
    if (k >= 0) {
        if (k <= 185) {
            return { jy, jm: 1 + div(k, 31), jd: mod(k, 31) + 1 };
        }
        k -= 186;
    } else {
        jy -= 1;
        k += 179;
        if (leap === 1) {
            k += 1;
        }
    }
    return { jy, jm: 7 + div(k, 30), jd: mod(k, 30) + 1 };
}

export function toJalali(gy, gm, gd) {
    return jdnToJalali(gregorianToJdn(gy, gm, gd));
}

export function toGregorian(jy, jm, jd) {
    return jdnToGregorian(jalaliToJdn(jy, jm, jd));
}

export function isLeapJalaliYear(jy) {
    return jalCal(jy).leap === 0;
}

export function jalaliMonthLength(jy, jm) {
    if (jm <= 6) {
        return 31;
    }
    if (jm <= 11) {
        return 30;
    }
    return isLeapJalaliYear(jy) ? 30 : 29;
}

export function isValidJalaliDate(jy, jm, jd) {
    return (
        Number.isInteger(jy) &&
        jy >= MIN_YEAR &&
        jy <= MAX_YEAR &&
        Number.isInteger(jm) &&
        jm >= 1 &&
        jm <= 12 &&
        Number.isInteger(jd) &&
        jd >= 1 &&
        jd <= jalaliMonthLength(jy, jm)
    );
}

/** The same Jalali month shifted by `months` (negative goes back), as {jy, jm}. */
export function addJalaliMonths(jy, jm, months) {
    const index = jy * 12 + (jm - 1) + months;
    return { jy: Math.floor(index / 12), jm: (((index % 12) + 12) % 12) + 1 };
}

// ---------------------------------------------------------------------------- digits

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Latin digits for Persian (۰-۹) and Arabic-Indic (٠-٩) ones; other characters kept. */
export function normalizeDigits(text) {
    return String(text).replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (c) => {
        const code = c.charCodeAt(0);
        return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
    });
}

export function toPersianDigits(text) {
    return String(text).replace(/[0-9]/g, (c) => String.fromCharCode(PERSIAN_ZERO + Number(c)));
}

// ------------------------------------------------------------------ format and parse

const pad = (n, width = 2) => String(n).padStart(width, "0");

/**
 * A Jalali date written as text.
 *
 * @param {{jy: number, jm: number, jd: number}} date
 * @param {Object} [options]
 * @param {boolean} [options.condensed] month and day without their leading zero (1403/5/1)
 * @param {boolean} [options.monthName] the Persian month name (1 مرداد 1403)
 * @param {boolean} [options.persianDigits] ۱۴۰۳/۰۵/۰۱ rather than 1403/05/01
 */
export function formatJalali({ jy, jm, jd }, options = {}) {
    let text;
    if (options.monthName) {
        text = `${jd} ${MONTH_NAMES[jm - 1]} ${jy}`;
    } else if (options.condensed) {
        text = `${jy}/${jm}/${jd}`;
    } else {
        text = `${pad(jy, 4)}/${pad(jm)}/${pad(jd)}`;
    }
    return options.persianDigits ? toPersianDigits(text) : text;
}

/**
 * Years from which a written date is Gregorian: no Jalali reader writes 1700 (2321 in the
 * Gregorian calendar), no Gregorian one writes 1403.
 */
export const GREGORIAN_YEARS_FROM = 1700;

const DATE_INPUT = new RegExp(
    "^\\s*(\\d{1,4})\\s*[/\\-.]\\s*(\\d{1,2})\\s*[/\\-.]\\s*(\\d{1,2})" +
        "(?:[\\sT]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?\\s*$"
);
const COMPACT_INPUT = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;

/**
 * What the user typed, read as a Jalali date (and time).
 *
 * Latin, Persian and Arabic-Indic digits, and "/", "-" or "." between year, month and day
 * are understood; "14030501" too. Returns null when the text is not written as a date at
 * all (so the caller may try other readings, e.g. "+3d"), or is a Gregorian date (a year
 * from GREGORIAN_YEARS_FROM on: "2026-10-05"), and throws a RangeError when it is
 * written as a date that does not exist (1402/12/30: Esfand 1402 has 29 days).
 *
 * @param {string} text
 * @returns {{jy: number, jm: number, jd: number, hour: number, minute: number, second: number} | null}
 */
export function parseJalali(text) {
    const value = normalizeDigits(text).replace(/[\u066b\u060c]/g, "/");
    const match = value.match(DATE_INPUT) || value.match(COMPACT_INPUT);
    if (!match) {
        return null;
    }
    const [jy, jm, jd, hour = 0, minute = 0, second = 0] = match
        .slice(1)
        .map((n) => Number(n || 0));
    if (jy >= GREGORIAN_YEARS_FROM) {
        // 2026-10-05 is a Gregorian date: as the server writes dates, and as Odoo's own
        // code reads them back through parseDate (the sample data of an empty view).
        return null;
    }
    if (!isValidJalaliDate(jy, jm, jd) || jy < 1000) {
        throw new RangeError(`${value.trim()} is not a Jalali date`);
    }
    if (hour > 23 || minute > 59 || second > 59) {
        throw new RangeError(`${value.trim()} has no such time`);
    }
    return { jy, jm, jd, hour, minute, second };
}

// ------------------------------------------------------------------------ month grid

/** 0 for Saturday ... 6 for Friday: the Persian week starts on Saturday. */
export function weekdayIndex(jdn) {
    // jdn % 7 is 0 on Mondays.
    return (mod(jdn, 7) + 2) % 7;
}

/**
 * The weeks shown by the picker for a Jalali month: 6 rows of 7 days, Saturday first, the
 * days of the previous and next months filling the first and last rows.
 *
 * @returns {{jy: number, jm: number, jd: number, jdn: number, inMonth: boolean}[][]}
 */
export function jalaliMonthGrid(jy, jm) {
    const first = jalaliToJdn(jy, jm, 1);
    const start = first - weekdayIndex(first);
    const weeks = [];
    for (let w = 0; w < 6; w++) {
        const week = [];
        for (let d = 0; d < 7; d++) {
            const jdn = start + w * 7 + d;
            const date = jdnToJalali(jdn);
            week.push({ ...date, jdn, inMonth: date.jy === jy && date.jm === jm });
        }
        weeks.push(week);
    }
    return weeks;
}

/** Week of the Jalali year (weeks start on Saturday, week 1 holds Farvardin 1st). */
export function jalaliWeekNumber(jdn) {
    const { jy } = jdnToJalali(jdn);
    const newYear = jalaliToJdn(jy, 1, 1);
    const firstSaturday = newYear - weekdayIndex(newYear);
    return Math.floor((jdn - firstSaturday) / 7) + 1;
}
