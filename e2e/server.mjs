// A static file server for the built site, like static hosting: folders
// serve their index.html, unknown paths get 404.html with status 404.
// `PREFIX` (e.g. /docs/glossary/) serves the site under a path, as GitHub
// Pages serves a project site; anything outside it is not found.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.env.SITE_DIR || "site");
const port = Number(process.env.PORT || 4173);
const prefix = process.env.PREFIX || "/";
const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".mmd": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml", ".wasm": "application/wasm", ".png": "image/png",
};

async function file(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return file(join(path, "index.html"));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  const url = new URL(request.url, "http://localhost");
  const inside = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length - 1) : null;
  if (inside === null) {
    response.writeHead(404).end("not found");
    return;
  }
  const wanted = normalize(join(root, decodeURIComponent(inside)));
  if (!wanted.startsWith(root)) {
    response.writeHead(400).end();
    return;
  }
  const found = await file(wanted);
  if (found) {
    response.writeHead(200, { "content-type": types[extname(found.path)] || "application/octet-stream" });
    response.end(found.body);
  } else {
    const missing = await file(join(root, "404.html"));
    response.writeHead(404, { "content-type": types[".html"] });
    response.end(missing ? missing.body : "not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));
