// Accessibility of every page, checked by axe-core (WCAG 2.1 A/AA: labels, contrast, landmarks,
// names of controls...) in the states people see: empty, with errors, with data. Keyboard use of
// the form is checked by hand below: a person can fill it and send it without a mouse.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessibilityViolations, assertCleanPage, eraseContacts, launchBrowser, openPage, submitContact, uniqueWord,
  watchRequests,
} from './support.mjs';

let browser;
let contactId;
/** Contacts the tests made: erased at the end. */
const created = [];
const word = uniqueWord('a11y');

before(async () => {
  browser = await launchBrowser();
  ({ id: contactId } = await submitContact({ name: `Access ${word}`, email: `${word}@example.com`, message: `Checking ${word}.` }));
  created.push(contactId);
});

after(async () => {
  await browser?.close();
  await eraseContacts(created);
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
  const posts = watchRequests(page, 'POST', '/api/v1/contacts');
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
    created.push((await page.locator('[data-contact-id]').innerText()).trim());
    await assertAccessible(page, 'the success view');
  } finally {
    await page.context().close();
  }
});

/** The search and contacts pages say "Loading…" until their answer (hits, list, empty or error) is shown. */
const loaded = (page) => page.waitForFunction(() => document.getElementById('summary')?.textContent !== 'Loading…');
const nothing = uniqueWord('nothing');

for (const [path, what, ready] of [
  ['/admin/', 'the search page', loaded],
  [`/admin/?q=${nothing}`, 'the search page without hits', async (page) => {
    await loaded(page);
    await page.locator('#results .empty-state').waitFor();
  }],
  [`/admin/?q=${'a'.repeat(501)}`, 'the search page with an error', (page) => page.locator('#results [role="alert"]').waitFor()],
  ['/admin/contacts', 'the contacts list', async (page) => {
    await loaded(page);
    await page.locator('#contacts-table').waitFor();
  }],
  [`/admin/contacts?q=${nothing}`, 'the contacts list without matches', (page) => page.locator('#list .empty-state').waitFor()],
  ['/admin/contacts/{id}', 'a contact', (page) => page.getByRole('heading', { level: 1, name: `Access ${word}` }).waitFor()],
  ['/admin/contacts/00000000-0000-4000-8000-000000000000', 'an unknown contact',
    (page) => page.getByRole('heading', { level: 1, name: 'Contact not found' }).waitFor()],
  ['/admin/notifications', 'the notifications log', (page) => page.locator('#log-table[aria-busy="false"]').waitFor()],
  ['/admin/notifications?contactId=00000000-0000-4000-8000-000000000000', 'the notifications log without matches',
    (page) => page.getByText('No notification matches these filters.').waitFor()],
  ['/admin/system', 'the system page', async (page) => {
    await page.locator('article.service-card[data-state]').nth(3).waitFor();
    await page.locator('#index-badge .badge').waitFor();
  }],
]) {
  test(`admin: ${what}`, async () => {
    const page = await openPage(browser, { admin: true });
    try {
      await page.goto(path.replace('{id}', contactId));
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
    // The 401 page (headless Chromium shows no answer to a refused sign-in, so it is opened directly).
    assert.equal((await page.goto('/401.html')).status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Sign-in required' }).waitFor();
    await assertAccessible(page, 'the 401 page');
  } finally {
    await page.context().close();
  }
});
