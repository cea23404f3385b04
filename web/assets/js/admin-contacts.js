// Admin contacts list (/admin/contacts): filters (text, status, source, creation dates) and paging
// through GET /admin/api/contacts (its `page` counts from 0; this page shows and bookmarks pages
// from 1). The state lives in the URL query (replaceState).
import {
  h, replace, time, debounce, badge, setQuery, localDayStart, keepFocus, errorNotice,
} from './dom.js';
import { adminGet, describeError, latestOnly } from './api.js';

const DEFAULT_SIZE = 20;
const SIZES = [10, 20, 50, 100];
const STATUSES = ['new', 'contacted', 'closed'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const form = document.getElementById('filters');
const fields = {
  q: document.getElementById('q'),
  status: document.getElementById('status-filter'),
  source: document.getElementById('source'),
  createdFrom: document.getElementById('created-from'),
  createdTo: document.getElementById('created-to'),
};
const summary = document.getElementById('summary');
const busy = document.getElementById('busy');
const list = document.getElementById('list');
const pager = document.getElementById('pager');
const listHeading = document.getElementById('list-heading');

const state = readState();

function readState() {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get('page') || '1', 10);
  const size = Number.parseInt(params.get('size') || String(DEFAULT_SIZE), 10);
  const status = params.get('status') || '';
  const date = (name) => (DATE.test(params.get(name) || '') ? params.get(name) : '');
  return {
    q: params.get('q') || '',
    status: STATUSES.includes(status) ? status : '',
    source: params.get('source') || '',
    createdFrom: date('createdFrom'),
    createdTo: date('createdTo'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: Number.isFinite(size) && size >= 1 && size <= 100 ? size : DEFAULT_SIZE,
  };
}

function writeState() {
  const params = {};
  for (const name of ['q', 'status', 'source', 'createdFrom', 'createdTo']) params[name] = state[name].trim();
  params.page = state.page > 1 ? state.page : '';
  params.size = state.size !== DEFAULT_SIZE ? state.size : '';
  setQuery(params);
}

function apiParams() {
  return {
    page: state.page - 1,
    size: state.size,
    q: state.q.trim(),
    status: state.status,
    source: state.source.trim(),
    // The API's createdTo is exclusive: the chosen day is included by asking up to the next day.
    createdFrom: state.createdFrom ? localDayStart(state.createdFrom) : '',
    createdTo: state.createdTo ? localDayStart(state.createdTo, 1) : '',
  };
}

function filtering() {
  return Boolean(state.q.trim() || state.status || state.source.trim() || state.createdFrom || state.createdTo);
}

const nextSignal = latestOnly();

function setBusy(on) {
  busy.hidden = !on;
  list.classList.toggle('is-loading', on);
  list.setAttribute('aria-busy', String(on));
}

async function load() {
  loadSoon.cancel();
  writeState();
  clearErrors();
  if (state.createdFrom && state.createdTo && state.createdFrom > state.createdTo) {
    // A request still on its way must not replace this message with its (older) list.
    nextSignal.abort();
    setBusy(false);
    showFieldError('createdTo', 'must not be before “Created from”');
    summary.textContent = 'Check the filters.';
    keepFocus(() => {
      replace(list);
      pager.hidden = true;
      replace(pager);
    }, listHeading);
    return;
  }
  const signal = nextSignal();
  setBusy(true);
  try {
    const answer = await adminGet('/contacts', apiParams(), { signal });
    if (signal.aborted) return;
    const total = Number(answer.total || 0);
    if (!(answer.items || []).length && total > 0 && state.page > 1) {
      // Past the last page (a stale link, or contacts erased meanwhile): show the last one.
      state.page = Math.max(1, Math.ceil(total / state.size));
      load();
      return;
    }
    keepFocus(() => render(answer), listHeading);
  } catch (error) {
    if (error.name === 'AbortError' || signal.aborted) return;
    keepFocus(() => showError(error), listHeading);
  } finally {
    if (!signal.aborted) setBusy(false);
  }
}

function clearErrors() {
  for (const [name, input] of Object.entries(fields)) {
    input.removeAttribute('aria-invalid');
    const slot = document.getElementById(`${name}-error`);
    if (slot) slot.textContent = '';
  }
}

function showFieldError(name, message) {
  const input = fields[name];
  const slot = document.getElementById(`${name}-error`);
  if (input) input.setAttribute('aria-invalid', 'true');
  if (slot) slot.textContent = `${message[0].toUpperCase()}${message.slice(1)}.`;
}

function showError(error) {
  for (const problem of Array.isArray(error?.errors) ? error.errors : []) showFieldError(problem.field, problem.message);
  summary.textContent = 'The contacts could not be loaded.';
  replace(list, errorNotice(`Could not load the contacts: ${describeError(error)}`, load));
  pager.hidden = true;
  replace(pager);
}

function render(answer) {
  const items = answer.items || [];
  const total = Number(answer.total || 0);
  const pages = Math.max(1, Math.ceil(total / state.size));
  if (items.length === 0) {
    summary.textContent = filtering() ? 'No contacts match these filters.' : 'No contacts yet.';
  } else {
    const from = (state.page - 1) * state.size + 1;
    summary.textContent = `${total.toLocaleString('en')} ${total === 1 ? 'contact' : 'contacts'}`
      + ` · showing ${from}–${from + items.length - 1}`;
  }

  if (items.length === 0) {
    replace(list, h('div', { class: 'empty-state card' },
      h('h3', { text: filtering() ? 'Nothing to show' : 'No contacts yet' }),
      h('p', { class: 'muted', text: filtering()
        ? 'Try other filters, or reset them to see every contact.' : 'Submissions of the contact form appear here.' }),
      filtering() ? h('button', { type: 'button', class: 'secondary', on: { click: resetFilters } }, 'Reset filters') : null));
  } else {
    replace(list, h('div', { class: 'card table-card' }, h('div', { class: 'table-wrap' },
      h('table', { class: 'data-table', id: 'contacts-table' },
        h('caption', { class: 'visually-hidden', text: 'Contacts, newest first' }),
        h('thead', {}, h('tr', {},
          ['Name', 'Email', 'Company', 'Source', 'Status', 'Created'].map((name) => h('th', { scope: 'col', text: name })))),
        h('tbody', {}, items.map(row))))));
  }
  renderPager(items.length ? total : 0, pages);
}

function row(contact) {
  return h('tr', { 'data-contact-id': contact.id },
    h('td', { class: 'wrap' }, h('a', { href: `/admin/contacts/${encodeURIComponent(contact.id)}` }, contact.name || '(no name)')),
    h('td', { class: 'wrap', text: contact.email || '' }),
    h('td', { class: 'wrap', text: contact.company || '—' }),
    h('td', { text: contact.source || '—' }),
    h('td', {}, badge(contact.status)),
    h('td', {}, time(contact.createdAt)));
}

function renderPager(total, pages) {
  if (total === 0) {
    pager.hidden = true;
    replace(pager);
    return;
  }
  const sizes = SIZES.includes(state.size) ? SIZES : [...SIZES, state.size].sort((a, b) => a - b);
  pager.hidden = false;
  replace(pager,
    h('button', { type: 'button', id: 'pager-previous', class: 'secondary', disabled: state.page <= 1, on: { click: () => goTo(state.page - 1) } }, '← Previous'),
    h('span', { class: 'page-info', text: `Page ${state.page} of ${pages}` }),
    h('button', { type: 'button', id: 'pager-next', class: 'secondary', disabled: state.page >= pages, on: { click: () => goTo(state.page + 1) } }, 'Next →'),
    h('span', { class: 'spacer' }),
    h('label', { for: 'page-size' }, 'Per page'),
    h('select', { id: 'page-size', on: { change: (e) => { state.size = Number(e.target.value); state.page = 1; load(); } } },
      sizes.map((n) => h('option', { value: String(n), selected: n === state.size, text: String(n) }))));
}

function goTo(page) {
  state.page = page;
  load();
}

function fromFields() {
  for (const name of Object.keys(fields)) state[name] = fields[name].value;
  state.page = 1;
}

function toFields() {
  for (const name of Object.keys(fields)) fields[name].value = state[name];
}

function resetFilters() {
  for (const name of Object.keys(fields)) state[name] = '';
  state.page = 1;
  toFields();
  load();
}

const loadSoon = debounce(() => load(), 300);

toFields();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  fromFields();
  load();
});
for (const name of ['q', 'source']) {
  fields[name].addEventListener('input', () => {
    fromFields();
    loadSoon();
  });
}
for (const name of ['status', 'createdFrom', 'createdTo']) {
  fields[name].addEventListener('change', () => {
    fromFields();
    load();
  });
}
document.getElementById('reset').addEventListener('click', resetFilters);

load();
