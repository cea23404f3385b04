// The edge (Caddy) as a client sees it: security headers on every kind of answer, basic auth in
// front of the admin UI and its APIs, API keys that never open admin endpoints, private paths that
// never leave the host (also with path tricks), no SPA fallback, body limits answered with 413 (64 KiB
// of JSON, 60 MiB uploads),
// and a JSON access log without credentials. Plain HTTP against the running stack, no browser.
// Run: node --test --test-concurrency=1 e2e/edge.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  BASE_URL, ADMIN, FORM_API_KEY, RUN_DIR, adminAuthorization, edgeFetch, eventually, uniqueWord,
} from './support.mjs';

const EDGE = new URL(BASE_URL);
const EVIL_ORIGIN = 'https://evil.example';
const MiB = 1024 * 1024;

/**
 * One HTTP/1.1 request with the path sent byte for byte (fetch would normalise "/a/../b" and
 * "//x"). body: a Buffer, or {size, chunked} to stream that many bytes without holding them;
 * streaming stops as soon as the edge answers. A streamed body with a declared length is sent
 * with "Expect: 100-continue", as careful clients do: the edge can refuse it before a byte is sent,
 * and sends "100 Continue" (the body follows) when it means to read it.
 */
function rawOnce(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const streamed = body && !Buffer.isBuffer(body);
    const requestHeaders = { Host: EDGE.host, ...headers };
    if (Buffer.isBuffer(body)) requestHeaders['Content-Length'] = String(body.length);
    if (streamed && !body.chunked) {
      requestHeaders['Content-Length'] = String(body.size);
      requestHeaders.Expect = '100-continue';
    }
    const req = http.request({
      host: EDGE.hostname, port: EDGE.port || 80, method, path, headers: requestHeaders, setHost: false, agent: false,
    });
    let answered = false;
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
    req.on('response', (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (!streamed) {
      req.end(body);
      return;
    }
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < body.size) {
        const piece = sent + chunk.length <= body.size ? chunk : chunk.subarray(0, body.size - sent);
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    if (requestHeaders.Expect) req.once('continue', pump);
    else pump();
  });
}

/**
 * rawOnce, again once when the connection was reset before any answer: a server that refuses a
 * body closes the connection while the client may still be writing, and the reset can overtake
 * its answer (a race on the client's side of the socket, not an answer of the edge).
 */
async function raw(method, path, options) {
  try {
    return await rawOnce(method, path, options);
  } catch (error) {
    if (!/ECONNRESET|EPIPE/.test(error.code || error.message)) throw error;
    return rawOnce(method, path, options);
  }
}

/** A fetch Response's headers as a plain object with lower-case names (like node:http's). */
function headersOf(response) {
  return Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value]));
}

