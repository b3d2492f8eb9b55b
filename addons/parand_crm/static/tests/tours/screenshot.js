/**
 * Two tour steps that take a screenshot for docs/screenshots (see tests/screenshots.py):
 * the first asks the test's browser for it, the second waits until it is taken.
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
