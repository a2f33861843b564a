// Lighthouse (mobile profile, the default config) on the home and schedule pages in both
// languages, in Debian's Chromium, against a built site served here on 127.0.0.1.
//
//   node run.mjs SITE_DIR PORT [--json FILE]
//
// SITE_DIR must have been built for http://127.0.0.1:PORT/ (run.sh does both). The
// server compresses text with gzip, as every real static host does: without it the
// score would measure this script's server, not the site.
import { createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { createGzip } from "node:zlib";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const PAGES = ["", "schedule/", "en/", "en/schedule/"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml",
  ".ics": "text/calendar", ".pdf": "application/pdf", ".gz": "application/gzip",
};
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".ics"]);

function serve(root, port) {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.includes("..")) { res.writeHead(400).end(); return; }
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, path.startsWith("/en/") ? "en/404.html" : "404.html");
    }
    const ext = extname(file);
    const headers = { "Content-Type": TYPES[ext] || "application/octet-stream" };
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
    if (gzip) headers["Content-Encoding"] = "gzip";
    res.writeHead(status, headers);
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function main() {
  const [root, port, flag, jsonFile] = process.argv.slice(2);
  if (!root || !port || (flag && flag !== "--json")) {
    console.error("usage: node run.mjs SITE_DIR PORT [--json FILE]");
    process.exit(2);
  }
  const base = `http://127.0.0.1:${port}/`;
  const server = await serve(root, Number(port));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  const rows = [];
  try {
    for (const page of PAGES) {
      const result = await lighthouse(base + page, { port: chrome.port, output: "json", logLevel: "error",
                                                      onlyCategories: CATEGORIES });
      const lhr = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
      // The audits that cost points: weighted in a category and below full marks.
      const failing = CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs)
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue || lhr.audits[ref.id].score})`);
      rows.push({ page: "/" + page, ...scores, failing });
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  console.log(["page", ...CATEGORIES].join("\t"));
  for (const row of rows) console.log([row.page, ...CATEGORIES.map((c) => row[c])].join("\t"));
  for (const row of rows) {
    if (row.failing.length) console.log(`${row.page} loses points on: ${row.failing.join(", ")}`);
  }
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2) + "\n");
}

main().catch((err) => { console.error(err); process.exit(1); });
