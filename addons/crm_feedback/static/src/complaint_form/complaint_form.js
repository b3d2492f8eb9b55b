/**
 * The public complaint form (a plain page, without Odoo's frontend framework): files larger
 * than the server accepts are refused before they are sent, with the reason under the field,
 * so that a visitor does not lose what he typed to an error page. The server checks again.
 */
(function () {
    "use strict";
    const input = document.getElementById("complaint_attachments");
    const error = document.getElementById("complaint_attachments_size_error");
    if (!input || !error) {
        return;
    }
    const maxFile = Number(input.dataset.maxFileBytes);
    const maxTotal = Number(input.dataset.maxTotalBytes);
    const show = (visible) => {
        error.classList.toggle("d-block", visible);
        input.classList.toggle("is-invalid", visible);
    };
    input.addEventListener("change", () => show(false));
    input.form.addEventListener("submit", (event) => {
        const files = Array.from(input.files);
        const total = files.reduce((sum, file) => sum + file.size, 0);
        if (files.some((file) => file.size > maxFile) || total > maxTotal) {
            event.preventDefault();
            show(true);
            input.focus();
        }
    });
})();
