import { registry } from "@web/core/registry";

/**
 * A Persian (fa_IR) Jalali salesperson on the CRM screens: the pipeline, a lead with a phone
 * number, its chatter and activities, the activity view and the systray, the search menu and
 * the custom filter editor, the graph and the list. Each step checks what the person reads:
 * Persian labels where Odoo's own Persian leaves English, phone numbers and emails laid out
 * left to right, labels and amounts not cut, the graph mirrored.
 * "parand-screenshot:<name>" asks the Python test for a screenshot of the page.
 */

const PHONE = "+98 912 111 2233";

function fail(message) {
    throw new Error(message);
}

function screenshot(name) {
    return [
        {
            content: `screenshot ${name}`,
            trigger: "body",
            run() {
                console.log(`parand-screenshot:${name}`);
            },
        },
        {
            content: "let the screenshot be taken",
            trigger: "body",
            run: () => new Promise((resolve) => setTimeout(resolve, 800)),
        },
    ];
}

/** The element shows its value left to right, isolated from the Persian around it. */
function assertLeftToRight(element, what) {
    const style = getComputedStyle(element);
    // an input is a paragraph of its own: its direction is enough
    const isolated = element.tagName === "INPUT" || ["isolate", "plaintext"].includes(
        style.unicodeBidi);
    if (style.direction !== "ltr" || !isolated) {
        fail(`${what} is not laid out left to right: ${style.direction} ${style.unicodeBidi}`);
    }
}

function assertNotCut(element, what) {
    if (element.scrollWidth > element.clientWidth + 1) {
        fail(`${what} is cut: ${element.scrollWidth}px of text in ${element.clientWidth}px`);
    }
}

function pipelineSteps(suffix, { small = false } = {}) {
    return [
        {
            content: "the pipeline is right to left",
            trigger: "body.o_rtl .o_kanban_view .o_kanban_record:contains(فرصت فارسی)",
        },
        ...(small
            ? []
            : [
                  {
                      content: "Odoo's Generate Leads button reads in Persian",
                      trigger: ".o_control_panel button:contains(تولید سرنخ)",
                  },
                  {
                      content: "no English left on the buttons of the pipeline",
                      trigger: ".o_control_panel:not(:contains(Generate Leads))",
                  },
              ]),
        {
            content: "the phone on the card reads left to right",
            trigger: ".o_kanban_record:contains(فرصت فارسی)",
            run() {
                const phone = [...document.querySelectorAll(".o_kanban_record *")].find(
                    (el) => el.children.length === 0 && el.textContent.includes("912"));
                if (phone) {
                    assertLeftToRight(phone, "the phone of the card");
                }
            },
        },
        ...screenshot(`persian_pipeline${suffix}`),
        {
            content: "open the lead",
            trigger: ".o_kanban_record:contains(فرصت فارسی)",
            run: "click",
        },
        {
            content: "the lead's phone is shown (in the one format of Iranian numbers)",
            trigger: ".o_form_view .o_field_widget[name=phone] input",
            run() {
                const value = document.querySelector(".o_field_widget[name=phone] input").value;
                if (!value.replace(/\D/g, "").endsWith(PHONE.replace(/\D/g, "").slice(-10))) {
                    fail(`the phone reads "${value}"`);
                }
            },
        },
        {
            content: "the phone and the email are typed and read left to right",
            trigger: ".o_form_view .o_field_widget[name=email_from] input",
            run() {
                assertLeftToRight(
                    document.querySelector(".o_field_widget[name=phone] input"), "phone input");
                assertLeftToRight(
                    document.querySelector(".o_field_widget[name=email_from] input"),
                    "email input");
                const input = document.querySelector(".o_field_widget[name=phone] input");
                // with a left-to-right direction, "end" is the right edge too
                const align = getComputedStyle(input).textAlign;
                if (!["right", "end"].includes(align)) {
                    fail(`the phone input leaves the right edge of a right-to-left form: ${align}`);
                }
                const revenue = document.querySelector(
                    ".o_field_widget[name=expected_revenue] input");
                if (revenue) {
                    assertNotCut(revenue, `the expected revenue "${revenue.value}"`);
                }
            },
        },
        {
            content: "the chatter's planned activities read in Persian",
            trigger: ".o-mail-Chatter:contains(فعالیت‌های برنامه‌ریزی‌شده)",
        },
        {
            content: "an overdue activity says so in Persian",
            trigger: ".o-mail-Activity:contains(روز گذشته از موعد), .o-mail-Chatter:contains(دیروز), .o-mail-Chatter:contains(روز گذشته از موعد)",
        },
        {
            content: "stage durations in Persian units",
            trigger: "body",
            run() {
                const { formatDuration } = odoo.loader.modules.get("@web/core/l10n/dates");
                const text = formatDuration(9 * 60, false);
                if (!/دقیقه/.test(text)) {
                    fail(`nine minutes read "${text}"`);
                }
            },
        },
        ...screenshot(`lead_form_rtl${suffix}`),
        {
            content: "scroll to the chatter",
            trigger: ".o-mail-Chatter",
            run() {
                document.querySelector(".o-mail-Chatter").scrollIntoView();
            },
        },
        ...screenshot(`lead_chatter_rtl${suffix}`),
    ];
}

