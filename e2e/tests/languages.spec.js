// Every language: an Arabic term page mirrors (header, contents, summary,
// graph legend, quiz) at both widths without sideways scrolling and with no
// axe violation, and Japanese search finds a word inside a sentence. The
// site is tests/fixtures/languages (en, ko, ja, ar), served on port 4175.
import { test, expect } from "@playwright/test";
import { axe, scrollsSideways, viewport, WIDTHS } from "./helpers.js";

const SITE = "http://127.0.0.1:4175/";

for (const width of WIDTHS) {
  const phone = width < 600;
  test(`an Arabic term page at ${width} px reads right to left`, async ({ browser }) => {
    const context = await viewport(browser, width);
    const page = await context.newPage();
    await page.goto(`${SITE}ar/terms/staking/`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await scrollsSideways(page)).toBe(false);

    // The site title stands at the right, the tools at the left.
    const brand = await page.locator(".site-title").boundingBox();
    expect(brand.x + brand.width).toBeGreaterThan(width - 60);

    // The summary's rule is on the right, where the text starts.
    const rule = await page.locator(".summary").evaluate((p) => [getComputedStyle(p).borderRightWidth, getComputedStyle(p).borderLeftWidth]);
    expect(parseFloat(rule[0])).toBeGreaterThan(0);
    expect(parseFloat(rule[1])).toBe(0);

    // Contents: on a wide screen to the left of the text; folded above it on a phone.
    if (phone) {
      await expect(page.locator(".toc-inline summary")).toBeVisible();
    } else {
      const toc = await page.locator("nav.toc").boundingBox();
      const main = await page.locator("main").boundingBox();
      expect(toc.x + toc.width).toBeLessThanOrEqual(main.x + 1);
    }

    // The graph legend runs from right to left.
    const legend = await page.locator(".graph-legend .legend").evaluateAll((items) => items.map((i) => i.getBoundingClientRect()).map((r) => [r.x, r.y]));
    expect(legend.length).toBeGreaterThan(1);
    const [first, second] = legend;
    if (first[1] === second[1]) expect(first[0]).toBeGreaterThan(second[0]);

    // The quiz: each choice's button at its right; progress in Arabic digits.
    const choice = page.locator("#quiz .quiz-choices label").first();
    const input = await choice.locator("input").boundingBox();
    const label = await choice.boundingBox();
    expect(input.x).toBeGreaterThan(label.x + label.width / 2);
    await expect(page.locator("#quiz .quiz-progress")).toHaveText("١ / ١");

    // A Latin title inside Arabic text keeps its own order: ERC-20, not 20-ERC.
    const order = await page.locator('#explanation a.term-link[href*="erc-20"]').first().evaluate((a) => {
      const text = a.firstChild;
      const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().x; };
      return [text.textContent, at(0), at(text.textContent.indexOf("2"))];
    });
    expect(order[0]).toBe("ERC-20");
    expect(order[1]).toBeLessThan(order[2]);

    expect(await axe(page)).toEqual([]);
    await context.close();
  });
}

test("Arabic home, tag, search, practice and untranslated pages fit the phone with no axe violation, light and dark", async ({ browser }) => {
  for (const scheme of ["light", "dark"]) {
    const context = await viewport(browser, 390, { colorScheme: scheme });
    const page = await context.newPage();
    for (const path of ["ar/", "ar/tags/basics/", "ar/search/", "ar/practice/", "ar/terms/slashing/"]) {
      await page.goto(`${SITE}${path}`);
      expect(await scrollsSideways(page), path).toBe(false);
      expect(await axe(page), `${path} (${scheme})`).toEqual([]);
    }
    await context.close();
  }
});

test("Japanese search finds a word inside a sentence", async ({ page }) => {
  await page.goto(`${SITE}ja/terms/validator/`);
  await page.locator("#search-input").click();
  const input = page.locator("dialog.search-dialog input");
  await input.fill("報酬");
  const results = page.locator("dialog.search-dialog a.search-result");
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  expect(hrefs).toContain("/ja/terms/staking/");
});
