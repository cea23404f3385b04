// The admin's contact pages in a real browser against the running stack: access control at the
// edge, the contact list's filters and paging, hostile user data rendered as text in the list, the
// detail page and the search page, and the error states (a refused sign-in, a stale answer).
// Run: node --test --test-concurrency=1 e2e/admin-contacts.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchBrowser, openPage, assertCleanPage, screenshot, eventually, edgeFetch, uniqueWord, ADMIN, BASE_URL,
  adminJson, submitContact, uploadDocument, eraseContacts, watchDialogs, navigationResponse,
} from './support.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_MESSAGE = `${HOSTILE}\nsecond line <script>alert(2)</script>\n\n  indented & "quoted"`;

const tag = uniqueWord('ct');
const source = uniqueWord('src');
// A valid address whose "?" and "=" would add a Cc: header to a mailto: link built from it as is.
const HOSTILE_EMAIL = `hostile.${tag}?cc=evil@example.com`;
// A document of the hostile contact, so that its markup also reaches the search hits.
const HOSTILE_FILE = `${HOSTILE}${tag}.txt`;
const HOSTILE_TEXT = `Notes ${tag}: ${HOSTILE} and <script>alert(3)</script> & "quotes".`;
const created = {};
let browser;

async function createContact(body) {
  return (await submitContact({ source, ...body })).id;
}

/** yyyy-mm-dd of today plus `days`, in the local time zone (the browser's too). */
function localDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function navigationStatus(page, path) {
  return (await navigationResponse(page, path)).status();
}

const rows = (page) => page.locator('#contacts-table tbody tr');
const rowNames = (page) => page.locator('#contacts-table tbody tr td:first-child').allInnerTexts();

before(async () => {
  browser = await launchBrowser();
  // Created one after the other, so the list (newest first) shows hostile, beta, alpha.
  created.alpha = await createContact({
    name: `Alpha ${tag}`, email: `alpha.${tag}@example.com`, company: `Acme ${tag}`, message: 'Alpha asks for a quote.',
  });
  created.beta = await createContact({
    name: `Beta ${tag}`, email: `beta.${tag}@example.com`, company: `Bolt ${tag}`, message: 'Beta wants a call.',
  });
  const hostile = await submitContact({
    source, name: HOSTILE, email: HOSTILE_EMAIL, company: HOSTILE, message: HOSTILE_MESSAGE,
    pageUrl: `https://example.com/landing?ref=${tag}`,
  });
  created.hostile = hostile.id;
  await uploadDocument(hostile, { filename: HOSTILE_FILE, content: HOSTILE_TEXT });
  await adminJson(`/contacts/${created.beta}`, { method: 'PATCH', body: { status: 'contacted' } });
});

after(async () => {
  await browser?.close();
  await eraseContacts(Object.values(created));
});

test('anonymous and wrong-password requests to the admin pages and APIs get 401', async () => {
  const wrong = `Basic ${Buffer.from(`${ADMIN.username}:not-the-password`).toString('base64')}`;
  for (const path of ['/admin/', '/admin/contacts', `/admin/contacts/${created.alpha}`, '/admin/api/contacts',
    `/admin/api/contacts/${created.alpha}`, '/admin/api/search?q=alpha', '/api/v1/contacts']) {
    const anonymous = await edgeFetch(path);
    assert.equal(anonymous.status, 401, `anonymous ${path}`);
    const body = await anonymous.text();
    assert.ok(!body.includes(tag), `anonymous ${path} leaks no contact data`);
    const wrongPassword = await edgeFetch(path, { headers: { Authorization: wrong } });
    assert.equal(wrongPassword.status, 401, `wrong password ${path}`);
    assert.ok(!(await wrongPassword.text()).includes(tag), `wrong password ${path} leaks no contact data`);
  }
  assert.match((await edgeFetch('/admin/')).headers.get('www-authenticate') || '', /^Basic /, 'browsers are asked for credentials');
  // The administrator's credentials open the same paths.
  assert.equal((await edgeFetch('/admin/contacts', { admin: true })).status, 200);
  assert.equal((await edgeFetch('/admin/api/contacts', { admin: true })).status, 200);

  // A browser without credentials (the login dialog cancelled) sees no admin page.
  const page = await openPage(browser);
  try {
    for (const path of ['/admin/', '/admin/contacts', `/admin/contacts/${created.alpha}`]) {
      assert.equal(await navigationStatus(page, path), 401, `browser without credentials: ${path}`);
      assert.equal(await page.getByRole('heading', { name: /Search documents|Contacts/ }).count(), 0);
      assert.ok(!(await page.content()).includes(tag), 'no contact data on the 401 page');
    }
  } finally {
    await page.context().close();
  }

  // A browser with a wrong password is refused too.
  const context = await browser.newContext({ baseURL: BASE_URL, httpCredentials: { username: ADMIN.username, password: 'wrong' } });
  try {
    const wrongPage = await context.newPage();
    assert.equal(await navigationStatus(wrongPage, '/admin/contacts'), 401, 'browser with a wrong password');
    assert.ok(!(await wrongPage.content()).includes(tag));
  } finally {
    await context.close();
  }
});