/** Directive name -> value list of a Content-Security-Policy. */
function cspDirectives(csp) {
  const map = new Map();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function assertSecurityHeaders(headers, what) {
  const csp = headers['content-security-policy'];
  assert.ok(csp, `${what}: Content-Security-Policy present`);
  assert.doesNotMatch(csp, /'unsafe-inline'/, `${what}: no 'unsafe-inline'`);
  assert.doesNotMatch(csp, /'unsafe-eval'/, `${what}: no 'unsafe-eval'`);
  const directives = cspDirectives(csp);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors 'none'`);
  assert.deepEqual(directives.get('script-src'), ["'self'"], `${what}: script-src 'self' only`);
  assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"], `${what}: require-trusted-types-for 'script'`);
  assert.deepEqual(directives.get('object-src'), ["'none'"], `${what}: object-src 'none'`);
  assert.ok(directives.has('default-src'), `${what}: default-src present`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.ok(headers['referrer-policy'], `${what}: Referrer-Policy present`);
  assert.doesNotMatch(headers['referrer-policy'], /unsafe-url|no-referrer-when-downgrade/, `${what}: Referrer-Policy is strict`);
  assert.ok(headers['permissions-policy'], `${what}: Permissions-Policy present`);
  assert.match(headers['permissions-policy'], /camera=\(\)/, `${what}: Permissions-Policy denies the camera`);
  assert.equal(headers.server, undefined, `${what}: no Server header`);
  assert.equal(headers['x-powered-by'], undefined, `${what}: no X-Powered-By header`);
  assert.notEqual(headers['access-control-allow-origin'], '*', `${what}: no Access-Control-Allow-Origin: *`);
  assert.notEqual(headers['access-control-allow-origin'], EVIL_ORIGIN, `${what}: the foreign Origin is not echoed`);
  assert.notEqual(headers['access-control-allow-credentials'], 'true', `${what}: no credentials for foreign origins`);
  assert.equal(headers['strict-transport-security'], undefined, `${what}: no HSTS on plain HTTP`);
}

// ------------------------------------------------------------------------------- security headers

const ROUTE_FAMILIES = [
  { what: 'static page /', path: '/', expect: (s) => s === 200 },
  { what: 'static asset', path: '/assets/css/app.css', expect: (s) => s === 200 },
  {
    what: 'API problem (POST /api/v1/contacts without a key)', path: '/api/v1/contacts', method: 'POST',
    headers: { 'Content-Type': 'application/json' }, body: '{}', expect: (s) => s >= 400 && s < 500, problem: true,
  },
  { what: 'API 401 (anonymous search)', path: '/api/v1/search', expect: (s) => s === 401, problem: true },
  { what: 'old path /contact (GET)', path: '/contact', expect: (s) => s !== 404 && s < 500 },
  { what: 'old path /stats', path: '/stats', expect: (s) => s === 200 },
  { what: 'old path /health', path: '/health', expect: (s) => s === 200 || s === 503 },
  { what: 'admin UI anonymous', path: '/admin/', expect: (s) => s === 401 },
  { what: 'admin UI as admin', path: '/admin/system', admin: true, expect: (s) => s === 200 },
  { what: 'admin readiness as admin', path: '/admin/api/health/contact', admin: true, expect: (s) => s === 200 || s === 503 },
  { what: 'unknown path', path: '/nope', expect: (s) => s === 404 },
  { what: 'unknown API path', path: '/api/v2/x', expect: (s) => s === 404, problem: true },
];

for (const route of ROUTE_FAMILIES) {
  test(`security headers: ${route.what} (${route.method || 'GET'} ${route.path})`, async () => {
    const response = await edgeFetch(route.path, {
      method: route.method || 'GET', admin: route.admin, body: route.body,
      headers: { Origin: EVIL_ORIGIN, ...(route.headers || {}) },
    });
    assert.ok(route.expect(response.status), `${route.path}: unexpected status ${response.status}`);
    const headers = headersOf(response);
    if (route.problem) assert.match(headers['content-type'] || '', /^application\/problem\+json/);
    await response.arrayBuffer();
    assertSecurityHeaders(headers, `${route.method || 'GET'} ${route.path}`);
  });
}

test('security headers: a 413 answer', async () => {
  const answer = await raw('POST', '/api/v1/search', {
    headers: { 'Content-Type': 'application/json', Origin: EVIL_ORIGIN }, body: Buffer.alloc(MiB + 64 * 1024, 0x20),
  });
  assert.equal(answer.status, 413);
  assertSecurityHeaders(answer.headers, '413 on POST /api/v1/search');
});

test('CORS: a preflight from a foreign origin is not granted', async () => {
  for (const path of ['/api/v1/contacts', '/api/v1/documents', '/admin/api/contacts']) {
    const response = await edgeFetch(path, {
      method: 'OPTIONS',
      headers: { Origin: EVIL_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-api-key' },
    });
    await response.arrayBuffer();
    const headers = headersOf(response);
    assert.equal(headers['access-control-allow-origin'], undefined, `${path}: no Access-Control-Allow-Origin`);
    assert.equal(headers['access-control-allow-methods'], undefined, `${path}: no Access-Control-Allow-Methods`);
    assert.equal(headers['access-control-allow-headers'], undefined, `${path}: no Access-Control-Allow-Headers`);
  }
});

// ------------------------------------------------------------------------------ authentication

const ADMIN_PATHS = ['/admin/', '/admin/contacts', '/admin/system', '/admin/notifications', '/admin/api/contacts',
  '/admin/api/health/contact', '/admin/api/search/stats', '/admin/api/outbox/contact', '/admin/api/notifications'];

test('admin UI and admin APIs: anonymous requests get 401 with a Basic challenge', async () => {
  for (const path of ADMIN_PATHS) {
    const response = await edgeFetch(path);
    const body = await response.text();
    assert.equal(response.status, 401, `GET ${path} anonymous`);
    assert.match(response.headers.get('www-authenticate') || '', /^Basic realm="[^"]+"/, `GET ${path}: WWW-Authenticate Basic`);
    assert.doesNotMatch(body, /"checks"|"items"|admin-system\.js|admin-notifications\.js/, `GET ${path}: no admin content`);
  }
});

test('admin: a wrong password or user gets 401, the right credentials get in', async () => {
  const wrong = [
    `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}x`).toString('base64')}`,
    `Basic ${Buffer.from(`${ADMIN.username}:`).toString('base64')}`,
    `Basic ${Buffer.from(`nobody:${ADMIN.password}`).toString('base64')}`,
    'Basic not-base64!',
    `Bearer ${ADMIN.password}`,
  ];
  for (const path of ['/admin/', '/admin/api/contacts', '/admin/api/health/contact']) {
    for (const authorization of wrong) {
      const response = await edgeFetch(path, { headers: { Authorization: authorization } });
      await response.arrayBuffer();
      assert.equal(response.status, 401, `GET ${path} with ${authorization.slice(0, 12)}…`);
    }
    const ok = await edgeFetch(path, { admin: true });
    await ok.arrayBuffer();
    assert.equal(ok.status, 200, `GET ${path} as admin`);
  }
});

