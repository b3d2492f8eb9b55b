import { expect, test } from "@odoo/hoot";

import { registry } from "@web/core/registry";
import * as parsers from "@web/views/fields/parsers";
import { patchOdooModule, wrappedOdooFunctions } from "@parand_crm/core/utils/patch_odoo_module";

/**
 * The Odoo functions parand_crm patches in their module's namespace, with the number of
 * parameters (Function.length: those before the first default value) they had when the
 * patches were written for Odoo 18.0. A failure here after an Odoo upgrade names the
 * function whose patch must be read again against Odoo's new code.
 */
const WRAPPED = {
    "@web/core/l10n/dates": {
        formatDate: 1,
        formatDateTime: 1,
        formatDuration: 2,
        parseDate: 1,
        parseDateTime: 1,
    },
    "@web/search/utils/dates": {
        constructDateDomain: 4,
        getPeriodOptions: 2,
    },
    "@web/views/fields/formatters": {
        formatFloat: 1,
        formatFloatFactor: 1,
        formatInteger: 1,
        formatMonetary: 1,
        formatPercentage: 1,
    },
    "@web/views/fields/parsers": {
        parseFloat: 1,
        parseFloatTime: 1,
        parseInteger: 1,
        parseMonetary: 1,
        parsePercentage: 1,
    },
};


test("each Odoo module is patched by one file, for the functions listed here", () => {
    expect(
        Object.fromEntries(
            Object.entries(wrappedOdooFunctions).map(([module, functions]) => [
                module,
                Object.keys(functions).sort(),
            ])
        )
    ).toEqual(
        Object.fromEntries(
            Object.entries(WRAPPED).map(([module, functions]) => [
                module,
                Object.keys(functions).sort(),
            ])
        )
    );
});

test("the Odoo functions wrapped keep their name and parameters", () => {
    const found = {};
    const expected = {};
    for (const [module, functions] of Object.entries(WRAPPED)) {
        for (const [name, length] of Object.entries(functions)) {
            const original = wrappedOdooFunctions[module]?.[name];
            found[`${module} ${name}`] = original && [original.name, original.length];
            expected[`${module} ${name}`] = [name, length];
        }
    }
    expect(found).toEqual(expected);
});

test("the web client reads the patched functions, not copies taken before", () => {
    const { modules } = odoo.loader;
    for (const module of Object.keys(WRAPPED)) {
        for (const [name, original] of Object.entries(wrappedOdooFunctions[module])) {
            expect(modules.get(module)[name]).not.toBe(original, {
                message: `${module} ${name} is patched`,
            });
        }
    }
    // The fields' registry took the parsers when it was filled: it holds the patched ones.
    expect(registry.category("parsers").get("float")).toBe(parsers.parseFloat);
});

test("a second patch of the same Odoo module is refused", () => {
    expect(() => patchOdooModule("@web/views/fields/parsers", parsers, {})).toThrow(
        /already patched/
    );
});
