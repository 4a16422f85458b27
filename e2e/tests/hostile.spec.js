// A site built from content that tries to break out of every context
// (titles with </script>, quotes, Mermaid syntax, raw HTML): nothing runs,
// nothing breaks, nothing is inaccessible.
import { test, expect } from "@playwright/test";

const HOSTILE = "http://127.0.0.1:4174/";

test("hostile content runs nothing and logs no error", async ({ page }) => {
  const dialogs = [];
  const errors = [];
  page.on("dialog", (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  for (const path of ["en/", "en/terms/script-title/", "en/terms/mermaid-breaker/", "ko/terms/script-title/", "en/articles/script-article/", "ko/articles/script-article/"]) {
    await page.goto(HOSTILE + path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(HOSTILE + "en/terms/script-title/");
  await expect(page.locator("h1")).toHaveText('</script><script>alert("x")</script> & "Q"');
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test("hostile content stays accessible", async ({ page }) => {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  await page.goto(HOSTILE + "en/terms/script-title/");
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"] } });
    return result.violations.map((v) => v.id);
  });
  console.log(`axe violations (hostile content): ${violations.length}`);
  expect(violations).toEqual([]);
});
