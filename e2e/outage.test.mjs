// Nothing is lost when document-service is down while a person sends the form: the message is
// accepted, the file is shown as failed with a clear reason and a Retry button, and once the service
// is back (restarted by scripts/up, as an operator would) Retry stores it. The real service process
// is stopped and started; nothing is faked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  REPO_ROOT, RUN_DIR, adminJson, assertCleanPage, eraseContacts, eventually, fillContactForm, launchBrowser, openPage,
  screenshot, uniqueWord,
} from './support.mjs';

const DOCUMENT_PID = join(RUN_DIR, 'pids', 'document.pid');
const DOCUMENT_READY = 'http://127.0.0.1:8082/q/health/ready';
const run = promisify(execFile);

let browser;
let dir;
let contactId;

async function documentServiceAnswers() {
  try {
    return (await fetch(DOCUMENT_READY)).status === 200;
  } catch {
    return false;
  }
}

/** Starts whatever part of the stack is not running (document-service here), without rebuilding. */
async function startStack() {
  await run(join(REPO_ROOT, 'scripts', 'up'), [], { env: { ...process.env, UP_REBUILD: '0' }, timeout: 180_000 });
}

before(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'intake-outage-'));
  assert.ok(await documentServiceAnswers(), 'document-service runs before the test');
});

after(async () => {
  if (!(await documentServiceAnswers())) await startStack();
  await eraseContacts(contactId);
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('document-service down during the form: the message is kept, the file waits for Retry', async () => {
  const word = uniqueWord('outage');
  const file = join(dir, `minutes-${word}.txt`);
  const content = `Minutes of the meeting about ${word}. Nothing may be lost.\n`;
  writeFileSync(file, content);

  const page = await openPage(browser);
  try {
    await page.goto('/');
    await fillContactForm(page, {
      Name: `Outage ${word}`, Email: `${word}@example.com`, Message: `Sent while document-service is down (${word}).`,
    });
    await page.locator('#attachments').setInputFiles(file);

    // The real document-service process stops.
    process.kill(Number(readFileSync(DOCUMENT_PID, 'utf8').trim()), 'SIGTERM');
    await eventually(async () => !(await documentServiceAnswers()), { timeoutMs: 30_000, what: 'document-service to stop' });

    await page.getByRole('button', { name: 'Send message' }).click();
    const success = page.locator('section#success');
    await success.waitFor({ state: 'visible' });
    contactId = (await success.locator('[data-contact-id]').innerText()).trim();
    const item = page.locator(`li.upload-item[data-filename="minutes-${word}.txt"]`);
    await eventually(async () => (await item.getAttribute('data-state')) === 'failed', { what: 'the upload to fail' });
    assert.match(await item.innerText(), /temporarily unavailable/i, 'the reason is the edge\'s 503, in words');
    assert.match(await success.locator('#upload-outcome').textContent(), /1 file was not uploaded/);
    await screenshot(page, 'outage-file-waiting');

    // The message itself was stored while the file's service was down.
    const stored = await adminJson(`/contacts/${contactId}`);
    assert.equal(stored.name, `Outage ${word}`);

    // The operator brings the service back; the person presses Retry and the file is stored.
    await startStack();
    assert.ok(await documentServiceAnswers(), 'document-service is back');
    await page.getByRole('button', { name: `Retry minutes-${word}.txt` }).click();
    await eventually(async () => (await item.getAttribute('data-state')) === 'done', { timeoutMs: 30_000, what: 'the retried upload' });
    await screenshot(page, 'outage-file-retried');

    const documents = await eventually(async () => {
      const found = await adminJson(`/documents?contactId=${contactId}`);
      return found.items?.length === 1 ? found.items : null;
    }, { timeoutMs: 10_000, what: 'the document to be listed' });
    assert.equal(documents[0].filename, `minutes-${word}.txt`);
    assert.equal(documents[0].size, Buffer.byteLength(content));
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});
