import { registry } from "@web/core/registry";

/**
 * A sales manager opens an import the cron gave up on (the Python test failed it three
 * times): the form says why and offers to resume it.
 */
registry.category("web_tour.tours").add("crm_campaigns_failed_import", {
    steps: () => [
        {
            // The first page of a test database also builds its (right-to-left) assets.
            content: "the import's form is open",
            trigger: ".o_form_view .o_statusbar_status",
            timeout: 60000,
        },
        {
            content: "the import is marked failed",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='failed']",
        },
        {
            content: "the form says why",
            trigger: ".o_form_view .alert-danger:contains(corrupt row)",
        },
        {
            content: "and it can be resumed by hand",
            trigger: ".o_form_view button[name='action_resume']",
        },
    ],
});

/** The settings show the list import limits with their defaults. */
registry.category("web_tour.tours").add("crm_campaigns_import_limits_settings", {
    steps: () => [
        {
            content: "the limits block of the campaigns settings",
            trigger: "#crm_campaign_import_limits",
            timeout: 60000,
            run() {
                this.anchor.scrollIntoView({ block: "center" });
            },
        },
        {
            content: "20 MB by default",
            trigger: "#crm_campaign_import_limits div[name='crm_campaign_import_max_size_mb'] input",
            run() {
                const value = this.anchor.value.replace(/[^\d۰-۹]/g, "");
                if (!["20", "۲۰"].includes(value)) {
                    throw new Error(`size limit shows ${this.anchor.value}`);
                }
            },
        },
        {
            content: "200,000 rows by default",
            trigger: "#crm_campaign_import_limits div[name='crm_campaign_import_max_rows'] input",
            run() {
                const value = this.anchor.value.replace(/[^\d۰-۹]/g, "");
                if (!["200000", "۲۰۰۰۰۰"].includes(value)) {
                    throw new Error(`row limit shows ${this.anchor.value}`);
                }
            },
        },
    ],
});
