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
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
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
        { id: 1, name: "Nowruz", date_deadline: "2025-03-20", date_closed: "2024-07-22 14:30:00" },
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