test('APIs: anonymous requests to admin endpoints get 401 or 403', async () => {
  const endpoints = [
    ['GET', '/api/v1/contacts'], ['GET', '/api/v1/documents'], ['GET', '/api/v1/search'], ['GET', '/api/v1/search/stats'],
    ['POST', '/api/v1/search/reindex'], ['GET', '/api/v1/notifications'], ['GET', '/api/v1/notifications/suppressions'],
    ['GET', '/api/v1/outbox/contact'], ['GET', '/api/v1/outbox/document'], ['GET', '/api/v1/outbox/search'],
    ['GET', '/api/v1/outbox/notification'], ['POST', '/api/v1/outbox/contact/dead-letters/replay'],
  ];
  for (const [method, path] of endpoints) {
    const response = await edgeFetch(path, { method });
    await response.arrayBuffer();
    assert.ok([401, 403].includes(response.status), `${method} ${path} anonymous: ${response.status}`);
  }
});

test('APIs: the form key (scope submit) never opens admin endpoints', async () => {
  assert.ok(FORM_API_KEY, 'FORM_API_KEY is set');
  const endpoints = [
    ['GET', '/api/v1/contacts'], ['GET', '/api/v1/documents'], ['GET', '/api/v1/search'], ['GET', '/api/v1/notifications'],
    ['GET', '/api/v1/outbox/contact'], ['POST', '/api/v1/search/reindex'],
  ];
  for (const [method, path] of endpoints) {
    const response = await edgeFetch(path, { method, headers: { 'X-API-Key': FORM_API_KEY } });
    await response.arrayBuffer();
    assert.ok([401, 403].includes(response.status), `${method} ${path} with the form key: ${response.status}`);
  }
  for (const path of ['/admin/api/contacts', '/admin/system']) {
    const response = await edgeFetch(path, { headers: { 'X-API-Key': FORM_API_KEY } });
    await response.arrayBuffer();
    assert.equal(response.status, 401, `GET ${path} with the form key`);
  }
});

