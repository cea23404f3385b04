// The web form's proof of work (issue 13) against the running stack: the form solves its challenge
// invisibly and still submits; at the edge, the web form's key (attached to same-origin submissions)
// needs a solved, unused challenge, while the scripts' own key does not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import {
  SCRIPT_API_KEY, adminJson, assertCleanPage, edgeFetch, eraseContacts, fillContactForm, launchBrowser,
  openPage, uniqueWord, watchRequests,
} from './support.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let browser;
const created = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await eraseContacts(created);
});

async function challenge() {
  const response = await edgeFetch('/api/v1/contacts/challenge');
  assert.equal(response.status, 200, 'GET /api/v1/contacts/challenge');
  return { challenge: await response.json(), cacheControl: response.headers.get('cache-control') };
}

/** Solves a challenge as altcha-lib's clients do, in Node. */
function solve(c) {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (createHash('sha256').update(`${c.salt}${n}`).digest('hex') === c.challenge) {
      const payload = { algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature };
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    }
  }
  throw new Error('no solution up to maxnumber');
}

/** A submission as a browser on the site sends it: no key, so the edge attaches the web form's. */
function asBrowser(body) {
  return edgeFetch('/api/v1/contacts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Sec-Fetch-Site': 'same-origin' },
    body: JSON.stringify(body),
  });
}

function fields(word) {
  return { name: `Proof ${word}`, email: `proof.${word}@example.com`, message: `Proof of work ${word}` };
}

test('the form solves its proof of work invisibly and submits', async () => {
  const page = await openPage(browser);
  const challenges = watchRequests(page, 'GET', '/api/v1/contacts/challenge');
  const posts = watchRequests(page, 'POST', '/api/v1/contacts');
  await page.goto('/');
  const word = uniqueWord('pow');
  await fillContactForm(page, { Name: `Grace Hopper ${word}`, Email: `grace.${word}@example.com`, Message: `Hello ${word}` });
  await page.getByRole('button', { name: 'Send message' }).click();
  await page.locator('section#success').waitFor({ state: 'visible', timeout: 60_000 });

  const id = (await page.locator('section#success [data-contact-id]').textContent()).trim();
  assert.match(id, UUID, 'the success view shows the new contact id');
  created.push(id);
  assert.ok(challenges.length >= 1, 'the page fetched a challenge');
  assert.equal(posts.length, 1, 'one submission');
  const sent = JSON.parse(posts[0].postData());
  const payload = JSON.parse(Buffer.from(sent.altcha, 'base64').toString('utf8'));
  assert.equal(payload.algorithm, 'SHA-256');
  assert.ok(Number.isInteger(payload.number), 'the payload carries the number found');
  assert.equal(createHash('sha256').update(`${payload.salt}${payload.number}`).digest('hex'), payload.challenge,
    'the number solves the challenge');
  assert.equal((await posts[0].response()).status(), 201);
  assert.equal((await adminJson(`/contacts/${id}`)).name, `Grace Hopper ${word}`, 'the contact is stored');
  assertCleanPage(page);
  await page.context().close();
});

test('the challenge is public, signed and never cached', async () => {
  const { challenge: c, cacheControl } = await challenge();
  assert.equal(c.algorithm, 'SHA-256');
  assert.match(c.challenge, /^[0-9a-f]{64}$/);
  assert.match(c.signature, /^[0-9a-f]{64}$/);
  assert.match(c.salt, /^[0-9a-f]+\?expires=\d+&$/);
  assert.ok(Number.isInteger(c.maxnumber) && c.maxnumber > 0);
  assert.equal(c.number, undefined, 'the answer is not in the challenge');
  assert.match(cacheControl || '', /no-store/);
});

test('a browser submission needs a solved challenge, and each one counts once', async () => {
  const word = uniqueWord('powedge');
  const missing = await asBrowser(fields(word));
  assert.equal(missing.status, 400, 'no proof of work');
  assert.ok((await missing.json()).errors.some((e) => e.field === 'altcha'), 'the problem names altcha');

  const altcha = solve((await challenge()).challenge);
  const first = await asBrowser({ ...fields(word), altcha });
  const body = await first.json();
  assert.equal(first.status, 201, `solved: ${JSON.stringify(body)}`);
  created.push(body.id);
  const replay = await asBrowser({ ...fields(`${word}b`), altcha });
  assert.equal(replay.status, 422, 'a replayed solution');
  assert.ok((await replay.json()).errors.some((e) => e.field === 'altcha'), 'the problem names altcha');
});

test("the scripts' own key submits without a proof of work", async () => {
  assert.ok(SCRIPT_API_KEY, 'SCRIPT_API_KEY is set (scripts/up generates it)');
  const response = await edgeFetch('/api/v1/contacts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': SCRIPT_API_KEY },
    body: JSON.stringify(fields(uniqueWord('powkey'))),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  created.push(body.id);
});
