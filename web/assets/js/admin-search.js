// Admin search page (/admin/): full-text search over the documents with facets, sort and paging.
// The state lives in the URL query (replaceState), so a search can be bookmarked and survives a
// reload. Highlights come HTML-escaped with <mark> from search-service and are rendered with
// highlighted(); everything else is text.
import {
  h, replace, append, highlighted, formatBytes, time, debounce, badge, setQuery, keepFocus, errorNotice,
} from './dom.js';
import { adminGet, describeError, latestOnly } from './api.js';
import { languageLabel, typeLabel } from './labels.js';

const DEFAULT_SIZE = 20;

/** Sort choices of the select, mapped to the API's `sort`. */
const SORTS = {
  relevance: '',
  newest: 'uploadedAt:desc',
  oldest: 'uploadedAt:asc',
  largest: 'size:desc',
  smallest: 'size:asc',
  processed: 'processedAt:desc',
};

/** Facet groups: the facet's name in the answer, the filter parameter, a heading, a value label. */
const GROUPS = [
  { facet: 'documentType', param: 'documentType', legend: 'Document type', label: typeLabel },
  { facet: 'status', param: 'status', legend: 'Processing status', label: (v) => v.toLowerCase() },
  { facet: 'fileExtension', param: 'extension', legend: 'File type', label: (v) => `.${v}` },
  { facet: 'language', param: 'language', legend: 'Language', label: languageLabel },
];
const FACETS = GROUPS.map((g) => g.facet).join(',');

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const qError = document.getElementById('q-error');
const sortSelect = document.getElementById('sort');
const facetsBox = document.getElementById('facets');
const clearButton = document.getElementById('clear-filters');
const facetsDetails = document.getElementById('facets-details');
const activeCount = document.getElementById('facets-active');
const summary = document.getElementById('summary');
const busy = document.getElementById('busy');
const results = document.getElementById('results');
const pager = document.getElementById('pager');
const resultsHeading = document.getElementById('results-heading');

/** The page's state; written to and read from the URL. */
const state = readState();

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const group of GROUPS) filters[group.param] = params.getAll(group.param).filter(Boolean);
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') || '1', 10);
  const size = Number.parseInt(params.get('size') || String(DEFAULT_SIZE), 10);
  return {
    q: params.get('q') || '',
    filters,
    sort: Object.hasOwn(SORTS, sort || '') ? sort : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    size: Number.isFinite(size) && size >= 1 && size <= 100 ? size : DEFAULT_SIZE,
  };
}

function writeState() {
  const params = { q: state.q };
  for (const group of GROUPS) params[group.param] = state.filters[group.param];
  params.sort = state.sort !== 'relevance' ? state.sort : '';
  params.page = state.page > 1 ? state.page : '';
  params.size = state.size !== DEFAULT_SIZE ? state.size : '';
  setQuery(params);
}

function hasFilters() {
  return GROUPS.some((g) => state.filters[g.param].length > 0);
}

/** The API parameters for the current state; `without` leaves one filter group out. */
function apiParams({ without = null, facets = FACETS, page = state.page, size = state.size } = {}) {
  const params = { q: state.q.trim(), facets, page, size, sort: SORTS[state.sort] };
  for (const group of GROUPS) if (group.param !== without) params[group.param] = state.filters[group.param];
  return params;
}

const nextSignal = latestOnly();

/**
 * Runs the search for the current state. The previous request (and its facet requests) is aborted.
 * Facet counts are disjunctive: for a group with a selection, its counts come from the same search
 * without that group's own filter, so the other values stay selectable.
 */
async function run() {
  searchSoon.cancel();
  writeState();
  const signal = nextSignal();
  busy.hidden = false;
  results.setAttribute('aria-busy', 'true');
  results.classList.add('is-loading');
  try {
    const main = adminGet('/search', apiParams(), { signal });
    const extra = GROUPS.filter((g) => state.filters[g.param].length > 0).map((g) =>
      adminGet('/search', apiParams({ without: g.param, facets: g.facet, page: 1, size: 1 }), { signal })
        .then((answer) => [g.facet, answer.facets?.[g.facet] || {}]));
    const [answer, ...groupCounts] = await Promise.all([main, ...extra]);
    if (signal.aborted) return;
    const lastPage = Number(answer.totalPages || 0);
    if (!(answer.hits || []).length && lastPage > 0 && state.page > lastPage) {
      // Past the last page (a stale link, or fewer hits than when it was made): show the last one.
      state.page = lastPage;
      run();
      return;
    }
    const facets = { ...(answer.facets || {}) };
    for (const [facet, counts] of groupCounts) facets[facet] = counts;
    clearFieldError();
    keepFocus(() => render(answer, facets), resultsHeading);
  } catch (error) {
    if (error.name === 'AbortError' || signal.aborted) return;
    showError(error);
  } finally {
    if (!signal.aborted) {
      busy.hidden = true;
      results.setAttribute('aria-busy', 'false');
      results.classList.remove('is-loading');
    }
  }
}

