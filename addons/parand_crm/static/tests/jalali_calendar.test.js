import { beforeEach, expect, test } from "@odoo/hoot";
import { queryAllTexts, queryFirst } from "@odoo/hoot-dom";
import { mockDate } from "@odoo/hoot-mock";
import {
    defineModels,
    fields,
    models,
    mountView,
    onRpc,
    patchWithCleanup,
} from "@web/../tests/web_test_helpers";
import { changeScale, navigate } from "@web/../tests/views/calendar/calendar_test_helpers";
import { mailModels } from "@mail/../tests/mail_test_helpers";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

class Meeting extends models.Model {
    _name = "parand.meeting";

    name = fields.Char();
    start = fields.Datetime();
    stop = fields.Datetime();

    _records = [
        // 1 Mordad 1403 and 31 Mordad 1403.
        { id: 1, name: "Mordad first", start: "2024-07-22 08:00:00", stop: "2024-07-22 09:00:00" },
        { id: 2, name: "Mordad last", start: "2024-08-21 08:00:00", stop: "2024-08-21 09:00:00" },
    ];
}

defineModels({ ...mailModels, Meeting });

const ARCH = `<calendar date_start="start" date_stop="stop" mode="month"/>`;

beforeEach(() => {
    patchWithCleanup(jalaliSettings, { enabled: true, persianDigits: false });
    // 15 Mordad 1403, a Monday.
    mockDate("2024-08-05 10:00:00", 0);
    onRpc("has_access", () => true);
});

const title = () => queryFirst(".o_calendar_container h5, .o_calendar_header h5").textContent.trim();
const monthCells = () => [...document.querySelectorAll(".fc-daygrid-day")];

test.tags("desktop")("the month view is the Jalali month, Saturday first", async () => {
    onRpc("parand.meeting", "search_read", ({ kwargs }) => {
        expect.step(kwargs.domain);
    });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: ARCH });
    // 1 Mordad 1403 is Monday 22 July 2024: the grid starts on Saturday 30 Tir (20 July) and
    // runs six weeks, to Friday 30 August; those are the days fetched.
    expect.verifySteps([
        [
            ["start", "<=", "2024-08-30 23:59:59"],
            ["stop", ">=", "2024-07-20 00:00:00"],
        ],
    ]);
    expect(title()).toBe("مرداد 1403");
    const cells = monthCells();
    expect(cells).toHaveLength(42);
    expect(cells[0]).toHaveAttribute("data-date", "2024-07-20");
    expect(cells[41]).toHaveAttribute("data-date", "2024-08-30");
    const numbers = cells.map((cell) => cell.querySelector(".fc-daygrid-day-number").textContent);
    expect(numbers.slice(0, 9)).toEqual(["30", "31", "1", "2", "3", "4", "5", "6", "7"]);
    expect(numbers[32]).toBe("31");
    expect(numbers[33]).toBe("1");
    // Tir's and Shahrivar's days are the other months'.
    const other = cells.map((cell) => cell.classList.contains("fc-day-other"));
    expect(other.indexOf(false)).toBe(2);
    expect(other.lastIndexOf(false)).toBe(32);
    expect(queryAllTexts(".fc-col-header-cell .o_cw_day_name")[0].toUpperCase()).toBe("SAT");
    expect(queryAllTexts(".fc-col-header-cell .o_cw_day_name")[6].toUpperCase()).toBe("FRI");
    expect(queryAllTexts(".fc-event .o_event_title")).toEqual(["Mordad first", "Mordad last"]);
});

test.tags("desktop")("the month's days are right in Tehran's time zone", async () => {
    mockDate("2024-08-05 10:00:00", 3.5);
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: ARCH });
    const cells = monthCells();
    expect(cells[0]).toHaveAttribute("data-date", "2024-07-20");
    const numbers = cells.map((cell) => cell.querySelector(".fc-daygrid-day-number").textContent);
    expect(numbers.slice(0, 3)).toEqual(["30", "31", "1"]);
    expect(cells[2]).not.toHaveClass("fc-day-other");
    expect(cells[1]).toHaveClass("fc-day-other");
});

test.tags("desktop")("next and previous move by Jalali months", async () => {
    onRpc("parand.meeting", "search_read", ({ kwargs }) => {
        expect.step(kwargs.domain[1][2]);
    });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: ARCH });
    await navigate("next");
    expect(title()).toBe("شهریور 1403");
    // 1 Shahrivar is Thursday 22 August: the grid starts on Saturday 17 August.
    expect(monthCells()[0]).toHaveAttribute("data-date", "2024-08-17");
    expect(monthCells()[0].querySelector(".fc-daygrid-day-number")).toHaveText("27");
    await navigate("prev");
    await navigate("prev");
    expect(title()).toBe("تیر 1403");
    expect.verifySteps([
        "2024-07-20 00:00:00",
        "2024-08-17 00:00:00",
        "2024-07-20 00:00:00",
        "2024-06-15 00:00:00",
    ]);
});

