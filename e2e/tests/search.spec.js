// Search: Pagefind's index of the page's language, in a dialog opened from
// the header's box, `/` or Ctrl+K; the search page for ?q= and for readers
// without JavaScript.
import { test, expect } from "@playwright/test";
import { viewport, LANGS, WIDTHS } from "./helpers.js";

const dialog = (page) => page.locator("dialog.search-dialog");
const results = (page) => dialog(page).locator("a.search-result");

async function search(page, query) {
  await page.locator("#search-input").click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).locator("input").fill(query);
  await expect(results(page).first()).toBeVisible();
  return results(page);
}

/** How many results Pagefind itself finds for `query` in `lang`. */
function pagefindCount(page, lang, query) {
  return page.evaluate(async ([lang, query]) => {
    const pagefind = await import(new URL(`/pagefind/${lang}/pagefind.js`, location.href).href);
    await pagefind.init();
    return (await pagefind.search(query)).results.length;
  }, [lang, query]);
}

for (const width of WIDTHS) {
  test(`the header box, / and Ctrl+K open the dialog (${width} px)`, async ({ browser }) => {
    const context = await viewport(browser, width);
    const page = await context.newPage();
    for (const lang of LANGS) {
      await page.goto(`${lang}/terms/staking/`);
      // On a phone the box is an icon button; it opens the same dialog.
      await page.locator(width < 600 ? "#search .search__submit" : "#search-input").click();
      await expect(dialog(page)).toBeVisible();
      await expect(dialog(page).locator("input")).toBeFocused();
      const box = await dialog(page).boundingBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.keyboard.press("Escape");
      await expect(dialog(page)).toBeHidden();
      await page.locator("body").press("/");
      await expect(dialog(page).locator("input")).toBeFocused();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+k");
      await expect(dialog(page).locator("input")).toBeFocused();
      await page.keyboard.press("Escape");
    }
    await context.close();
  });
}

test("arrow keys move through the results and Enter opens one", async ({ page }) => {
  await page.goto("en/");
  await search(page, "oracle");
  await page.keyboard.press("ArrowDown");
  await expect(results(page).first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(dialog(page).locator("input")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/terms\/oracle\/$/);
});

test("the count is Pagefind's and show more reaches every result", async ({ page }) => {
  await page.goto("en/terms/staking/");
  const expected = await pagefindCount(page, "en", "staking");
  expect(expected, "enough results to need show more").toBeGreaterThan(10);
  await search(page, "staking");
  await expect(dialog(page).locator(".search-message")).toHaveText(`${expected} results`);
  await expect(results(page)).toHaveCount(10);
  const more = dialog(page).locator(".search-more");
  for (let shown = 10; shown < expected; shown = Math.min(shown + 10, expected)) {
    await more.click();
    await expect(results(page)).toHaveCount(Math.min(shown + 10, expected));
  }
  await expect(more).toBeHidden();
  await expect(results(page)).toHaveCount(expected);
  const hrefs = await results(page).evaluateAll((links) => links.map((a) => a.href));
  expect(new Set(hrefs).size).toBe(expected);
});

test("a Korean query finds inflected forms, and a particle comes off the query", async ({ page }) => {
  await page.goto("ko/terms/staking/");
  let found = await search(page, "스테이킹");
  const hrefs = await found.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  expect(hrefs.every((h) => h.startsWith("/ko/"))).toBe(true);
  expect(hrefs[0]).toBe("/ko/terms/staking/");
  const marks = await dialog(page).locator("mark").allTextContents();
  expect(marks.some((m) => m.startsWith("스테이킹") && m.length > "스테이킹".length)).toBe(true);
  await expect(dialog(page).locator(".search-message")).toHaveText(/^결과 \d+개$/);

  for (const query of ["리스테이킹은", "리스테이킹을", "검증자가"]) {
    await dialog(page).locator("input").fill(query);
    const bare = query.startsWith("검증자") ? "/ko/terms/validator/" : "/ko/terms/restaking/";
    await expect(results(page).first()).toHaveAttribute("href", new RegExp(`${bare}$`));
  }
  await dialog(page).locator("input").fill("zzqxjv");
  await expect(dialog(page).locator(".search-message")).toHaveText("“zzqxjv”에 맞는 용어가 없습니다.");
});

test("an alias finds its term first, in an English-only list", async ({ page }) => {
  await page.goto("en/terms/slashing/");
  const found = await search(page, "LST");
  await expect(found.first()).toHaveAttribute("href", /\/en\/terms\/liquid-staking\/$/);
  await expect(found.first().locator("strong")).toHaveText("Liquid Staking");
  const hrefs = await found.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  expect(hrefs.every((h) => h.startsWith("/en/"))).toBe(true);
});

test("results are compact on a phone: title, one line of summary, an excerpt", async ({ browser }) => {
  const context = await viewport(browser, 390);
  const page = await context.newPage();
  await page.goto("en/");
  await page.locator("#search .search__submit").click();
  await dialog(page).locator("input").fill("validator");
  await expect(results(page).first()).toBeVisible();
  const first = results(page).first();
  await expect(first.locator("strong")).toBeVisible();
  const summary = first.locator(".search-summary");
  const lineHeight = await summary.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await summary.boundingBox()).height).toBeLessThanOrEqual(lineHeight * 1.1);
  await expect(first.locator(".search-excerpt")).toBeVisible();
  // At least four results fit on the first screen.
  const bottoms = await results(page).evaluateAll((links) => links.map((a) => a.getBoundingClientRect().bottom));
  expect(bottoms.filter((b) => b <= 844).length).toBeGreaterThanOrEqual(4);
  await context.close();
});

