// The reader's layout, in both languages at 1440 px and 390 px: the sticky
// header and its sections, the mobile menu, breadcrumbs, previous/next
// along the learning order, the contents, term cards, the concept graph,
// the home page, the theme toggle and Korean typography.
import { test, expect } from "@playwright/test";
import { drawnLabelSizes, viewport, LANGS, WIDTHS } from "./helpers.js";

const TERM = "terms/restaking/";

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    const phone = width < 600;
    test(`${lang} term page at ${width} px: header, navigation, contents, cards, graph`, async ({ browser }) => {
      const context = await viewport(browser, width);
      const page = await context.newPage();
      await page.goto(`${lang}/${TERM}`);

      // The header stays in view on a long page.
      await page.locator("#sources").scrollIntoViewIfNeeded();
      const header = await page.locator("#site-header").boundingBox();
      expect(header.y).toBe(0);
      await expect(page.locator("#site-header")).toBeInViewport();

      // Main sections: in the header on a wide screen, in the menu on a phone.
      const sections = page.locator(phone ? ".mobile-menu__panel .nav-list a" : ".site-nav a");
      if (phone) {
        await expect(page.locator(".site-nav")).toBeHidden();
        await page.locator(".mobile-menu summary").click();
      }
      await expect(sections.first()).toBeVisible();
      expect(await sections.count()).toBeGreaterThanOrEqual(4);
      if (phone) await page.locator(".mobile-menu summary").click();

      // Breadcrumbs end at the page itself.
      await expect(page.locator(".breadcrumbs [aria-current=page]")).toHaveText(await page.locator("h1").textContent());

      // Previous and next along the learning order, in this language.
      for (const rel of ["prev", "next"]) {
        await expect(page.locator(`.pager a[rel=${rel}]`)).toHaveAttribute("href", new RegExp(`^\\.\\./\\.\\./\\.\\./${lang}/terms/`));
      }

      // Contents: beside the text on a wide screen, folded above it on a phone; the quiz is one click away.
      const contents = phone ? page.locator(".toc-inline") : page.locator("nav.toc");
      if (phone) {
        await expect(page.locator("nav.toc")).toBeHidden();
        await contents.locator("summary").click();
      } else {
        const toc = await contents.boundingBox();
        const main = await page.locator("main").boundingBox();
        expect(toc.x).toBeGreaterThanOrEqual(main.x + main.width);
      }
      await contents.locator('a[href="#quiz"]').click();
      await expect(page.locator("#quiz-title")).toBeInViewport();
      if (!phone) await expect(page.locator('nav.toc a[href="#quiz"]')).toHaveAttribute("aria-current", "true");

      // Each linked term once, as a card with its summary.
      const cards = page.locator("#prerequisites .card, #related .card, #dependents .card");
      const hrefs = await cards.locator(".card__title").evaluateAll((links) => links.map((a) => a.href));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(new Set(hrefs).size).toBe(hrefs.length);
      for (const summary of await cards.locator(".card__summary").all()) await expect(summary).not.toBeEmpty();

      // The graph: one arrangement shown, labels never under 12 px, legend only for kinds present.
      const shown = page.locator(phone ? ".graph-figure__tall svg" : ".graph-figure__wide svg");
      await expect(shown).toBeVisible();
      await expect(page.locator(phone ? ".graph-figure__wide svg" : ".graph-figure__tall svg")).toBeHidden();
      const sizes = await drawnLabelSizes(page, "#graph svg");
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      const svgBox = await shown.boundingBox();
      expect(svgBox.x + svgBox.width).toBeLessThanOrEqual(width);
      for (const kind of ["pre", "related", "child"]) {
        const nodes = await shown.locator(`.graph-node--${kind}`).count();
        await expect(page.locator(`.graph-legend .legend--${kind}`)).toHaveCount(nodes > 0 ? 1 : 0);
      }
      const relatedNodes = await shown.locator(".graph-node--related").count();
      await expect(shown.locator(".graph-edge--related")).toHaveCount(relatedNodes);
      await expect(shown.locator("[aria-current=page]")).toHaveCount(1);

      // Sources are cited where they are used.
      const cite = page.locator("sup.cite a").first();
      const target = (await cite.getAttribute("href")).slice(1);
      await expect(page.locator(`#${target}`)).toBeAttached();
      await context.close();
    });

    test(`${lang} home at ${width} px: where to start, maps, practice, the A–Z with summaries`, async ({ browser }) => {
      const context = await viewport(browser, width);
      const page = await context.newPage();
      await page.goto(`${lang}/`);
      const start = page.locator("#start-title + .section-intro + .cards .card");
      expect(await start.count()).toBeGreaterThan(0);
      // A place to start has no prerequisites.
      await start.first().locator(".card__title").click();
      await expect(page.locator("#prerequisites")).toHaveCount(0);
      await page.goBack();
      await expect(page.locator(".tiles a.tile").first()).toHaveAttribute("href", /tags\/[a-z0-9-]+\/map\/$/);
      await expect(page.locator(`a.button[href$="${lang}/practice/"]`)).toBeVisible();
      const entries = page.locator(".az-group .term-index li");
      expect(await entries.count()).toBeGreaterThan(25);
      expect(await entries.locator(".term-index__summary").count()).toBe(await entries.count());
      expect(await page.locator(".tag-list a.tag").count()).toBeGreaterThan(3);
      await context.close();
    });
  }
}

