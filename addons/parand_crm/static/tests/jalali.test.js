import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { mockDate, mockTimeZone } from "@odoo/hoot-mock";
import { patchTranslations, patchWithCleanup } from "@web/../tests/web_test_helpers";

import {
    formatDate,
    formatDateTime,
    parseDate,
    parseDateTime,
    serializeDate,
    serializeDateTime,
} from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { JALALI_PRECISION_LEVELS } from "@parand_crm/core/datetime/jalali_picker";
import {
    formatJalali,
    isLeapJalaliYear,
    isValidJalaliDate,
    jalaliMonthGrid,
    jalaliMonthLength,
    normalizeDigits,
    parseJalali,
    toGregorian,
    toJalali,
    toPersianDigits,
} from "@parand_crm/core/l10n/jalali";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

beforeEach(() => {
    patchTranslations();
    patchWithCleanup(localization, {
        dateFormat: "MM/dd/yyyy",
        timeFormat: "HH:mm:ss",
        shortTimeFormat: "HH:mm",
        dateTimeFormat: "MM/dd/yyyy HH:mm:ss",
    });
});

describe("conversion", () => {
    test("known days both ways", () => {
        // Checked against the server's jdatetime (tools/jalali.py).
        const pairs = [
            [[1403, 1, 1], [2024, 3, 20]],
            [[1402, 1, 1], [2023, 3, 21]],
            [[1403, 5, 1], [2024, 7, 22]],
            [[1399, 12, 30], [2021, 3, 20]],
            [[1403, 12, 30], [2025, 3, 20]],
            [[1404, 1, 1], [2025, 3, 21]],
            [[1354, 10, 11], [1976, 1, 1]],
        ];
        for (const [[jy, jm, jd], [gy, gm, gd]] of pairs) {
            expect(toGregorian(jy, jm, jd)).toEqual({ gy, gm, gd });
            expect(toJalali(gy, gm, gd)).toEqual({ jy, jm, jd });
        }
    });

    test("every day of 1390..1410 goes there and back", () => {
        let day = DateTime.fromObject({ year: 2011, month: 3, day: 21 });
        let previous = null;
        while (day.year < 2032) {
            const j = toJalali(day.year, day.month, day.day);
            expect(isValidJalaliDate(j.jy, j.jm, j.jd)).toBe(true);
            const g = toGregorian(j.jy, j.jm, j.jd);
            if (g.gy !== day.year || g.gm !== day.month || g.gd !== day.day) {
                expect(g).toEqual({ gy: day.year, gm: day.month, gd: day.day });
            }
            if (previous && previous.jd + 1 !== j.jd) {
                // A new month starts only after the last day of the previous one.
                expect(previous.jd).toBe(jalaliMonthLength(previous.jy, previous.jm));
                expect(j.jd).toBe(1);
            }
            previous = j;
            day = day.plus({ day: 1 });
        }
    });

    test("leap years and month lengths", () => {
        const leaps = [];
        for (let year = 1395; year <= 1410; year++) {
            if (isLeapJalaliYear(year)) {
                leaps.push(year);
            }
        }
        expect(leaps).toEqual([1395, 1399, 1403, 1408]);
        expect(jalaliMonthLength(1403, 1)).toBe(31);
        expect(jalaliMonthLength(1403, 6)).toBe(31);
        expect(jalaliMonthLength(1403, 7)).toBe(30);
        expect(jalaliMonthLength(1403, 12)).toBe(30);
        expect(jalaliMonthLength(1402, 12)).toBe(29);
        expect(isValidJalaliDate(1402, 12, 30)).toBe(false);
        expect(isValidJalaliDate(1403, 12, 30)).toBe(true);
        expect(isValidJalaliDate(1403, 13, 1)).toBe(false);
    });
});

describe("digits and text", () => {
    test("Persian and Arabic-Indic digits", () => {
        expect(normalizeDigits("۱۴۰۳/٠٥/01")).toBe("1403/05/01");
        expect(toPersianDigits("1403/05/01")).toBe("۱۴۰۳/۰۵/۰۱");
    });

    test("formatJalali", () => {
        const date = { jy: 1403, jm: 5, jd: 1 };
        expect(formatJalali(date)).toBe("1403/05/01");
        expect(formatJalali(date, { condensed: true })).toBe("1403/5/1");
        expect(formatJalali(date, { persianDigits: true })).toBe("۱۴۰۳/۰۵/۰۱");
        expect(formatJalali(date, { monthName: true })).toBe("1 مرداد 1403");
    });

    test("parseJalali accepts digits and separators, refuses days that do not exist", () => {
        const mordad1 = { jy: 1403, jm: 5, jd: 1, hour: 0, minute: 0, second: 0 };
        for (const text of ["1403/5/1", "1403/05/01", "۱۴۰۳-۰۵-۰۱", "١٤٠٣.٠٥.٠١", "14030501"]) {
            expect(parseJalali(text)).toEqual(mordad1);
        }
        expect(parseJalali("1403/05/01 14:30")).toEqual({ ...mordad1, hour: 14, minute: 30 });
        expect(parseJalali("+3d")).toBe(null);
        expect(parseJalali("today")).toBe(null);
        expect(() => parseJalali("1402/12/30")).toThrow(/not a Jalali date/);
        expect(() => parseJalali("1403/13/01")).toThrow(/not a Jalali date/);
        expect(() => parseJalali("1403/07/31")).toThrow(/not a Jalali date/);
        expect(parseJalali("1403/12/30")).toEqual({ ...mordad1, jm: 12, jd: 30 });
    });
});

