import { beforeEach, expect, test } from "@odoo/hoot";
import { click, queryAllTexts, queryFirst } from "@odoo/hoot-dom";
import { animationFrame, mockDate } from "@odoo/hoot-mock";
import {
    clickSave,
    contains,
    defineModels,
    fields,
    models,
    mountView,
    mountWithCleanup,
    onRpc,
    patchWithCleanup,
} from "@web/../tests/web_test_helpers";
import { mailModels } from "@mail/../tests/mail_test_helpers";
import { Component, xml } from "@odoo/owl";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { DomainSelector } from "@web/core/domain_selector/domain_selector";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

class Lead extends models.Model {
    _name = "crm.lead";

    name = fields.Char();
    date_deadline = fields.Date();
    date_closed = fields.Datetime();
    expected_revenue = fields.Float();
    color = fields.Integer();

    _records = [
        {
            id: 1,
            name: "Nowruz",
            date_deadline: "2025-03-20",
            date_closed: "2024-07-22 14:30:00",
            expected_revenue: 1234567.5,
            color: 42,
        },
        { id: 2, name: "Mordad", date_deadline: "2024-07-22", date_closed: false },
    ];

    _views = {
        list: `<list><field name="name"/><field name="date_deadline"/><field name="date_closed"/></list>`,
        form: `<form>
            <field name="name"/>
            <field name="date_deadline"/>
            <field name="expected_revenue"/>
            <field name="color"/>
        </form>`,
    };
}

defineModels({ ...mailModels, Lead });

beforeEach(() => {
    patchWithCleanup(jalaliSettings, { enabled: true });
    mockDate("2024-08-25 10:00:00", 0);
});

/** Day numbers of the month shown, 0 for the other months' cells. */
const pickerDays = () =>
    [...document.querySelectorAll(".o_date_picker .o_date_item_cell")].map((cell) =>
        cell.classList.contains("o_out_of_range") ? 0 : Number(cell.textContent.trim())
    );

test("the list shows Jalali dates", async () => {
    await mountView({ type: "list", resModel: "crm.lead" });
    expect(queryAllTexts(".o_data_cell[name=date_deadline]")).toEqual(["1403/12/30", "1403/05/01"]);
    const [closed, empty] = queryAllTexts(".o_data_cell[name=date_closed]");
    expect(closed).toMatch(/^1403\/05\/01 14:30/);
    expect(empty).toBe("");
});

test("the form reads a typed Jalali date and saves it in Gregorian", async () => {
    onRpc("web_save", ({ args }) => {
        expect.step(args[1].date_deadline);
    });
    await mountView({ type: "form", resModel: "crm.lead", resId: 2 });
    expect(".o_field_widget[name=date_deadline] input").toHaveValue("1403/05/01");
    await contains(".o_field_widget[name=date_deadline] input").edit("۱۴۰۳/۱۲/۳۰");
    expect(".o_field_widget[name=date_deadline] input").toHaveValue("1403/12/30");
    // Esfand 1402 has 29 days: the field keeps its date.
    await contains(".o_field_widget[name=date_deadline] input").edit("1402/12/30");
    expect(".o_field_widget[name=date_deadline] input").toHaveValue("1403/12/30");
    await clickSave();
    expect.verifySteps(["2025-03-20"]);
});

test("the picker shows Jalali months, Saturday first", async () => {
    await mountWithCleanup(DateTimePicker, {
        props: { value: DateTime.fromISO("2024-08-25"), showWeekNumbers: false },
    });
    expect(queryAllTexts(".o_header_part")).toEqual(["شهریور 1403"]);
    // 1 Shahrivar 1403 is Thursday 22 August 2024: sixth column, weeks start on Saturday.
    const days = pickerDays();
    expect(days.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 1, 2]);
    expect(Math.max(...days)).toBe(31);
    expect(queryFirst(".o_date_picker .o_selected")).toHaveText("4");

    await click(".o_datetime_picker .o_next");
    await animationFrame();
    expect(queryAllTexts(".o_header_part")).toEqual(["مهر 1403"]);
    expect(Math.max(...pickerDays())).toBe(30);

    // Back to Esfand 1403: 30 days, it is a leap year.
    for (let i = 0; i < 5; i++) {
        await click(".o_datetime_picker .o_next");
    }
    await animationFrame();
    expect(queryAllTexts(".o_header_part")).toEqual(["اسفند 1403"]);
    expect(Math.max(...pickerDays())).toBe(30);
    await click(".o_datetime_picker .o_next");
    await animationFrame();
    expect(queryAllTexts(".o_header_part")).toEqual(["فروردین 1404"]);

    // The months of the year, then the years of the decade.
    await click(".o_datetime_picker .o_zoom_out");
    await animationFrame();
    expect(queryAllTexts(".o_header_part")).toEqual(["1404"]);
    expect(queryAllTexts(".o_date_item_cell")).toEqual([
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]);
    await click(".o_datetime_picker .o_zoom_out");
    await animationFrame();
    expect(queryAllTexts(".o_header_part")).toEqual(["1399 - 1410"]);
});

test("picking a day selects its Gregorian date", async () => {
    await mountWithCleanup(DateTimePicker, {
        props: {
            value: DateTime.fromISO("2024-03-01"),
            onSelect: (value) => expect.step(value.toISODate()),
        },
    });
    // 1 March 2024 is 11 Esfand 1402, a 29-day Esfand.
    expect(queryAllTexts(".o_header_part")).toEqual(["اسفند 1402"]);
    expect(Math.max(...pickerDays())).toBe(29);
    const esfand29 = [...document.querySelectorAll(".o_date_picker button.o_date_item_cell")].find(
        (cell) => cell.textContent.trim() === "29"
    );
    await click(esfand29);
    expect.verifySteps(["2024-03-19"]);
});

