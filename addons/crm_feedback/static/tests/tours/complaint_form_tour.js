import { registry } from "@web/core/registry";

/**
 * An anonymous visitor files a complaint in Persian on the public form (/fa/complaint/new):
 * he reads the Persian labels and sees every box, first sends bad input (an email without a
 * domain, no description) and reads each error under its field with what he typed kept,
 * then corrects it, attaches a receipt and lands on the page that gives the reference and
 * the status. The phone is typed in Persian digits.
 *
 * The file input is transparent over the page's own button and box (Chromium would write
 * its button in the browser's language): the steps that choose files reach it with
 * `:not(:visible)`.
 *
 * The Python test (test_complaint_form_tour.py) runs it at phone and at desktop width and
 * saves a screenshot of the form with its errors, and of the page of the received complaint,
 * when the tour logs `SCREENSHOT`.
 */
const SCREENSHOT = "crm_feedback_screenshot";

function check(selector, expected, what) {
    const element = document.querySelector(selector);
    const value = element && element.value;
    if (value !== expected) {
        throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
    }
}

/** Ask the Python test for a screenshot of the whole page, and give it time to take it. */
async function screenshot(page) {
    console.log(`${SCREENSHOT}:${page}:${document.documentElement.scrollHeight}`);
    await new Promise((resolve) => setTimeout(resolve, 2500));
}

function attachReceipt() {
    const input = document.querySelector("input[name=attachments]");
    const transfer = new DataTransfer();
    transfer.items.add(
        new File(["%PDF-1.4\n% رسید خرید\n"], "رسید.pdf", { type: "application/pdf" })
    );
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("crm_feedback_complaint_form", {
    steps: () => [
        {
            content: "the page is right to left",
            trigger: "#wrapwrap.o_rtl .o_complaint_public_form h2:contains(شکایت خود را برای ما بفرستید)",
        },
        {
            content: "the description's label in Persian, and its box",
            trigger: "label[for=complaint_description]:contains(شرح)",
        },
        {
            content: "the description box is there",
            trigger: "textarea#complaint_description",
        },
        {
            content: "the remedy's label in Persian",
            trigger: "label[for=complaint_remedy]:contains(می‌خواهید چه کاری انجام دهیم؟)",
        },
        {
            content: "the remedy box is there",
            trigger: "textarea#complaint_remedy",
        },
        {
            content: "name",
            trigger: "input#complaint_name",
            run: "edit مریم احمدی",
        },
        {
            content: "an email without its domain",
            trigger: "input#complaint_email",
            run: "edit maryam@localhost",
        },
        {
            content: "phone in Persian digits",
            trigger: "input#complaint_phone",
            run: "edit ۰۹۱۲۳۴۵۶۷۸۹",
        },
        {
            content: "subject",
            trigger: "input#complaint_subject",
            run: "edit تأخیر در ارسال سفارش",
        },
        {
            content: "what the visitor would like, but no description",
            trigger: "textarea#complaint_remedy",
            run: "edit لطفاً هزینهٔ ارسال را برگردانید",
        },
        {
            content: "the files' button and box speak Persian, not the browser's language",
            trigger: ".o_complaint_files_face:contains(انتخاب پرونده‌ها):contains(پرونده‌ای انتخاب نشده است)",
        },
        {
            content: "attach a photo larger than the form accepts",
            trigger: "input#complaint_attachments:not(:visible)",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([new Uint8Array(3 * 1024 * 1024)], "عکس.jpg", { type: "image/jpeg" })
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "send",
            trigger: ".o_complaint_public_form button[type=submit]",
            run: "click",
        },
        {
            content: "the browser refuses it before sending, under the attachments",
            trigger: ".o_complaint_files:has(input#complaint_attachments.is-invalid) ~ .o_complaint_error_attachments_size:contains(این پرونده‌ها بیش از حد بزرگ‌اند)",
        },
        {
            content: "attach the receipt instead",
            trigger: "input#complaint_attachments:not(:visible)",
            run: attachReceipt,
        },
        {
            content: "the size error is gone",
            trigger: "input#complaint_attachments:not(.is-invalid):not(:visible)",
        },
        {
            content: "the receipt's name is in the box",
            trigger: ".o_complaint_files_names:contains(رسید.pdf)",
        },
        {
            content: "send",
            trigger: ".o_complaint_public_form button[type=submit]",
            run: "click",
        },
        {
            content: "the email's error is under the email box",
            trigger: "input#complaint_email.is-invalid ~ .o_complaint_error_email:contains(این مقدار معتبر نیست)",
        },
        {
            content: "the description's error is under the description box",
            trigger: "textarea#complaint_description.is-invalid ~ .o_complaint_error_description:contains(این فیلد الزامی است)",
        },
        {
            content: "what was typed is kept",
            trigger: ".o_complaint_public_form",
            run() {
                check("#complaint_name", "مریم احمدی", "name");
                check("#complaint_email", "maryam@localhost", "email");
                check("#complaint_phone", "۰۹۱۲۳۴۵۶۷۸۹", "phone");
                check("#complaint_subject", "تأخیر در ارسال سفارش", "subject");
                check("#complaint_remedy", "لطفاً هزینهٔ ارسال را برگردانید", "remedy");
                for (const field of ["name", "phone", "subject", "remedy"]) {
                    if (document.querySelector(`.o_complaint_error_${field}`)) {
                        throw new Error(`${field} has an error it should not have`);
                    }
                }
            },
        },
        {
            content: "the visitor is told to choose his files again",
            trigger: ".o_complaint_files_again",
        },
        {
            content: "screenshot of the form with its errors",
            trigger: ".o_complaint_public_form",
            run: () => screenshot("form"),
        },
        {
            content: "correct the email",
            trigger: "input#complaint_email",
            run: "edit maryam.ahmadi@example.ir",
        },
        {
            content: "write the description",
            trigger: "textarea#complaint_description",
            run: "edit سفارش ۱۲۳ با دو هفته تأخیر رسید و جعبه آسیب دیده بود.",
        },
        {
            content: "attach the receipt again",
            trigger: "input#complaint_attachments:not(:visible)",
            run: attachReceipt,
        },
        {
            content: "send",
            trigger: ".o_complaint_public_form button[type=submit]",
            run: "click",
        },
        {
            content: "the complaint is received",
            trigger: ".o_complaint_public_received h2:contains(شکایت شما را دریافت کردیم)",
        },
        {
            content: "its reference",
            trigger: ".o_complaint_public_received .o_complaint_reference:contains(/\\d+/)",
        },
        {
            content: "its status, in Persian",
            trigger: ".o_complaint_public_received .o_complaint_status:contains(دریافت شد)",
        },
        {
            content: "and the way to follow it",
            trigger: ".o_complaint_public_received a[href*='/my/complaints/']",
        },
        {
            content: "screenshot of the page of the received complaint",
            trigger: ".o_complaint_public_received",
            run: () => screenshot("received"),
        },
    ],
});
