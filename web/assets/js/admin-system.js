// Admin: readiness and event backlog of each service, search index statistics and rebuild.
import { h, replace, time, badge, announce, keepFocus } from './dom.js';
import { ADMIN_API, adminGet, admin, ApiError, describeError as describe } from './api.js';

const SERVICES = [
  { key: 'contact', name: 'Contact service', role: 'Submissions and contacts' },
  { key: 'document', name: 'Document service', role: 'File storage and text extraction' },
  { key: 'search', name: 'Search service', role: 'Search index and search API' },
  { key: 'notification', name: 'Notification service', role: 'Email delivery' },
];
const REFRESH_MS = 10_000;

const servicesGrid = document.getElementById('services');
const overall = document.getElementById('overall');
const indexBody = document.getElementById('index-body');
const indexBadge = document.getElementById('index-badge');
const lastRefreshed = document.getElementById('last-refreshed');
const refreshButton = document.getElementById('refresh');
const autoRefresh = document.getElementById('auto-refresh');
const reindexButton = document.getElementById('reindex');
const dialog = document.getElementById('reindex-dialog');

const numberFormat = new Intl.NumberFormat('en-US');
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

let refreshing = null;
let lastRefreshAt = 0;

// ------------------------------------------------------------------------------------ helpers

function count(value) {
  return value === null || value === undefined || Number.isNaN(Number(value)) ? '—' : numberFormat.format(Number(value));
}

