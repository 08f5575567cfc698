/* Copyright 2026 CRM Practices contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */

/**
 * Tours only (web.assets_tests): the screens of a tour, for the module's readme and for
 * the "no English on a French screen" check (tests/tour_screens.py).
 *
 * The same small file is in each of our modules (a module never depends on another of
 * ours); tests/test_oca_shape.py keeps the copies identical.
 *
 * When the page is opened with ?crm_readme_screens, a screen step logs
 * "crm_readme:screen {name, text, clip}" (the visible text of the page, and the region
 * to capture) and waits until the test's browser has taken the screen and acknowledged
 * it in window.crmReadmeScreens. Without the parameter the step only checks its
 * trigger, so the tour runs unchanged from the tour manager.
 */
const enabled = new URLSearchParams(window.location.search).has("crm_readme_screens");
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
            throw new Error(`tour: screen "${name}" was not taken`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

async function takeScreen(
    name,
    anchor,
    {margin = 12, fullPage = false, capture = true}
) {
    if (!enabled) {
        return;
    }
    // no "Loading" badge in the picture: wait for the pending requests
    await waitUntil(() => !document.querySelector(".o_loading_indicator"), name);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const screen = {name, text: document.body.innerText};
    if (capture) {
        screen.clip = region(anchor, margin, fullPage);
    }
    console.log(`crm_readme:screen ${JSON.stringify(screen)}`);
    await waitUntil(() => (window.crmReadmeScreens || []).includes(name), name);
}

/**
 * A tour step that waits for `trigger`, checks the visible text of the page and has the
 * region of the element it found (plus `margin` pixels, or the whole page) saved as
 * `<name>.png`.
 */
export function screenshotStep(name, trigger, {margin = 12, fullPage = false} = {}) {
    return {
        trigger,
        async run() {
            await takeScreen(name, this.anchor, {margin, fullPage});
        },
    };
}

/** A tour step that waits for `trigger` and checks the visible text of the page. */
export function screenTextStep(name, trigger) {
    return {
        trigger,
        async run() {
            await takeScreen(name, this.anchor, {capture: false});
        },
    };
}
