// Admin: the notification delivery log (filters, pages, details, retry) and the suppression list.
import { h, replace, time, badge, announce, keepFocus, localDayStart, setQuery } from './dom.js';
import { adminGet, admin, ApiError, UUID, describeError, latestOnly } from './api.js';
const STATUSES = ['PENDING', 'SENT', 'FAILED', 'SUPPRESSED'];
const TEMPLATES = ['contact-admin', 'contact-confirmation', 'document-digest', 'contact-digest'];
const SIZES = ['20', '50', '100'];
const COLUMNS = 9;

const form = document.getElementById('filters');
const rowsBody = document.getElementById('rows');
const summary = document.getElementById('summary');
const pager = document.getElementById('pager');
const suppressForm = document.getElementById('suppress-form');
const suppressionRows = document.getElementById('suppression-rows');
const suppressionCount = document.getElementById('suppression-count');
const logTable = document.getElementById('log-table');
const logHeading = document.getElementById('log-heading');
const suppressionsHeading = document.getElementById('suppressions-heading');

/** The list's state, mirrored in the address bar so a reload or a shared link shows the same page. */
const state = { status: '', template: '', contactId: '', from: '', to: '', size: '20', page: 0 };
const expanded = new Set();
const nextLogSignal = latestOnly();
const nextSuppressionsSignal = latestOnly();

// ------------------------------------------------------------------------------------ helpers

function fieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  if (error) error.textContent = message || '';
}

function clearErrors(scope) {
  for (const input of scope.querySelectorAll('input, select')) fieldError(input, '');
}

function readState() {
  const params = new URLSearchParams(location.search);
  const status = (params.get('status') || '').toUpperCase();
  state.status = STATUSES.includes(status) ? status : '';
  state.template = TEMPLATES.includes(params.get('template')) ? params.get('template') : '';
  state.contactId = (params.get('contactId') || '').trim();
  state.from = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') || '') ? params.get('from') : '';
  state.to = /^\d{4}-\d{2}-\d{2}$/.test(params.get('to') || '') ? params.get('to') : '';
  state.size = SIZES.includes(params.get('size')) ? params.get('size') : '20';
  state.page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
  form.elements.status.value = state.status;
  form.elements.template.value = state.template;
  form.elements.contactId.value = state.contactId;
  form.elements.from.value = state.from;
  form.elements.to.value = state.to;
  form.elements.size.value = state.size;
}

function writeState() {
  const { status, template, contactId, from, to } = state;
  setQuery({
    status, template, contactId, from, to, size: state.size !== '20' ? state.size : '', page: state.page > 0 ? state.page : '',
  });
}

function apiParams() {
  return {
    status: state.status,
    template: state.template,
    contactId: state.contactId,
    from: state.from ? localDayStart(state.from) : '',
    // "until" is inclusive for the person; the API's "to" is exclusive.
    to: state.to ? localDayStart(state.to, 1) : '',
    page: state.page,
    size: state.size,
  };
}

function recipientsText(list) {
  return Array.isArray(list) && list.length ? list.join(', ') : '—';
}

function templateLabel(template) {
  return h('code', { class: 'template', text: template || '—' });
}

const thisYear = new Date().getFullYear();
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A compact <time> for table cells (the full instant in its title); wraps between day and clock. */
function shortTime(iso) {
  if (!iso) return h('span', { class: 'muted', text: '—' });
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return h('span', { text: String(iso) });
  const day = (date.getFullYear() === thisYear ? dayFormat : dayYearFormat).format(date);
  return h('time', { datetime: iso, title: iso, class: 'short-time' },
    h('span', { text: day }), ' ', h('span', { text: clockFormat.format(date) }));
}

function recipientsList(list) {
  if (!Array.isArray(list) || !list.length) return h('span', { class: 'muted', text: '—' });
  return list.map((address) => h('span', { class: 'recipient', text: address }));
}

// ------------------------------------------------------------------------------- delivery log

function messageRow(text, kind = 'muted') {
  return h('tr', { class: 'message-row' }, h('td', { colspan: COLUMNS, class: kind }, text));
}

