// Reading and learning: previews, learning paths, the quiz, practice and
// progress kept across visits.
import { test, expect } from "@playwright/test";

test("a link previews its term on hover and on keyboard focus, and Escape closes it", async ({ page }) => {
  await page.goto("en/terms/liquid-staking/");
  const link = page.locator("#explanation a.term-link").first();
  const target = await link.getAttribute("data-title");
  await link.hover();
  const popover = page.locator("#term-preview");
  await expect(popover).toBeVisible();
  await expect(popover.locator("strong")).toHaveText(target);
  await expect(popover.locator("p")).not.toBeEmpty();
  await expect(link).toHaveAttribute("aria-describedby", "term-preview");
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();

  await page.mouse.move(0, 0);
  await link.focus();
  await expect(popover).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
});

test("without JavaScript the link carries the summary as its description", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("ko/terms/liquid-staking/");
  const title = await page.locator("#explanation a.term-link").first().getAttribute("title");
  expect(title && title.length).toBeGreaterThan(10);
  await context.close();
});

test("the learning path lists every prerequisite before the terms that need it", async ({ page, request }) => {
  for (const lang of ["en", "ko"]) {
    await page.goto(`${lang}/terms/liquid-restaking-token/`);
    const order = await page.locator("#learning-path li[data-term]").evaluateAll((items) => items.map((li) => li.dataset.term));
    // The path leads up to the term's own prerequisites, which the page shows once, as cards.
    const direct = await page.locator("#prerequisites .card__title").evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split("/").at(-2)));
    expect(order).not.toContain("liquid-restaking-token");
    for (const slug of direct) expect(order).not.toContain(slug);
    const data = await (await request.get(`${lang}/paths.json`)).json();
    const bySlug = Object.fromEntries(data.terms.map((t, i) => [t.slug, t]));
    const slugs = data.terms.map((t) => t.slug);
    for (const [position, slug] of order.entries()) {
      for (const pre of bySlug[slug].pre.map((i) => slugs[i])) {
        expect(order.indexOf(pre), `${pre} must come before ${slug}`).toBeLessThan(position);
      }
    }
    expect(order).toEqual(expect.arrayContaining(["proof-of-stake", "staking"]));
  }
});

async function passQuiz(page) {
  const questions = page.locator("#quiz fieldset.quiz-question");
  const total = await questions.count();
  const button = page.locator("#quiz button.quiz-button");
  for (let i = 0; i < total; i++) {
    const question = questions.nth(i);
    await expect(question).toBeVisible();
    await expect(page.locator("#quiz .quiz-progress")).toHaveText(`${i + 1} / ${total}`);
    const answer = await question.getAttribute("data-answer");
    // Keyboard only: focus the right choice, then submit.
    await question.locator(`input[value="${answer}"]`).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(page.locator("#quiz .quiz-feedback--correct")).toBeVisible();
    await button.focus();
    await page.keyboard.press("Enter");
  }
  return total;
}

test("the quiz can be completed with the keyboard, and progress survives a reload", async ({ page }) => {
  await page.goto("en/terms/staking/");
  const total = await passQuiz(page);
  await expect(page.locator("#quiz .quiz-result")).toHaveText(`You answered ${total} of ${total} correctly.`);
  await page.reload();
  const last = page.locator("#quiz .quiz-last");
  await expect(last).toHaveText(`Last time you answered ${total} of ${total} correctly.`);
  // Before a new attempt the previous one is shown above the first question; at the end, only the new score.
  const above = await last.evaluate((p) => Boolean(p.compareDocumentPosition(document.querySelector("#quiz fieldset.quiz-question")) & Node.DOCUMENT_POSITION_FOLLOWING));
  expect(above).toBe(true);
  await passQuiz(page);
  await expect(page.locator("#quiz .quiz-result")).toBeVisible();
  await expect(page.locator("#quiz .quiz-result")).toBeFocused();
  await expect(last).toBeHidden();
  // The learning path of a later term ticks it.
  await page.goto("en/terms/liquid-restaking-token/");
  await expect(page.locator('#learning-path li[data-term="staking"]')).toHaveClass(/is-passed/);
  await expect(page.locator('#learning-path li[data-term="validator"]')).not.toHaveClass(/is-passed/);
});

test("the practice page runs a full round", async ({ page }) => {
  await page.goto("en/practice/");
  await page.locator("#practice-count").selectOption("5");
  await page.locator(".practice-setup button").click();
  for (let i = 0; i < 5; i++) {
    await expect(page.locator(".practice-round .quiz-progress")).toHaveText(`${i + 1} / 5`);
    await page.locator(".practice-round input").first().check();
    await page.locator(".practice-round button.quiz-button").click();
    await expect(page.locator(".practice-round .quiz-verdict")).toBeVisible();
    await expect(page.locator(".practice-round .practice-about a")).toHaveAttribute("href", /\/en\/terms\/[a-z0-9-]+\/$/);
    await page.locator(".practice-round button.quiz-button").click();
  }
  await expect(page.locator(".practice-round .quiz-result")).toHaveText(/^Done! You answered [0-5] of 5 correctly\.$/);
});

test("practice can be limited to one topic, in Korean", async ({ page }) => {
  await page.goto("ko/practice/");
  await page.locator("#practice-topic").selectOption("ai");
  await page.locator("#practice-count").selectOption("5");
  await page.locator(".practice-setup button").click();
  await expect(page.locator(".practice-round .quiz-progress")).toHaveText("1 / 5");
  await page.locator(".practice-round input").first().check();
  await page.locator(".practice-round button.quiz-button").click();
  const href = await page.locator(".practice-round .practice-about a").getAttribute("href");
  expect(["machine-learning", "token-ai", "tokenizer"].some((slug) => href.endsWith(`/ko/terms/${slug}/`))).toBe(true);
});

test("a tag's concept map links every node to its page in the same language", async ({ page }) => {
  await page.goto("ko/tags/defi/");
  await page.locator("a.map-link").click();
  await expect(page).toHaveURL(/\/ko\/tags\/defi\/map\/$/);
  const nodes = page.locator("svg.concept-map a");
  // The address changes before the new page is parsed: wait for its map.
  await expect(nodes.first()).toBeAttached();
  expect(await nodes.count()).toBeGreaterThan(5);
  const hrefs = await nodes.evaluateAll((links) => links.map((a) => new URL(a.getAttribute("href"), location.href).pathname));
  expect(hrefs.every((h) => /^\/ko\/terms\/[a-z0-9-]+\/$/.test(h))).toBe(true);
  await nodes.first().click();
  await expect(page).toHaveURL(/\/ko\/terms\/[a-z0-9-]+\/$/);
});
