import { registry } from "@web/core/registry";

/**
 * The manager opens Feedback > Dashboard, reads the NPS of the last 90 days (the Python test
 * made three promoters and one detractor there: 50), switches to all time (one more, older
 * detractor: 20) and opens the NPS answers from the card.
 */
registry.category("web_tour.tours").add("crm_feedback_dashboard", {
    steps: () => [
        {
            content: "the NPS card shows the NPS of the last 90 days",
            trigger: ".o_feedback_card_nps .o_feedback_value:contains(/^50(\\.0)?$/)",
        },
        {
            content: "with its margin",
            trigger: ".o_feedback_card_nps .o_feedback_detail:contains(±)",
        },
        {
            content: "CSAT of the period",
            trigger: ".o_feedback_card_csat .o_feedback_value:contains(/^100(\\.0)?%$/)",
        },
        {
            content: "the months are listed",
            trigger: ".o_feedback_months tbody tr:not(:has(.text-muted[colspan]))",
        },
        {
            content: "all time also counts the old detractor",
            trigger: ".o_feedback_period",
            run: "select 0",
        },
        {
            content: "NPS of all time: 3 promoters, 2 detractors",
            trigger: ".o_feedback_card_nps .o_feedback_value:contains(/^20(\\.0)?$/)",
        },
        {
            content: "open the NPS answers",
            trigger: ".o_feedback_card_nps",
            run: "click",
        },
        {
            content: "the list of the five NPS answers",
            trigger: ".o_list_view .o_data_row:eq(4)",
        },
    ],
});
