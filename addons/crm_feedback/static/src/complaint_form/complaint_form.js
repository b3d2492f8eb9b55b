/**
 * The public complaint form (a plain page, without Odoo's frontend framework): files larger
 * than the server accepts are refused before they are sent, with the reason under the field,
 * so that a visitor does not lose what he typed to an error page. The server checks again.
 * The names of the chosen files are written in the page's own box, next to its button (the
 * browser's file input, in the browser's language, is transparent over them).
 */
(function () {
    "use strict";
    const input = document.getElementById("complaint_attachments");
    const error = document.getElementById("complaint_attachments_size_error");
    const names = document.getElementById("complaint_attachments_names");
    if (!input || !error || !names) {
        return;
    }
    const noFile = names.textContent;
    const showNames = () => {
        const files = Array.from(input.files);
        names.replaceChildren(
            ...(files.length ? files : [{ name: noFile }]).map((file, index) => {
                // Each name in its own direction: a Latin name in a right-to-left page.
                const span = document.createElement("span");
                span.dir = "auto";
                span.textContent = file.name;
                if (index) {
                    span.classList.add("ms-2");
                }
                return span;
            })
        );
        names.classList.toggle("text-muted", !files.length);
    };
    const maxFile = Number(input.dataset.maxFileBytes);
    const maxTotal = Number(input.dataset.maxTotalBytes);
    const show = (visible) => {
        error.classList.toggle("d-block", visible);
        input.classList.toggle("is-invalid", visible);
    };
    input.addEventListener("change", () => {
        show(false);
        showNames();
    });
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
