/**
 * Numbers shown with Persian digits and separators (۱۲٬۵۰۰٫۵) for the users who chose
 * Persian digits (res.users.persian_digits): integers, floats, monetary amounts and
 * percentages, in lists, forms, kanban and every other caller of these formatters. The
 * inputs read them back (persian_number_parsers.js).
 *
 * Loaded before the web client's fields (see the manifest), which keep their own copy of
 * these functions.
 */

import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";
import { escapeRegExp } from "@web/core/utils/strings";
import * as formatters from "@web/views/fields/formatters";
import { toPersianDigits } from "@parand_crm/core/l10n/jalali";
import { jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";
import { patchOdooModule } from "@parand_crm/core/utils/patch_odoo_module";

const PERSIAN_THOUSANDS_SEPARATOR = "\u066c";
const PERSIAN_DECIMAL_SEPARATOR = "\u066b";

/** A number written with the user's separators, in Persian digits and separators. */
export function toPersianNumber(text) {
    if (typeof text !== "string" || !text) {
        return text;
    }
    // Only separators between digits: a currency symbol may hold a dot ("Rs.").
    const between = (separator) => new RegExp(`(?<=\\d)${escapeRegExp(separator)}(?=\\d)`, "g");
    let result = text;
    if (localization.thousandsSep) {
        result = result.replace(between(localization.thousandsSep), PERSIAN_THOUSANDS_SEPARATOR);
    }
    if (localization.decimalPoint) {
        result = result.replace(between(localization.decimalPoint), PERSIAN_DECIMAL_SEPARATOR);
    }
    return toPersianDigits(result);
}

/** The formatted number as the user reads it. */
const shown = (text) => (jalaliSettings.persianDigits ? toPersianNumber(text) : text);

patchOdooModule("@web/views/fields/formatters", formatters, {
    formatFloat() {
        return shown(super.formatFloat(...arguments));
    },
    formatFloatFactor() {
        return shown(super.formatFloatFactor(...arguments));
    },
    formatInteger() {
        return shown(super.formatInteger(...arguments));
    },
    formatMonetary() {
        return shown(super.formatMonetary(...arguments));
    },
    formatPercentage() {
        return shown(super.formatPercentage(...arguments));
    },
});

// The registry took the functions before the patch.
registry
    .category("formatters")
    .add("float", formatters.formatFloat, { force: true })
    .add("float_factor", formatters.formatFloatFactor, { force: true })
    .add("integer", formatters.formatInteger, { force: true })
    .add("monetary", formatters.formatMonetary, { force: true })
    .add("percentage", formatters.formatPercentage, { force: true });