test("a Gregorian user keeps Odoo's picker", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    await mountWithCleanup(DateTimePicker, { props: { value: DateTime.fromISO("2024-08-25") } });
    expect(queryAllTexts(".o_header_part")).toEqual(["August 2024"]);
});

test("numbers typed with Persian or Arabic-Indic digits and separators", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false });
    onRpc("web_save", ({ args }) => {
        expect.step([args[1].expected_revenue, args[1].color]);
    });
    await mountView({ type: "form", resModel: "crm.lead", resId: 2 });
    await contains(".o_field_widget[name=expected_revenue] input").edit("۱۲٬۵۰۰٫۵");
    await contains(".o_field_widget[name=color] input").edit("٤٢");
    await clickSave();
    expect.verifySteps([[12500.5, 42]]);
});

test("numbers are shown with Persian digits and separators for those who chose them", async () => {
    patchWithCleanup(jalaliSettings, { enabled: false, persianDigits: true });
    await mountView({
        type: "list",
        resModel: "crm.lead",
        arch: `<list><field name="name"/><field name="expected_revenue"/><field name="color"/></list>`,
    });
    expect(queryAllTexts(".o_data_cell[name=expected_revenue]")).toEqual(["۱٬۲۳۴٬۵۶۷٫۵۰", "۰٫۰۰"]);
    expect(queryAllTexts(".o_data_cell[name=color]")).toEqual(["۴۲", "۰"]);
});

test("numbers keep Latin digits without the option", async () => {
    patchWithCleanup(jalaliSettings, { persianDigits: false });
    await mountView({
        type: "list",
        resModel: "crm.lead",
        arch: `<list><field name="name"/><field name="expected_revenue"/><field name="color"/></list>`,
    });
    expect(queryAllTexts(".o_data_cell[name=expected_revenue]")).toEqual(["1,234,567.50", "0.00"]);
    expect(queryAllTexts(".o_data_cell[name=color]")).toEqual(["42", "0"]);
});

test("a Persian-digit amount is edited and saved", async () => {
    patchWithCleanup(jalaliSettings, { persianDigits: true });
    onRpc("web_save", ({ args }) => {
        expect.step(args[1].expected_revenue);
    });
    await mountView({ type: "form", resModel: "crm.lead", resId: 1 });
    expect(".o_field_widget[name=expected_revenue] input").toHaveValue("۱٬۲۳۴٬۵۶۷٫۵۰");
    await contains(".o_field_widget[name=expected_revenue] input").edit("۲٬۵۰۰٫۲۵");
    expect(".o_field_widget[name=expected_revenue] input").toHaveValue("۲٬۵۰۰٫۲۵");
    await clickSave();
    expect.verifySteps([2500.25]);
});

test("a custom filter takes a typed Jalali date and keeps a Gregorian domain", async () => {
    class Parent extends Component {
        static components = { DomainSelector };
        static template = xml`<DomainSelector t-props="domainProps"/>`;
        static props = ["*"];
        setup() {
            this.domainProps = {
                resModel: "crm.lead",
                readonly: false,
                domain: `[("date_deadline", "=", "2024-07-22")]`,
                update: (domain) => {
                    expect.step(domain);
                    this.domainProps.domain = domain;
                    this.render();
                },
            };
        }
    }
    await mountWithCleanup(Parent);
    expect(".o_datetime_input").toHaveValue("1403/05/01");
    await contains(".o_datetime_input").edit("۱۴۰۳/۱۲/۳۰");
    expect.verifySteps([`[("date_deadline", "=", "2025-03-20")]`]);
    expect(".o_datetime_input").toHaveValue("1403/12/30");
});

/**
 * The picker in a page Odoo lays out right to left (body.o_rtl) or not, whatever direction
 * the stylesheets give the web client (rtlcss turns it when it is installed).
 */
async function mountPickerIn(direction) {
    document.body.classList.toggle("o_rtl", direction === "rtl");
    await mountWithCleanup(DateTimePicker, {
        props: { value: DateTime.fromISO("2024-08-25"), showWeekNumbers: false },
    });
    queryFirst(".o_datetime_picker").style.direction = "ltr";
}

test("in a right-to-left page the picker's week reads right to left", async () => {
    try {
        await mountPickerIn("rtl");
        const header = [...document.querySelectorAll(".o_date_picker .o_day_of_week_cell")];
        const saturday = header[0].getBoundingClientRect();
        const friday = header[6].getBoundingClientRect();
        expect(saturday.left).toBeGreaterThan(friday.left);
        // 1 Shahrivar (Thursday) is the second cell from the left of the first week.
        const first = [...document.querySelectorAll(".o_date_picker button.o_date_item_cell")][0];
        expect(first).toHaveText("1");
        expect(first.getBoundingClientRect().left).toBeLessThan(saturday.left);
        expect(first.getBoundingClientRect().left).toBeGreaterThan(friday.left);
    } finally {
        document.body.classList.remove("o_rtl");
    }
});

test("in a left-to-right page the picker's week reads left to right", async () => {
    await mountPickerIn("ltr");
    const header = [...document.querySelectorAll(".o_date_picker .o_day_of_week_cell")];
    expect(header[0].getBoundingClientRect().left).toBeLessThan(
        header[6].getBoundingClientRect().left
    );
});