test('the edge attaches the form key to same-origin browser submissions only', async () => {
  // An invalid body without a proof of work: a submission the web form's key opens is refused because the
  // key needs one (400 naming altcha) and stores nothing; one without the key is refused before that (401).
  const invalid = JSON.stringify({ name: '', email: 'not-an-address', message: '' });
  const cases = [
    ['Sec-Fetch-Site: same-origin (current browsers)', { 'Sec-Fetch-Site': 'same-origin' }, 400],
    ['Origin of the site itself (browsers without Sec-Fetch-*)', { Origin: BASE_URL }, 400],
    ['another Origin', { Origin: EVIL_ORIGIN }, 401],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site', Origin: EVIL_ORIGIN }, 401],
    ['no browser headers (scripts must send their own key)', {}, 401],
    ['a wrong key of its own is not replaced', { 'Sec-Fetch-Site': 'same-origin', 'X-API-Key': 'wrong-key' }, 401],
  ];
  for (const [what, headers, expected] of cases) {
    const response = await edgeFetch('/api/v1/contacts', {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: invalid,
    });
    const problem = await response.json();
    assert.equal(response.status, expected, `${what}: ${JSON.stringify(problem)}`);
    if (expected === 400) assert.ok(problem.errors.some((e) => e.field === 'altcha'), `${what}: field errors`);
  }
});

// ------------------------------------------------------------------------------ private paths

const SERVICE_CONTENT = /"checks"\s*:|"status"\s*:\s*"(UP|DOWN)"|# HELP |# TYPE |^openapi:|"openapi"\s*:|"eventId"/m;

const PRIVATE_PATHS = [
  '/internal/events', '/internal/anything', '/internal', '/q', '/q/health', '/q/health/ready', '/q/health/live',
  '/q/metrics', '/q/openapi',
  // Tricks: case, dot segments, encoded letters and slashes, doubled slashes.
  '/Q/health', '/internal/../q/health', '/%71/health', '//q/health', '/api/v1/../../q/metrics', '/q/health/../ready',
  '/./q/health', '/q/./metrics', '/q%2fhealth', '/%2571/health', '/internal%2fevents', '/api/v1/contacts/../../../q/health',
  '/admin/api/../../q/metrics', '/admin/api/health/contact/../../../q/metrics', '/admin/api/q/health/ready',
  '/admin/api/health/contact/x', '/admin/api/outbox/contact/../../../q/metrics', '/assets/../q/metrics',
];

test('private paths (/internal, /q) never answer with service content, also with path tricks', async () => {
  for (const path of PRIVATE_PATHS) {
    for (const asAdmin of [false, true]) {
      const answer = await raw('GET', path, { headers: asAdmin ? { Authorization: adminAuthorization() } : {} });
      const who = asAdmin ? 'admin' : 'anonymous';
      assert.doesNotMatch(answer.body, SERVICE_CONTENT, `GET ${path} (${who}) leaked service content`);
      // Anonymous requests under /admin are refused first; everything else is simply not there.
      const expected = !asAdmin && path.startsWith('/admin/') && !path.startsWith('/admin/api/..') ? [401, 404] : [404];
      assert.ok(expected.includes(answer.status), `GET ${path} (${who}): expected ${expected.join(' or ')}, got ${answer.status}`);
    }
  }
});

test('private paths: POST /internal/events with a service token header is not proxied', async () => {
  const answer = await raw('POST', '/internal/events', {
    headers: { 'Content-Type': 'application/json', 'X-Service-Token': 'dev-only-guess' },
    body: Buffer.from(JSON.stringify({ eventId: crypto.randomUUID(), type: 'contact.created', occurredAt: new Date().toISOString(), payload: {} })),
  });
  assert.equal(answer.status, 404);
  assert.doesNotMatch(answer.body, SERVICE_CONTENT);
});

// ------------------------------------------------------------------------------ unknown paths

test('unknown paths are 404, never a fallback page', async () => {
  const cases = [
    ['/nope', false], ['/admin/nope', true], ['/admin/contacts/not-a-uuid', true], ['/api/v2/x', false],
    ['/api/v1/nope', false], ['/admin/api/nope', true], ['/.env', false], ['/.git/config', false], ['/assets/js/nope.js', false],
  ];
  for (const [path, admin] of cases) {
    const response = await edgeFetch(path, { admin, headers: { Accept: 'text/html' } });
    const body = await response.text();
    assert.equal(response.status, 404, `GET ${path}${admin ? ' (admin)' : ''}`);
    assert.doesNotMatch(body, /type="module"/, `GET ${path}: not an application page`);
  }
});

