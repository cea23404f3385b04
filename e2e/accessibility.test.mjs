// Accessibility of every page, checked by axe-core (WCAG 2.1 A/AA: labels, contrast, landmarks,
// names of controls...) in the states people see: empty, with errors, with data. Keyboard use of
// the form is checked by hand below: a person can fill it and send it without a mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FORM_API_KEY, accessibilityViolations, assertCleanPage, edgeFetch, launchBrowser, openPage, uniqueWord,
} from './support.mjs';

let browser;
let contactId;
const word = uniqueWord('a11y');

before(async () => {
  browser = await launchBrowser();
  const created = await edgeFetch('/api/v1/contacts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': FORM_API_KEY },
    body: JSON.stringify({ name: `Access ${word}`, email: `${word}@example.com`, message: `Checking ${word}.` }),
  });
  assert.equal(created.status, 201);
  contactId = (await created.json()).id;
});

after(async () => {
  if (contactId) await edgeFetch(`/api/v1/contacts/${contactId}`, { admin: true, method: 'DELETE' });
  await browser?.close();
});

async function assertAccessible(page, what) {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(violations, [], `accessibility violations on ${what}`);
  assertCleanPage(page);
}

test('the contact form: empty, with errors, on a phone', async () => {
  const page = await openPage(browser);
  try {
    await page.goto('/');
    await assertAccessible(page, 'the empty form');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await assertAccessible(page, 'the form with errors');
    await page.setViewportSize({ width: 390, height: 844 });
    await assertAccessible(page, 'the form on a phone');
  } finally {
    await page.context().close();
  }
});

test('the contact form works with the keyboard alone', async () => {
  const page = await openPage(browser);
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/contacts') posts.push(r);
  });
  try {
    await page.goto('/');
    // The skip link is the first stop and leads to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main');
    // Tab to the name field, type, and move on through the form with Tab only.
    const name = page.getByLabel('Name', { exact: true });
    for (let i = 0; i < 20 && !(await name.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await name.evaluate((el) => el === document.activeElement), 'the name field is reachable with Tab');
    await page.keyboard.type(`Keyboard ${word}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(`kb.${word}@example.com`);
    const message = page.getByLabel('Message', { exact: true });
    for (let i = 0; i < 10 && !(await message.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(`Sent without a mouse (${word}).`);
    // Tab on to the send button and press Enter.
    const send = page.getByRole('button', { name: 'Send message' });
    for (let i = 0; i < 30 && !(await send.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await send.evaluate((el) => el === document.activeElement), 'the send button is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.locator('section#success').waitFor({ state: 'visible' });
    assert.equal(posts.length, 1, 'one submission');
    const id = (await page.locator('[data-contact-id]').innerText()).trim();
    await assertAccessible(page, 'the success view');
    await edgeFetch(`/api/v1/contacts/${id}`, { admin: true, method: 'DELETE' });
  } finally {
    await page.context().close();
  }
});

for (const [path, what, ready] of [
  ['/admin/', 'the search page', (page) => page.getByLabel('Search documents').waitFor()],
  [`/admin/?q=${encodeURIComponent('a')}`, 'the search page with a query', (page) => page.locator('#summary').filter({ hasText: /\S/ }).waitFor()],
  ['/admin/contacts', 'the contacts list', (page) => page.locator('#list tr, #list li, #list .empty-state').first().waitFor()],
  [null, 'a contact', (page) => page.getByRole('heading', { level: 1, name: `Access ${word}` }).waitFor()],
  ['/admin/notifications', 'the notifications log', (page) => page.locator('#rows tr').first().waitFor()],
  ['/admin/system', 'the system page', (page) => page.locator('#services .badge').first().waitFor()],
]) {
  test(`admin: ${what}`, async () => {
    const page = await openPage(browser, { admin: true });
    try {
      await page.goto(path ?? `/admin/contacts/${contactId}`);
      await ready(page);
      await assertAccessible(page, what);
    } finally {
      await page.context().close();
    }
  });
}

test('the error pages', async () => {
  const page = await openPage(browser);
  try {
    assert.equal((await page.goto('/no-such-page')).status(), 404);
    await assertAccessible(page, 'the 404 page');
  } finally {
    await page.context().close();
  }
});