function clearFieldError() {
  qError.textContent = '';
  input.removeAttribute('aria-invalid');
}

function showError(error) {
  const fieldErrors = Array.isArray(error?.errors) ? error.errors : [];
  const qProblem = fieldErrors.find((e) => e.field === 'q');
  if (qProblem) {
    qError.textContent = `Search text ${qProblem.message}.`;
    input.setAttribute('aria-invalid', 'true');
  }
  summary.textContent = 'The search failed.';
  keepFocus(() => {
    replace(results, errorNotice(`Could not search: ${describeError(error)}`, run,
      fieldErrors.length ? h('ul', {}, fieldErrors.map((e) => h('li', { text: `${e.field}: ${e.message}` }))) : null));
    pager.hidden = true;
    replace(pager);
  }, resultsHeading);
}

function render(answer, facets) {
  renderSummary(answer);
  renderFacets(facets);
  renderHits(answer);
  renderPager(answer);
}

function renderSummary(answer) {
  const total = Number(answer.totalHits || 0);
  const q = state.q.trim();
  const noun = total === 1 ? 'document' : 'documents';
  let text;
  if (total === 0) text = q ? `No documents match “${q}”.` : 'No documents.';
  else if (q) text = `${total.toLocaleString('en')} ${noun} ${total === 1 ? 'matches' : 'match'} “${q}”`;
  else text = `${total.toLocaleString('en')} ${noun}`;
  const shown = answer.hits?.length || 0;
  if (shown > 0) {
    const from = (pageOf(answer) - 1) * sizeOf(answer) + 1;
    const to = Math.min(from + shown - 1, total);
    text += ` · showing ${from}–${to}`;
    if (answer.processingTimeMs !== undefined) text += ` · ${answer.processingTimeMs} ms`;
  }
  summary.textContent = text;
}

function pageOf(answer) {
  return Number(answer.page) || state.page;
}

function sizeOf(answer) {
  return Number(answer.size) || state.size;
}