test('404: browsers get the HTML page, API paths get problem+json', async () => {
  for (const [path, admin] of [['/nope', false], ['/admin/nope', true]]) {
    const response = await edgeFetch(path, { admin, headers: { Accept: 'text/html' } });
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') || '', /^text\/html/, `${path}: HTML`);
    assert.match(await response.text(), /Page not found/, `${path}: the 404 page`);
  }
  for (const [path, admin] of [['/api/v2/x', false], ['/api/v1/nope', false], ['/admin/api/nope', true]]) {
    const response = await edgeFetch(path, { admin, headers: { Accept: 'text/html' } });
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') || '', /^application\/problem\+json/, `${path}: problem+json`);
    const problem = await response.json();
    assert.equal(problem.status, 404, `${path}: problem status`);
    assert.ok(problem.title, `${path}: problem title`);
  }
});

// ------------------------------------------------------------------------------- body limits

async function assert413(answer, what) {
  assert.notEqual(answer.status, 502, `${what}: never 502`);
  assert.equal(answer.status, 413, `${what}: status`);
  assert.match(answer.headers['content-type'] || '', /^application\/problem\+json/, `${what}: problem+json`);
  const problem = JSON.parse(answer.body);
  assert.equal(problem.status, 413, `${what}: problem status`);
}

test('body limits: a declared 61 MiB upload to /api/v1/contacts is refused with 413 problem+json', async () => {
  const answer = await raw('POST', '/api/v1/contacts', {
    headers: { 'Content-Type': 'application/json', 'X-API-Key': FORM_API_KEY }, body: { size: 61 * MiB },
  });
  await assert413(answer, 'POST /api/v1/contacts with Content-Length 61 MiB');
  assertSecurityHeaders(answer.headers, '413 on POST /api/v1/contacts');
});

test('body limits: a streamed (chunked) 61 MiB upload to /api/v1/contacts is cut off with 413', async () => {
  const answer = await raw('POST', '/api/v1/contacts', {
    headers: { 'Content-Type': 'application/json', 'X-API-Key': FORM_API_KEY }, body: { size: 61 * MiB, chunked: true },
  });
  await assert413(answer, 'POST /api/v1/contacts chunked 61 MiB');
});

test('body limits: more than 1 MiB of JSON to a non-upload route is refused with 413', async () => {
  const json = Buffer.from(JSON.stringify({ q: 'x'.repeat(MiB + 10_000) }));
  for (const path of ['/api/v1/search', '/api/v1/search/reindex', '/api/v1/notifications/suppressions/a@example.com']) {
    const declared = await raw(path.includes('suppressions') ? 'PUT' : 'POST', path, {
      headers: { 'Content-Type': 'application/json', Authorization: adminAuthorization() }, body: json,
    });
    await assert413(declared, `${path} with ${json.length} bytes declared`);
  }
  // Streamed without a length, the edge counts what it forwards (to a handler that reads its body:
  // a handler that answers before reading, such as 405 on POST /api/v1/search, may answer first).
  const streamed = await raw('PUT', '/api/v1/notifications/suppressions/a@example.com', {
    headers: { 'Content-Type': 'application/json', Authorization: adminAuthorization() }, body: { size: MiB + 64 * 1024, chunked: true },
  });
  await assert413(streamed, 'PUT /api/v1/notifications/suppressions/a@example.com chunked 1 MiB + 64 KiB');
});

test('body limits: more than 64 KiB of JSON is refused with 413, also on the upload routes', async () => {
  const json = Buffer.from(JSON.stringify({ name: 'x', message: 'x'.repeat(70 * 1024) }));
  for (const path of ['/api/v1/contacts', '/api/v1/search', '/contact', '/documents/search']) {
    const declared = await raw('POST', path, {
      headers: { 'Content-Type': 'application/json', 'X-API-Key': FORM_API_KEY }, body: json,
    });
    assert.notEqual(declared.status, 502, `${path}: never 502`);
    assert.equal(declared.status, 413, `${path} with ${json.length} bytes of JSON`);
  }
  // 60 KiB of JSON is within the limit: the service reads it (and answers for its content)
  const within = await raw('POST', '/api/v1/contacts', {
    headers: { 'Content-Type': 'application/json', 'X-API-Key': FORM_API_KEY },
    body: Buffer.from(JSON.stringify({ name: 'x', message: 'x'.repeat(60 * 1024) })),
  });
  assert.notEqual(within.status, 413, '60 KiB of JSON passes the edge');
});

