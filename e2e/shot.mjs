import { chromium } from "playwright";
const [,, base, ...paths] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const path of paths) {
  for (const [w, name] of [[1440, "wide"], [390, "phone"]]) {
    const p = await b.newPage({ viewport: { width: w, height: 900 } });
    await p.goto(base + path);
    await p.screenshot({ path: `/tmp/shot-${path.replace(/\W+/g, "_")}-${name}.png` });
    await p.close();
  }
}
await b.close();
