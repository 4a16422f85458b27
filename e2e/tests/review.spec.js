// Spaced repetition on the practice page: each answer schedules its question
// by a Leitner rule kept in localStorage, the page says what is due and when
// the next review is, and it keeps working where storage is refused.
import { test, expect } from "@playwright/test";
import { axe } from "./helpers.js";

const DAY = 24 * 60 * 60 * 1000;
const START = new Date("2026-03-02T09:00:00Z").getTime();
const KEY = (lang) => `glossa:review:http://127.0.0.1:4173/:${lang}`;

async function answers(request, lang) {
  const data = await (await request.get(`${lang}/quiz.json`)).json();
  return Object.fromEntries(data.questions.map((q) => [q.id, q]));
}

async function schedule(page, lang) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || "{}"), KEY(lang));
}

// Answers the question on screen, right when `right(i)` says so; returns its id.
async function answer(page, questions, right) {
  const form = page.locator(".practice-round form.practice-question");
  const id = await form.getAttribute("data-question");
  const q = questions[id];
  const choice = right ? q.answer : (q.answer + 1) % q.choices.length;
  await form.locator(`input[value="${choice}"]`).check();
  await form.locator("button.quiz-button").click();
  await expect(form.locator(right ? ".quiz-feedback--correct" : ".quiz-feedback--incorrect")).toBeVisible();
  await form.locator("button.quiz-button").click();
  return id;
}

test("answers are scheduled by the Leitner rule, and due questions come back", async ({ page, request }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.clock.install({ time: START });
  const questions = await answers(request, "en");
  await page.goto("en/practice/");
  const status = page.locator(".practice-due");
  await expect(status).toHaveText(/^Questions you answer here come back for review/);
  await expect(page.getByLabel("Questions at random")).toBeChecked();
  await expect(page.getByLabel("Review due questions")).toBeDisabled();

  // A round of five: three right, two wrong.
  await page.locator("#practice-count").selectOption("5");
  await page.locator(".practice-setup button").click();
  const right = [];
  const wrong = [];
  for (let i = 0; i < 5; i++) {
    await expect(page.locator(".practice-round .quiz-progress")).toHaveText(`${i + 1} / 5`);
    (i % 2 === 0 ? right : wrong).push(await answer(page, questions, i % 2 === 0));
  }
  await expect(page.locator(".practice-round .quiz-result")).toHaveText("Done! You answered 3 of 5 correctly.");
  let stored = await schedule(page, "en");
  expect(Object.keys(stored).sort()).toEqual([...right, ...wrong].sort());
  for (const id of right) {
    expect(stored[id].box).toBe(1);
    expect(stored[id].due - START).toBeGreaterThanOrEqual(DAY);
    expect(stored[id].due - START).toBeLessThan(DAY + 60_000);
  }
  for (const id of wrong) {
    expect(stored[id].box).toBe(0);
    expect(stored[id].due).toBeLessThanOrEqual(START + 60_000);
  }
  // The missed questions are due at once, in words.
  await expect(status).toHaveText(/^Due for review now: 2\. Next review: tomorrow \(.+\)\.$/);

  await page.reload();
  await expect(status).toHaveText(/^Due for review now: 2\. Next review: tomorrow \(Mar 3, 2026\)\.$/);
  await expect(page.getByLabel("Review due questions")).toBeChecked();

  // Reviewing asks only what is due, and a right answer moves it up a box.
  await page.locator(".practice-setup button").click();
  const reviewed = [];
  for (let i = 0; i < 2; i++) {
    await expect(page.locator(".practice-round .quiz-progress")).toHaveText(`${i + 1} / 2`);
    reviewed.push(await answer(page, questions, true));
  }
  expect(reviewed.sort()).toEqual([...wrong].sort());
  await expect(status).toHaveText(/^Nothing is due for review now\. Next review: tomorrow/);
  stored = await schedule(page, "en");
  expect(Object.values(stored).map((e) => e.box)).toEqual([1, 1, 1, 1, 1]);

  // A day later all five are due; right again, the next wait is two days.
  await page.clock.setSystemTime(START + DAY + 60 * 60 * 1000);
  await page.reload();
  await expect(status).toHaveText("Due for review now: 5.");
  await expect(page.getByLabel("Review due questions")).toBeChecked();
  await page.locator("#practice-count").selectOption("5");
  await page.locator(".practice-setup button").click();
  for (let i = 0; i < 5; i++) await answer(page, questions, true);
  stored = await schedule(page, "en");
  expect(Object.values(stored).map((e) => e.box)).toEqual([2, 2, 2, 2, 2]);
  await expect(status).toHaveText(/^Nothing is due for review now\. Next review: in 2 days/);
  expect(errors).toEqual([]);
});

test("a due count in Korean, from stored due dates that have passed", async ({ page, request }) => {
  const questions = Object.keys(await answers(request, "ko"));
  await page.goto("ko/practice/");
  // Three questions came due an hour ago, one is due in a week.
  await page.evaluate(({ key, ids }) => {
    const now = Date.now();
    const entries = {};
    ids.slice(0, 3).forEach((id) => { entries[id] = { box: 3, due: now - 3600_000 }; });
    entries[ids[3]] = { box: 4, due: now + 7 * 86_400_000 };
    localStorage.setItem(key, JSON.stringify(entries));
  }, { key: KEY("ko"), ids: questions });
  await page.reload();
  await expect(page.locator(".practice-due")).toHaveText(/^지금 복습할 문제: 3개\. 다음 복습: 7일 후\(.+\)\.$/);
  await expect(page.getByLabel("복습할 문제 풀기")).toBeChecked();
  expect(await axe(page)).toEqual([]);
  // Another language keeps its own schedule.
  await page.goto("en/practice/");
  await expect(page.locator(".practice-due")).toHaveText(/^Questions you answer here come back/);
});

test("without storage the page says so and practice still works", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("en/practice/");
  await expect(page.locator(".practice-due")).toHaveText(/^This browser is not keeping your answers/);
  await expect(page.locator(".practice-mode")).toBeHidden();
  await page.locator("#practice-count").selectOption("5");
  await page.locator(".practice-setup button").click();
  for (let i = 0; i < 5; i++) {
    await page.locator(".practice-round input").first().check();
    await page.locator(".practice-round button.quiz-button").click();
    await page.locator(".practice-round button.quiz-button").click();
  }
  await expect(page.locator(".practice-round .quiz-result")).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test("the practice page links the language's Anki deck, also without JavaScript", async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("ko/practice/");
  const link = page.getByRole("link", { name: "Anki 덱 내려받기" });
  await expect(link).toHaveAttribute("href", "../../ko/anki.txt");
  await expect(link).toHaveAttribute("download", "anki-ko.txt");
  await expect(page.locator("#practice p.notice")).toHaveText(/^연습 문제는 자바스크립트가 필요합니다\./);
  const deck = await (await request.get("ko/anki.txt")).text();
  expect(deck.split("\n").slice(0, 4)).toEqual(["#separator:tab", "#html:true", "#notetype:Basic", "#deck:웹3 & AI 용어 사전"]);
  await context.close();
});
