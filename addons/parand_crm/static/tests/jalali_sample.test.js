import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { patchTranslations, patchWithCleanup } from "@web/../tests/web_test_helpers";

import { parseDate, serializeDate } from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { SampleServer } from "@web/model/sample_server";
import { jalaliPeriodLabel, jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

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

function sampleGroups(groupBy) {
    const server = new SampleServer("mail.activity", {
        date_deadline: { type: "date", string: "Due Date" },
    });
    server.data["mail.activity"].records = [
        { id: 1, date_deadline: "2026-10-05" },
        { id: 2, date_deadline: "2026-12-20" },
        { id: 3, date_deadline: "2027-03-10" },
    ];
    const groups = server._mockReadGroup({
        model: "mail.activity",
        groupBy: [groupBy],
        fields: [],
        lazy: true,
    });
    return groups.map((group) => group[groupBy]);
}

describe("Sample data of an empty view (Reporting › Activities)", () => {
    test("a Jalali reader's parseDate still reads a server date as Gregorian", () => {
        patchWithCleanup(jalaliSettings, { enabled: true });
        // Read as Jalali, 2026-10-05 became Dey 2647 on the empty Activities report.
        expect(serializeDate(parseDate("2026-10-05"))).toBe("2026-10-05");
        expect(serializeDate(parseDate("1405-07-13"))).toBe("2026-10-05");
    });

    test("its month groups are Jalali months of real years", () => {
        patchWithCleanup(jalaliSettings, { enabled: true });
        expect(sampleGroups("date_deadline:month")).toEqual([
            "مهر 1405",
            "آذر 1405",
            "اسفند 1405",
        ]);
        // Each Gregorian year of the sample is titled by the Jalali year of its middle.
        expect(sampleGroups("date_deadline:year")).toEqual(["1405", "1406"]);
        expect(sampleGroups("date_deadline:quarter")).toEqual(["پاییز 1405", "زمستان 1405"]);
    });

    test("a Gregorian reader's sample groups are Odoo's", () => {
        patchWithCleanup(jalaliSettings, { enabled: false });
        expect(sampleGroups("date_deadline:month")).toEqual([
            "October 2026",
            "December 2026",
            "March 2027",
        ]);
    });

    test("Jalali period titles, the week's too", () => {
        patchWithCleanup(jalaliSettings, { enabled: true });
        const monday = DateTime.fromISO("2026-10-12");
        expect(jalaliPeriodLabel(monday, "week")).toBe("هفتهٔ 30 1405");
        expect(jalaliPeriodLabel(monday, "day")).toBe("20 مهر 1405");
        // As the server: Esfand 30, 1403 is in week 1 of 1404 (the week of Nowruz); the
        // Friday before Nowruz 1405 in the last week of 1404.
        expect(jalaliPeriodLabel(DateTime.fromISO("2025-03-20"), "week")).toBe("هفتهٔ 1 1404");
        expect(jalaliPeriodLabel(DateTime.fromISO("2026-03-20"), "week")).toBe("هفتهٔ 53 1404");
        patchWithCleanup(jalaliSettings, { persianDigits: true });
        expect(jalaliPeriodLabel(monday, "month")).toBe("مهر ۱۴۰۵");
    });
});
