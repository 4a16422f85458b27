// Screenshots of what readers see, written to e2e/screenshots/ (kept by
// CI): the term page, home, a tag's concept map and search, in both
// languages, at 1440 px and 390 px, light and dark.
import { test } from "@playwright/test";
import { viewport, LANGS, SCHEMES, WIDTHS } from "./helpers.js";

const SHOTS = [
  ["term", "terms/restaking/"],
  ["home", ""],
  ["tag-map", "tags/defi/map/"],
  ["search", "terms/staking/"],
];

for (const scheme of SCHEMES) {
  for (const width of WIDTHS) {
    test(`screenshots (${scheme}, ${width} px)`, async ({ browser }) => {
      const context = await viewport(browser, width, { colorScheme: scheme });
      const page = await context.newPage();
      for (const lang of LANGS) {
        for (const [name, path] of SHOTS) {
          await page.goto(`${lang}/${path}`);
          if (name === "search") {
            await page.locator(width < 600 ? "#search .search__submit" : "#search-input").click();
            await page.locator("dialog.search-dialog input").fill(lang === "ko" ? "스테이킹" : "staking");
            await page.locator("dialog.search-dialog a.search-result").first().waitFor();
          }
          await page.screenshot({ path: `screenshots/${name}-${lang}-${width}-${scheme}.png` });
        }
      }
      await context.close();
    });
  }
}
