import { registry } from "@web/core/registry";

/**
 * Journey 2 of issue 12: a Persian portal customer who reads Jalali dates follows his
 * complaints on /my/complaints, reads our response, rejects one with a reason and accepts
 * another; then answers his NPS invitation (0 to 10, laid out right to left) and the survey
 * about how his closed complaint was handled. Each step checks what he reads: Persian labels,
 * Jalali dates in Persian digits, no Gregorian year.
 *
 * The Python test (test_journey_portal.py) runs it at desktop and at phone width; the
 * screenshots are named after the width (journey_portal_<device>_<page>.png).
 */

function device() {
    return window.innerWidth < 576 ? "phone" : "desktop";
}

/** The two steps of parand_crm's screenshot protocol (parand_crm/tests/screenshots.py). */
function screenshot(page, trigger = "body") {
    return [
        {
            content: `screenshot ${page}`,
            trigger,
            run() {
                console.log(`parand:screenshot:journey_portal_${device()}_${page}`);
            },
        },
        {
            content: `screenshot ${page} taken`,
            trigger: `body[class*=parand-shot-journey_portal_][class*=_${page}]`,
        },
    ];
}

/** Fail when the visible text of `selector` holds a Gregorian year or date. */
function noGregorian(selector) {
    const text = document.querySelector(selector).innerText;
    const found = text.match(/\b(19|20)\d\d\b|\b\d{4}[-/]\d\d[-/]\d\d\b/);
    if (found) {
        throw new Error(`Gregorian date on the page: ${found[0]} in ${JSON.stringify(text)}`);
    }
}