test.tags("desktop")("week and day views are titled and numbered in Jalali", async () => {
    patchWithCleanup(jalaliSettings, { persianDigits: true });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: ARCH });
    await changeScale("week");
    // The week of 15 Mordad runs from Saturday 13 to Friday 19 Mordad.
    expect(queryAllTexts(".fc-col-header-cell .o_cw_day_number")).toEqual([
        "۱۳", "۱۴", "۱۵", "۱۶", "۱۷", "۱۸", "۱۹",
    ]);
    expect(queryAllTexts(".fc-col-header-cell .o_cw_day_name")[0].toUpperCase()).toBe("SAT");
    expect(title()).toMatch(/^مرداد ۱۴۰۳/);
    await changeScale("day");
    expect(title()).toBe("۱۵ مرداد ۱۴۰۳");
});

test.tags("desktop")("a Gregorian user keeps Odoo's month", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: ARCH });
    expect(title()).toBe("August 2024");
    expect(monthCells()[0].querySelector(".fc-daygrid-day-number")).toHaveText("28");
});

const YEAR_ARCH = `<calendar date_start="start" date_stop="stop" mode="year"/>`;
const yearMonthTitles = () => queryAllTexts(".fc-dayGridYear-view .fc-toolbar-title");
/** The day cells of the year scale's small calendar at `index`, the days of its month only. */
const yearMonthDays = (index) => [
    ...document.querySelectorAll(".fc-dayGridYear-view .fc-month")[index].querySelectorAll(
        ".fc-daygrid-day:not(.o_jalali_other_month)"
    ),
];

test.tags("desktop")("the year scale is the Jalali year's twelve months", async () => {
    onRpc("parand.meeting", "search_read", ({ kwargs }) => {
        expect.step(kwargs.domain);
    });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: YEAR_ARCH });
    // 1403 runs from 1 Farvardin (20 March 2024) to 30 Esfand (20 March 2025), a leap year.
    expect.verifySteps([
        [
            ["start", "<=", "2025-03-20 23:59:59"],
            ["stop", ">=", "2024-03-20 00:00:00"],
        ],
    ]);
    expect(title()).toBe("1403");
    expect(yearMonthTitles()).toEqual([
        "فروردین 1403", "اردیبهشت 1403", "خرداد 1403", "تیر 1403", "مرداد 1403", "شهریور 1403",
        "مهر 1403", "آبان 1403", "آذر 1403", "دی 1403", "بهمن 1403", "اسفند 1403",
    ]);
    const farvardin = yearMonthDays(0);
    expect(farvardin).toHaveLength(31);
    expect(farvardin[0]).toHaveAttribute("data-date", "2024-03-20");
    expect(farvardin[0].querySelector(".fc-daygrid-day-number")).toHaveText("1");
    expect(yearMonthDays(11)).toHaveLength(30);
    expect(yearMonthDays(11).at(-1)).toHaveAttribute("data-date", "2025-03-20");
    // Each meeting lies in Mordad (the fifth month) on its own day, shown there only.
    const mordad = yearMonthDays(4);
    expect(mordad).toHaveLength(31);
    expect(mordad[0]).toHaveAttribute("data-date", "2024-07-22");
    expect(mordad[0].querySelector(".fc-daygrid-day-number")).toHaveText("1");
    expect(mordad[0].querySelector(".fc-bg-event")).not.toBe(null);
    expect(mordad[30]).toHaveAttribute("data-date", "2024-08-21");
    expect(mordad[30].querySelector(".fc-bg-event")).not.toBe(null);
    expect(mordad.filter((cell) => cell.querySelector(".fc-bg-event"))).toHaveLength(2);
    // Tir's grid ends on Friday 2 Mordad, but leaves Mordad's days empty.
    const tirTail = document
        .querySelectorAll(".fc-dayGridYear-view .fc-month")[3]
        .querySelector(".fc-daygrid-day[data-date='2024-07-22']");
    expect(tirTail).toHaveClass("o_jalali_other_month");
    expect(tirTail.textContent.trim()).toBe("");
});

test.tags("desktop")("the year scale moves by Jalali years, in Persian digits", async () => {
    patchWithCleanup(jalaliSettings, { persianDigits: true });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: YEAR_ARCH });
    await navigate("next");
    expect(title()).toBe("۱۴۰۴");
    expect(yearMonthTitles()[0]).toBe("فروردین ۱۴۰۴");
    // 1 Farvardin 1404 is Friday 21 March 2025: the last column of its first week.
    const farvardin = yearMonthDays(0);
    expect(farvardin[0]).toHaveAttribute("data-date", "2025-03-21");
    expect(farvardin[0].querySelector(".fc-daygrid-day-number")).toHaveText("۱");
    expect(yearMonthDays(11)).toHaveLength(29);
});

test.tags("desktop")("a Gregorian user keeps Odoo's year", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    await mountView({ resModel: "parand.meeting", type: "calendar", arch: YEAR_ARCH });
    expect(title()).toBe("2024");
    expect(yearMonthTitles()[0]).toBe("January 2024");
});