registry.category("web_tour.tours").add("parand_crm_persian_screens", {
    steps: () => [
        ...pipelineSteps(""),
        {
            content: "back to the pipeline",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "switch to the list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "the list shows the lead",
            trigger: ".o_list_view .o_data_row:contains(فرصت فارسی)",
        },
        {
            content: "phone numbers read left to right, amounts are not cut",
            trigger: ".o_list_view .o_data_row td[name=expected_revenue]",
            run() {
                const phone = document.querySelector(
                    ".o_data_row td[name=phone] span, .o_data_row td[name=phone] a");
                if (phone) {
                    assertLeftToRight(phone, "the phone of the list");
                }
                for (const cell of document.querySelectorAll(
                    ".o_data_row td[name=expected_revenue]")) {
                    assertNotCut(cell, `the amount "${cell.textContent.trim()}"`);
                }
            },
        },
        ...screenshot("lead_list_rtl"),
        {
            content: "open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "the Jalali filters are listed",
            trigger: ".o_search_bar_menu .o_menu_item:contains(شمسی)",
        },
        {
            content: "no filter label is cut",
            trigger: ".o_search_bar_menu .o_menu_item",
            run() {
                for (const item of document.querySelectorAll(".o_search_bar_menu .o_menu_item")) {
                    assertNotCut(item, `the filter "${item.textContent.trim()}"`);
                }
            },
        },
        ...screenshot("search_filters_rtl"),
        {
            content: "add a custom filter",
            trigger: ".o_search_bar_menu .o_add_custom_filter",
            run: "click",
        },
        {
            content: "the filter editor reads in Persian: New Rule, Include archived",
            trigger: ".modal .o_domain_selector:contains(قاعدهٔ تازه):contains(با بایگانی‌شده‌ها)",
        },
        {
            content: "no English left in the filter editor",
            trigger: ".modal .o_domain_selector:not(:contains(New Rule)):not(:contains(Include archived))",
        },
        ...screenshot("custom_filter_rtl"),
        {
            content: "close the editor",
            trigger: ".modal .btn-close",
            run: "click",
        },
        {
            content: "switch to the graph",
            trigger: ".o_control_panel .o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "the graph is mirrored for a right-to-left reader",
            trigger: ".o_graph_renderer canvas",
            run() {
                const chart = window.Chart && window.Chart.getChart(
                    document.querySelector(".o_graph_renderer canvas"));
                if (!chart) {
                    fail("no chart");
                }
                const { options } = chart;
                if (!options.scales.x.reverse || options.scales.y.position !== "right"
                    || !options.plugins.legend.rtl) {
                    fail("the graph reads left to right");
                }
            },
        },
        ...screenshot("graph_rtl"),
        {
            content: "switch to the activity view",
            trigger: ".o_control_panel .o_switch_view.o_activity",
            run: "click",
        },
        {
            content: "the activity view shows the lead's activity",
            trigger: ".o_activity_view .o_activity_record, .o_activity_view td:contains(فرصت فارسی)",
        },
        ...screenshot("activity_view_rtl"),
        {
            content: "open the systray's activities",
            trigger: ".o_menu_systray .fa-clock-o",
            run: "click",
        },
        {
            content: "View all activities reads in Persian",
            trigger: ".o-mail-ActivityMenu:contains(دیدن همهٔ فعالیت‌ها)",
        },
        {
            content: "no English left in the systray's activities",
            trigger: ".o-mail-ActivityMenu:not(:contains(View all activities))",
        },
        ...screenshot("systray_activities_rtl"),
    ],
});

registry.category("web_tour.tours").add("parand_crm_persian_screens_phone", {
    steps: () => pipelineSteps("_390px", { small: true }),
});

/**
 * crm_feedback's complaints as a Persian reader sees them (when crm_feedback is installed):
 * the kanban's "3 days ago" in Persian, the customer's phone and email left to right.
 */
registry.category("web_tour.tours").add("parand_crm_persian_complaints", {
    steps: () => [
        {
            content: "the complaint's deadline is said in Persian",
            trigger: ".o_kanban_view .o_kanban_record:contains(شکایت آزمایشی):contains(روز پیش)",
        },
        {
            content: "no English relative date left",
            trigger: ".o_kanban_view:not(:contains(days ago))",
        },
        ...screenshot("complaint_kanban_rtl"),
        {
            content: "open the complaint",
            trigger: ".o_kanban_record:contains(شکایت آزمایشی)",
            run: "click",
        },
        {
            content: "the customer's phone and email read left to right",
            trigger: ".o_form_view .o_field_widget[name=partner_phone]",
            run() {
                for (const name of ["partner_phone", "partner_email"]) {
                    const field = document.querySelector(`.o_field_widget[name=${name}]`);
                    const value = field.querySelector("input, a");
                    if (value) {
                        assertLeftToRight(value, name);
                        // and its text stays on the right edge of its field
                        if (value.tagName === "A") {
                            const range = document.createRange();
                            range.selectNodeContents(value);
                            const gap = field.getBoundingClientRect().right
                                - range.getBoundingClientRect().right;
                            if (gap > 8) {
                                fail(`${name} leaves the right edge of its field by ${gap}px`);
                            }
                        }
                    }
                }
            },
        },
        ...screenshot("complaint_form_rtl"),
    ],
});
