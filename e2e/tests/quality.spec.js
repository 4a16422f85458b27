// Web quality of the built site: accessibility (axe-core, WCAG 2 A/AA and
// best practices, light and dark), no request to any other host, no console
// error, and what still works without JavaScript. Each figure is printed.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

const PAGES = [
  "en/", "ko/", "en/terms/liquid-staking/", "ko/terms/liquid-staking/", "en/tags/defi/", "ko/tags/defi/",
  "en/tags/defi/map/", "ko/practice/", "en/translations/", "en/articles/", "ko/articles/liquid-restaking-tokens/",
  "no-such-page/", "ko/no-such-page/",
];

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violation (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    const violations = [];
    for (const path of PAGES) {
      await page.goto(path);
      for (const v of await axe(page)) violations.push(`${path} ${v}`);
    }
    console.log(`axe violations (${scheme}, ${PAGES.length} pages): ${violations.length}`);
    expect(violations).toEqual([]);
    await context.close();
  });
}

test("no request leaves the site and no console error is logged", async ({ page, baseURL }) => {
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
  await page.locator("#search-input").fill("검증자");
  await expect(page.locator("#search-results a").first()).toBeVisible();
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
  expect(await page.locator("#graph svg a").count()).toBeGreaterThan(2);
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
