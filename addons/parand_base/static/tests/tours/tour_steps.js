/**
 * Tour steps the Parand addons' journeys share: import them from
 * "@parand_base/../tests/tours/tour_steps".
 */

/**
 * Two tour steps that take a screenshot for docs/screenshots (see
 * parand_base/tests/screenshots.py): the first asks the test's browser for it, the second
 * waits until it is taken.
 */
export function screenshotSteps(name, trigger = "body") {
    return [
        {
            content: `screenshot ${name}`,
            trigger,
            run() {
                console.log(`parand:screenshot:${name}`);
            },
        },
        {
            content: `screenshot ${name} taken`,
            trigger: `body.parand-shot-${name}`,
        },
    ];
}

/** A Gregorian date or month as Odoo writes one, in Latin or Persian digits and names. */
export const GREGORIAN = [
    /\b20\d\d[-/.]\d\d?[-/.]\d\d?\b/,
    /\b\d\d?[-/.]\d\d?[-/.]20\d\d\b/,
    /\bW\d{1,2} 20\d\d\b/,
    /\b20\d\d-\d\d\b/,
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
    /(?<![آ-ی])(ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)\s+(20\d\d|۲۰[۰-۹]{2})/,
    /۲۰[۰-۹]{2}[-/][۰-۹]{1,2}[-/][۰-۹]{1,2}/,
];

/** A Jalali year of these decades, in Latin or Persian digits, for a trigger's regexp. */
export const JALALI_YEAR = "(14\\d\\d|۱۴[۰-۹]{2})";

/** A step that fails when the visible text of the action holds a Gregorian date. */
export function noGregorian(screen, trigger) {
    return {
        content: `${screen}: no Gregorian date`,
        trigger,
        run() {
            const text = document.querySelector(".o_action_manager").innerText;
            for (const pattern of GREGORIAN) {
                const found = text.match(pattern);
                if (found) {
                    throw new Error(`${screen}: Gregorian date ${JSON.stringify(found[0])}`);
                }
            }
        },
    };
}