// ------------------------------------------------------------------------------- access log

function caddyLogPath() {
  const dir = join(RUN_DIR, 'logs');
  const name = readdirSync(dir).find((file) => file === 'caddy.log') || readdirSync(dir).find((file) => /^caddy.*\.log$/.test(file));
  assert.ok(name, `a Caddy log in ${dir}`);
  return join(dir, name);
}

function logLines() {
  return readFileSync(caddyLogPath(), 'utf8').split('\n').filter((line) => line.trim());
}

test('access log: JSON lines with the request fields and no Authorization value', async () => {
  const word = uniqueWord('edgelog');
  const response = await edgeFetch(`/admin/api/search/stats?probe=${word}`, { admin: true, headers: { 'User-Agent': `edge-test ${word}` } });
  await response.arrayBuffer();
  assert.equal(response.status, 200);
  const wrongPassword = `${ADMIN.password}wrong`;
  const refused = await edgeFetch(`/admin/?probe=${word}b`, {
    headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${wrongPassword}`).toString('base64')}` },
  });
  await refused.arrayBuffer();
  assert.equal(refused.status, 401);

  const entry = await eventually(() => {
    const line = logLines().find((l) => l.includes(`probe=${word}`) && !l.includes(`${word}b`));
    return line && JSON.parse(line);
  }, { timeoutMs: 10_000, what: 'the access log line of the probe request' });

  const lines = logLines();
  const last = JSON.parse(lines.at(-1)); // the last line is JSON too
  assert.equal(typeof last.ts, 'number');
  assert.equal(entry.msg, 'handled request');
  assert.match(entry.logger, /^http\.log\.access/);
  assert.equal(entry.request.method, 'GET');
  assert.equal(entry.request.uri, `/admin/api/search/stats?probe=${word}`);
  assert.ok(entry.request.remote_ip, 'remote_ip logged');
  assert.ok(entry.request.host, 'host logged');
  assert.equal(entry.status, 200);
  assert.equal(typeof entry.duration, 'number');
  assert.deepEqual(entry.request.headers['User-Agent'], [`edge-test ${word}`]);
  const loggedAuthorization = entry.request.headers.Authorization;
  assert.ok(!loggedAuthorization || loggedAuthorization.every((v) => v === '' || v === 'REDACTED'),
    `Authorization is redacted in the log (got ${JSON.stringify(loggedAuthorization)})`);

  const text = lines.join('\n');
  const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
  assert.ok(!text.includes(ADMIN.password), 'the admin password never appears in the access log');
  assert.ok(!text.includes(basic), 'the Basic credentials never appear in the access log');
  assert.ok(!text.includes(wrongPassword), 'a wrong password never appears in the access log');
});

test('access log: API key values are not written to the log', async () => {
  const word = uniqueWord('edgekey');
  const response = await edgeFetch(`/api/v1/search?probe=${word}`, { headers: { 'X-API-Key': FORM_API_KEY } });
  await response.arrayBuffer();
  const entry = await eventually(() => {
    const line = logLines().find((l) => l.includes(`probe=${word}`));
    return line && JSON.parse(line);
  }, { timeoutMs: 10_000, what: 'the access log line of the key probe' });
  const logged = entry.request.headers['X-Api-Key'] || entry.request.headers['X-API-Key'];
  assert.ok(!logged || logged.every((v) => v === '' || v === 'REDACTED'),
    `X-API-Key is redacted in the access log (got ${JSON.stringify(logged)})`);
  assert.ok(!logLines().join('\n').includes(FORM_API_KEY), 'the form API key never appears in the access log');
});
