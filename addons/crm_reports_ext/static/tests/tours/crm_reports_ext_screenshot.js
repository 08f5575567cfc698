/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

/**
 * Tours only (web.assets_tests): screenshots for the module's readme, taken by the tour.
 *
 * When the page is opened with ?crm_reports_ext_screenshots, a screenshot step logs
 * "crm_reports_ext:screenshot {name, x, y, width, height}" and waits until the test's browser
 * (crm_reports_ext/tests/screenshots.py) has captured that region through the DevTools protocol
 * and acknowledged it in window.crmReportsScreenshots. Without the parameter the step only
 * checks its trigger, so the tour runs unchanged from the tour manager.
 */
const enabled = new URLSearchParams(window.location.search).has(
    "crm_reports_ext_screenshots"
);
const TIMEOUT = 4000;

function region(element, margin, fullPage) {
    const width = window.innerWidth;
    const height = window.innerHeight;
    if (fullPage) {
        return {x: 0, y: 0, width, height};
    }
    const rect = element.getBoundingClientRect();
    const x = Math.max(0, Math.floor(rect.left - margin));
    const y = Math.max(0, Math.floor(rect.top - margin));
    return {
        x,
        y,
        width: Math.min(width, Math.ceil(rect.right + margin)) - x,
        height: Math.min(height, Math.ceil(rect.bottom + margin)) - y,
    };
}

async function waitUntil(condition, name) {
    const start = Date.now();
    while (!condition()) {
        if (Date.now() - start > TIMEOUT) {
            throw new Error(`crm_reports_ext tour: screenshot "${name}" was not taken`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/**
 * A tour step that waits for `trigger`, then has the region of the element it found (plus
 * `margin` pixels, or the whole page) saved as `<name>.png`.
 */
export function screenshotStep(name, trigger, {margin = 12, fullPage = false} = {}) {
    return {
        trigger,
        async run() {
            if (!enabled) {
                return;
            }
            // no "Loading" badge in the picture: wait for the pending requests
            await waitUntil(
                () => !document.querySelector(".o_loading_indicator"),
                name
            );
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const shot = {name, ...region(this.anchor, margin, fullPage)};
            console.log(`crm_reports_ext:screenshot ${JSON.stringify(shot)}`);
            await waitUntil(
                () => (window.crmReportsScreenshots || []).includes(name),
                name
            );
        },
    };
}