test('contacts list: filters (source, status, text, dates), paging through the API, URL state, row links', async () => {
  const page = await openPage(browser, { admin: true });
  const dialogs = watchDialogs(page);
  try {
    const response = await page.goto('/admin/contacts');
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Contacts', exact: true }).getAttribute('aria-current'), 'page');
    await rows(page).first().waitFor();

    // Source filter: exactly this run's three contacts, newest first, as the API lists them.
    await page.getByLabel('Source').fill(source);
    await eventually(async () => (await rows(page).count()) === 3 && (await page.locator('#summary').innerText()).startsWith('3 contacts'),
      { timeoutMs: 10_000, what: 'three contacts for the source' });
    const api = await adminJson(`/contacts?source=${source}`);
    assert.equal(api.total, 3);
    assert.deepEqual(await page.locator('#contacts-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.contactId)),
      api.items.map((c) => c.id), 'the rows are the API\'s items in its order');
    assert.deepEqual((await rowNames(page)).slice(1), [`Beta ${tag}`, `Alpha ${tag}`]);
    assert.match(page.url(), new RegExp(`[?&]source=${source}`), 'filters kept in the URL');
    const beta = rows(page).filter({ hasText: `Beta ${tag}` });
    assert.equal(await beta.locator('.badge').innerText(), 'contacted');
    assert.equal(await beta.locator('td').nth(1).innerText(), `beta.${tag}@example.com`);
    assert.equal(await beta.locator('td').nth(2).innerText(), `Bolt ${tag}`);
    assert.equal(await beta.locator('td').nth(3).innerText(), source);
    assert.match(await beta.locator('time').getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, 'admin-contacts-list');

    // Paging: two per page (the API's page is 0-based; the page shows 1-based), kept across a reload.
    await page.goto(`/admin/contacts?source=${source}&size=2`);
    await eventually(async () => (await rows(page).count()) === 2, { timeoutMs: 10_000, what: 'first page of two' });
    assert.equal(await page.locator('#pager .page-info').innerText(), 'Page 1 of 2');
    assert.ok(await page.getByRole('button', { name: '← Previous' }).isDisabled());
    await page.getByRole('button', { name: 'Next →' }).click();
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 2 of 2',
      { timeoutMs: 10_000, what: 'second page' });
    assert.deepEqual(await rowNames(page), [`Alpha ${tag}`], 'the oldest is alone on page 2');
    assert.ok(await page.getByRole('button', { name: 'Next →' }).isDisabled());
    assert.match(page.url(), /[?&]page=2(&|$)/);
    const apiPage = await adminJson(`/contacts?source=${source}&size=2&page=1`);
    assert.deepEqual(apiPage.items.map((c) => c.name), [`Alpha ${tag}`], 'API page 1 (0-based) is the UI\'s page 2');
    await page.reload();
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 2 of 2',
      { timeoutMs: 10_000, what: 'page 2 after a reload' });
    assert.equal(await page.getByLabel('Source').inputValue(), source, 'the filter is restored from the URL');
    assert.deepEqual(await rowNames(page), [`Alpha ${tag}`]);
    await page.getByRole('button', { name: '← Previous' }).click();
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 1 of 2',
      { timeoutMs: 10_000, what: 'back to page 1' });

    // A link to a page past the last one shows the last page.
    await page.goto(`/admin/contacts?source=${source}&size=2&page=7`);
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 2 of 2',
      { timeoutMs: 10_000, what: 'the last page instead of page 7' });
    assert.deepEqual(await rowNames(page), [`Alpha ${tag}`]);
    assert.match(page.url(), /[?&]page=2(&|$)/);

    // Paging with the keyboard keeps the focus on the pager; at the last page, on the list.
    await page.goto(`/admin/contacts?source=${source}&size=1`);
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 1 of 3',
      { timeoutMs: 10_000, what: 'three pages of one' });
    await page.getByRole('button', { name: 'Next →' }).press('Enter');
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 2 of 3',
      { timeoutMs: 10_000, what: 'page 2 of 3' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pager-next', 'the focus stays on Next');
    await page.keyboard.press('Enter');
    await eventually(async () => (await page.locator('#pager .page-info').innerText()) === 'Page 3 of 3',
      { timeoutMs: 10_000, what: 'page 3 of 3' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'list-heading', 'Next is disabled: the focus goes to the list');
    await page.goto(`/admin/contacts?source=${source}&size=2`);
    await eventually(async () => (await rows(page).count()) === 2, { timeoutMs: 10_000, what: 'the first page of two again' });

    // Status filter (with the source): only the contacted one; the page resets to 1.
    await page.getByLabel('Status', { exact: true }).selectOption('contacted');
    await eventually(async () => JSON.stringify(await rowNames(page)) === JSON.stringify([`Beta ${tag}`]),
      { timeoutMs: 10_000, what: 'only the contacted contact' });
    assert.match(page.url(), /[?&]status=contacted/);
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await page.locator('.empty-state').waitFor();
    assert.equal(await page.locator('#summary').innerText(), 'No contacts match these filters.');
    assert.equal(await rows(page).count(), 0);
    await page.getByLabel('Status', { exact: true }).selectOption('');

    // Free text (name, email or company; case-insensitive): the email of one contact.
    await page.getByLabel('Search contacts').fill(`ALPHA.${tag}`);
    await eventually(async () => JSON.stringify(await rowNames(page)) === JSON.stringify([`Alpha ${tag}`]),
      { timeoutMs: 10_000, what: 'text filter on the email' });
    await page.getByLabel('Search contacts').fill(`bolt ${tag}`);
    await eventually(async () => JSON.stringify(await rowNames(page)) === JSON.stringify([`Beta ${tag}`]),
      { timeoutMs: 10_000, what: 'text filter on the company' });
    await page.getByLabel('Search contacts').fill('');

    // Dates: from tomorrow finds nothing; today..today finds all three (the "to" day is included).
    await page.getByLabel('Created from').fill(localDay(1));
    await eventually(async () => (await page.locator('#summary').innerText()) === 'No contacts match these filters.',
      { timeoutMs: 10_000, what: 'nothing created from tomorrow' });
    await page.getByLabel('Created from').fill(localDay(0));
    await page.getByLabel('Created to').fill(localDay(0));
    await eventually(async () => (await rows(page).count()) === 2 && (await page.locator('#summary').innerText()).startsWith('3 contacts'),
      { timeoutMs: 10_000, what: 'all three created today' });
    await page.getByLabel('Created to').fill(localDay(-1));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Must not be before “Created from”.').waitFor();
    assert.equal(await page.getByLabel('Created to').getAttribute('aria-invalid'), 'true');

    // Reset shows everything again; a row's name links to the contact's page.
    await page.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await page.getByLabel('Source').inputValue(), '');
    await eventually(async () => !(new URL(page.url()).search.includes('source=')), { timeoutMs: 5_000, what: 'URL without filters' });
    await page.getByLabel('Search contacts').fill(`Alpha ${tag}`);
    await eventually(async () => (await rows(page).count()) === 1, { timeoutMs: 10_000, what: 'filtered again' });
    await page.getByRole('link', { name: `Alpha ${tag}` }).click();
    await page.waitForURL(`**/admin/contacts/${created.alpha}`);
    await page.getByRole('heading', { level: 1, name: `Alpha ${tag}` }).waitFor();
    assert.equal(await page.locator('#message').innerText(), 'Alpha asks for a quote.');

    assert.deepEqual(dialogs, []);
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('hostile name and message are shown as text in the list and on the detail page', async () => {
  const page = await openPage(browser, { admin: true });
  const dialogs = watchDialogs(page);
  try {
    await page.goto(`/admin/contacts?source=${source}`);
    const row = page.locator(`#contacts-table tr[data-contact-id="${created.hostile}"]`);
    await row.waitFor();
    assert.equal(await row.locator('td').first().innerText(), HOSTILE, 'the name is text');
    assert.equal(await row.locator('td').nth(2).innerText(), HOSTILE, 'the company is text');
    assert.equal(await page.locator('main img').count(), 0, 'no img element in the list');
    await screenshot(page, 'admin-contacts-hostile-list');

    await row.getByRole('link', { name: HOSTILE }).click();
    await page.waitForURL(`**/admin/contacts/${created.hostile}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: HOSTILE }).waitFor();
    assert.equal(await heading.innerText(), HOSTILE);
    const message = page.locator('#message');
    assert.equal(await message.innerText(), HOSTILE_MESSAGE, 'the message is text, line breaks and spaces kept');
    assert.equal(await message.evaluate((el) => getComputedStyle(el).whiteSpace), 'pre-wrap');
    assert.equal(await message.evaluate((el) => el.children.length), 0, 'no element inside the message');
    assert.equal(await page.locator('main img, main script').count(), 0, 'no img or script element on the page');
    assert.equal(await page.locator('dd[data-field="company"]').innerText(), HOSTILE);
    // The mail link carries the address percent-encoded: its "?cc=" cannot add a recipient.
    const mailto = page.locator('dd[data-field="email"] a');
    assert.equal(await mailto.innerText(), HOSTILE_EMAIL);
    assert.equal(await mailto.getAttribute('href'), `mailto:${encodeURIComponent(HOSTILE_EMAIL).replace('%40', '@')}`);
    assert.doesNotMatch(await mailto.getAttribute('href'), /[?=]/);
    // The page the form was sent from is a link only because it is an http(s) address.
    assert.equal(await page.locator('dd[data-field="page"] a').getAttribute('href'), `https://example.com/landing?ref=${tag}`);
    const doc = page.locator('li.doc-item');
    await doc.waitFor();
    assert.equal(await doc.getAttribute('data-filename'), HOSTILE_FILE);
    assert.equal(await doc.locator('.doc-name').innerText(), HOSTILE_FILE, 'the file name is text');
    assert.equal(await page.title(), `${HOSTILE} · Contacts · Document intake admin`);
    await screenshot(page, 'admin-contact-hostile-detail');

    // The same page also answers at ?id= (e.g. /admin/contact?id=...).
    await page.goto(`/admin/contact?id=${created.hostile}`);
    await heading.filter({ hasText: HOSTILE }).waitFor();
    assert.equal(await page.locator('main img, main script').count(), 0);

    assert.deepEqual(dialogs, [], 'no script ran');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('contact page for an unknown id says so and links back to the list', async () => {
  const page = await openPage(browser, { admin: true });
  try {
    const response = await page.goto('/admin/contacts/00000000-0000-4000-8000-000000000000');
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Contact not found' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Back to the contact list' }).isVisible());
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('search page: hostile queries, file names and snippets are text everywhere, kept in the URL; API errors are shown', async () => {
  const page = await openPage(browser, { admin: true });
  const dialogs = watchDialogs(page);
  try {
    await page.goto('/admin/');
    await page.getByRole('heading', { level: 1, name: 'Search documents' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Search', exact: true }).getAttribute('aria-current'), 'page');
    const box = page.getByLabel('Search documents');
    assert.equal(await box.getAttribute('type'), 'search');
    // This run's hostile document: its name, its text and its sender's name are markup-like.
    const query = `${tag} ${HOSTILE}`;
    await box.fill(query);
    await eventually(async () => (await page.locator('#summary').innerText()).includes(`“${query}”`),
      { timeoutMs: 10_000, what: 'the summary naming the hostile query' });
    assert.equal(new URL(page.url()).searchParams.get('q'), query, 'the query is in the URL');
    const hit = page.locator('li.hit').filter({ has: page.locator(`a.hit-contact-link[href="/admin/contacts/${created.hostile}"]`) });
    await eventually(async () => {
      if (await hit.count()) return true;
      await page.reload(); // indexing is asynchronous; the query is in the URL, so a reload searches again
      await page.locator('#summary').filter({ hasText: /“/ }).waitFor();
      return false;
    }, { timeoutMs: 60_000, what: 'the hostile document indexed' });
    assert.equal(await hit.getAttribute('data-filename'), HOSTILE_FILE);
    assert.equal(await hit.locator('.hit-title a').innerText(), HOSTILE_FILE, 'the file name is text');
    assert.equal(await hit.locator('.hit-contact-link').innerText(), HOSTILE, 'the sender is text');
    assert.ok((await hit.locator('.hit-snippet').innerText()).includes(HOSTILE), 'the snippet shows the markup as text');
    assert.ok((await hit.locator('.hit-snippet mark').count()) > 0, 'the matches are marked');
    assert.equal(await hit.locator('.hit-title a :not(mark), .hit-snippet :not(mark), .hit-contact-link :not(mark)').count(), 0,
      'only <mark> elements inside highlighted text');
    assert.equal(await page.locator('main img, main script').count(), 0, 'no img or script element from the data');
    assert.equal(await page.locator('#summary *').count(), 0, 'the summary is text only');
    await screenshot(page, 'admin-search-hostile');

    // Reload restores the query from the URL.
    await page.reload();
    await eventually(async () => (await page.getByLabel('Search documents').inputValue()) === query
      && (await page.locator('#summary').innerText()).includes(`“${query}”`), { timeoutMs: 10_000, what: 'query restored' });
    assert.equal(await page.locator('main img').count(), 0);

    // A query the API refuses (over 500 characters, only possible through the URL) shows its error.
    await page.goto(`/admin/?q=${'a'.repeat(501)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Could not search/);
    assert.match(await page.locator('#q-error').innerText(), /500/);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);

    assert.deepEqual(dialogs, [], 'no script ran');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('an admin sign-in the API no longer accepts: every admin page says to sign in again', async () => {
  const page = await openPage(browser, { admin: true });
  try {
    // The pages load with the right password; their API calls go out with an outdated one, as after
    // a password change, and the edge itself answers them with 401 (the answers are not made up).
    const outdated = `Basic ${Buffer.from(`${ADMIN.username}:outdated-password`).toString('base64')}`;
    const refused = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/admin/api/') && r.status() === 401) refused.push(r.url());
    });
    await page.route((url) => url.pathname.startsWith('/admin/api/'),
      (route) => route.continue({ headers: { ...route.request().headers(), authorization: outdated } }));
    const SIGN_IN_AGAIN = /Reload the page to sign in again\./;
    for (const [path, where] of [
      ['/admin/', '#results [role="alert"]'],
      ['/admin/contacts', '#list [role="alert"]'],
      [`/admin/contacts/${created.alpha}`, '#contact [role="alert"]'],
      ['/admin/notifications', '#rows .message-row'],
      ['/admin/system', 'article.service-card[data-service="contact"][data-state]'],
    ]) {
      assert.equal((await page.goto(path)).status(), 200, `${path} itself loads`);
      const message = page.locator(where).filter({ hasText: SIGN_IN_AGAIN });
      await message.first().waitFor({ timeout: 10_000 });
      assert.doesNotMatch(await page.locator('main').innerText(), /\bUnauthorized\b/, `${path}: no bare status word`);
    }
    assert.ok(refused.length >= 5, `the edge refused the API calls (${refused.length})`);
    await screenshot(page, 'admin-sign-in-refused');
    assertCleanPage(page);
  } finally {
    await page.context().close();
  }
});

test('contacts list: an answer still on its way when the filters became invalid is dropped', async () => {
  const page = await openPage(browser, { admin: true });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  try {
    // The first list request is held back (then passed on unchanged) to play a slow answer.
    let first = true;
    await page.route((url) => url.pathname === '/admin/api/contacts', async (route) => {
      if (!first) return route.continue();
      first = false;
      await held;
      return route.continue().catch(() => {}); // the page may have given up on it meanwhile
    });
    const slow = page.waitForRequest((r) => new URL(r.url()).pathname === '/admin/api/contacts');
    await page.goto(`/admin/contacts?source=${source}&createdFrom=${localDay(0)}`);
    const request = await slow;
    // Meanwhile the person picks an end before the start: the page says so and loads nothing.
    const dropped = page.waitForEvent('requestfailed', (r) => r === request);
    await page.getByLabel('Created to').fill(localDay(-1));
    await page.getByText('Must not be before “Created from”.').waitFor();
    await dropped; // the page aborted the request on its way
    release();
    assert.equal(await page.locator('#summary').innerText(), 'Check the filters.');
    assert.equal(await rows(page).count(), 0, 'no rows from the older answer');
    assert.ok(await page.locator('#busy').isHidden(), 'not busy any more');
    assertCleanPage(page);
  } finally {
    release();
    await page.context().close();
  }
});
