// Run Material for MkDocs' own search worker (with the languages it loads) in Node, against a built
// search index, and print the pages each query finds: the browser's search, minus the browser.
//   node search.mjs <site>/assets/javascripts/workers/search.<hash>.min.js <index.json> <query>...
// Prints {"<query>": ["<location of each page found>", ...], ...} as JSON.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const [workerPath, indexPath, ...queries] = process.argv.slice(2);
const SETUP = 0, QUERY = 2;

const context = vm.createContext({ console, URL, setTimeout, clearTimeout });
context.self = context;
let onMessage;
let reply;
context.addEventListener = (type, listener) => { if (type === "message") onMessage = listener; };
context.postMessage = message => reply(message);
// The worker asks for "../lunr/min/lunr.<lang>.min.js" relative to itself, as in the browser.
context.importScripts = (...urls) => {
  for (const url of urls)
    vm.runInContext(fs.readFileSync(path.resolve(path.dirname(workerPath), url), "utf8"), context);
};
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context);

function send(message) {
  return new Promise(resolve => { reply = resolve; onMessage({ data: message }); });
}

const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
await send({ type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
const found = {};
for (const query of queries) {
  const result = await send({ type: QUERY, data: query });
  found[query] = result.data.items.map(group => group[0].location);
}
process.stdout.write(JSON.stringify(found));
