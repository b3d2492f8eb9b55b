/**
 * Numbers typed with Persian (۱۲۳) or Arabic-Indic (١٢٣) digits and the Persian separators
 * (٫ decimal, ٬ thousands) are read like Latin ones, for every user: Persian keyboards type
 * them, and no number written so means anything else.
 *
 * Loaded before the web client's fields (see the manifest), which keep their own copy of
 * these functions.
 */

import { localization } from "@web/core/l10n/localization";
import { registry } from "@web/core/registry";
import * as parsers from "@web/views/fields/parsers";
import { normalizeDigits } from "@parand_crm/core/l10n/jalali";
import { patchOdooModule } from "@parand_crm/core/utils/patch_odoo_module";

/** The text of a number with Latin digits and the user's own separators. */
export function normalizeNumberInput(value) {
    if (typeof value !== "string") {
        return value;
    }
    return normalizeDigits(value)
        .replace(/\u066b/g, localization.decimalPoint)
        .replace(/\u066c/g, "");
}

patchOdooModule("@web/views/fields/parsers", parsers, {
    parseFloat(value, ...args) {
        return super.parseFloat(normalizeNumberInput(value), ...args);
    },
    parseFloatTime(value, ...args) {
        return super.parseFloatTime(normalizeNumberInput(value), ...args);
    },
    parseInteger(value, ...args) {
        return super.parseInteger(normalizeNumberInput(value), ...args);
    },
    parseMonetary(value, ...args) {
        return super.parseMonetary(normalizeNumberInput(value), ...args);
    },
    parsePercentage(value, ...args) {
        return super.parsePercentage(normalizeNumberInput(value), ...args);
    },
});

// The registry took the functions before the patch.
registry
    .category("parsers")
    .add("float", parsers.parseFloat, { force: true })
    .add("float_time", parsers.parseFloatTime, { force: true })
    .add("integer", parsers.parseInteger, { force: true })
    .add("many2one_reference", parsers.parseInteger, { force: true })
    .add("monetary", parsers.parseMonetary, { force: true })
    .add("percentage", parsers.parsePercentage, { force: true });
