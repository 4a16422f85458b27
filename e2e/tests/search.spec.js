// Search: Pagefind's index of the page's language, from the header's box.
import { test, expect } from "@playwright/test";

async function search(page, query) {
  const input = page.locator("#search-input");
  await input.fill(query);
  const results = page.locator("#search-results a.search-result");
  await expect(results.first()).toBeVisible();
  return results;
}

test("a Korean query on a Korean page finds inflected forms", async ({ page }) => {
  await page.goto("ko/terms/staking/");
  const results = await search(page, "스테이킹");
  const hrefs = await results.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  expect(hrefs.every((h) => h.includes("/ko/terms/"))).toBe(true);
  expect(hrefs[0]).toBe("/ko/terms/staking/");
  // Matches inside inflected forms such as 스테이킹된 and 스테이킹을, not only the bare word.
  const marks = await page.locator("#search-results mark").allTextContents();
  expect(marks.some((m) => m.startsWith("스테이킹") && m.length > "스테이킹".length)).toBe(true);
  // Results carry the summary in Korean.
  await expect(page.locator("#search-results .search-summary").first()).not.toBeEmpty();
});

test("an alias finds its term first", async ({ page }) => {
  await page.goto("en/");
  const results = await search(page, "LST");
  await expect(results.first()).toHaveAttribute("href", /\/en\/terms\/liquid-staking\/$/);
  await expect(results.first().locator("strong")).toHaveText("Liquid Staking");
});

test("an English query on an English page finds English pages", async ({ page }) => {
  await page.goto("en/terms/slashing/");
  const results = await search(page, "validator");
  const hrefs = await results.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  expect(hrefs[0]).toBe("/en/terms/validator/");
  expect(hrefs.every((h) => h.startsWith("/en/"))).toBe(true);
  await expect(page.locator("#search-results .search-message").first()).toHaveText(/results/);
});

test("Enter opens the first result and Escape closes the list", async ({ page }) => {
  await page.goto("en/");
  await search(page, "oracle");
  await page.locator("#search-input").press("Escape");
  await expect(page.locator("#search-results")).toBeHidden();
  await page.locator("#search-input").fill("oracle");
  await expect(page.locator("#search-results a.search-result").first()).toBeVisible();
  await page.locator("#search-input").press("Enter");
  await expect(page).toHaveURL(/\/en\/terms\/oracle\/$/);
});

test("the Korean search box speaks Korean", async ({ page }) => {
  await page.goto("ko/");
  await expect(page.locator("#search-input")).toHaveAttribute("placeholder", "용어 검색…");
  await search(page, "검증자");
  await expect(page.locator("#search-results .search-message").first()).toHaveText(/^결과 \d+개$/);
  await page.locator("#search-input").fill("zzqxjv");
  await expect(page.locator("#search-results .search-message")).toHaveText("“zzqxjv”에 맞는 용어가 없습니다.");
});
