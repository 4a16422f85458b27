// What a reader's first search costs: for each built site, opens its English
// search page in a fresh browser, focuses the box, waits TYPING ms (the time
// spent typing), enters Q, and times from the focus to the first result
// (the typing included). Reports the median of RUNS runs and what the
// server sent for the search (requests and bytes), on a desktop and on a
// slow phone (Lighthouse's slow 4G: 150 ms round trips, 1.6 Mbit/s down,
// and the CPU slowed four times).
// Used to weigh `search_shard_size` (BENCHMARKS.md); needs e2e's packages
// (`cd e2e && npm ci`) and Chromium at /usr/bin/chromium or $CHROMIUM.
//
//   node bench/first_search.mjs OUT_5000 OUT_2500 OUT_1000
//   Q=staking TYPING=800 RUNS=5 node bench/first_search.mjs public
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "../e2e/node_modules/playwright/index.mjs";

const sites = process.argv.slice(2).map((site) => resolve(site));
if (!sites.length) {
  console.error("usage: node bench/first_search.mjs SITE_OUTPUT [SITE_OUTPUT…]");
  process.exit(2);
}
const query = process.env.Q || "validator";
const typing = Number(process.env.TYPING || 0);
const runs = Number(process.env.RUNS || 3);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
const profiles = [
  { name: "desktop", network: null, cpu: 1 },
  {
    name: "slow 4G, CPU ÷4",
    network: { offline: false, latency: 150, downloadThroughput: 1_638_400 / 8, uploadThroughput: 675_000 / 8 },
    cpu: 4,
  },
];

let sent = { requests: 0, bytes: 0 };

/** Serves `root` on `port` as static hosting does, counting what it sends. */
function serve(root, port) {
  const server = createServer(async (request, response) => {
    let path = normalize(join(root, decodeURIComponent(new URL(request.url, "http://localhost").pathname)));
    if (!path.startsWith(root)) return response.writeHead(400).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      sent.requests += 1;
      sent.bytes += body.length;
      response.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) => server.listen(port, "127.0.0.1", () => ready(server)));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
console.log(`query "${query}", ${typing} ms of typing, median of ${runs} runs`);
for (const profile of profiles) {
  for (const site of sites) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const port = 4300 + run;
      const server = await serve(site, port);
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
      await page.goto(`http://127.0.0.1:${port}/en/search/`);
      await page.waitForLoadState("networkidle");
      sent = { requests: 0, bytes: 0 };
      const start = performance.now();
      await page.focus("#search-page-input");
      if (typing) await page.waitForTimeout(typing);
      await page.fill("#search-page-input", query);
      await page.waitForSelector("#search-page-results a.search-result", { timeout: 60_000 });
      times.push(performance.now() - start);
      await context.close();
      server.close();
    }
    const parts = await readFile(join(site, "en/search/index.html"), "utf8")
      .then((html) => 1 + ((/data-shards="([^"]*)"/.exec(html) || [, ""])[1].split(" ").filter(Boolean).length));
    console.log(
      `${profile.name}\t${site}\t${parts} part(s)\tfirst result ${median(times).toFixed(0)} ms` +
        `\t${sent.requests} requests, ${(sent.bytes / 1024).toFixed(0)} KiB`,
    );
  }
}
await browser.close();