test("the search page shows results for ?q= and keeps the query in its box", async ({ page }) => {
  await page.goto("ko/search/?q=" + encodeURIComponent("검증자"));
  await expect(page.locator("#search-page-input")).toHaveValue("검증자");
  await expect(page.locator("#search-page-results a.search-result").first()).toHaveAttribute("href", /\/ko\/terms\/validator\/$/);
});

test("focusing the search page's box loads the index before a word is typed", async ({ page }) => {
  const loaded = [];
  page.on("request", (request) => {
    if (/\/pagefind\/en\/pagefind\.js$/.test(new URL(request.url()).pathname)) loaded.push(request.url());
  });
  await page.goto("en/search/");
  await page.waitForLoadState("networkidle");
  expect(loaded, "a page nobody searches on loads no index").toHaveLength(0);
  await page.locator("#search-page-input").focus();
  await expect.poll(() => loaded.length).toBe(1);
  await expect(page.locator("#search-page-input")).toHaveValue("");
  await page.locator("#search-page-input").fill("validator");
  await expect(page.locator("#search-page-results a.search-result").first()).toHaveAttribute("href", /\/en\/terms\/validator\/$/);
});

test("without JavaScript the header box leads to a page listing every term by name", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("en/terms/staking/");
  await page.locator("#search-input").fill("validator");
  await page.locator("#search-input").press("Enter");
  await expect(page).toHaveURL(/\/en\/search\/\?q=validator$/);
  await expect(page.locator("noscript, .notice").first()).toBeAttached();
  const names = await page.locator(".search-page__all a.term-link").allTextContents();
  expect(names).toContain("Validator");
  expect(names.length).toBeGreaterThan(25);
  await page.locator(".search-page__all a.term-link", { hasText: /^Validator$/ }).click();
  await expect(page).toHaveURL(/\/en\/terms\/validator\/$/);
  await context.close();
});

test("under a path, with its index in parts, search finds the terms of every part and leads to them", async ({ page }) => {
  const site = "http://127.0.0.1:4176/docs/glossary/";
  await page.goto(`${site}en/terms/staking/`);
  const parts = (await page.locator("#search").getAttribute("data-shards")).split(" ");
  expect(parts, "four published terms in parts of two: one part besides the first").toHaveLength(1);
  // The first part holds the first terms by slug, the second the others.
  await page.locator("#search-input").click();
  for (const [query, slug] of [["Proof of Stake", "proof-of-stake"], ["Slashing", "slashing"], ["Validator", "validator"]]) {
    await dialog(page).locator("input").fill(query);
    const first = results(page).first();
    await expect(first.locator("strong")).toHaveText(query);
    const href = await first.getAttribute("href");
    expect(new URL(href, page.url()).pathname).toBe(`/docs/glossary/en/terms/${slug}/`);
  }
  await results(page).first().click();
  await expect(page).toHaveURL(`${site}en/terms/validator/`);
  await expect(page.locator("h1")).toHaveText("Validator");
});

test("with its index in parts, a search of several words finds what one index would", async ({ page }) => {
  // Parts of two: Proof of Stake and Slashing, then Staking and Validator.
  // Only Staking's page has "piggy"; "qwzx" is in no term.
  const site = "http://127.0.0.1:4176/docs/glossary/";
  const titles = async (query) => {
    await page.goto(`${site}en/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator("#search-page-results .search-message")).toBeVisible();
    return page.locator("#search-page-results a.search-result strong").allTextContents();
  };
  expect(await titles("piggy")).toEqual(["Staking"]);
  expect(await titles("validator piggy"), "the first part has no page with both words").toEqual(["Staking"]);
  const validator = await titles("validator");
  expect(validator.length).toBeGreaterThan(2);
  expect(await titles("validator qwzx"), "a word no part has is left out, as one index leaves it out").toEqual(validator);
  expect(await titles("piggy slashable"), "no page has both words").toEqual([]);
});
