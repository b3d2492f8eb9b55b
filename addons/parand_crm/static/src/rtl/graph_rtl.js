/**
 * Graphs mirrored for right-to-left readers: the first category (the oldest month) on the
 * right, the value axis on the right, legends and tooltips laid out right to left (Chart.js
 * options rtl, reverse and position), the pie chart's legend on the left.
 */

import { localization } from "@web/core/l10n/localization";
import { patch } from "@web/core/utils/patch";
import { GraphRenderer } from "@web/views/graph/graph_renderer";

function isRtl() {
    return localization.direction === "rtl";
}

patch(GraphRenderer.prototype, {
    prepareOptions() {
        const options = super.prepareOptions(...arguments);
        if (!isRtl()) {
            return options;
        }
        const { legend, tooltip } = options.plugins;
        Object.assign(legend, { rtl: true, textDirection: "rtl" });
        if (legend.align === "end") {
            legend.align = "start";
        }
        Object.assign(tooltip, { rtl: true, textDirection: "rtl" });
        const { x, y } = options.scales || {};
        if (x && y) {
            x.reverse = true;
            y.position = "right";
        }
        return options;
    },
    resizeChart(context) {
        super.resizeChart(...arguments);
        if (isRtl() && context.plugins.legend.position === "right") {
            context.plugins.legend.position = "left";
        }
    },
});