registry.category("web_tour.tours").add("crm_feedback_journey_portal", {
    steps: () => [
        // ---------------------------------------------------------------- his complaints
        {
            content: "the list of his complaints is titled in Persian",
            trigger: ".o_portal_my_doc_table th:contains(تاریخ دریافت)",
        },
        {
            content: "the complaint to reject is listed with its Jalali date of receipt",
            trigger: "tr:contains(کیفیت پایین یخچال) td:contains(۱۹ آبان ۱۴۰۵)",
        },
        {
            content: "so is the one to accept",
            trigger: "tr:contains(تأخیر در نصب کولر) td:contains(۱۴۰۵)",
        },
        {
            content: "the list holds no Gregorian date",
            trigger: ".o_portal_my_doc_table",
            run() {
                noGregorian(".o_portal_my_doc_table");
            },
        },
        ...screenshot("complaints", ".o_portal_my_doc_table"),
        {
            content: "open the complaint about the fridge",
            trigger: "tr:contains(کیفیت پایین یخچال) a",
            run: "click",
        },
        // ---------------------------------------------------------------- one complaint
        {
            content: "he reads our response under its Persian title",
            trigger: ".o_complaint_portal h5:contains(پاسخ ما) + p:contains(یخچال را تعمیر کردیم)",
        },
        {
            content: "the date of receipt is Jalali, with the time",
            trigger: ".o_complaint_portal p:contains(تاریخ دریافت):contains(۱۹ آبان ۱۴۰۵)",
        },
        {
            content: "the complaint's page holds no Gregorian date",
            trigger: ".o_complaint_portal",
            run() {
                noGregorian(".o_complaint_portal");
            },
        },
        ...screenshot("complaint", ".o_complaint_portal form"),
        {
            content: "rejecting without a reason is refused",
            trigger: ".o_complaint_portal button[value=reject]:contains(رد پاسخ)",
            run: "click",
        },
        {
            content: "he is told, in Persian, to give his reason",
            trigger: ".o_complaint_portal .alert-danger:contains(دلیل)",
        },
        {
            content: "he gives it",
            trigger: ".o_complaint_portal textarea[name=reason]",
            run: "edit یخچال هنوز صدا می‌دهد",
        },
        {
            content: "and rejects the response",
            trigger: ".o_complaint_portal button[value=reject]",
            run: "click",
        },
        {
            content: "his complaint is reopened",
            trigger: ".o_complaint_portal .alert-warning:contains(بازگشایی شد)",
        },
        {
            content: "back to his complaints",
            trigger: ".o_complaint_portal .alert-warning",
            run: "goToUrl /my/complaints",
        },
        {
            content: "open the complaint about the air conditioner",
            trigger: "tr:contains(تأخیر در نصب کولر) a",
            run: "click",
        },
        {
            content: "he accepts our response",
            trigger: ".o_complaint_portal button[value=accept]:contains(پذیرش پاسخ)",
            run: "click",
        },
        {
            content: "he is thanked, in Persian",
            trigger: ".o_complaint_portal .alert-success:contains(سپاسگزاریم)",
        },
        // ---------------------------------------------------------------- his surveys
        {
            content: "his surveys waiting for an answer",
            trigger: "body",
            run: "goToUrl /my/feedback-surveys",
        },
        {
            content: "the NPS invitation is listed in Persian",
            trigger: ".o_feedback_survey_invitation:contains(ما را پیشنهاد می‌کنید؟)",
        },
        {
            content: "with the invitation about the handling of his closed complaint",
            trigger: ".o_feedback_survey_invitation:contains(رضایت از رسیدگی به شکایت)",
        },
        {
            content: "the invitations are dated in the Jalali calendar",
            trigger: ".o_feedback_survey_invitation td:contains(۱۴۰۵)",
            run() {
                noGregorian(".o_portal_my_doc_table");
            },
        },
        ...screenshot("surveys", ".o_feedback_survey_invitation"),
        {
            content: "answer the NPS invitation",
            trigger: ".o_feedback_survey_invitation:contains(ما را پیشنهاد می‌کنید؟) a.btn",
            run: "click",
        },
        {
            content: "start the survey",
            trigger: "button[value=start]",
            run: "click",
        },
        {
            content: "the question is in Persian; 0 to 10 read from right to left",
            trigger:
                ".js_question-wrapper:contains(چقدر احتمال دارد ما را به دوست یا همکار خود پیشنهاد کنید؟) .o_survey_choice_btn:eq(10)",
            run() {
                const buttons = [
                    ...document.querySelectorAll(".js_question-wrapper .o_survey_choice_btn"),
                ].filter((button) => button.querySelector("input[type=radio]"));
                const first = buttons[0].getBoundingClientRect();
                const last = buttons[buttons.length - 1].getBoundingClientRect();
                if (buttons.length !== 11 || !(first.left > last.left)) {
                    throw new Error(
                        `0 should stand right of 10: ${buttons.length} buttons, 0 at x=${first.left}, 10 at x=${last.left}`
                    );
                }
                // In Persian digits, as the page is Persian; the values stay 0 to 10.
                const shown = buttons.map((button) => button.innerText.trim());
                if (shown[0] !== "۰" || shown[10] !== "۱۰") {
                    throw new Error(`the buttons read ${shown.join(" ")}`);
                }
            },
        },
        {
            content: "the end labels are in Persian",
            trigger: ".js_question-wrapper:contains(اصلاً محتمل نیست):contains(بسیار محتمل)",
        },
        {
            content: "the survey's hints are in Persian too",
            trigger: ".o_survey_form button[value=finish]",
            run() {
                const text = document.querySelector(".o_survey_form").innerText;
                const english = text.match(/\b(or press|Submit|Next|Previous)\b/);
                if (english) {
                    throw new Error(`English on the survey page: ${english[0]}`);
                }
            },
        },
        ...screenshot("nps", ".js_question-wrapper"),
        {
            content: "he would recommend us: 9",
            trigger: ".js_question-wrapper .o_survey_choice_btn:has(input[value='9'])",
            run: "click",
        },
        {
            content: "why",
            trigger: ".js_question-wrapper textarea",
            run: "edit پشتیبانی خوب و سریع",
        },
        {
            content: "send the answers",
            trigger: "button[value=finish]",
            run: "click",
        },
        {
            content: "the survey thanks him",
            trigger: ".o_survey_finished",
            timeout: 30000,
        },
        {
            content: "back to his surveys",
            trigger: "body",
            run: "goToUrl /my/feedback-surveys",
        },
        {
            content: "only the handling survey is left",
            trigger:
                ".o_portal_wrap:not(:has(.o_feedback_survey_invitation:contains(ما را پیشنهاد می‌کنید؟))) .o_feedback_survey_invitation:contains(رضایت از رسیدگی به شکایت) a.btn",
            run: "click",
        },
        {
            content: "start it",
            trigger: "button[value=start]",
            run: "click",
        },
        {
            content: "the handling question is in Persian",
            trigger: ".js_question-wrapper:contains(از نحوه رسیدگی ما به شکایتتان چقدر راضی هستید؟)",
        },
        {
            content: "very satisfied: 5",
            trigger: ".js_question-wrapper .o_survey_choice_btn:has(input[value='5'])",
            run: "click",
        },
        {
            content: "send the answer",
            trigger: "button[value=finish]",
            run: "click",
        },
        {
            content: "the survey thanks him again",
            trigger: ".o_survey_finished",
            timeout: 30000,
        },
    ],
});
