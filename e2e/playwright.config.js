// Browser tests against a site built by glossa: `SITE_DIR` (default ./site)
// is served on 127.0.0.1 and driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests",
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${process.env.PORT || 4173}/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: "node server.mjs",
      url: `http://127.0.0.1:${process.env.PORT || 4173}/index.html`,
      reuseExistingServer: false,
    },
    {
      // A site built from content that tries to break out of every context.
      command: "node server.mjs",
      env: { SITE_DIR: process.env.HOSTILE_DIR || "hostile-site", PORT: "4174" },
      url: "http://127.0.0.1:4174/index.html",
      reuseExistingServer: false,
    },
    {
      // A site in English, Korean, Japanese and Arabic (right to left).
      command: "node server.mjs",
      env: { SITE_DIR: process.env.LANGUAGES_DIR || "languages-site", PORT: "4175" },
      url: "http://127.0.0.1:4175/index.html",
      reuseExistingServer: false,
    },
    {
      // A site served under a path, as a project site on GitHub Pages, whose
      // search index comes in parts.
      command: "node server.mjs",
      env: { SITE_DIR: process.env.PREFIX_DIR || "prefix-site", PORT: "4176", PREFIX: "/docs/glossary/" },
      url: "http://127.0.0.1:4176/docs/glossary/index.html",
      reuseExistingServer: false,
    },
  ],
});
