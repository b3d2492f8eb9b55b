/**
 * Jalali periods in the date filters of the search panel (Filters › a date filter).
 *
 * For a Jalali user, the month options are the current Jalali month and the ones before it,
 * the quarter options the four Jalali seasons, the year options Jalali years, and the domain
 * of the options selected covers exactly those Jalali periods (Gregorian bounds; for
 * datetime fields, the user's local midnights in UTC, as Odoo does). Gregorian users keep
 * Odoo's options untouched.
 *
 * The search model imports these functions from @web/search/utils/dates when it is loaded:
 * this file is loaded before the rest of the web client (see the manifest) so that the
 * patch is in place first. Odoo's own functions call each other inside their module, out of
 * reach of a patch, so the two the search model calls with periods are patched whole:
 * getPeriodOptions (the options and their labels) and constructDateDomain (domain and facet).
 */

import { Domain } from "@web/core/domain";
import { serializeDate, serializeDateTime } from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { clamp } from "@web/core/utils/numbers";
import * as searchDates from "@web/search/utils/dates";
import {
    MONTH_NAMES,
    SEASON_NAMES,
    addJalaliMonths,
    jalaliMonthLength,
    toPersianDigits,
} from "../core/l10n/jalali";
import { dateTimeToJalali, jalaliSettings, jalaliToDateTime } from "../core/l10n/jalali_dates";
import { patchOdooModule } from "../core/utils/patch_odoo_module";

const MONTHS_PER = { year: 12, quarter: 3, month: 1 };

function formatJalaliYear(jy) {
    return jalaliSettings.persianDigits ? toPersianDigits(String(jy)) : String(jy);
}

/** The Jalali month of a month index (jy * 12 + jm - 1), as {jy, jm}. */
function monthOfIndex(index) {
    return addJalaliMonths(0, 1, index);
}

/**
 * The Jalali periods of the selected options, as Odoo combines them: every year with every
 * month and quarter selected (or the whole year when none is), each period given by the
 * index of its first month and its granularity.
 */
function selectedJalaliPeriods(reference, selectedOptions, comparisonOptionId) {
    const years = [];
    let quarters = [];
    let months = [];
    for (const option of selectedOptions) {
        if (option.granularity === "year") {
            years.push(reference.jy + option.plusParam.years);
        } else if (option.granularity === "quarter") {
            quarters.push(option.setParam.quarter);
        } else {
            months.push(addJalaliMonths(reference.jy, reference.jm, option.plusParam.months).jm);
        }
    }
    let shift = 0;
    if (comparisonOptionId === "previous_year") {
        shift = -12;
    } else if (comparisonOptionId === "previous_period") {
        // Odoo's previous period: the span from the first to the last period selected,
        // moved back by its own length; quarters count as their months when months are
        // selected too.
        let granularity = "year";
        if (months.length) {
            granularity = "month";
            for (const quarter of quarters) {
                for (const month of [1, 2, 3].map((i) => 3 * (quarter - 1) + i)) {
                    if (!months.includes(month)) {
                        months.push(month);
                    }
                }
            }
            quarters = [];
        } else if (quarters.length) {
            granularity = "quarter";
        }
        const perYear = searchDates.PER_YEAR[granularity];
        const values = granularity === "month" ? months : quarters;
        const span =
            perYear * (Math.min(...years) - Math.max(...years)) +
            (values.length ? Math.min(...values) - Math.max(...values) : 0);
        shift = (span - 1) * MONTHS_PER[granularity];
    }
    const others = [
        ...months.sort((a, b) => a - b).map((jm) => ({ granularity: "month", month: jm })),
        ...quarters
            .sort((a, b) => a - b)
            .map((quarter) => ({ granularity: "quarter", month: 3 * quarter - 2 })),
    ];
    const periods = [];
    for (const jy of years.sort((a, b) => a - b)) {
        if (others.length) {
            for (const { granularity, month } of others) {
                periods.push({ granularity, start: jy * 12 + month - 1 + shift });
            }
        } else {
            periods.push({ granularity: "year", start: jy * 12 + shift });
        }
    }
    return periods;
}

/** The domain and the description (e.g. "مرداد 1403") of a Jalali period. */
function jalaliPeriodRange({ granularity, start }, { fieldName, fieldType }, zone) {
    const first = monthOfIndex(start);
    const last = monthOfIndex(start + MONTHS_PER[granularity] - 1);
    const leftDate = jalaliToDateTime({ ...first, jd: 1 }, zone);
    const rightDate = jalaliToDateTime(
        { ...last, jd: jalaliMonthLength(last.jy, last.jm) },
        zone
    ).endOf("day");
    const serialize = fieldType === "date" ? serializeDate : serializeDateTime;
    const domain = new Domain([
        "&",
        [fieldName, ">=", serialize(leftDate)],
        [fieldName, "<=", serialize(rightDate)],
    ]);
    // Worded as Odoo words its own periods, the year on the side the page reads last.
    const descriptions = [formatJalaliYear(first.jy)];
    const method = localization.direction === "rtl" ? "push" : "unshift";
    if (granularity === "month") {
        descriptions[method](MONTH_NAMES[first.jm - 1]);
    } else if (granularity === "quarter") {
        descriptions[method](SEASON_NAMES[(first.jm - 1) / 3]);
    }
    return { domain, description: descriptions.join(" ") };
}

patchOdooModule("@web/search/utils/dates", searchDates, {
    getPeriodOptions(referenceMoment, optionsParams) {
        const options = super.getPeriodOptions(...arguments);
        if (!jalaliSettings.enabled) {
            return options;
        }
        const reference = dateTimeToJalali(referenceMoment);
        const { startYear, endYear } = optionsParams;
        return options.map((option) => {
            if (option.granularity === "month") {
                // As Odoo does: the month shown is moved into the years offered.
                const month = addJalaliMonths(
                    reference.jy,
                    reference.jm,
                    option.plusParam.months + 12 * clamp(0, startYear, endYear)
                );
                const yearOffset = clamp(month.jy - reference.jy, startYear, endYear);
                return {
                    ...option,
                    description: MONTH_NAMES[month.jm - 1],
                    defaultYearId: searchDates.toGeneratorId("year", yearOffset),
                };
            } else if (option.granularity === "quarter") {
                return { ...option, description: SEASON_NAMES[option.setParam.quarter - 1] };
            } else if (option.granularity === "year") {
                return {
                    ...option,
                    description: formatJalaliYear(reference.jy + option.plusParam.years),
                };
            }
            return option;
        });
    },
    constructDateDomain(referenceMoment, searchItem, selectedOptionIds, comparisonOptionId) {
        if (!jalaliSettings.enabled) {
            return super.constructDateDomain(...arguments);
        }
        const periodOptions = searchDates.getPeriodOptions(
            referenceMoment,
            searchItem.optionsParams
        );
        const selectedOptions = selectedOptionIds.map((id) =>
            periodOptions.find((option) => option.id === id)
        );
        if (selectedOptions.some((option) => option.granularity === "withDomain")) {
            // A custom option of the view: its own domain, in no calendar.
            return super.constructDateDomain(...arguments);
        }
        const periods = selectedJalaliPeriods(
            dateTimeToJalali(referenceMoment),
            selectedOptions,
            comparisonOptionId
        );
        const ranges = periods.map((period) =>
            jalaliPeriodRange(period, searchItem, referenceMoment.zone)
        );
        const domain = Domain.combine(
            ranges.map((range) => range.domain),
            "OR"
        );
        return {
            domain: Domain.and([domain, searchItem.domain]),
            description: ranges.map((range) => range.description).join("/"),
        };
    },
});
