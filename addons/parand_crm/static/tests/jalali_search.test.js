import { beforeEach, expect, test } from "@odoo/hoot";
import { queryAllTexts } from "@odoo/hoot-dom";
import { mockDate } from "@odoo/hoot-mock";
import {
    defineModels,
    fields,
    getFacetTexts,
    models,
    mountWithSearch,
    patchWithCleanup,
    toggleMenuItem,
    toggleMenuItemOption,
    toggleSearchBarMenu,
} from "@web/../tests/web_test_helpers";
import { mailModels } from "@mail/../tests/mail_test_helpers";
import { SearchBar } from "@web/search/search_bar/search_bar";
import { constructDateDomain } from "@web/search/utils/dates";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

class Lead extends models.Model {
    _name = "crm.lead";

    name = fields.Char();
    date_deadline = fields.Date();
    date_closed = fields.Datetime();

    _views = {
        search: `
            <search>
                <filter string="Deadline" name="deadline" date="date_deadline"/>
                <filter string="Closed" name="closed" date="date_closed"/>
            </search>
        `,
    };
}

defineModels({ ...mailModels, Lead });

beforeEach(() => {
    patchWithCleanup(jalaliSettings, { enabled: true });
    // 4 Shahrivar 1403.
    mockDate("2024-08-25 10:00:00", 0);
});

async function mountSearchBar() {
    const searchBar = await mountWithSearch(SearchBar, {
        resModel: "crm.lead",
        searchViewId: false,
        searchMenuTypes: ["filter"],
    });
    await toggleSearchBarMenu();
    return searchBar.env.searchModel;
}

const optionTexts = () => queryAllTexts`.o-dropdown--menu .o_item_option`;

test("a Jalali user's date filter offers Jalali months, seasons and years", async () => {
    await mountSearchBar();
    await toggleMenuItem("Deadline");
    expect(optionTexts()).toEqual([
        "شهریور",
        "مرداد",
        "تیر",
        "زمستان",
        "پاییز",
        "تابستان",
        "بهار",
        "1403",
        "1402",
        "1401",
    ]);
});

test("the years are written with Persian digits for those who chose them", async () => {
    patchWithCleanup(jalaliSettings, { persianDigits: true });
    await mountSearchBar();
    await toggleMenuItem("Deadline");
    expect(optionTexts().slice(-3)).toEqual(["۱۴۰۳", "۱۴۰۲", "۱۴۰۱"]);
});

test("a Jalali month filters its Gregorian days, in the current Jalali year", async () => {
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Deadline");
    await toggleMenuItemOption("Deadline", "مرداد");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_deadline", ">=", "2024-07-22"],
        ["date_deadline", "<=", "2024-08-21"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: مرداد 1403"]);

    // The same month of another year too: one period per year, the older first.
    await toggleMenuItemOption("Deadline", "1402");
    expect(searchModel.domain).toEqual([
        "|",
        "&",
        ["date_deadline", ">=", "2023-07-23"],
        ["date_deadline", "<=", "2023-08-22"],
        "&",
        ["date_deadline", ">=", "2024-07-22"],
        ["date_deadline", "<=", "2024-08-21"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: مرداد 1402/مرداد 1403"]);
});

test("early in Farvardin, the months of last Jalali year come with their year", async () => {
    mockDate("2024-03-29 10:00:00", 0); // 10 Farvardin 1403
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Deadline");
    expect(optionTexts().slice(0, 3)).toEqual(["فروردین", "اسفند", "بهمن"]);
    await toggleMenuItemOption("Deadline", "اسفند");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_deadline", ">=", "2024-02-20"],
        ["date_deadline", "<=", "2024-03-19"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: اسفند 1402"]);
});

test("a season of another Jalali year", async () => {
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Deadline");
    await toggleMenuItemOption("Deadline", "پاییز");
    await toggleMenuItemOption("Deadline", "1402");
    await toggleMenuItemOption("Deadline", "1403");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_deadline", ">=", "2023-09-23"],
        ["date_deadline", "<=", "2023-12-21"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: پاییز 1402"]);
});

test("a Jalali year, from Nowruz to the end of Esfand", async () => {
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Deadline");
    await toggleMenuItemOption("Deadline", "1402");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_deadline", ">=", "2023-03-21"],
        ["date_deadline", "<=", "2024-03-19"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: 1402"]);
});

test("a datetime field gets the user's local midnights in UTC", async () => {
    mockDate("2024-08-25 10:00:00", +3.5);
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Closed");
    await toggleMenuItemOption("Closed", "مرداد");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_closed", ">=", "2024-07-21 20:30:00"],
        ["date_closed", "<=", "2024-08-21 20:29:59"],
    ]);
    expect(getFacetTexts()).toEqual(["Closed: مرداد 1403"]);
});

test("comparisons move Jalali periods back", async () => {
    const searchItem = {
        fieldName: "date_deadline",
        fieldType: "date",
        domain: "[]",
        optionsParams: { startYear: -2, endYear: 0, startMonth: -2, endMonth: 0, customOptions: [] },
    };
    const compare = (optionIds, comparisonId) => {
        const { domain, description } = constructDateDomain(
            DateTime.local(),
            searchItem,
            optionIds,
            comparisonId
        );
        return [description, domain.toList()];
    };
    const range = (from, to) => [
        "&",
        ["date_deadline", ">=", from],
        ["date_deadline", "<=", to],
    ];
    // Mordad 1403: the month before is Tir, the year before Mordad 1402.
    expect(compare(["month-1", "year"], "previous_period")).toEqual([
        "تیر 1403",
        range("2024-06-21", "2024-07-21"),
    ]);
    expect(compare(["month-1", "year"], "previous_year")).toEqual([
        "مرداد 1402",
        range("2023-07-23", "2023-08-22"),
    ]);
    // Spring 1403 comes after winter 1402.
    expect(compare(["first_quarter", "year"], "previous_period")).toEqual([
        "زمستان 1402",
        range("2023-12-22", "2024-03-19"),
    ]);
});

test("a Gregorian user keeps Odoo's periods", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    const searchModel = await mountSearchBar();
    await toggleMenuItem("Deadline");
    expect(optionTexts()).toEqual([
        "August",
        "July",
        "June",
        "Q4",
        "Q3",
        "Q2",
        "Q1",
        "2024",
        "2023",
        "2022",
    ]);
    await toggleMenuItemOption("Deadline", "July");
    expect(searchModel.domain).toEqual([
        "&",
        ["date_deadline", ">=", "2024-07-01"],
        ["date_deadline", "<=", "2024-07-31"],
    ]);
    expect(getFacetTexts()).toEqual(["Deadline: July 2024"]);
});
