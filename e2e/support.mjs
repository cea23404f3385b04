// Shared by the browser tests: the running stack's address and credentials, a headless Debian
// Chromium driven by playwright-core, a watch on CSP violations and script errors, screenshots.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE_URL = (process.env.INTAKE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
/** The repository root and the local stack's run directory (pids, logs, secrets). */
export const REPO_ROOT = ROOT;
export const RUN_DIR = join(ROOT, '.run');
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS || join(RUN_DIR, 'e2e', 'screenshots');

/** KEY=value lines of .run/secrets.env (written by scripts/up); the environment wins. */
function secrets() {
  const values = {};
  try {
    for (const line of readFileSync(join(RUN_DIR, 'secrets.env'), 'utf8').split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) values[m[1]] = m[2].replace(/^'(.*)'$/, '$1');
    }
  } catch {
    // no local stack secrets: everything must come from the environment
  }
  return (name) => process.env[name] || values[name];
}
const secret = secrets();

export const ADMIN = { username: secret('ADMIN_USERNAME') || 'admin', password: secret('ADMIN_PASSWORD') };
export const FORM_API_KEY = secret('FORM_API_KEY');
// The scripts' and tests' own submit key: the web form's key needs a proof of work, this one does not.
export const SCRIPT_API_KEY = secret('SCRIPT_API_KEY');

export function adminAuthorization() {
  assert.ok(ADMIN.password, 'ADMIN_PASSWORD is not set and .run/secrets.env is missing: start the stack with scripts/up');
  return `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
}

/** Headless Debian Chromium (CHROMIUM_BIN overrides /usr/bin/chromium); no network beyond loopback. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * A new browser context and page. With admin: true, the context answers the edge's basic-auth
 * challenge with the administrator's credentials, as a person would in the browser's dialog.
 * Every page is watched: CSP violations (Trusted Types included), uncaught script errors and
 * console errors are collected in page.problems.
 */
export async function openPage(browser, { admin = false, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    acceptDownloads: true,
    httpCredentials: admin ? { username: ADMIN.username, password: ADMIN.password } : undefined,
  });
  const page = await context.newPage();
  const problems = { cspViolations: [], scriptErrors: [], consoleErrors: [] };
  await page.exposeFunction('__reportCspViolation', (v) => problems.cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation({
        directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
        sample: e.sample, page: location.pathname,
      });
    });
  });
  page.on('pageerror', (error) => problems.scriptErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.problems = problems;
  return page;
}

/** The page had no CSP violation and no uncaught script error. */
export function assertCleanPage(page) {
  assert.deepEqual(page.problems.cspViolations, [], 'CSP violations reported by the browser');
  assert.deepEqual(page.problems.scriptErrors, [], 'uncaught script errors');
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and returns its violations as
 * readable lines ("rule: what (selector)"). axe is evaluated through the DevTools protocol, not as a
 * page script, so the page's CSP does not have to make room for it.
 */
export async function accessibilityViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} (${n.target.join(' ')})`));
}

/** A full-page screenshot in SCREENSHOT_DIR/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Polls fn until it returns a truthy value (returned) or the time is up (the last error is thrown). */
export async function eventually(fn, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}

/** fetch against the edge, optionally as the administrator. */
export function edgeFetch(path, { admin = false, headers = {}, ...init } = {}) {
  return fetch(`${BASE_URL}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { ...(admin ? { Authorization: adminAuthorization() } : {}), ...headers },
  });
}

/** A word no other test run uses, to find exactly this run's data. */
export function uniqueWord(prefix = 'zq') {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The admin API through the edge, as the administrator: {status, body} (body: the parsed JSON
 * answer, or null when there is none). A body given here is sent as JSON.
 */
export async function adminApi(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await edgeFetch(`/admin/api${path}`, {
    admin: true, method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('content-type') || '') ? JSON.parse(text) : null;
  return { status: response.status, body: json };
}

/** adminApi that must succeed (2xx): its JSON answer. */
export async function adminJson(path, options = {}) {
  const { status, body } = await adminApi(path, options);
  assert.ok(status >= 200 && status < 300, `${options.method || 'GET'} /admin/api${path}: HTTP ${status}`);
  return body;
}

/** A contact submitted through the edge with the scripts' key (no proof of work): {id, uploadToken, ...}. */
export async function submitContact(fields) {
  const response = await edgeFetch('/api/v1/contacts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-API-Key': SCRIPT_API_KEY },
    body: JSON.stringify(fields),
  });
  const text = await response.text();
  assert.equal(response.status, 201, `contact ${fields.name} submitted: ${text}`);
  return JSON.parse(text);
}

/** A file uploaded for a contact with its upload token, as the web form does: the document's id. */
export async function uploadDocument(contact, { filename, content, type = 'text/plain', documentType = 'other' }) {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), filename);
  form.append('contactId', contact.id);
  form.append('documentType', documentType);
  const response = await edgeFetch('/api/v1/documents', {
    method: 'POST', headers: { Accept: 'application/json', 'X-Upload-Token': contact.uploadToken }, body: form,
  });
  const text = await response.text();
  assert.equal(response.status, 201, `upload of ${filename}: ${text}`);
  return JSON.parse(text).id;
}

/**
 * Fills the public form's text fields by their labels, as a person types them: fields is
 * {Name, Email, Message, Company?, Service?, Budget?}; absent fields are left as they are.
 */
export async function fillContactForm(page, fields) {
  for (const [label, value] of Object.entries(fields)) {
    if (value !== undefined) await page.getByLabel(label, { exact: true }).fill(value);
  }
}

/** Erases contacts a test made (with their documents, index entries and mail data); gone already is fine. */
export async function eraseContacts(...ids) {
  for (const id of ids.flat().filter(Boolean)) {
    const { status } = await adminApi(`/contacts/${id}`, { method: 'DELETE' });
    assert.ok(status === 204 || status === 404, `erase contact ${id}: HTTP ${status}`);
  }
}

/** Records every JavaScript dialog (an alert from injected markup would open one) and dismisses it. */
export function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Every request the page makes with this method to this path (observed, never changed). */
export function watchRequests(page, method, pathname) {
  const requests = [];
  page.on('request', (request) => {
    if (request.method() === method && new URL(request.url()).pathname === pathname) requests.push(request);
  });
  return requests;
}

/**
 * The answer to a navigation, also when it is refused with 401: headless Chromium has no login
 * dialog and ends such a navigation with net::ERR_INVALID_AUTH_CREDENTIALS instead of showing the
 * 401 page, so the answer is read from the network.
 */
export async function navigationResponse(page, path) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().isNavigationRequest());
  const navigation = page.goto(path).catch((error) => {
    if (!/ERR_INVALID_AUTH_CREDENTIALS/.test(error.message)) throw error;
    return null;
  });
  const [response] = await Promise.all([answer, navigation]);
  return response;
}
