// Shared by the browser suites: the two widths and schemes every visible
// change is checked at, axe, and measurements a reader would notice.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

export const LANGS = ["en", "ko"];
export const WIDTHS = [1440, 390];
export const SCHEMES = ["light", "dark"];

/** A browser context at `width` (a touch phone under 600 px). */
export async function viewport(browser, width, options = {}) {
  const phone = width < 600;
  return browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    hasTouch: phone,
    isMobile: phone,
    ...options,
  });
}

/** axe-core's WCAG 2 A/AA and best-practice violations on the page. */
export async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

/** Whether the page scrolls sideways. */
export function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The size at which each text of the visible SVGs under `selector` is drawn, in CSS pixels. */
export function drawnLabelSizes(page, selector) {
  return page.locator(selector).evaluateAll((svgs) => svgs
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .flatMap((svg) => Array.from(svg.querySelectorAll("text")).map((text) => {
      const scale = text.getScreenCTM().a;
      return parseFloat(getComputedStyle(text).fontSize) * scale;
    })));
}
