// Cross-site request forgery against the admin APIs, from a real browser: a page on another site
// (http://127.0.0.2:<port>: another address than the stack's 127.0.0.1, still loopback) makes
// headless Chromium, which holds the administrator's credentials, post a text/plain form to the edge's reindex. It is refused
// (403) and the reindex never starts; the admin pages' own requests keep working.
// Run: node --test --test-concurrency=1 e2e/cross-origin.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { BASE_URL, adminJson, edgeFetch, launchBrowser, openPage, assertCleanPage } from './support.mjs';

let browser;
let foreign;
let foreignOrigin;

/** The attacker's site: a page that submits a text/plain form to the edge as soon as it loads. */
function attackPage() {
  const target = `${BASE_URL}/admin/api/search/reindex`;
  return `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${target}">
    <input name='{"a":"' value='b"}'></form><script>document.getElementById('f').submit()</script>`;
}

before(async () => {
  foreign = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(attackPage());
  });
  await new Promise((resolve) => foreign.listen(0, '127.0.0.2', resolve));
  foreignOrigin = `http://127.0.0.2:${foreign.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => foreign?.close(resolve));
});

async function lastReindexStart() {
  const stats = await adminJson('/search/stats');
  return stats.reindex?.startedAt ?? null;
}

test('a foreign page cannot start a reindex with the browser\'s admin credentials (form, text/plain)', async () => {
  const before = await lastReindexStart();
  const page = await openPage(browser, { admin: true });
  // the credentials are in the browser, as after a visit to the admin pages
  assert.equal((await page.goto(`${BASE_URL}/admin/`)).status(), 200);
  const refused = page.waitForResponse((r) => r.url().endsWith('/admin/api/search/reindex'));
  await page.goto(`${foreignOrigin}/`);
  const response = await refused;
  assert.equal(response.status(), 403, 'the cross-site form post is refused');
  assert.equal(await lastReindexStart(), before, 'no reindex started');
  await page.context().close();
});

test('the admin pages\' own state-changing requests still pass the edge', async () => {
  const page = await openPage(browser, { admin: true });
  assert.equal((await page.goto(`${BASE_URL}/admin/`)).status(), 200);
  // the same request, sent by the site's own page: JSON with Sec-Fetch-Site same-origin
  const status = await page.evaluate(async () => {
    const response = await fetch('/admin/api/notifications/suppressions/cross-origin-e2e@example.org', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'e2e' }),
    });
    await fetch('/admin/api/notifications/suppressions/cross-origin-e2e@example.org', { method: 'DELETE' });
    return response.status;
  });
  assert.equal(status, 200, 'a same-origin PUT from the admin page');
  assertCleanPage(page);
  await page.context().close();
});

test('without a browser, a text/plain admin POST is 415 and a foreign Origin is 403', async () => {
  const plain = await edgeFetch('/admin/api/search/reindex', {
    admin: true, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}',
  });
  assert.equal(plain.status, 415);
  const foreignOriginPost = await edgeFetch('/admin/api/search/reindex', {
    admin: true, method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: '{}',
  });
  assert.equal(foreignOriginPost.status, 403);
  assert.match(foreignOriginPost.headers.get('content-type') || '', /^application\/problem\+json/);
});