function renderFacets(facets) {
  const groups = [];
  for (const group of GROUPS) {
    const counts = { ...(facets[group.facet] || {}) };
    for (const selected of state.filters[group.param]) if (!(selected in counts)) counts[selected] = 0;
    const values = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (values.length === 0) continue;
    groups.push(h('fieldset', { class: 'facet-group' },
      h('legend', { text: group.legend }),
      h('ul', { class: 'facet-options' }, values.map(([value, count]) => {
        const id = `facet-${group.param}-${value}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const checked = state.filters[group.param].includes(value);
        return h('li', { class: 'facet-option' },
          h('input', { type: 'checkbox', id, name: group.param, value, checked,
            on: { change: (e) => toggleFilter(group.param, value, e.target.checked) } }),
          h('label', { for: id },
            h('span', { class: 'facet-name', text: group.label(value) }),
            h('span', { class: 'facet-count', text: String(count) })));
      }))));
  }
  replace(facetsBox, groups.length ? groups : h('p', { class: 'muted small', text: 'No filters for these results.' }));
  clearButton.hidden = !hasFilters();
  const active = GROUPS.reduce((n, g) => n + state.filters[g.param].length, 0);
  activeCount.hidden = active === 0;
  activeCount.textContent = active ? `${active} active` : '';
}

function toggleFilter(param, value, on) {
  const list = state.filters[param].filter((v) => v !== value);
  if (on) list.push(value);
  state.filters[param] = list;
  state.page = 1;
  run();
}

function contactHref(contactId) {
  return `/admin/contacts/${encodeURIComponent(contactId)}`;
}

function renderHits(answer) {
  const hits = answer.hits || [];
  if (hits.length === 0) {
    const q = state.q.trim();
    replace(results, h('div', { class: 'empty-state card' },
      h('h3', { text: q ? 'No matching documents' : 'No documents yet' }),
      h('p', { class: 'muted', text: q
        ? 'Check the spelling, try fewer or other words, or remove filters. New uploads appear once they have been processed.'
        : 'Documents appear here once they have been uploaded and processed.' }),
      hasFilters() ? h('button', { type: 'button', class: 'secondary', on: { click: clearFilters } }, 'Clear filters') : null));
    return;
  }
  replace(results, h('ol', { class: 'hits', start: String((pageOf(answer) - 1) * sizeOf(answer) + 1) }, hits.map(renderHit)));
}

function renderHit(hit) {
  const lights = hit.highlights || {};
  const title = lights.title ? highlighted(lights.title) : hit.title;
  const filename = lights.filename ? highlighted(lights.filename) : hit.filename || '(no file name)';
  const contact = hit.contactId ? contactHref(hit.contactId) : null;
  const who = lights.contactName ? highlighted(lights.contactName) : hit.contactName || 'Unknown contact';
  const company = lights.contactCompany ? highlighted(lights.contactCompany) : hit.contactCompany;

  return h('li', { class: 'hit', 'data-document-id': hit.documentId, 'data-filename': hit.filename },
    h('div', { class: 'hit-head' },
      h('h3', { class: 'hit-title' },
        contact ? h('a', { href: `${contact}#doc-${encodeURIComponent(hit.documentId || '')}` }, title || filename)
          : (title || filename)),
      badge(hit.status)),
    title ? h('p', { class: 'hit-filename mono small' }, filename) : null,
    lights.snippet ? h('p', { class: 'hit-snippet' }, highlighted(lights.snippet)) : null,
    lights.description ? h('p', { class: 'hit-description small' }, h('span', { class: 'muted', text: 'Description: ' }), highlighted(lights.description)) : null,
    h('p', { class: 'hit-contact small' },
      h('span', { class: 'muted', text: 'From ' }),
      contact ? h('a', { href: contact, class: 'hit-contact-link' }, who) : who,
      company ? append(h('span', { class: 'hit-company' }), ' · ', company) : null),
    h('ul', { class: 'meta-list small', 'aria-label': 'Document details' },
      h('li', {}, h('span', { class: 'muted', text: 'Type ' }), typeLabel(hit.documentType || 'other')),
      hit.fileExtension ? h('li', {}, h('span', { class: 'muted', text: 'File ' }), `.${hit.fileExtension}`) : null,
      hit.language ? h('li', {}, h('span', { class: 'muted', text: 'Language ' }), languageLabel(hit.language)) : null,
      hit.size !== null && hit.size !== undefined ? h('li', {}, h('span', { class: 'muted', text: 'Size ' }), formatBytes(hit.size)) : null,
      h('li', {}, h('span', { class: 'muted', text: 'Uploaded ' }), time(hit.uploadedAt)),
      hit.tags?.length ? h('li', {}, h('span', { class: 'muted', text: 'Tags ' }), hit.tags.join(', ')) : null));
}

function renderPager(answer) {
  const totalPages = Number(answer.totalPages || 0);
  if (totalPages <= 1) {
    pager.hidden = true;
    replace(pager);
    return;
  }
  const page = pageOf(answer);
  pager.hidden = false;
  replace(pager,
    h('button', { type: 'button', id: 'pager-previous', class: 'secondary', disabled: page <= 1, on: { click: () => goTo(page - 1) } }, '← Previous'),
    h('span', { class: 'page-info', 'aria-current': 'page', text: `Page ${page} of ${totalPages}` }),
    h('button', { type: 'button', id: 'pager-next', class: 'secondary', disabled: page >= totalPages, on: { click: () => goTo(page + 1) } }, 'Next →'));
}

function goTo(page) {
  state.page = page;
  run().then(() => resultsHeading.parentElement.scrollIntoView({ block: 'start' }));
}

function clearFilters() {
  for (const group of GROUPS) state.filters[group.param] = [];
  state.page = 1;
  run();
}

const searchSoon = debounce(() => run(), 250);

// On small screens the filters start folded, so the results come first.
if (window.matchMedia('(max-width: 52rem)').matches && !hasFilters()) facetsDetails.open = false;

input.value = state.q;
sortSelect.value = state.sort;

input.addEventListener('input', () => {
  state.q = input.value;
  state.page = 1;
  searchSoon();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.q = input.value;
  state.page = 1;
  run();
});
sortSelect.addEventListener('change', () => {
  state.sort = sortSelect.value;
  state.page = 1;
  run();
});
clearButton.addEventListener('click', clearFilters);

run();
