// THE end-to-end journey in a real browser against the running stack: a visitor sends the public
// form with two files; the administrator finds the text file by a word inside it, opens the
// contact, sees the documents processed with their insights, downloads the original bytes,
// changes the status, erases the contact, and the word is no longer found.
// Run: node --test --test-concurrency=1 e2e/admin-journey.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  launchBrowser, openPage, assertCleanPage, screenshot, eventually, uniqueWord, ADMIN, adminApi, eraseContacts,
  fillContactForm,
} from './support.mjs';

const SES_STORE = process.env.SES_STORE_URL || 'http://127.0.0.1:8005/store';
const startedAt = Math.floor(Date.now() / 1000) - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let browser;
let contactId = null;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  // Leave nothing behind when a step failed before the erasure.
  await eraseContacts(contactId);
});

test('journey: form with two files → search hit → contact insights → download → status → erase → gone', async () => {
  const word = uniqueWord();
  const name = `Journey ${word}`;
  const txtName = `notes-${word}.txt`;
  const txt = Buffer.from([
    `Meeting notes for the ${word} project.`,
    'The team reviewed the quarterly budget and agreed on the delivery schedule for the new warehouse software.',
    'Please send the signed contract and the updated invoice before the end of the month.',
    `The ${word} launch is planned for next spring, and the customers in London are waiting for it.`,
    '',
  ].join('\n'), 'utf8');
  const csvName = `figures-${word}.csv`;
  const csv = Buffer.from('month,revenue,cost\nJanuary,1200,800\nFebruary,1500,900\nMarch,1700,950\n', 'utf8');

  // 1. The visitor sends the public form with two files.
  const form = await openPage(browser);
  try {
    assert.equal((await form.goto('/')).status(), 200);
    await fillContactForm(form, {
      Name: name, Email: `journey.${word}@example.com`, Company: `Journey Works ${word}`,
      Service: 'Document processing', Budget: 'Not sure yet',
      Message: `Hello,\nplease have a look at the attached notes about ${word}.\nThanks!`,
    });
    await form.getByLabel('Document type').selectOption('report');
    await form.locator('#attachments').setInputFiles([
      { name: txtName, mimeType: 'text/plain', buffer: txt },
      { name: csvName, mimeType: 'text/csv', buffer: csv },
    ]);
    await form.getByRole('button', { name: 'Send message' }).click();
    for (const filename of [txtName, csvName]) {
      await form.locator(`li.upload-item[data-filename="${filename}"][data-state="done"]`).first()
        .waitFor({ state: 'attached', timeout: 60_000 });
    }
    const success = form.locator('section#success');
    await success.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await success.getByRole('heading').first().innerText(), /Thank you/);
    contactId = (await success.locator('[data-contact-id]').innerText()).trim();
    assert.match(contactId, UUID, 'the success view shows the new contact id');
    await screenshot(form, 'journey-1-form-sent');
    assertCleanPage(form);
  } finally {
    await form.context().close();
  }

  // 2. The administrator gets the mail (the SES emulator's store); its link opens the contact's page.
  const page = await openPage(browser, { admin: true });
  try {
    const link = await eventually(async () => {
      // only mails since the test began: the emulator keeps every mail it got (a benchmark leaves many)
      const store = await (await fetch(`${SES_STORE}?since=${startedAt}`)).json();
      const mail = (store.emails || []).find((m) => m.subject.startsWith(`New contact: ${name}`));
      return mail && /https?:\/\/\S+\/admin\/contacts\/[0-9a-f-]{36}/.exec(mail.body.text)?.[0];
    }, { timeoutMs: 30_000, what: 'the administrator\'s mail about the new contact' });
    assert.equal(new URL(link).pathname, `/admin/contacts/${contactId}`, 'the mail links to this contact');
    assert.equal((await page.goto(new URL(link).pathname)).status(), 200);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // 3. The administrator searches for the word until the text file is indexed.
    assert.equal((await page.goto('/admin/')).status(), 200);
    await page.getByLabel('Search documents').fill(word);
    const hit = page.locator(`li.hit[data-filename="${txtName}"]`);
    await eventually(async () => {
      try {
        await hit.locator('.hit-snippet mark').first().waitFor({ timeout: 3_000 });
        return true;
      } catch (error) {
        await page.reload(); // the query is in the URL: a reload searches again
        throw error;
      }
    }, { timeoutMs: 90_000, intervalMs: 500, what: `a hit for ${txtName} with "${word}" highlighted` });
    assert.equal(new URL(page.url()).searchParams.get('q'), word, 'the search is kept in the URL');
    const marks = await hit.locator('.hit-snippet mark').allInnerTexts();
    assert.ok(marks.some((m) => m.toLowerCase() === word), `the word is marked in the snippet (${marks})`);
    assert.match(await hit.locator('.hit-snippet').innerText(), /Meeting notes for the/);
    // the two producers' events may arrive in any order: a document indexed before its contact's
    // contact.submitted shows "Unknown contact" until that event names it
    await eventually(async () => {
      if ((await hit.locator('.hit-contact-link').innerText()) === name) {
        return true;
      }
      await page.reload();
      await hit.locator('.hit-snippet mark').first().waitFor({ timeout: 3_000 });
      throw new Error(`the hit names ${await hit.locator('.hit-contact-link').innerText()}`);
    }, { timeoutMs: 30_000, intervalMs: 500, what: `the hit naming its contact ${name}` });
    assert.equal(await hit.locator('.hit-contact-link').innerText(), name);
    assert.equal(await hit.locator('.hit-contact-link').getAttribute('href'), `/admin/contacts/${contactId}`);
    assert.equal(await hit.locator('.badge').innerText(), 'completed');
    const meta = await hit.locator('.meta-list').innerText();
    assert.match(meta, /Report/);
    assert.match(meta, /English \(en\)/);
    assert.match(meta, /\.txt/);
    assert.match(meta, new RegExp(`${txt.length} B`));

    // Facets: the file-type filter narrows the hits to .txt files and goes into the URL.
    const txtFacet = page.getByRole('checkbox', { name: /^\.txt\b/ });
    await txtFacet.check();
    await eventually(async () => new URL(page.url()).searchParams.getAll('extension').includes('txt')
      && (await page.locator('li.hit').evaluateAll((lis) => lis.length > 0 && lis.every((li) => li.dataset.filename.endsWith('.txt')))),
    { timeoutMs: 10_000, what: 'only .txt hits with the facet checked' });
    assert.ok(await page.getByRole('checkbox', { name: /^\.txt\b/ }).isChecked());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'facet-extension-txt',
      'the re-rendered filters keep the focus on the checkbox');
    await screenshot(page, 'journey-2-search-hit');
    await page.getByRole('checkbox', { name: /^\.txt\b/ }).uncheck();
    await eventually(async () => !new URL(page.url()).searchParams.has('extension'), { timeoutMs: 10_000, what: 'facet cleared' });
    await page.getByLabel('Sort by').selectOption('newest');
    await eventually(async () => new URL(page.url()).searchParams.get('sort') === 'newest', { timeoutMs: 10_000, what: 'sort in the URL' });
    await hit.waitFor();

    // Paging through the API: one hit per page, the text file and the CSV (its name has the word).
    await page.goto(`/admin/?q=${encodeURIComponent(word)}&size=1&sort=newest`);
    const pageInfo = page.locator('#pager [aria-current="page"]');
    await eventually(async () => {
      await page.reload();
      await page.locator('li.hit').first().waitFor({ timeout: 5_000 });
      return (await pageInfo.isVisible()) && (await pageInfo.innerText()) === 'Page 1 of 2';
    }, { timeoutMs: 60_000, intervalMs: 1_000, what: 'two pages of one hit' });
    const first = await page.locator('li.hit').getAttribute('data-filename');
    await page.getByRole('button', { name: 'Next →' }).click();
    await eventually(async () => (await pageInfo.innerText()) === 'Page 2 of 2', { timeoutMs: 10_000, what: 'page 2' });
    assert.match(page.url(), /[?&]page=2(&|$)/);
    const second = await page.locator('li.hit').getAttribute('data-filename');
    assert.deepEqual([first, second].sort(), [csvName, txtName].sort(), 'each page has one of the two files');
    assert.ok(await page.getByRole('button', { name: 'Next →' }).isDisabled());
    // A link past the last page (fewer hits than when it was made) shows the last page.
    await page.goto(`/admin/?q=${encodeURIComponent(word)}&size=1&sort=newest&page=9`);
    await eventually(async () => (await pageInfo.isVisible()) && (await pageInfo.innerText()) === 'Page 2 of 2',
      { timeoutMs: 10_000, what: 'page 2 of 2 instead of page 9' });
    assert.equal(await page.locator('li.hit').getAttribute('data-filename'), second);
    assert.match(await page.locator('#summary').innerText(), /showing 2–2/);
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    await page.goto(`/admin/?q=${encodeURIComponent(word)}`);
    await hit.waitFor();
    assertCleanPage(page);

    // 4. The contact, opened from the hit: both documents processed, insights of the text file.
    await hit.locator('.hit-contact-link').click();
    await page.waitForURL(`**/admin/contacts/${contactId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await page.locator('#message').innerText(), `Hello,\nplease have a look at the attached notes about ${word}.\nThanks!`);
    const txtItem = page.locator(`li.doc-item[data-filename="${txtName}"]`);
    const csvItem = page.locator(`li.doc-item[data-filename="${csvName}"]`);
    // The page refreshes itself while documents are processed: no reload here.
    await eventually(async () => (await txtItem.getAttribute('data-status')) === 'completed'
      && (await csvItem.getAttribute('data-status')) === 'completed', { timeoutMs: 90_000, what: 'both documents completed' });
    assert.equal(await txtItem.locator('.doc-status .badge').innerText(), 'completed');
    await eventually(async () => (await txtItem.locator('[data-insight="language"]').getAttribute('data-value')) === 'en',
      { timeoutMs: 30_000, what: 'the text file\'s language: en' });
    const keywords = await txtItem.locator('[data-insight="keywords"] li').allInnerTexts();
    assert.ok(keywords.length > 0, 'keywords are shown');
    assert.ok(keywords.some((k) => /budget|contract|delivery|invoice|launch|warehouse|schedule|customers|quarterly/.test(k)),
      `keywords from the text (${keywords})`);
    assert.match(await txtItem.locator('[data-insight="words"]').innerText(), /^\d+$/);
    assert.match(await txtItem.locator('.doc-summary').innerText(), /Meeting notes/);
    assert.equal(await page.locator('#aggregate .stat').first().innerText(), '2\ndocuments');
    await screenshot(page, 'journey-3-contact');

    // Reprocess: the CSV goes back to pending and the page follows it to completed on its own.
    const processedTime = csvItem.locator('.meta-list time').nth(1);
    const processedBefore = await processedTime.getAttribute('datetime');
    await csvItem.getByRole('button', { name: `Reprocess ${csvName}` }).click();
    await page.locator('#status').getByText(`“${csvName}” is queued for processing again.`).waitFor();
    await eventually(async () => (await csvItem.getAttribute('data-status')) === 'completed'
      && (await processedTime.getAttribute('datetime')) !== processedBefore,
    { timeoutMs: 60_000, what: 'the CSV processed again (the page refreshes itself)' });

    // 5. The download is the original file, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      txtItem.getByRole('link', { name: `Download ${txtName}` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), txtName);
    assert.deepEqual(await readFile(await download.path()), txt, 'downloaded bytes equal the uploaded ones');

    // 6. Status change, kept after a reload, with who and when.
    await page.getByLabel('Status', { exact: true }).selectOption('contacted');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#status').getByText('Status saved: contacted.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contact-status', 'the focus stays on the status');
    await page.reload();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'contacted');
    assert.equal(await page.locator('#status-changed .changed-by').innerText(), ADMIN.username);
    assert.match(await page.locator('#status-changed time').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal((await adminApi(`/contacts/${contactId}`)).body.status, 'contacted', 'persisted (API)');

    // 7. Erasure behind a dialog: cancel keeps the contact, confirm erases it.
    await page.getByRole('button', { name: 'Erase contact…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase this contact?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await adminApi(`/contacts/${contactId}`)).status, 200, 'cancel erases nothing');
    await page.getByRole('button', { name: 'Erase contact…' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Erase contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact erased' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'erased-heading', 'the focus moves to the outcome');
    assert.ok(await page.getByRole('link', { name: 'Back to the contact list' }).isVisible());
    assert.equal((await adminApi(`/contacts/${contactId}`)).status, 404, 'the contact is gone (API)');
    const erasedId = contactId;
    contactId = null;
    await screenshot(page, 'journey-4-erased');
    assertCleanPage(page);

    // 8. The word is no longer found once the erasure reached the index.
    await page.goto(`/admin/?q=${encodeURIComponent(word)}`);
    await eventually(async () => {
      await page.reload();
      await page.locator('#summary').filter({ hasText: /match|No documents/ }).waitFor({ timeout: 5_000 });
      return (await page.locator('li.hit').count()) === 0
        && (await page.locator('#summary').innerText()) === `No documents match “${word}”.`;
    }, { timeoutMs: 90_000, intervalMs: 1_000, what: 'no hits for the word after the erasure' });
    assert.equal(await page.getByLabel('Search documents').inputValue(), word);
    const api = await adminApi(`/search?q=${encodeURIComponent(word)}&contactId=${erasedId}`);
    assert.equal(api.body.totalHits, 0, 'no hits in the API either');
    await screenshot(page, 'journey-5-no-hits');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});
