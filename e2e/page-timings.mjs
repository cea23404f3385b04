// Page load timings of the UI through Caddy, in headless Chromium: for each page, cold loads (new
// browser context, empty cache) and warm loads (same context), the median and worst of: time to the
// first byte, DOMContentLoaded, load, and "ready" (the page's data on screen), plus the bytes moved.
// Run by scripts/bench-ui against a running stack. Measures and prints; asserts nothing.
import { launchBrowser, openPage } from './support.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);

const PAGES = [
  { name: 'contact form', path: '/', admin: false, ready: (p) => p.getByRole('button', { name: 'Send message' }).waitFor() },
  { name: 'admin search (query)', path: '/admin/?q=the', admin: true, ready: (p) => p.locator('#summary').filter({ hasText: /\S/ }).waitFor() },
  { name: 'admin contacts', path: '/admin/contacts', admin: true, ready: (p) => p.locator('#summary').filter({ hasText: /\S/ }).waitFor() },
  { name: 'admin notifications', path: '/admin/notifications', admin: true, ready: (p) => p.locator('#summary').filter({ hasText: /\S/ }).waitFor() },
  { name: 'admin system', path: '/admin/system', admin: true, ready: (p) => p.locator('#services .badge').first().waitFor() },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(page, target) {
  const started = Date.now();
  await page.goto(target.path);
  await target.ready(page);
  const ready = Date.now() - started;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    return {
      ttfb: nav.responseStart - nav.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      requests: 1 + resources.length,
    };
  });
  return { ...timing, ready };
}

const browser = await launchBrowser();
const rows = [];
try {
  for (const target of PAGES) {
    for (const mode of ['cold', 'warm']) {
      const samples = [];
      let page = mode === 'warm' ? await openPage(browser, { admin: target.admin }) : null;
      if (page) await measure(page, target); // fills the cache
      for (let i = 0; i < RUNS; i++) {
        if (mode === 'cold') page = await openPage(browser, { admin: target.admin });
        samples.push(await measure(page, target));
        if (mode === 'cold') await page.context().close();
      }
      if (mode === 'warm') await page.context().close();
      const pick = (key) => samples.map((s) => s[key]);
      rows.push({
        page: target.name, mode,
        ttfb: median(pick('ttfb')), dcl: median(pick('dcl')), load: median(pick('load')),
        ready: median(pick('ready')), readyMax: Math.max(...pick('ready')),
        kb: median(pick('bytes')) / 1024, requests: median(pick('requests')),
      });
    }
  }
} finally {
  await browser.close();
}

console.log(`Page timings through Caddy, headless Chromium, ${RUNS} runs each (median; ready also worst), ms`);
console.log('page                   cache  ttfb   dcl   load  ready  ready-max  KB moved  requests');
for (const r of rows) {
  console.log(`${r.page.padEnd(22)} ${r.mode.padEnd(5)} ${r.ttfb.toFixed(0).padStart(5)} ${r.dcl.toFixed(0).padStart(5)} `
    + `${r.load.toFixed(0).padStart(6)} ${String(r.ready).padStart(6)} ${String(r.readyMax).padStart(10)} `
    + `${r.kb.toFixed(1).padStart(9)} ${String(r.requests).padStart(9)}`);
}
