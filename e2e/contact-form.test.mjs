// The public contact form (web/index.html) against the running stack: client-side checks, a real
// submission with two attachments (checked through the admin API), hostile names rendered as text,
// refused files, and the mobile layout. Two submissions; both are erased afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  BASE_URL, assertCleanPage, edgeFetch, eraseContacts, eventually, fillContactForm, launchBrowser, openPage, screenshot,
  uniqueWord,
  watchDialogs, watchRequests,
} from './support.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let browser;
let dir;
/** Contacts the form created, erased after the tests. */
const created = [];

before(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'contact-form-e2e-'));
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await eraseContacts(created);
});

/** Every POST to the contacts API the page makes. */
function watchSubmissions(page) {
  return watchRequests(page, 'POST', '/api/v1/contacts');
}

/** The id the success view shows, remembered for the clean-up. */
async function createdId(page) {
  const id = (await page.locator('section#success [data-contact-id]').textContent()).trim();
  assert.match(id, UUID, 'the success view shows the new contact id');
  created.push(id);
  return id;
}

async function openForm(options = {}) {
  const page = await openPage(browser, options);
  await page.goto('/');
  await page.getByRole('button', { name: 'Send message' }).waitFor();
  return page;
}

async function fieldState(page, label) {
  const control = page.getByLabel(label, { exact: true });
  const invalid = await control.getAttribute('aria-invalid');
  const describedBy = (await control.getAttribute('aria-describedby')) || '';
  const errorId = describedBy.split(/\s+/).find((id) => id.endsWith('-error'));
  const error = errorId ? (await page.locator(`#${errorId}`).textContent()).trim() : '';
  return { invalid, error };
}

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function uploadItems(page) {
  return page.locator('li.upload-item').evaluateAll((items) => items.map((li) => {
    const progress = li.querySelector('progress');
    return {
      filename: li.dataset.filename,
      state: li.dataset.state,
      text: li.querySelector('.file-name')?.textContent,
      status: li.querySelector('.upload-status')?.textContent,
      value: progress?.value,
      max: progress?.max,
    };
  }));
}