describe("Odoo's date functions", () => {
    test("a Jalali user reads and types Jalali, the server gets Gregorian", () => {
        patchWithCleanup(jalaliSettings, { enabled: true });
        mockTimeZone(3.5);
        const date = DateTime.fromObject({ year: 2024, month: 7, day: 22 });
        expect(formatDate(date)).toBe("1403/05/01");
        expect(formatDate(date, { condensed: true })).toBe("1403/5/1");
        const datetime = DateTime.fromObject(
            { year: 2024, month: 7, day: 22, hour: 14, minute: 30 },
            { zone: "utc" }
        );
        expect(formatDateTime(datetime)).toBe("1403/05/01 18:00:00");
        expect(formatDateTime(datetime, { showSeconds: false })).toBe("1403/05/01 18:00");

        expect(serializeDate(parseDate("۱۴۰۳/۰۵/۰۱"))).toBe("2024-07-22");
        expect(serializeDate(parseDate("1403-5-1"))).toBe("2024-07-22");
        expect(serializeDateTime(parseDateTime("1403/05/01 18:00:00"))).toBe(
            "2024-07-22 14:30:00"
        );
        expect(() => parseDate("1402/12/30")).toThrow(/not a correct Jalali date/);
    });

    test("Odoo's relative dates still work for a Jalali user", () => {
        patchWithCleanup(jalaliSettings, { enabled: true });
        mockDate("2024-07-22 10:00:00");
        expect(serializeDate(parseDate("+3d"))).toBe("2024-07-25");
    });

    test("Persian digits option", () => {
        patchWithCleanup(jalaliSettings, { enabled: true, persianDigits: true });
        const date = DateTime.fromObject({ year: 2024, month: 7, day: 22 });
        expect(formatDate(date)).toBe("۱۴۰۳/۰۵/۰۱");
    });

    test("a Gregorian user sees nothing change", () => {
        patchWithCleanup(jalaliSettings, { enabled: false });
        const date = DateTime.fromObject({ year: 2024, month: 7, day: 22 });
        expect(formatDate(date)).toBe("07/22/2024");
        expect(serializeDate(parseDate("07/22/2024"))).toBe("2024-07-22");
        // A Gregorian user typing 1403/05/01 does not get a Jalali reading.
        expect(() => parseDate("1402/12/30")).toThrow();
    });
});

describe("picker", () => {
    test("month grid starts on Saturday and shows the whole month", () => {
        const weeks = jalaliMonthGrid(1403, 5);
        expect(weeks).toHaveLength(6);
        // 1 Mordad 1403 is Monday 22 July 2024: third column when weeks start on Saturday.
        expect(weeks[0].map((d) => d.jd)).toEqual([30, 31, 1, 2, 3, 4, 5]);
        const inMonth = weeks.flat().filter((d) => d.inMonth);
        expect(inMonth).toHaveLength(31);
        expect(inMonth.at(-1).jd).toBe(31);
    });

    test("Esfand has 30 days in leap years only", () => {
        const days = (jy) =>
            jalaliMonthGrid(jy, 12)
                .flat()
                .filter((d) => d.inMonth).length;
        expect(days(1403)).toBe(30);
        expect(days(1402)).toBe(29);
        expect(days(1399)).toBe(30);
    });

    test("the picker's days, months and years panels", () => {
        const days = JALALI_PRECISION_LEVELS.get("days");
        const focus = days.focus(DateTime.fromObject({ year: 2024, month: 8, day: 25 }));
        // 25 August 2024 is 4 Shahrivar 1403.
        expect(focus.toISODate()).toBe("2024-08-22");
        expect(days.getTitle(focus, {})).toEqual(["شهریور 1403"]);
        const [month] = days.getItems(focus, {});
        expect(month.weeks[0].days[0].range[0].weekday).toBe(6); // Saturday
        const shown = month.weeks.flatMap((w) => w.days).filter((d) => !d.isOutOfRange);
        expect(shown.map((d) => d.label)).toEqual([...Array(31)].map((_, i) => String(i + 1)));
        expect(shown[0].range[0].toISODate()).toBe("2024-08-22");
        expect(days.move(focus, 1).toISODate()).toBe("2024-09-22"); // 1 Mehr 1403
        expect(days.move(days.move(focus, 1), -2).toISODate()).toBe("2024-07-22"); // 1 Mordad

        const esfand = days.focus(DateTime.fromObject({ year: 2024, month: 3, day: 1 }));
        const esfandDays = days
            .getItems(esfand, {})[0]
            .weeks.flatMap((w) => w.days)
            .filter((d) => !d.isOutOfRange);
        expect(esfandDays).toHaveLength(29); // Esfand 1402
        expect(days.move(esfand, 1).toISODate()).toBe("2024-03-20"); // Nowruz 1403

        const months = JALALI_PRECISION_LEVELS.get("months");
        const items = months.getItems(focus, {});
        expect(items).toHaveLength(12);
        expect(items[0].label).toBe("فروردین");
        expect(items[11].range[0].toISODate()).toBe("2025-02-19"); // 1 Esfand 1403
        expect(items[11].range[1].toISODate()).toBe("2025-03-20"); // 30 Esfand 1403
        expect(months.getTitle(focus)).toBe("1403");

        const years = JALALI_PRECISION_LEVELS.get("years");
        expect(years.getTitle(focus)).toBe("1399 - 1410");
        expect(years.getItems(focus, {}).map((i) => i.label)[1]).toBe("1400");
    });
});
