// Articles: the table of contents as a sidebar on wide screens and a
// collapsible box on phones, and the glossary one hover or click away.
import { test, expect } from "@playwright/test";

const ARTICLE = "en/articles/liquid-restaking-tokens/";

test("on a wide screen the contents sit beside the text and stay in view", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(ARTICLE);
  const toc = page.locator("nav.toc");
  const body = page.locator(".article-body");
  const tocBox = await toc.boundingBox();
  const bodyBox = await body.boundingBox();
  const overlaps = tocBox.x < bodyBox.x + bodyBox.width && bodyBox.x < tocBox.x + tocBox.width;
  expect(overlaps, "the sidebar must not cover the text").toBe(false);

  // Following an entry scrolls to its heading; the sidebar is still on screen.
  const entry = toc.locator("a").nth(2);
  const target = (await entry.getAttribute("href")).slice(1);
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`#${target}$`));
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  await expect(toc).toBeInViewport();
});

test("on a phone the contents are a box above the text that folds away", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(ARTICLE);
  await expect(page.locator("nav.toc")).toBeHidden();
  const toc = page.locator(".toc-inline");
  const tocBox = await toc.boundingBox();
  const bodyBox = await page.locator(".article-body").boundingBox();
  expect(tocBox.y + tocBox.height).toBeLessThanOrEqual(bodyBox.y);
  const list = toc.locator("ul");
  await expect(list).toBeHidden();
  await toc.locator("summary").click();
  await expect(list).toBeVisible();
  await toc.locator("summary").click();
  await expect(list).toBeHidden();
  const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(scrollsSideways).toBe(false);
});

test("a term in an article previews on hover and its page lists the article", async ({ page }) => {
  await page.goto(ARTICLE);
  const link = page.locator(".article-body a.term-link").first();
  await link.hover();
  await expect(page.locator("#term-preview")).toBeVisible();
  await expect(page.locator("#term-preview strong")).toHaveText(await link.getAttribute("data-title"));

  const box = page.locator("#terms-in-article a");
  expect(await box.count()).toBeGreaterThanOrEqual(5);
  await page.locator("#terms-in-article a[href$='/liquid-restaking-token/']").click();
  await expect(page).toHaveURL(/\/en\/terms\/liquid-restaking-token\/$/);
  const readMore = page.locator("#read-more a", { hasText: "Liquid Restaking Tokens" });
  await expect(readMore).toHaveCount(1);
  await readMore.click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
});