/** 200.4 -> "3m 20s" (the two largest units). */
function formatAge(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  if (total < 60) return `${total}s`;
  const units = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]];
  const parts = [];
  let rest = total;
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount) parts.push(`${amount}${unit}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

function facts(entries, className = 'facts') {
  return h('dl', { class: className }, entries.flatMap(([term, value, field]) => [
    h('dt', { text: term }),
    h('dd', field ? { 'data-field': field } : {}, value),
  ]));
}

/**
 * A service's readiness. Not through request(): a DOWN service answers 503 with the same JSON
 * (status and checks), which is worth showing. An edge answer without checks (the service did not
 * answer at all) means unreachable.
 */
async function readiness(service) {
  const path = `${ADMIN_API}/health/${service}`;
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { state: 'unreachable', detail: new ApiError(0, {}, path).describe() };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body.status === 'string' && Array.isArray(body.checks)) {
    return { state: body.status.toUpperCase() === 'UP' ? 'up' : 'down', checks: body.checks, httpStatus: response.status };
  }
  if (response.status === 401 || response.status === 403) {
    return { state: 'unknown', detail: new ApiError(response.status, body, path).describe() };
  }
  return {
    state: 'unreachable',
    detail: `No answer from the service (HTTP ${response.status}${body?.detail ? `: ${body.detail}` : ''}).`,
  };
}

async function outbox(service) {
  try {
    return { stats: await adminGet(`/outbox/${service}`, {}, { headers: { 'Cache-Control': 'no-cache' } }) };
  } catch (error) {
    return { error };
  }
}

// -------------------------------------------------------------------------------- service cards

function checkItem(check) {
  const status = String(check.status || 'unknown').toLowerCase();
  const data = check.data && typeof check.data === 'object'
    ? Object.entries(check.data).filter(([, value]) => String(value).toUpperCase() !== String(check.status).toUpperCase())
    : [];
  return h('li', { class: `check check-${status}`, 'data-check': check.name },
    h('span', { class: 'check-name' }, check.name || 'check',
      data.length ? h('span', { class: 'check-data', text: data.map(([key, value]) => `${key}: ${value}`).join(' · ') }) : null),
    badge(status));
}

async function replay(service, button) {
  button.disabled = true;
  button.textContent = 'Replaying…';
  try {
    const result = await admin('POST', `/outbox/${service}/dead-letters/replay`);
    const replayed = Number(result?.replayed ?? 0);
    announce(`${service}: ${replayed} dead letter${replayed === 1 ? '' : 's'} queued for delivery again.`, 'success');
  } catch (error) {
    announce(`${service}: the dead letters could not be replayed: ${describe(error)}`, 'error');
  }
  await refresh();
  // The refresh rebuilt the card: the keyboard goes back to its button, or to the card's heading
  // when no dead letter is left to replay.
  (document.getElementById(`replay-${service}`) || document.getElementById(`svc-${service}`))?.focus();
}

function outboxSection(service, result) {
  const title = h('h4', { class: 'subhead', text: 'Event outbox' });
  if (result.error) {
    return h('div', { class: 'outbox' }, title,
      h('p', { class: 'error-text small', text: `The backlog could not be read: ${describe(result.error)}` }));
  }
  const { pending, deadLetters, oldestPendingAgeSeconds } = result.stats || {};
  const dead = Number(deadLetters || 0);
  const stats = h('dl', { class: 'stat-tiles' },
    h('div', { class: 'stat' }, h('dt', { text: 'Pending deliveries' }), h('dd', { 'data-field': 'pending' }, count(pending))),
    h('div', { class: `stat${dead ? ' stat-alert' : ''}` }, h('dt', { text: 'Dead letters' }), h('dd', { 'data-field': 'deadLetters' }, count(deadLetters))),
    h('div', { class: 'stat' }, h('dt', { text: 'Oldest pending' }),
      h('dd', { 'data-field': 'oldestPendingAge', title: Number(pending) > 0 ? `${Math.round(oldestPendingAgeSeconds)} seconds` : null },
        Number(pending) > 0 ? formatAge(oldestPendingAgeSeconds) : '—')));
  let action = null;
  if (dead > 0) {
    const button = h('button', { type: 'button', class: 'danger small-button', id: `replay-${service}` },
      'Replay dead letters', h('span', { class: 'visually-hidden', text: ` of the ${service} service` }));
    button.addEventListener('click', () => replay(service, button));
    action = h('div', { class: 'card-actions' }, button);
  }
  return h('div', { class: 'outbox' }, title, stats, action);
}

function serviceCard(service, health, backlog) {
  const state = health.state;
  const label = state === 'up' ? 'UP' : state === 'down' ? 'DOWN' : state;
  const headingId = `svc-${service.key}`;
  const checks = health.checks
    ? (health.checks.length
      ? h('ul', { class: 'checks' }, health.checks.map(checkItem))
      : h('p', { class: 'muted small', text: 'No readiness checks reported.' }))
    : h('p', { class: 'error-text small', text: health.detail || 'No answer.' });
  return h('article', { class: `card service-card state-${state}`, 'data-service': service.key, 'data-state': state, 'aria-labelledby': headingId },
    h('div', { class: 'card-head' },
      h('div', {}, h('h3', { id: headingId, tabindex: '-1', text: service.name }), h('p', { class: 'muted small role', text: service.role })),
      h('span', { class: 'service-status', 'data-field': 'status' }, badgeFor(label))),
    h('h4', { class: 'subhead', text: 'Readiness checks' }),
    checks,
    outboxSection(service.key, backlog));
}

function badgeFor(label) {
  const el = badge(label);
  el.textContent = label; // keep UP/DOWN in capitals as the services say it
  return el;
}

function placeholders() {
  replace(servicesGrid, SERVICES.map((service) => h('article', { class: 'card service-card', 'data-service': service.key, 'aria-busy': 'true' },
    h('div', { class: 'card-head' }, h('div', {}, h('h3', { text: service.name }), h('p', { class: 'muted small role', text: service.role }))),
    h('p', { class: 'muted' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Checking…'))));
}

// ---------------------------------------------------------------------------------- search index

function renderIndex(result) {
  if (result.error) {
    replace(indexBadge, badgeFor('unreachable'));
    replace(indexBody, h('p', { class: 'error-text', text: `Index statistics could not be read: ${describe(result.error)}` }));
    reindexButton.disabled = false;
    return;
  }
  const stats = result.stats || {};
  const run = stats.reindex || {};
  const phase = String(run.phase || 'IDLE').toUpperCase();
  const running = phase === 'RUNNING';
  replace(indexBadge, badge(stats.indexing ? 'indexing' : 'ready'));

  const tiles = h('dl', { class: 'stat-tiles index-tiles' },
    h('div', { class: 'stat' }, h('dt', { text: 'Documents' }), h('dd', { 'data-field': 'documents' }, count(stats.documents))),
    h('div', { class: 'stat' }, h('dt', { text: 'Index entries' }), h('dd', { 'data-field': 'entries' }, count(stats.entries))),
    h('div', { class: 'stat' }, h('dt', { text: 'Indexing now' }), h('dd', { 'data-field': 'indexing' }, stats.indexing ? 'Yes' : 'No')),
    h('div', { class: 'stat' }, h('dt', { text: 'Settings applied' }), h('dd', { 'data-field': 'settingsApplied' }, stats.settingsApplied ? 'Yes' : 'No')));

  const lastRun = phase === 'IDLE' && !run.startedAt
    ? h('p', { class: 'muted small', text: 'The index has not been rebuilt since this service started using it.' })
    : facts([
      ['Phase', badge(phase.toLowerCase()), 'reindexPhase'],
      ['Started', time(run.startedAt)],
      ['Finished', running ? h('span', { class: 'muted', text: 'still running' }) : time(run.finishedAt)],
      ['Documents', count(run.documents), 'reindexDocuments'],
      run.buildingIndex ? ['Building index', h('code', { text: run.buildingIndex })] : null,
      run.error ? ['Error', h('span', { class: 'error-text', text: run.error })] : null,
    ].filter(Boolean));

  replace(indexBody,
    tiles,
    h('div', { class: 'index-meta' },
      h('p', { class: 'small muted' }, 'Live index: ', h('code', { 'data-field': 'index', text: stats.index || '—' })),
      h('h3', { class: 'subhead', text: 'Last rebuild' }),
      lastRun));
  reindexButton.disabled = running;
  reindexButton.textContent = running ? 'Rebuild running…' : 'Rebuild index';
}

async function indexStats() {
  try {
    return { stats: await adminGet('/search/stats') };
  } catch (error) {
    return { error };
  }
}

// ------------------------------------------------------------------------------------- refresh

function renderOverall(healths) {
  const bad = healths.filter((x) => x.state !== 'up').length;
  overall.className = `overall ${bad ? 'overall-bad' : 'overall-good'}`;
  overall.textContent = bad
    ? `${bad} of ${healths.length} services need attention`
    : `All ${healths.length} services are ready`;
}

async function doRefresh() {
  // Busy, not disabled: a disabled button loses the keyboard focus, and this runs every 10 seconds.
  // A click meanwhile is harmless (refresh() joins the running one).
  refreshButton.setAttribute('aria-busy', 'true');
  try {
    const [healths, backlogs, index] = await Promise.all([
      Promise.all(SERVICES.map((s) => readiness(s.key))),
      Promise.all(SERVICES.map((s) => outbox(s.key))),
      indexStats(),
    ]);
    keepFocus(() => replace(servicesGrid, SERVICES.map((service, i) => serviceCard(service, healths[i], backlogs[i]))),
      document.getElementById('services-heading'));
    renderOverall(healths);
    renderIndex(index);
    lastRefreshAt = Date.now();
    const now = new Date(lastRefreshAt);
    replace(lastRefreshed, h('time', { datetime: now.toISOString(), text: clockFormat.format(now) }));
  } finally {
    refreshButton.removeAttribute('aria-busy');
  }
}

/** One refresh at a time: a click during a refresh waits for it. */
function refresh() {
  if (!refreshing) refreshing = doRefresh().finally(() => { refreshing = null; });
  return refreshing;
}

refreshButton.addEventListener('click', async () => {
  await refresh();
  const status = document.getElementById('status');
  if (status.textContent && !status.querySelector('.notice-info')) return; // keep an action's outcome
  announce('Refreshed.', 'info');
  setTimeout(() => {
    if (status.textContent === 'Refreshed.') announce('');
  }, 3000);
});

setInterval(() => {
  if (!autoRefresh.checked || document.hidden) return;
  refresh();
}, REFRESH_MS);

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && autoRefresh.checked && Date.now() - lastRefreshAt >= REFRESH_MS) refresh();
});

// ---------------------------------------------------------------------------------- rebuild index

reindexButton.addEventListener('click', () => {
  dialog.returnValue = '';
  dialog.showModal();
});

dialog.addEventListener('close', async () => {
  if (dialog.returnValue !== 'confirm') {
    reindexButton.focus();
    return;
  }
  reindexButton.disabled = true;
  try {
    await admin('POST', '/search/reindex');
    announce('The index rebuild has started. Search keeps using the current index until the new one is complete.', 'success');
  } catch (error) {
    announce(`The rebuild could not start: ${describe(error)}`, 'error');
  }
  await refresh();
  // While the rebuild runs the button is disabled: the keyboard goes to the section's heading.
  (reindexButton.disabled ? document.getElementById('index-heading') : reindexButton).focus();
});

// ----------------------------------------------------------------------------------------- start

placeholders();
refresh();
