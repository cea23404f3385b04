// The admin's operations pages in a real browser against the running stack: the system page
// (readiness, outbox backlog, index statistics) and the notifications page (delivery log,
// suppression list). Run: node --test --test-concurrency=1 e2e/admin-ops.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, openPage, assertCleanPage, screenshot, eventually, uniqueWord, adminApi, adminJson, submitContact,
  eraseContacts, navigationResponse,
} from './support.mjs';

const SERVICES = ['contact', 'document', 'search', 'notification'];
let browser;
/** Contacts these tests submitted, erased afterwards (with the mail data about them). */
const created = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await eraseContacts(created);
});

const digits = (text) => String(text).replace(/[^\d]/g, '');

test('system page: four services UP with their checks, outbox backlog and index statistics as the APIs say', async () => {
  const page = await openPage(browser, { admin: true });
  try {
    const response = await page.goto('/admin/system');
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'System' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'System' }).getAttribute('aria-current'), 'page');

    const cards = page.locator('article.service-card[data-state]');
    await cards.nth(3).waitFor();
    assert.equal(await cards.count(), 4, 'one card per service');

    for (const service of SERVICES) {
      const health = await adminJson(`/health/${service}`);
      assert.equal(health.status, 'UP', `${service} is ready (API)`);
      const card = page.locator(`article.service-card[data-service="${service}"]`);
      assert.equal(await card.getAttribute('data-state'), 'up', `${service} card state`);
      assert.equal((await card.locator('[data-field="status"]').innerText()).trim(), 'UP', `${service} badge`);
      // Every readiness check the service reports is listed by name with its status.
      for (const check of health.checks) {
        const item = card.locator('li.check').filter({ hasText: check.name });
        assert.equal(await item.count(), 1, `${service}: check "${check.name}" listed`);
        assert.match(await item.locator('.badge').innerText(), new RegExp(`^${check.status}$`, 'i'));
      }
      // The outbox's dead letters (stable between the two reads) are the API's number.
      const backlog = await adminJson(`/outbox/${service}`);
      assert.equal(digits(await card.locator('[data-field="deadLetters"]').innerText()), String(backlog.deadLetters),
        `${service}: dead letters shown`);
      assert.match(await card.locator('[data-field="pending"]').innerText(), /^\d[\d,]*$/);
      assert.equal(await card.getByRole('button', { name: /Replay dead letters/ }).count(), backlog.deadLetters > 0 ? 1 : 0,
        `${service}: replay button only with dead letters`);
    }

    // Index statistics: the page's numbers are the API's (documents may move while other work
    // runs, so compare after a refresh until both reads agree).
    await eventually(async () => {
      const stats = await adminJson('/search/stats');
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.locator('#refresh:not([aria-busy])').waitFor();
      const shownDocuments = digits(await page.locator('#index [data-field="documents"]').innerText());
      const shownEntries = digits(await page.locator('#index [data-field="entries"]').innerText());
      const shownIndex = await page.locator('#index [data-field="index"]').innerText();
      return shownDocuments === String(stats.documents) && shownEntries === String(stats.entries) && shownIndex === stats.index;
    }, { timeoutMs: 30_000, what: 'index statistics on the page equal to /admin/api/search/stats' });

    // Last refreshed time is shown.
    assert.match(await page.locator('#last-refreshed time').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);

    // Refreshing with the keyboard keeps the focus on the button (it is busy, never disabled).
    const shownAt = await page.locator('#last-refreshed time').getAttribute('datetime');
    await page.locator('#refresh').press('Enter');
    await eventually(async () => (await page.locator('#last-refreshed time').getAttribute('datetime')) !== shownAt,
      { timeoutMs: 10_000, what: 'a new refresh time' });
    await page.locator('#refresh:not([aria-busy])').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'refresh', 'the focus stays on Refresh');

    // The rebuild asks for confirmation in a dialog; cancelling starts nothing.
    const before = await adminJson('/search/stats');
    await page.getByRole('button', { name: 'Rebuild index' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rebuild the search index?' });
    await dialog.waitFor();
    assert.ok(await dialog.isVisible());
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const afterCancel = await adminJson('/search/stats');
    assert.equal(afterCancel.reindex.startedAt, before.reindex.startedAt, 'cancel does not start a rebuild');

    await screenshot(page, 'admin-system');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('system page on a phone-sized screen stays usable', async () => {
  const page = await openPage(browser, { admin: true, viewport: { width: 360, height: 740 } });
  try {
    await page.goto('/admin/system');
    await page.locator('article.service-card[data-state]').nth(3).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
    await screenshot(page, 'admin-system-mobile');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('anonymous browser gets 401 on the admin system page', async () => {
  const page = await openPage(browser);
  try {
    const response = await navigationResponse(page, '/admin/system');
    assert.equal(response.status(), 401);
    assert.match(response.headers()['www-authenticate'] || '', /^Basic /);
    assert.equal(await page.locator('article.service-card').count(), 0, 'no admin content rendered');
  } finally {
    await page.context().close();
  }
});

test('notifications page lists the mail about a new contact, with details and filters', async () => {
  const word = uniqueWord();
  const { id: contactId } = await submitContact({
    name: `Ops ${word}`, email: `${word}@example.com`, message: `Admin ops test ${word}`, source: 'e2e',
  });
  created.push(contactId);

  const mail = await eventually(async () => {
    const found = await adminJson(`/notifications?contactId=${contactId}`);
    return found.items.find((n) => n.template === 'contact-admin');
  }, { timeoutMs: 60_000, what: 'the admin mail about the new contact in the delivery log' });

  const page = await openPage(browser, { admin: true });
  try {
    await page.goto('/admin/notifications');
    assert.equal(await page.getByRole('link', { name: 'Notifications' }).getAttribute('aria-current'), 'page');
    // Newest first: the new mail is on the first page (other tests may add a few more meanwhile).
    const row = page.locator(`tr[data-id="${mail.id}"]`);
    await eventually(async () => {
      if (await row.count()) return true;
      await page.getByRole('button', { name: 'Reload' }).click();
      return false;
    }, { timeoutMs: 30_000, what: 'the row of the new mail' });
    assert.match(await row.innerText(), new RegExp(mail.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(await row.innerText(), /contact-admin/);
    assert.equal(await row.locator('a.contact-link').getAttribute('href'), `/admin/contacts/${contactId}`);
    const listed = await page.locator('#rows tr[data-id]').count();
    assert.ok(listed >= 1 && listed <= 20, `one page of rows (${listed})`);
    assert.match(await page.locator('#summary').innerText(), /of \d+ notifications?/);

    // Details: an expandable row with every field, the correlation id among them.
    const toggle = row.getByRole('button', { name: /^Details/ });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const detail = page.locator(`tr[data-detail-for="${mail.id}"]`);
    await detail.waitFor();
    assert.match(await detail.innerText(), new RegExp(mail.id));
    assert.ok(mail.correlationId, 'the API gives the mail a correlation id');
    assert.match(await detail.innerText(), new RegExp(mail.correlationId));

    // Retry is offered for failed mails only (not for those whose contact was erased).
    const status = await row.getAttribute('data-status');
    assert.equal(await row.getByRole('button', { name: /Retry/ }).count(), status === 'FAILED' ? 1 : 0);
    const failedRows = page.locator('#rows tr[data-status="FAILED"]:not([data-erased])');
    const retryButtons = page.locator('#rows button[data-action="retry"]');
    assert.equal(await retryButtons.count(), await failedRows.count(), 'one Retry button per failed row');

    await screenshot(page, 'admin-notifications');

    // Filter by contact through the form: exactly this contact's mails, and the URL keeps it.
    await page.getByLabel('Contact ID').fill(contactId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => (await page.locator('#rows tr[data-id]').count()) > 0
      && (await page.locator('#rows tr[data-id]').evaluateAll((rows, id) => rows.every((r) => r.querySelector('a.contact-link')?.getAttribute('href') === `/admin/contacts/${id}`), contactId)),
    { timeoutMs: 10_000, what: 'rows filtered by contact' });
    assert.match(page.url(), new RegExp(`contactId=${contactId}`));

    // The mail filter: only the administrator's mail about this contact (the API filters, not the page).
    await page.getByLabel('Mail type', { exact: true }).selectOption('contact-admin');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => {
      const templates = await page.locator('#rows tr[data-id] code.template').allInnerTexts();
      return templates.length > 0 && templates.every((t) => t === 'contact-admin');
    }, { timeoutMs: 10_000, what: 'rows filtered by mail template' });
    assert.match(page.url(), /template=contact-admin/);
    await page.getByLabel('Mail type', { exact: true }).selectOption('');

    // A status filter that does not match this contact's sent mail leaves an empty state.
    await page.getByLabel('Status').selectOption('SUPPRESSED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No notification matches these filters.').waitFor();

    // An invalid contact id is refused next to the field, not sent.
    await page.getByLabel('Contact ID').fill('not-a-uuid');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    assert.equal(await page.getByLabel('Contact ID').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-contact-error').innerText(), /UUID/);

    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('suppression list: add and remove an address through the page', async () => {
  const email = `${uniqueWord()}@example.com`;
  const page = await openPage(browser, { admin: true });
  try {
    await page.goto('/admin/notifications');
    await page.locator('#suppression-count').filter({ hasText: /address/ }).waitFor();

    // Invalid input is refused next to the field.
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Suppress address' }).click();
    assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Reason').fill('e2e round trip');
    await page.getByRole('button', { name: 'Suppress address' }).click();
    const row = page.locator('#suppression-rows tr').filter({ hasText: email });
    await row.waitFor();
    assert.match(await row.innerText(), /e2e round trip/);
    assert.match(await page.locator('#status').innerText(), /suppressed/);
    const listed = await adminJson('/notifications/suppressions');
    assert.ok(listed.some((s) => s.email === email && s.reason === 'e2e round trip'), 'the API lists the new suppression');

    await row.getByRole('button', { name: `Remove ${email}` }).click();
    await row.waitFor({ state: 'detached' });
    assert.match(await page.locator('#status').innerText(), /no longer suppressed/);
    const after = await adminJson('/notifications/suppressions');
    assert.ok(!after.some((s) => s.email === email), 'the API no longer lists it');

    assertCleanPage(page);
  } finally {
    await page.context().close();
    // Not left suppressed when a step above failed (404: already removed).
    const { status } = await adminApi(`/notifications/suppressions/${encodeURIComponent(email)}`, { method: 'DELETE' });
    assert.ok(status === 204 || status === 404, `suppression of ${email} removed: HTTP ${status}`);
  }
});