describe('contact form', () => {
  test('client-side checks: required fields, email, length; nothing is sent', async () => {
    const page = await openForm();
    const posts = watchSubmissions(page);
    assert.equal(await page.title(), 'Contact us · Document intake');
    assert.equal(await page.locator('form#contact-form').getAttribute('novalidate'), '');
    await screenshot(page, 'contact-form-empty');

    await page.getByRole('button', { name: 'Send message' }).click();
    for (const label of ['Name', 'Email', 'Message']) {
      const { invalid, error } = await fieldState(page, label);
      assert.equal(invalid, 'true', `${label} is marked invalid`);
      assert.match(error, /enter/i, `${label} shows its error`);
    }
    for (const label of ['Company', 'Service', 'Budget']) {
      assert.equal((await fieldState(page, label)).invalid, null, `${label} is optional`);
    }
    const summary = page.locator('#form-errors');
    assert.ok(await summary.isVisible(), 'the error summary is shown');
    assert.equal(await summary.getByRole('link').count(), 3);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name', 'focus moves to the first invalid field');
    await screenshot(page, 'contact-form-errors');

    // After the first submit, fields are checked on blur; a fixed field clears its error.
    await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
    assert.equal((await fieldState(page, 'Name')).invalid, null);
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByLabel('Email', { exact: true }).press('Tab');
    const email = await fieldState(page, 'Email');
    assert.equal(email.invalid, 'true');
    assert.match(email.error, /valid email address/i);
    assert.equal(await summary.getByRole('link').count(), 2, 'the summary follows the corrections');

    // The server's pattern: a dotless domain is refused too.
    await page.getByLabel('Email', { exact: true }).fill('grace@localhost');
    await page.getByRole('button', { name: 'Send message' }).click();
    assert.match((await fieldState(page, 'Email')).error, /valid email address/i);

    // Message: 1000 characters at most, with a live counter; control characters refused in Name.
    await page.getByLabel('Message', { exact: true }).fill('x'.repeat(1001));
    assert.match(await page.locator('#message-counter').textContent(), /1001 \/ 1000/);
    await page.getByLabel('Name', { exact: true }).fill('Grace\u0007Hopper');
    await page.getByRole('button', { name: 'Send message' }).click();
    assert.match((await fieldState(page, 'Message')).error, /at most 1000 characters/);
    assert.match((await fieldState(page, 'Name')).error, /control characters/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');

    assert.equal(posts.length, 0, 'no request reached /api/v1/contacts');
    assertCleanPage(page);
    await page.context().close();
  });

  test('submits with two files, shows progress and the success view; the API has it all', async () => {
    const page = await openForm();
    const posts = watchSubmissions(page);
    const word = uniqueWord('cform');
    const name = `Ada Lovelace ${word}`;
    const emailAddress = `ada.${word}@example.com`;
    const message = `Hello,\nwe need help reading our contracts (${word}).\nThanks!`;
    const txt = file(`notes-${word}.txt`, `Project notes ${word}\nThe contracts were signed in Berlin.\n`);
    const csv = file(`figures-${word}.csv`, 'item,amount\nlicence,1200\nsupport,300\n');

    await fillContactForm(page, {
      Name: name, Email: emailAddress, Company: 'Analytical Engines Ltd', Service: 'Contract review',
      Budget: '€5,000 – €20,000', Message: message,
    });
    assert.equal(await page.getByLabel('Document type').inputValue(), 'other', 'the document type defaults to other');
    await page.getByLabel('Document type').selectOption('report');
    await page.locator('#attachments').setInputFiles([txt, csv]);

    const selected = await uploadItems(page);
    assert.deepEqual(selected.map((i) => i.filename), [`notes-${word}.txt`, `figures-${word}.csv`]);
    assert.ok(selected.every((i) => i.state === 'ready'));
    await screenshot(page, 'contact-form-filled');

    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('section#success').waitFor({ state: 'visible', timeout: 60_000 });

    const items = await uploadItems(page);
    assert.equal(items.length, 2);
    for (const item of items) {
      assert.equal(item.state, 'done', `${item.filename} uploaded (${item.status})`);
      assert.equal(item.value, item.max, `${item.filename}'s progress is full`);
      assert.equal(item.status, 'Uploaded');
    }
    const heading = page.getByRole('heading', { name: /Thank you/ });
    assert.equal(await heading.textContent(), `Thank you, ${name}!`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'success-title', 'focus moves to the heading');
    assert.ok(!(await page.locator('#form-section').isVisible()), 'the form is replaced by the success view');
    const id = await createdId(page);
    const received = await page.locator('#received').textContent();
    for (const text of [name, emailAddress, 'Analytical Engines Ltd', 'Contract review', '€5,000 – €20,000', word]) {
      assert.ok(received.includes(text), `the success view shows ${text}`);
    }
    await screenshot(page, 'contact-form-success');

    // One submission, with an Idempotency-Key and the automatic fields.
    assert.equal(posts.length, 1, 'exactly one submission for one click');
    const post = posts[0];
    assert.match(post.headers()['idempotency-key'] || '', UUID);
    const body = post.postDataJSON();
    assert.equal(body.source, 'website');
    assert.ok(body.userAgent && body.userAgent.length <= 500);
    assert.ok(body.pageUrl.startsWith(BASE_URL), body.pageUrl);

    const contact = await eventually(async () => {
      const response = await edgeFetch(`/api/v1/contacts/${id}`, { admin: true });
      assert.equal(response.status, 200);
      const json = await response.json();
      return json.documents?.length === 2 ? json : null;
    }, { timeoutMs: 60_000, what: 'the contact with its 2 documents' });
    assert.equal(contact.name, name);
    assert.equal(contact.email, emailAddress);
    assert.equal(contact.message, message);
    assert.equal(contact.company, 'Analytical Engines Ltd');
    assert.equal(contact.service, 'Contract review');
    assert.equal(contact.budget, '€5,000 – €20,000');
    assert.equal(contact.source, 'website');
    assert.deepEqual(contact.documents.map((d) => d.filename).sort(), [`figures-${word}.csv`, `notes-${word}.txt`]);
    assert.ok(contact.documents.every((d) => d.documentType === 'report'));

    // "Send another message" brings back an empty form.
    await page.getByRole('button', { name: 'Send another message' }).click();
    assert.ok(await page.locator('#form-section').isVisible());
    assert.ok(!(await page.locator('section#success').isVisible()));
    assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), '');
    assert.equal(await page.locator('li.upload-item').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name');
    assertCleanPage(page);
    await page.context().close();
  });

  test('hostile names are shown as text, never as markup', async () => {
    const page = await openForm();
    const dialogs = watchDialogs(page);
    const word = uniqueWord('cfxss');
    const hostileFile = '<img src=x onerror=alert(1)>.txt';
    const hostileName = '<script>alert(1)</script>';
    const path = file(hostileFile, `A harmless text file ${word}\n`);
    // Its bytes are text, not PNG: document-service refuses it, the other file must still arrive.
    const mismatch = file(`photo-${word}.png`, `not an image ${word}\n`);
    const scriptsBefore = await page.evaluate(() => document.scripts.length);
    const uploads = watchRequests(page, 'POST', '/api/v1/documents');

    await fillContactForm(page, {
      Name: hostileName, Email: `xss.${word}@example.com`, Message: `<b>bold?</b> <img src=y onerror=alert(2)> ${word}`,
    });
    await page.locator('#attachments').setInputFiles([path, mismatch]);

    const item = page.locator('li.upload-item').filter({ hasText: 'onerror' });
    assert.equal(await item.getAttribute('data-filename'), hostileFile);
    assert.equal(await item.locator('.file-name').textContent(), hostileFile);
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was made from the file name');

    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('section#success').waitFor({ state: 'visible', timeout: 60_000 });
    await createdId(page);
    assert.equal(await page.getByRole('heading', { name: /Thank you/ }).textContent(), `Thank you, ${hostileName}!`);
    const success = page.locator('section#success');
    const uploaded = success.locator(`li.upload-item[data-filename="${hostileFile}"]`);
    assert.equal(await uploaded.locator('.file-name').textContent(), hostileFile);
    assert.equal(await uploaded.getAttribute('data-state'), 'done');
    // The refused file: failed with the server's reason, a Retry button, and a warning above.
    const refused = success.locator(`li.upload-item[data-filename="photo-${word}.png"]`);
    assert.equal(await refused.getAttribute('data-state'), 'failed');
    assert.match(await refused.locator('.upload-status').textContent(), /^Failed: .*does not match its \.png extension/);
    assert.match(await success.locator('#upload-outcome').textContent(), /1 file was not uploaded/);
    await page.getByRole('button', { name: `Retry photo-${word}.png` }).click();
    await eventually(async () => (await refused.getAttribute('data-state')) !== 'uploading',
      { timeoutMs: 30_000, what: 'the retry to finish' });
    assert.equal(uploads.length, 3, 'two uploads, then one retry');
    assert.equal(await refused.getAttribute('data-state'), 'failed', 'a file refused for its content fails again');
    assert.equal(await uploaded.getAttribute('data-state'), 'done');
    assert.ok((await success.locator('#received').textContent()).includes(`<b>bold?</b> <img src=y onerror=alert(2)> ${word}`));
    await screenshot(page, 'contact-form-success-hostile');

    assert.equal(await page.locator('img').count(), 0, 'no <img> element anywhere');
    assert.equal(await page.locator('#received b, section#success script').count(), 0, 'no element from user text');
    assert.equal(await page.evaluate(() => document.scripts.length), scriptsBefore, 'no <script> element was added');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assertCleanPage(page);
    await page.context().close();
  });

  test('refuses disallowed, oversized and surplus files client-side; drag and drop works', async () => {
    const page = await openForm();
    const posts = watchSubmissions(page);
    // The page checks files against document-service's own limits, not a copy that could drift.
    const limits = await (await edgeFetch('/api/v1/documents/limits')).json();
    await eventually(async () => (await page.locator('#attachments').getAttribute('accept'))
      === limits.extensions.map((e) => `.${e}`).join(','), { timeoutMs: 5_000, what: 'the server limits in the file input' });
    const exe = file('malware.exe', 'MZ\u0090\u0000 not really a program');
    const huge = join(dir, 'huge-scan.pdf');
    writeFileSync(huge, '%PDF-1.7\n');
    truncateSync(huge, 51 * 1024 * 1024);

    await page.locator('#attachments').setInputFiles(exe);
    const errors = page.locator('#attachments-error');
    assert.match(await errors.textContent(), /malware\.exe was not added: \.exe files are not accepted/);
    assert.equal(await page.locator('li.upload-item').count(), 0);

    await page.locator('#attachments').setInputFiles(huge);
    assert.match(await errors.textContent(), /huge-scan\.pdf was not added: it is larger than 50 MB/);
    assert.equal(await page.locator('li.upload-item').count(), 0);

    // Drag and drop: the zone highlights while files are over it; the drop is checked like a choice.
    const dropzone = page.locator('#dropzone');
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['dropped notes'], 'dropped.txt', { type: 'text/plain' }));
      data.items.add(new File(['@echo off'], 'also-bad.bat', { type: 'application/octet-stream' }));
      return data;
    });
    await dropzone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await dropzone.dispatchEvent('dragover', { dataTransfer: transfer });
    assert.match(await dropzone.getAttribute('class'), /is-dragover/);
    await dropzone.dispatchEvent('drop', { dataTransfer: transfer });
    assert.doesNotMatch(await dropzone.getAttribute('class'), /is-dragover/);
    assert.deepEqual((await uploadItems(page)).map((i) => i.filename), ['dropped.txt']);
    assert.match(await errors.textContent(), /also-bad\.bat was not added/);

    // At most 10 files: 1 dropped + 9 of these 11 fit.
    const many = Array.from({ length: 11 }, (_, i) => ({
      name: `part-${String(i + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`part ${i + 1}`),
    }));
    await page.locator('#attachments').setInputFiles(many);
    assert.equal(await page.locator('li.upload-item').count(), 10);
    const limit = await errors.textContent();
    assert.match(limit, /part-10\.txt was not added: you can attach at most 10 files/);
    assert.match(limit, /part-11\.txt was not added/);
    assert.match(await page.locator('#file-summary').textContent(), /10 of 10 files/);
    await screenshot(page, 'contact-form-files');

    // Remove is a real button per file, named after it.
    await page.getByRole('button', { name: 'Remove part-01.txt' }).click();
    assert.equal(await page.locator('li.upload-item').count(), 9);
    assert.equal(await page.locator('li.upload-item[data-filename="part-01.txt"]').count(), 0);

    assert.equal(posts.length, 0);
    assertCleanPage(page);
    await page.context().close();
  });

  test('on a slow connection the progress bar moves while the file is sent', async () => {
    const page = await openForm();
    // Chromium's own network throttling (DevTools), as on a slow uplink: 256 KB/s for a 1 MB file.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024,
    });
    const word = uniqueWord('slow');
    const name = `scan-${word}.txt`;
    const big = file(name, `${'Slow uplink test line.\n'.repeat(45_000)}${word}\n`);
    await fillContactForm(page, { Name: `Slow ${word}`, Email: `${word}@example.com`, Message: 'A large file over a slow line.' });
    await page.locator('#attachments').setInputFiles(big);
    await page.getByRole('button', { name: 'Send message' }).click();

    const item = page.locator(`li.upload-item[data-filename="${name}"]`);
    const midway = await eventually(async () => {
      const [state] = (await uploadItems(page)).filter((i) => i.filename === name);
      return state && state.value > 0 && state.value < state.max ? state : null;
    }, { timeoutMs: 15_000, intervalMs: 100, what: 'the progress bar between empty and full' });
    assert.match(midway.status, /Uploading \d+\s?%/, 'the status says how far it is');
    await screenshot(page, 'contact-form-uploading');

    await eventually(async () => (await item.getAttribute('data-state')) === 'done', { timeoutMs: 30_000, what: 'the upload' });
    const [done] = (await uploadItems(page)).filter((i) => i.filename === name);
    assert.equal(done.value, done.max, 'the bar is full at the end');
    await createdId(page);
    assertCleanPage(page);
    await page.context().close();
  });

  test('mobile viewport: no horizontal scroll, with errors and long file names', async () => {
    const page = await openForm({ viewport: { width: 390, height: 844 } });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await fits(), 'the empty form fits');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('#attachments').setInputFiles([{
      name: `quarterly-report-${'very-long-name-'.repeat(6)}final.pdf`, mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    }, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') }]);
    assert.equal(await page.locator('li.upload-item').count(), 2);
    assert.ok(await fits(), 'the form with errors and files fits');
    assert.ok(await page.getByRole('button', { name: 'Send message' }).isVisible());
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'contact-form-mobile');
    assertCleanPage(page);
    await page.context().close();
  });
});
