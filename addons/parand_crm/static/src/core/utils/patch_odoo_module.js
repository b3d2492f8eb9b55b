/**
 * Patching the functions an Odoo module exports, where nothing else reaches them.
 *
 * Odoo's modules take their copy of an imported function when they are loaded (a field
 * takes parseFloat, the search model getPeriodOptions): no registry or service hands them
 * out, so the only way in is to patch the exporting module's namespace before any other
 * module loads (the manifest puts these files before web/static/src/env.js). Such a patch
 * breaks silently when an Odoo upgrade renames a function or changes its parameters: each
 * Odoo module is patched here by one file only, and the functions it wraps are kept as they
 * were, so that static/tests/odoo_module_patches.test.js compares their names and
 * parameters with the ones the patch was written for.
 */

import { patch } from "@web/core/utils/patch";

/** {Odoo module name: {function name: Odoo's own function}}, for the unit test. */
export const wrappedOdooFunctions = {};

/**
 * Patch the functions `extension` names in `namespace`, the exports of the Odoo module
 * `moduleName` ("@web/core/l10n/dates").
 *
 * @throws {Error} when the module is patched a second time, or lacks a function
 */
export function patchOdooModule(moduleName, namespace, extension) {
    if (moduleName in wrappedOdooFunctions) {
        throw new Error(`${moduleName} is already patched: extend that patch instead`);
    }
    const originals = {};
    for (const name of Object.keys(extension)) {
        if (typeof namespace[name] !== "function") {
            throw new Error(`${moduleName} no longer exports the function ${name}`);
        }
        originals[name] = namespace[name];
    }
    wrappedOdooFunctions[moduleName] = originals;
    return patch(namespace, extension);
}
