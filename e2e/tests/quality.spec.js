// Web quality of the built site: accessibility (axe-core, WCAG 2 A/AA and
// best practices, light and dark), no request to any other host, no console
// error, and what still works without JavaScript. Each figure is printed.
import { test, expect } from "@playwright/test";
import { axe, scrollsSideways, viewport, SCHEMES, WIDTHS } from "./helpers.js";

// Every page type, in both languages.
const PAGES = ["en", "ko"].flatMap((lang) => [
  `${lang}/`, `${lang}/terms/liquid-staking/`, `${lang}/tags/defi/`, `${lang}/tags/defi/map/`, `${lang}/tags/`,
  `${lang}/search/`, `${lang}/practice/`, `${lang}/articles/`, `${lang}/articles/liquid-restaking-tokens/`,
  `${lang}/no-such-page/`,
]).concat(["en/translations/", "no-such-page/", "ja/", "ja/terms/staking/", "ja/terms/liquid-staking/"]);


for (const [scheme, width] of SCHEMES.flatMap((s) => WIDTHS.map((w) => [s, w]))) {
  test(`axe finds no violation (${scheme}, ${width} px)`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await viewport(browser, width, { colorScheme: scheme });
    const page = await context.newPage();
    const violations = [];
    for (const path of PAGES) {
      await page.goto(path);
      for (const v of await axe(page)) violations.push(`${path} ${v}`);
    }
    console.log(`axe violations (${scheme}, ${width} px, ${PAGES.length} pages): ${violations.length}`);
    expect(violations).toEqual([]);
    await context.close();
  });
}

test("no request leaves the site and no console error is logged", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL).origin;
  const external = [];
  const errors = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) external.push(url);
  });
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of PAGES.filter((p) => !p.includes("no-such"))) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Exercise the scripts too: search, a preview, the quiz.
  await page.goto("ko/terms/staking/");
  await page.locator("#search-input").click();
  await page.locator("dialog.search-dialog input").fill("검증자");
  await expect(page.locator("dialog.search-dialog a.search-result").first()).toBeVisible();
  await page.locator("dialog.search-dialog .search-dialog__close").click();
  await expect(page.locator("dialog.search-dialog")).toBeHidden();
  await page.locator("#explanation a.term-link").first().hover();
  await expect(page.locator("#term-preview")).toBeVisible();
  console.log(`external requests: ${external.length}`);
  console.log(`console errors: ${errors.length}`);
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
});

test("a graph node leads to the right page in the same language", async ({ page }) => {
  await page.goto("ko/terms/liquid-restaking-token/");
  const node = page.locator("#graph svg a").first();
  const label = await node.locator("title").textContent();
  await node.click();
  await expect(page).toHaveURL(/\/ko\/terms\/[a-z0-9-]+\/$/);
  await expect(page.locator("h1")).toHaveText(label);
});

test("the language switcher keeps the reader on the same term", async ({ page }) => {
  await page.goto("en/terms/restaking/");
  await page.locator(".language-switcher a[hreflang=ko]").click();
  await expect(page).toHaveURL(/\/ko\/terms\/restaking\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.locator("#languages a[hreflang=en]").click();
  await expect(page).toHaveURL(/\/en\/terms\/restaking\/$/);
});

test("without JavaScript the quiz answers and the graph are there", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("ko/terms/staking/");
  const questions = page.locator("#quiz fieldset.quiz-question");
  await expect(questions).toHaveCount(3);
  await expect(page.locator("#quiz details.quiz-answer")).toHaveCount(3);
  await page.locator("#quiz details.quiz-answer summary").first().click();
  await expect(page.locator("#quiz details.quiz-answer").first()).toHaveAttribute("open", "");
  expect(await page.locator("#graph svg a").filter({ visible: true }).count()).toBeGreaterThan(2);
  await expect(page.locator("#graph pre code")).toContainText("graph LR");
  await context.close();
});

test("the 404 page answers in the reader's language", async ({ page }) => {
  const response = await page.goto("ko/terms/no-such-term/");
  expect(response.status()).toBe(404);
  await expect(page.locator(".not-found-language").first()).toHaveAttribute("lang", "ko");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.locator("#search-input")).toHaveAttribute("placeholder", "용어 검색…");
});

test("no page scrolls sideways at 320 px", async ({ browser }) => {
  const context = await viewport(browser, 320);
  const page = await context.newPage();
  const wide = [];
  for (const path of PAGES) {
    await page.goto(path);
    if (await scrollsSideways(page)) wide.push(path);
  }
  expect(wide).toEqual([]);
  await context.close();
});

test("every control is at least 44 px on a touch screen", async ({ browser }) => {
  const context = await viewport(browser, 390);
  const page = await context.newPage();
  const small = [];
  for (const path of PAGES) {
    await page.goto(path);
    const found = await page.evaluate(() => {
      // Links inside running text are exempt (WCAG 2.5.8, inline targets).
      const inline = (el) => {
        const parent = el.parentElement;
        return getComputedStyle(el).display === "inline" && parent.textContent.trim().length > el.textContent.trim().length;
      };
      return Array.from(document.querySelectorAll("a[href], button, summary, input:not([type=radio]), select, label:has(input[type=radio])"))
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
        .filter((el) => !el.closest("svg, .skip-link, .anchor") && !inline(el))
        // A card's title link covers the whole card.
        .map((el) => ({ el, box: (el.classList.contains("card__title") ? el.closest(".card") : el).getBoundingClientRect() }))
        .filter(({ box }) => box.height < 43.5 || box.width < 24)
        .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    });
    for (const f of found) small.push(`${path} ${f}`);
  }
  expect(small).toEqual([]);
  await context.close();
});
