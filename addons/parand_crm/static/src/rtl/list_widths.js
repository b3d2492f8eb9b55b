/**
 * Amounts fit their list column: a rial amount of nine or ten digits with its currency
 * ("120,000,000 ریال", "$ 120,000,000.00") does not fit the 105 px Odoo gives every
 * monetary column, and was cut ("$ 120,000,000…"). The column keeps Odoo's width as its
 * minimum and may grow to the amounts it shows.
 */

import { registry } from "@web/core/registry";
import "@web/views/fields/float/float_field";
import "@web/views/fields/monetary/monetary_field";

const fields = registry.category("fields");

for (const name of ["monetary", "float"]) {
    if (fields.contains(name)) {
        const field = fields.get(name);
        const width = field.listViewWidth;
        if (!width) {
            // Odoo's own widths (column_width_hook.js): monetary 105, float 93
            field.listViewWidth = name === "monetary" ? [105, 220] : [93, 180];
        }
    }
}