function loadingRow() {
  return h('tr', { class: 'message-row' },
    h('td', { colspan: COLUMNS }, h('span', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading the delivery log…')));
}

function detailFacts(n) {
  const facts = [
    ['ID', h('code', { text: n.id })],
    ['Template', n.template || '—'],
    ['Status', badge(n.status)],
    ['Recipients', recipientsText(n.recipients)],
    ['Reply-To', n.replyTo || '—'],
    ['Subject', n.subject || '—'],
    ['Attempts', String(n.attempts ?? 0)],
    ['Last error', n.lastError ? h('span', { class: 'error-text', text: n.lastError }) : '—'],
    ['Created', time(n.createdAt)],
    ['Next attempt', time(n.nextAttemptAt)],
    ['Sent at', time(n.sentAt)],
    ['Erased at', time(n.erasedAt)],
    ['SES message ID', n.sesMessageId ? h('code', { text: n.sesMessageId }) : '—'],
    ['Event ID', n.eventId ? h('code', { text: n.eventId }) : '—'],
    ['Correlation ID', n.correlationId ? h('code', { text: n.correlationId }) : '—'],
    ['Contact', n.contactId ? h('a', { href: `/admin/contacts/${encodeURIComponent(n.contactId)}` }, h('code', { text: n.contactId })) : '—'],
  ];
  return h('dl', { class: 'facts detail-facts' }, facts.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', {}, value)]));
}

async function retry(n, button) {
  button.disabled = true;
  const original = button.textContent;
  button.textContent = 'Retrying…';
  try {
    const updated = await admin('POST', `/notifications/${encodeURIComponent(n.id)}/retry`);
    announce(`The mail “${updated.subject || updated.id}” is queued again and will be sent within moments.`, 'success');
    const [row, detail] = renderRow(updated);
    const current = rowsBody.querySelector(`tr[data-id="${CSS.escape(n.id)}"]`);
    const currentDetail = rowsBody.querySelector(`tr[data-detail-for="${CSS.escape(n.id)}"]`);
    if (current) current.replaceWith(row);
    if (currentDetail) currentDetail.replaceWith(detail);
    row.querySelector('button[data-action="details"]')?.focus();
  } catch (error) {
    announce(`Retry failed: ${describeError(error)}`, 'error');
    button.disabled = false;
    button.textContent = original;
    button.focus();
  }
}

function renderRow(n) {
  const detailId = `detail-${n.id}`;
  const open = expanded.has(n.id);
  const status = String(n.status || '').toUpperCase();
  const toggle = h('button', {
    type: 'button', class: 'secondary small-button', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': detailId,
    'data-action': 'details', id: `details-${n.id}`,
  }, 'Details', h('span', { class: 'visually-hidden', text: ` for ${n.subject || n.id}` }));

  const detail = h('tr', { class: 'detail-row', id: detailId, 'data-detail-for': n.id, hidden: !open },
    h('td', { colspan: COLUMNS }, h('div', { class: 'detail-panel' }, detailFacts(n))));

  toggle.addEventListener('click', () => {
    const nowOpen = detail.hidden;
    detail.hidden = !nowOpen;
    toggle.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
    if (nowOpen) expanded.add(n.id);
    else expanded.delete(n.id);
  });

  const actions = h('div', { class: 'row-actions' }, toggle);
  if (status === 'FAILED' && !n.erasedAt) {
    const retryButton = h('button', { type: 'button', class: 'small-button', 'data-action': 'retry', id: `retry-${n.id}` },
      'Retry', h('span', { class: 'visually-hidden', text: ` ${n.subject || n.id}` }));
    retryButton.addEventListener('click', () => retry(n, retryButton));
    actions.append(retryButton);
  }

  const row = h('tr', { 'data-id': n.id, 'data-status': status, 'data-erased': Boolean(n.erasedAt), class: open ? 'is-open' : null },
    h('td', { 'data-label': 'Created' }, shortTime(n.createdAt)),
    h('td', { class: 'mail', 'data-label': 'Subject' },
      h('span', { class: 'subject', text: n.subject || '—' }), templateLabel(n.template)),
    h('td', { class: 'recipients', 'data-label': 'Recipients' }, recipientsList(n.recipients)),
    h('td', { 'data-label': 'Status' }, badge(n.status)),
    h('td', { class: 'num', 'data-label': 'Attempts' }, String(n.attempts ?? 0)),
    h('td', { class: 'last-error', 'data-label': 'Last error' }, n.lastError ? h('span', { class: 'error-text', title: n.lastError, text: n.lastError }) : h('span', { class: 'muted', text: '—' })),
    h('td', { 'data-label': 'Sent at' }, shortTime(n.sentAt)),
    h('td', { class: 'nowrap', 'data-label': 'Contact' }, n.contactId
      ? h('a', { href: `/admin/contacts/${encodeURIComponent(n.contactId)}`, class: 'contact-link', title: n.contactId },
        h('span', { class: 'visually-hidden', text: 'Contact ' }), h('span', { class: 'mono', text: n.contactId.slice(0, 8) }))
      : h('span', { class: 'muted', text: '—' })),
    h('td', { class: 'actions' }, actions));
  return [row, detail];
}

function renderPager(page, size, total) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (total <= size && page === 0) {
    replace(pager);
    return;
  }
  const previous = h('button', { type: 'button', id: 'pager-previous', class: 'secondary', disabled: page <= 0 }, '← Previous');
  const next = h('button', { type: 'button', id: 'pager-next', class: 'secondary', disabled: page + 1 >= pages }, 'Next →');
  previous.addEventListener('click', () => go(page - 1));
  next.addEventListener('click', () => go(page + 1));
  replace(pager, previous, h('span', { class: 'page-info', text: `Page ${page + 1} of ${pages}` }), next);
}

function go(page) {
  state.page = Math.max(0, page);
  writeState();
  load().then(() => document.getElementById('log-heading')?.scrollIntoView({ block: 'start' }));
}

function setBusy(on) {
  logTable.setAttribute('aria-busy', String(on));
  logTable.classList.toggle('is-loading', on);
}

/**
 * Loads the current page of the log. The rows on screen stay (dimmed) until the answer replaces
 * them, and a newer load aborts an older one, so a slow answer never overwrites a newer one.
 */
async function load() {
  const signal = nextLogSignal();
  if (!rowsBody.querySelector('tr[data-id]')) replace(rowsBody, loadingRow());
  summary.textContent = 'Loading…';
  setBusy(true);
  try {
    const data = await adminGet('/notifications', apiParams(), { signal });
    if (signal.aborted) return;
    const items = Array.isArray(data?.items) ? data.items : [];
    const total = Number(data?.total ?? items.length);
    const page = Number(data?.page ?? state.page);
    const size = Number(data?.size ?? state.size);
    if (!items.length && total > 0 && page > 0) {
      // Past the last page (the log shrank, or a stale link): go to the last one.
      go(Math.max(0, Math.ceil(total / size) - 1));
      return;
    }
    const filtered = state.status || state.template || state.contactId || state.from || state.to;
    keepFocus(() => replace(rowsBody, items.length
      ? items.flatMap(renderRow)
      : messageRow(filtered ? 'No notification matches these filters.' : 'No notification has been sent yet.')), logHeading);
    const first = total ? page * size + 1 : 0;
    const last = page * size + items.length;
    summary.textContent = total
      ? `${first}–${last} of ${total} notification${total === 1 ? '' : 's'}${filtered ? ' (filtered)' : ''}`
      : 'No notifications';
    keepFocus(() => renderPager(page, size, total), logHeading);
    setBusy(false);
  } catch (error) {
    if (error.name === 'AbortError' || signal.aborted) return;
    setBusy(false);
    keepFocus(() => {
      replace(rowsBody, messageRow(`The delivery log could not be loaded: ${describeError(error)}`, 'error-text'));
      replace(pager);
    }, logHeading);
    summary.textContent = 'The delivery log could not be loaded.';
    if (error instanceof ApiError) {
      for (const { field, message: text } of error.errors) {
        const input = form.elements[field];
        if (input) fieldError(input, text);
      }
    }
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearErrors(form);
  const contactId = form.elements.contactId.value.trim();
  if (contactId && !UUID.test(contactId)) {
    fieldError(form.elements.contactId, 'Enter a full contact ID (a UUID such as 3f2b9c1e-…).');
    form.elements.contactId.focus();
    return;
  }
  const from = form.elements.from.value;
  const to = form.elements.to.value;
  if (from && to && to < from) {
    fieldError(form.elements.to, 'Must be on or after “Created from”.');
    form.elements.to.focus();
    return;
  }
  Object.assign(state, {
    status: form.elements.status.value, template: form.elements.template.value, contactId, from, to, size: form.elements.size.value, page: 0,
  });
  writeState();
  load();
});

document.getElementById('reset-filters').addEventListener('click', () => {
  form.reset();
  clearErrors(form);
  Object.assign(state, { status: '', template: '', contactId: '', from: '', to: '', size: '20', page: 0 });
  writeState();
  load();
});

document.getElementById('reload').addEventListener('click', () => load());

// ------------------------------------------------------------------------------- suppressions

async function removeSuppression(entry, button) {
  button.disabled = true;
  try {
    await admin('DELETE', `/notifications/suppressions/${encodeURIComponent(entry.email)}`);
  } catch (error) {
    announce(`Could not remove ${entry.email}: ${describeError(error)}`, 'error');
    button.disabled = false;
    button.focus();
    if (error instanceof ApiError && error.status === 404) loadSuppressions();
    return;
  }
  announce(`${entry.email} is no longer suppressed: it will be mailed again.`, 'success');
  suppressForm.elements.email.focus();
  await loadSuppressions();
}

function suppressionRow(entry) {
  const remove = h('button', { type: 'button', class: 'secondary small-button danger-outline', id: `remove-${entry.email}` },
    'Remove', h('span', { class: 'visually-hidden', text: ` ${entry.email}` }));
  remove.addEventListener('click', () => removeSuppression(entry, remove));
  return h('tr', { 'data-email': entry.email },
    h('td', { class: 'email', 'data-label': 'Email' }, entry.email),
    h('td', { 'data-label': 'Reason' }, entry.reason || '—'),
    h('td', { class: 'nowrap', 'data-label': 'Since' }, time(entry.createdAt)),
    h('td', { class: 'actions' }, remove));
}

/** Loads the suppression list; a newer load (after an add or a removal) aborts an older one. */
async function loadSuppressions() {
  const signal = nextSuppressionsSignal();
  try {
    const list = await adminGet('/notifications/suppressions', {}, { signal });
    if (signal.aborted) return;
    const entries = Array.isArray(list) ? list : [];
    suppressionCount.textContent = `${entries.length} address${entries.length === 1 ? '' : 'es'}`;
    keepFocus(() => replace(suppressionRows, entries.length
      ? entries.map(suppressionRow)
      : h('tr', { class: 'message-row' }, h('td', { colspan: 4, class: 'muted' }, 'No address is suppressed.'))), suppressionsHeading);
  } catch (error) {
    if (error.name === 'AbortError' || signal.aborted) return;
    suppressionCount.textContent = '';
    keepFocus(() => replace(suppressionRows, h('tr', { class: 'message-row' },
      h('td', { colspan: 4, class: 'error-text' }, `The suppression list could not be loaded: ${describeError(error)}`))), suppressionsHeading);
  }
}

suppressForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(suppressForm);
  const emailInput = suppressForm.elements.email;
  const reasonInput = suppressForm.elements.reason;
  const email = emailInput.value.trim();
  const reason = reasonInput.value.trim();
  let invalid = null;
  if (!email || !emailInput.checkValidity()) {
    fieldError(emailInput, 'Enter an email address such as name@example.com.');
    invalid = invalid || emailInput;
  }
  if (!reason) {
    fieldError(reasonInput, 'Give a short reason (up to 50 characters).');
    invalid = invalid || reasonInput;
  }
  if (invalid) {
    invalid.focus();
    return;
  }
  const submit = suppressForm.querySelector('button[type="submit"]');
  submit.disabled = true;
  try {
    const saved = await admin('PUT', `/notifications/suppressions/${encodeURIComponent(email)}`, { reason });
    announce(`${saved?.email || email} is suppressed: it will not be mailed.`, 'success');
    emailInput.value = '';
    emailInput.focus();
    await loadSuppressions();
  } catch (error) {
    if (error instanceof ApiError && error.errors.length) {
      for (const { field, message } of error.errors) {
        fieldError(field === 'reason' ? reasonInput : emailInput, message);
      }
    }
    announce(`The address could not be suppressed: ${describeError(error)}`, 'error');
    (error instanceof ApiError && error.errors.some((e) => e.field === 'reason') ? reasonInput : emailInput).focus();
  } finally {
    submit.disabled = false;
  }
});

// ------------------------------------------------------------------------------------- start

readState();
load();
loadSuppressions();
