// Measures what one search transfers: opens ORIGIN/zoeken/?q=QUERY in a
// fresh headless Chromium for each query, waits for the results and adds up
// the bytes of every response the search needed (search script, the index's
// table of chunks, word chunks, page texts), as sent over the network
// (Network.loadingFinished's encodedDataLength).
//
//   node search-transfer.mjs ORIGIN QUERY...
import puppeteer from "puppeteer-core";

const [origin, ...queries] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let worst = 0;
for (const query of queries) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  const sizes = new Map();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${origin}/zoeken/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await page.waitForFunction(
    () => /resulta|geladen/.test(document.getElementById("search-status").textContent),
    { timeout: 60000 },
  );
  await new Promise((r) => setTimeout(r, 300));
  const status = await page.$eval("#search-status", (e) => e.textContent);
  let total = 0;
  const parts = {};
  for (const [id, url] of urls) {
    if (!/\/zoekindex\/|\/js\/search\.js/.test(url)) continue;
    const bytes = sizes.get(id) || 0;
    total += bytes;
    const kind = url.replace(/.*\/zoekindex\//, "").replace(/\?.*/, "").replace(/^(woorden|pagina)\/.*/, "$1").replace(/.*\/js\//, "js/");
    parts[kind] = (parts[kind] || 0) + bytes;
  }
  worst = Math.max(worst, total);
  const detail = Object.entries(parts).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(", ");
  console.log(`${JSON.stringify(query)}: ${(total / 1024).toFixed(1)} KB (${status}) [KB: ${detail}]`);
  await context.close();
}
await browser.close();
console.log(`largest query: ${(worst / 1024).toFixed(1)} KB`);
