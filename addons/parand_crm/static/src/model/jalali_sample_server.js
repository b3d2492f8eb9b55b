/**
 * The sample data of an empty view (a graph or pivot grouped by a date on an empty
 * database) titled in the reader's calendar, as the server titles real groups: a Jalali
 * reader reads "مهر 1405", not the Gregorian month's "October 2026" (which luxon writes in
 * Persian with the Persian calendar's month name and the Gregorian year: "مهر 2026").
 */

import { SampleServer } from "@web/model/sample_server";
import { parseDate } from "@web/core/l10n/dates";
import { patch } from "@web/core/utils/patch";
import { jalaliPeriodLabel, jalaliSettings } from "../core/l10n/jalali_dates";

patch(SampleServer.prototype, {
    _mockReadGroup(params) {
        const groups = super._mockReadGroup(...arguments);
        if (!jalaliSettings.enabled) {
            return groups;
        }
        const fields = this.data[params.model].fields;
        for (const spec of params.groupBy || []) {
            const [fieldName, interval = "month"] = spec.split(":");
            const format = SampleServer.FORMATS[interval];
            if (!["date", "datetime"].includes(fields[fieldName]?.type) || !format) {
                continue;
            }
            for (const group of groups) {
                // The sample groups are Gregorian periods ("October 2026"): each is titled
                // by the Jalali period that holds its middle (مهر 1405, the Jalali month
                // that shares most of its days), as the server titles a Jalali group.
                // Sample data only: made-up records, shown blurred.
                if (group[spec]) {
                    const start = parseDate(group[spec], { format });
                    const end = SampleServer.INTERVALS[interval](start);
                    const middle = start.plus(end.diff(start).toMillis() / 2);
                    group[spec] = jalaliPeriodLabel(middle, interval);
                }
            }
        }
        return groups;
    },
});
