/**
 * The screen audit of issue 12 (run by tests/test_screen_audit.py in Chromium, with
 * `window.parandAudit` set to the addons, allowed words and known offenders): as a Persian
 * Jalali user, open each screen (the action of each menu of our addons in each view type it
 * offers, a form on a record) in the web client, read the text the user sees and collect what a Persian Jalali
 * reader should not meet: Gregorian dates and English words outside the allow-list. All the
 * offenders are reported at the end in one error (screen → text); a JavaScript error stops
 * the test on its own.
 *
 * Plain script (not an Odoo module, in no bundle): the test imports it in the page.
 */
(async function parandScreenAudit() {
    const { modules, allowed, known, minScreens } = window.parandAudit;
    const VIEW_TYPES = ["list", "kanban", "form", "pivot", "graph", "calendar", "activity"];
    const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    // The first page of a test database also builds its assets: wait for the web client.
    for (let waited = 0; !(odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root); waited += 200) {
        if (waited > 180000) {
            throw new Error("the web client did not start");
        }
        await delay(200);
    }
    const env = odoo.__WOWL_DEBUG__.root.env;
    const actionService = env.services.action;
    const allowedWords = new Set(allowed.map((word) => word.toLowerCase()));
    const knownOffenders = new Set(known);

    const GREGORIAN = [
        ["Gregorian date", /\b(19|20)\d\d[-/.]\d\d?[-/.]\d\d?\b/g],
        ["Gregorian date", /\b\d\d?[-/.]\d\d?[-/.](19|20)\d\d\b/g],
        ["Gregorian month", /\b20\d\d-\d\d\b/g],
        ["Gregorian week", /\bW\d{1,2} 20\d\d\b/g],
        ["Gregorian year", /\b20[1-3]\d\b/g],
        ["Gregorian date", /[۰-۹]{4}[-/][۰-۹]{1,2}[-/][۰-۹]{1,2}/g],
        ["Gregorian year", /۲۰[۰-۳][۰-۹]/g],
        [
            "Gregorian month",
            /(?<![آ-ی])(ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)(?![آ-ی])/g,
        ],
    ];
    // Latin words; emails, addresses and references (CMP/1405/00001) are taken out first.
    const WORD = /[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]/g;
    const NOT_WORDS = [
        /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
        /https?:\/\/\S+/g,
        /\b[A-Z]{2,5}\/\d{4}\/\d+\b/g,
    ];

    const offenders = [];
    const seen = new Set();
    const knownSeen = new Set();
    function offend(screen, reason, text) {
        const key = `${screen} → ${reason}: ${text}`;
        const general = `${reason}: ${text}`;
        if (knownOffenders.has(general) || knownOffenders.has(key)) {
            knownSeen.add(knownOffenders.has(key) ? key : general);
            return;
        }
        if (seen.has(key)) {
            return;
        }
        seen.add(key);
        offenders.push(key);
    }

    function visibleText() {
        const parts = [];
        for (const selector of [".o_main_navbar", ".o_action_manager", ".o_dialog"]) {
            for (const element of document.querySelectorAll(selector)) {
                parts.push(element.innerText);
            }
        }
        return parts.join("\n");
    }

    function audit(screen) {
        const text = visibleText();
        for (const [reason, pattern] of GREGORIAN) {
            for (const match of text.matchAll(pattern)) {
                const start = Math.max(0, match.index - 20);
                offend(screen, reason, `${match[0]} (in "${text.slice(start, match.index + 30).replace(/\s+/g, " ")}")`);
            }
        }
        if (document.querySelector(".o_view_sample_data")) {
            // An empty view shows Odoo's sample records (Latin lorem ipsum names) under its
            // help: their words are not checked, their dates are.
            return;
        }
        let words = text;
        for (const pattern of NOT_WORDS) {
            words = words.replace(pattern, " ");
        }
        for (const line of words.split("\n")) {
            for (const match of line.matchAll(WORD)) {
                if (!allowedWords.has(match[0].toLowerCase())) {
                    offend(screen, "English", `${match[0]} (in "${line.trim().slice(0, 80)}")`);
                }
            }
        }
    }

    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

    /** Wait until the screen is drawn: the view's root is there and the page is idle. */
    async function settled(selector) {
        for (let waited = 0; waited < 30000; waited += 100) {
            if (document.querySelector(selector) && !document.querySelector(".o_loading_indicator, .o_blockUI")) {
                break;
            }
            await delay(100);
        }
        await nextFrame();
        await delay(400);
        await nextFrame();
    }

    /** The screens to open: each menu of our addons with an action, in each view type
     * its action offers (a form on the first record the user reads). */
    async function listScreens() {
        const screens = [];
        const menus = env.services.menu.getAll().filter(
            (menu) => menu.actionID && modules.includes((menu.xmlid || "").split(".")[0])
        );
        for (const menu of menus) {
            const action = await actionService.loadAction(menu.actionID);
            const name = `${menu.xmlid} (${menu.name})`;
            if (action.type === "ir.actions.client") {
                screens.push({ name, action: menu.actionID, target: action.target });
                continue;
            }
            if (action.type !== "ir.actions.act_window") {
                continue;
            }
            for (const [, viewType] of action.views) {
                if (!VIEW_TYPES.includes(viewType)) {
                    continue;
                }
                let resId = false;
                if (viewType === "form" && action.target !== "new") {
                    [resId] = await env.services.orm.search(action.res_model, [], { limit: 1 });
                    if (!resId) {
                        continue;
                    }
                }
                screens.push({ name, action: menu.actionID, viewType, resId, target: action.target });
            }
        }
        return screens;
    }

    const screens = await listScreens();
    if (screens.length < minScreens) {
        throw new Error(`only ${screens.length} screens found: ${JSON.stringify(screens)}`);
    }
    for (const screen of screens) {
        const name = `${screen.name} [${screen.viewType || "client"}${screen.resId ? " #" + screen.resId : ""}]`;
        console.log(`parand screen audit: ${name}`);
        const options = { clearBreadcrumbs: true };
        if (screen.viewType) {
            options.viewType = screen.viewType;
        }
        if (screen.resId) {
            options.props = { resId: screen.resId };
        }
        await actionService.doAction(screen.action, options);
        await settled(
            screen.target === "new"
                ? ".o_dialog .modal-body"
                : screen.viewType
                ? `.o_action_manager .o_${screen.viewType}_view`
                : ".o_action_manager .o_action"
        );
        audit(name);
        if (screen.target === "new") {
            await actionService.doAction({ type: "ir.actions.act_window_close" });
            await delay(200);
        }
    }
    // Known offenders are listed in the log, so that the list is emptied when they are gone.
    console.log(`parand screen audit: known offenders still seen: ${JSON.stringify([...knownSeen])}`);
    if (offenders.length) {
        console.error(
            `parand screen audit: ${offenders.length} offenders on ${screens.length} screens:\n` +
                offenders.join("\n")
        );
    } else {
        console.log(`parand screen audit: ${screens.length} screens clean`);
        console.log("test successful");
    }
})().catch((error) => console.error(`parand screen audit failed: ${error.stack || error}`));