test("the theme toggle cycles system, light and dark and is remembered", async ({ browser }) => {
  const context = await viewport(browser, 1440, { colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("en/");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  const toggle = page.locator(".theme-toggle");
  await expect(toggle).toHaveAttribute("aria-label", /System/);
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background()).not.toBe(light);
  await page.goto("ko/terms/staking/");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.locator(".theme-toggle").click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await context.close();
});

test("Korean headings are set tighter than Korean text, in one Hangul-first font", async ({ page }) => {
  await page.goto("ko/terms/liquid-restaking-token/");
  const metrics = await page.evaluate(() => {
    const h1 = getComputedStyle(document.querySelector("h1"));
    const body = getComputedStyle(document.querySelector("#explanation p"));
    return { h1: parseFloat(h1.lineHeight) / parseFloat(h1.fontSize), font: body.fontFamily, headingFont: h1.fontFamily };
  });
  expect(metrics.h1).toBeLessThanOrEqual(1.4);
  expect(metrics.font).toMatch(/^"?(Apple SD Gothic Neo|Noto Sans KR|Noto Sans CJK KR|Malgun Gothic|NanumGothic|Pretendard)/);
  expect(metrics.headingFont).toBe(metrics.font);
});

test("a wiki link mid-sentence reads in lower case, a summary link on a tag page is not bold", async ({ page }) => {
  await page.goto("en/terms/liquid-restaking-token/");
  await expect(page.locator("#explanation a.term-link", { hasText: /^restaking$/ }).first()).toBeVisible();
  await page.goto("en/tags/defi/");
  const weights = await page.locator(".term-list__summary").evaluateAll((ps) => ps.flatMap((p) =>
    Array.from(p.querySelectorAll("a")).map((a) => [getComputedStyle(a).fontWeight, getComputedStyle(p).fontWeight, getComputedStyle(a).fontSize, getComputedStyle(p).fontSize])));
  for (const [link, text, linkSize, textSize] of weights) {
    expect(link).toBe(text);
    expect(linkSize).toBe(textSize);
  }
});

test("a tag's concept map shows whole labels and says when it scrolls", async ({ browser }) => {
  for (const width of WIDTHS) {
    const context = await viewport(browser, width);
    const page = await context.newPage();
    await page.goto("en/tags/defi/map/");
    const labels = await page.locator("svg.concept-map a").evaluateAll((links) => links.map((a) => [
      a.querySelector("title").textContent, Array.from(a.querySelectorAll("tspan")).map((t) => t.textContent).join(" "),
    ]));
    for (const [title, drawn] of labels) expect(drawn.replace(/\s+/g, "")).toBe(title.replace(/\s+/g, ""));
    expect(Math.min(...(await drawnLabelSizes(page, "svg.concept-map")))).toBeGreaterThanOrEqual(12);
    const scrolls = await page.locator(".map-scroller").evaluate((s) => s.scrollWidth > s.clientWidth + 1);
    await expect(page.locator(".map-hint")).toBeVisible({ visible: scrolls });
    await context.close();
  }
});

test("the quiz says how it works, names right and wrong in words, and shows the score first", async ({ page }) => {
  await page.goto("en/terms/validator/");
  await expect(page.locator("#quiz .quiz-intro")).not.toContainText("hidden until you open it");
  const question = page.locator("#quiz fieldset.quiz-question").first();
  const answer = Number(await question.getAttribute("data-answer"));
  await question.locator(`input[value="${(answer + 1) % 3}"]`).check();
  await page.locator("#quiz button.quiz-button").click();
  await expect(page.locator("#quiz .quiz-verdict")).toBeVisible();
  // Right and wrong are said in words beside the choices, not by colour alone.
  await expect(question.locator(".choice--correct .choice-mark")).not.toBeEmpty();
  await expect(question.locator(".choice--chosen .choice-mark")).not.toBeEmpty();
});

test("printing shows the quiz answers and hides the navigation", async ({ page }) => {
  await page.goto("en/terms/staking/");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#quiz details.quiz-answer p").first()).toBeVisible();
  await expect(page.locator("#site-header")).toBeHidden();
});

for (const lang of LANGS) {
  test(`${lang}: a mistyped address suggests the nearest terms, in the reader's language`, async ({ page }) => {
    const response = await page.goto(`${lang}/terms/restakng/`);
    expect(response.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    // The reader's language comes first.
    await expect(page.locator(".not-found-language").first()).toHaveAttribute("lang", lang);
    const suggestions = page.locator(".not-found-language").first().locator(".not-found-suggestions");
    await expect(suggestions).toBeVisible();
    const first = suggestions.locator("a").first();
    await expect(first).toHaveAttribute("href", new RegExp(`/${lang}/terms/restaking/$`));
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/terms/restaking/$`));
  });

  for (const width of WIDTHS) {
    test(`${lang} at ${width} px: code blocks have a copy button that copies the code`, async ({ browser, baseURL }) => {
      const context = await viewport(browser, width, { permissions: ["clipboard-read", "clipboard-write"] });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL).origin });
      const page = await context.newPage();
      await page.goto(`${lang}/terms/erc-20/`);
      const pre = page.locator("#explanation pre, #deep-dive pre").first();
      const button = pre.locator("button.copy-code");
      await expect(button).toBeVisible();
      const box = await button.boundingBox();
      if (width < 600) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      const label = await button.textContent();
      await button.click();
      await expect(button).not.toHaveText(label);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.trim()).toBe((await pre.locator("code").innerText()).trim());
      await expect(button).toHaveText(label, { timeout: 3000 });
      await context.close();
    });

    test(`${lang} at ${width} px, on touch: the preview's Open link stays until used`, async ({ browser }) => {
      const context = await viewport(browser, width, { hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${lang}/terms/liquid-staking/`);
      const link = page.locator("#explanation a.term-link").first();
      await link.tap();
      const open = page.locator("#term-preview a");
      await expect(open).toBeVisible();
      await page.waitForTimeout(1500);
      await expect(open).toBeVisible();
      await open.tap();
      await expect(page).toHaveURL(new RegExp(`/${lang}/terms/[a-z0-9-]+/$`));
      await context.close();
    });
  }
}

test("Korean index labels (ㄱ ㄴ ㄷ) are drawn as large as Latin letters", async ({ page }) => {
  // The ink of each label's first character, measured in the font it is drawn in.
  const inkHeights = () => page.locator(".az-jump a").evaluateAll((links) => {
    const context = document.createElement("canvas").getContext("2d");
    return links.map((a) => {
      const text = document.createTreeWalker(a, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) }).nextNode();
      const style = getComputedStyle(text.parentElement);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const m = context.measureText(text.textContent.trim().charAt(0));
      return [text.textContent.trim(), m.actualBoundingBoxAscent + m.actualBoundingBoxDescent];
    });
  });
  await page.goto("en/");
  const latin = (await inkHeights()).filter(([label]) => /^[A-Z]$/.test(label)).map(([, h]) => h);
  await page.goto("ko/");
  const jamo = (await inkHeights()).filter(([label]) => /^[ㄱ-ㅎ]$/.test(label)).map(([, h]) => h);
  expect(latin.length).toBeGreaterThan(3);
  expect(jamo.length).toBeGreaterThan(3);
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  expect(median(jamo)).toBeGreaterThanOrEqual(0.85 * median(latin));
});
