// Admin contact detail (/admin/contacts/<uuid>, or ?id=<uuid>): every field, status change, the
// contact's documents with their processing status (refreshed while any is pending or processing)
// and insights, download and reprocess per document, and erasure behind a <dialog>.
//
// Sources: GET /admin/api/contacts/{id} (fields, plus contact-service's event-fed view of the
// documents with their insights and an aggregate), GET /admin/api/documents?contactId= (the
// document-service's own, current list and statuses) and GET /admin/api/documents/{id} (one
// document's full insights). All user data is rendered as text.
import { h, replace, append, formatBytes, time, badge, announce, keepFocus, httpUrl } from './dom.js';
import { adminGet, admin, ApiError, UUID, describeError as describe, isAuthError } from './api.js';
import { languageLabel, typeLabel } from './labels.js';
const STATUSES = ['new', 'contacted', 'closed'];
const REFRESH_MS = 3000;
/** How many extra refreshes wait for contact-service's view to catch up with document-service. */
const MAX_LAG_REFRESHES = 10;

const root = document.getElementById('contact');
const dialog = document.getElementById('erase-dialog');

const contactId = idFromLocation();

let contact = null;
let documents = [];
const insightsCache = new Map();
let refreshTimer = null;
/** Counts the loads: an answer that arrives after a newer load started is dropped. */
let loadSeq = 0;
let lagRefreshes = 0;
let erased = false;
let sections = null;
let scrolledToTarget = false;

function idFromLocation() {
  const fromPath = /^\/admin\/contacts\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const candidate = fromPath ? decodeURIComponent(fromPath) : new URLSearchParams(location.search).get('id');
  return candidate && UUID.test(candidate) ? candidate.toLowerCase() : null;
}

function isBusy(status) {
  const s = String(status || '').toUpperCase();
  return s === 'PENDING' || s === 'PROCESSING';
}

/* ---------- loading ---------- */

/** The contact and document-service's list of its documents (a failed list is returned as {error}). */
function fetchContact() {
  return Promise.all([
    adminGet(`/contacts/${contactId}`),
    adminGet('/documents', { contactId, size: 100 }).catch((error) => ({ error })),
  ]);
}

async function start() {
  if (!contactId) {
    showProblem('No contact here', 'The address does not name a contact. Open one from the contact list.');
    return;
  }
  const seq = ++loadSeq;
  try {
    const [detail, docs] = await fetchContact();
    contact = detail;
    document.title = `${detail.name || 'Contact'} · Contacts · Document intake admin`;
    renderSkeleton();
    await applyDocuments(docs, seq);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      showProblem('Contact not found', 'There is no contact with this id. It may have been erased.');
    } else {
      showProblem('The contact could not be loaded', describe(error), true);
    }
  }
}

/**
 * Fetches the contact (for its documents' insights) and the document list again. A refresh started
 * later (a reprocess while the timer's refresh is on its way) wins: the older answer is dropped.
 */
async function refresh() {
  clearTimeout(refreshTimer);
  refreshTimer = null;
  if (erased) return;
  const seq = ++loadSeq;
  try {
    const [detail, docs] = await fetchContact();
    if (erased || seq !== loadSeq) return;
    contact = { ...contact, documents: detail.documents, documentInsights: detail.documentInsights };
    await applyDocuments(docs, seq);
  } catch (error) {
    if (erased || seq !== loadSeq) return;
    if (error instanceof ApiError && error.status === 404) {
      showProblem('Contact not found', 'This contact no longer exists. It may have been erased.');
      return;
    }
    if (isAuthError(error)) {
      // Retrying cannot help until the administrator signs in again: say so and stop.
      setRefreshNote(`Could not refresh: ${describe(error)}`);
      return;
    }
    setRefreshNote(`Could not refresh: ${describe(error)} Retrying…`);
    schedule();
  }
}

/**
 * Merges document-service's list (current statuses) with contact-service's view (insights), loads
 * the full insights of completed documents once, renders, and keeps refreshing while needed.
 */
async function applyDocuments(docs, seq) {
  const projected = new Map((contact.documents || []).map((d) => [d.documentId, d]));
  let listError = null;
  if (docs?.error) {
    listError = docs.error;
    documents = (contact.documents || []).map((d) => fromProjection(d));
  } else {
    documents = (docs.items || []).map((d) => ({ ...d, projected: projected.get(d.id) || null }));
    // Documents contact-service knows and document-service did not list (should not happen) still show.
    for (const d of contact.documents || []) {
      if (!documents.some((doc) => doc.id === d.documentId)) documents.push(fromProjection(d));
    }
  }
  documents.sort((a, b) => String(b.uploadedAt).localeCompare(String(a.uploadedAt)));

  await Promise.all(documents.filter((d) => String(d.status).toUpperCase() === 'COMPLETED').map(loadInsights));
  if (erased || seq !== loadSeq) return;
  // The list is rebuilt every few seconds while documents are processed: keep the keyboard's place.
  keepFocus(() => renderDocuments(listError), document.getElementById('documents-heading'));
  renderAggregate();

  const processing = documents.some((d) => isBusy(d.status));
  const lagging = documents.some((d) => !d.projected || String(d.projected.status).toUpperCase() !== String(d.status).toUpperCase());
  if (processing) {
    lagRefreshes = 0;
    setRefreshNote('Processing: this list refreshes every few seconds.', true);
    schedule();
  } else if (lagging && lagRefreshes < MAX_LAG_REFRESHES) {
    lagRefreshes += 1;
    setRefreshNote('Updating…', true);
    schedule();
  } else {
    setRefreshNote('');
  }
}

function fromProjection(d) {
  return {
    id: d.documentId, filename: d.filename, contentType: d.contentType, size: d.sizeBytes,
    documentType: d.documentType, status: d.status, failureReason: d.failureReason,
    uploadedAt: d.uploadedAt, processedAt: d.processedAt, tags: [], projected: d,
  };
}

async function loadInsights(doc) {
  const key = `${doc.id}@${doc.processedAt || ''}`;
  if (insightsCache.has(key)) {
    doc.insights = insightsCache.get(key);
    return;
  }
  try {
    const detail = await adminGet(`/documents/${doc.id}`);
    doc.insights = detail.insights || null;
    insightsCache.set(key, doc.insights);
  } catch {
    doc.insights = null; // the projection's insights are shown instead
  }
}

function schedule() {
  clearTimeout(refreshTimer);
  if (!erased) refreshTimer = setTimeout(refresh, REFRESH_MS);
}

/* ---------- rendering ---------- */

function showProblem(title, text, retry = false) {
  clearTimeout(refreshTimer);
  replace(root,
    h('div', { class: 'page-head' }, h('h1', { text: title })),
    h('div', { class: 'notice notice-error', role: 'alert' }, h('p', { text })),
    h('p', {},
      retry ? h('button', { type: 'button', class: 'secondary', on: { click: () => location.reload() } }, 'Try again') : null,
      retry ? ' ' : null,
      h('a', { href: '/admin/contacts' }, 'Back to the contact list')));
}

function renderSkeleton() {
  sections = {
    headBadge: h('span', { class: 'head-badge' }),
    statusCard: h('section', { class: 'card', 'aria-labelledby': 'status-heading' }),
    docsBody: h('div', { id: 'documents' }),
    docsNote: h('span', { class: 'busy', id: 'refresh-note' }),
    aggregate: h('div', { id: 'aggregate', class: 'aggregate' }),
  };
  const c = contact;
  replace(root,
    h('div', { class: 'page-head' },
      h('h1', { class: 'contact-name' }, c.name || '(no name)'),
      h('p', { class: 'muted' }, sections.headBadge, ' Submitted ', time(c.createdAt), c.company ? ` · ${c.company}` : null)),
    h('div', { class: 'detail-layout' },
      h('div', {},
        h('section', { class: 'card', 'aria-labelledby': 'message-heading' },
          h('h2', { id: 'message-heading', text: 'Message' }),
          h('p', { class: 'message-text', id: 'message', text: c.message || '' })),
        h('section', { class: 'card', 'aria-labelledby': 'documents-heading' },
          h('div', { class: 'card-head' },
            h('h2', { id: 'documents-heading', tabindex: '-1', text: 'Documents' }),
            sections.docsNote),
          sections.aggregate,
          sections.docsBody)),
      h('div', {},
        sections.statusCard,
        h('section', { class: 'card', 'aria-labelledby': 'details-heading' },
          h('h2', { id: 'details-heading', text: 'Details' }),
          facts(c)),
        h('section', { class: 'card danger-zone', 'aria-labelledby': 'erase-heading' },
          h('h2', { id: 'erase-heading', text: 'Erase' }),
          h('p', { class: 'small', text: 'Deletes the submission with its documents, search entries and mail log data (for example on a deletion request).' }),
          h('button', { type: 'button', class: 'danger', id: 'erase-open', on: { click: openEraseDialog } }, 'Erase contact…')))));
  renderStatus();
}

function facts(c) {
  const rows = [
    ['Name', c.name],
    ['Email', c.email ? mailLink(c.email) : c.email],
    ['Company', c.company],
    ['Service', c.service],
    ['Budget', c.budget],
    ['Source', c.source],
    // Sent by the visitor's browser, so anything: a link only when it is an http(s) address.
    ['Page', httpUrl(c.pageUrl) ? h('a', { href: httpUrl(c.pageUrl), rel: 'noopener noreferrer nofollow' }, c.pageUrl) : c.pageUrl],
    ['Browser', c.userAgent ? h('span', { class: 'small' }, c.userAgent) : null],
    ['Submitted', time(c.createdAt)],
    ['Id', h('code', {}, c.id)],
  ];
  return h('dl', { class: 'facts' }, rows.flatMap(([label, value]) => [
    h('dt', { text: label }),
    h('dd', { 'data-field': label.toLowerCase() }, value === null || value === undefined || value === '' ? h('span', { class: 'muted', text: '—' }) : value),
  ]));
}

/**
 * A mailto: link for a plain address. The address is percent-encoded, so characters that mean
 * something in a mailto: URL (?, &, #, %) cannot add headers such as cc or body to the mail.
 */
function mailLink(email) {
  if (!/^[^\s@<>"'()]+@[^\s@<>"'()]+$/.test(email)) return email;
  return h('a', { href: `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}` }, email);
}

function renderStatus() {
  const c = contact;
  replace(sections.headBadge, badge(c.status));
  const select = h('select', { id: 'contact-status', name: 'status' },
    STATUSES.map((s) => h('option', { value: s, selected: s === c.status, text: s[0].toUpperCase() + s.slice(1) })));
  const save = h('button', { type: 'submit' }, 'Save');
  const error = h('p', { class: 'field-error', id: 'contact-status-error' });
  const form = h('form', { class: 'inline-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'contact-status', text: 'Status' }), select),
    save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    error.textContent = '';
    select.removeAttribute('aria-invalid');
    try {
      const updated = await admin('PATCH', `/contacts/${contactId}`, { status: select.value });
      contact = { ...contact, status: updated.status, statusChangedBy: updated.statusChangedBy, statusChangedAt: updated.statusChangedAt };
      renderStatus();
      document.getElementById('contact-status')?.focus();
      announce(`Status saved: ${updated.status}.`, 'success');
    } catch (e) {
      error.textContent = describe(e);
      select.setAttribute('aria-invalid', 'true');
      save.disabled = false;
      select.focus(); // the error is its description
    }
  });
  select.setAttribute('aria-describedby', 'contact-status-error status-changed');
  replace(sections.statusCard,
    h('h2', { id: 'status-heading', text: 'Follow-up' }),
    form,
    error,
    h('p', { class: 'small muted', id: 'status-changed' },
      c.statusChangedAt
        ? append(h('span'), 'Changed by ', h('strong', { class: 'changed-by', text: c.statusChangedBy || 'unknown' }), ' on ', time(c.statusChangedAt))
        : 'Not changed since it was submitted.'));
}

function setRefreshNote(text, spinning = false) {
  if (!sections) return;
  replace(sections.docsNote, text && spinning ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, text || null);
}

function renderAggregate() {
  const agg = contact.documentInsights || {};
  if (!documents.length) {
    replace(sections.aggregate);
    return;
  }
  const total = documents.reduce((sum, d) => sum + Number(d.size || 0), 0);
  const byStatus = {};
  for (const d of documents) byStatus[String(d.status).toLowerCase()] = (byStatus[String(d.status).toLowerCase()] || 0) + 1;
  const languages = Object.keys(agg.languages || {});
  replace(sections.aggregate,
    h('div', { class: 'stats' },
      stat(String(documents.length), documents.length === 1 ? 'document' : 'documents'),
      stat(formatBytes(total), 'in total'),
      ...Object.entries(byStatus).map(([status, n]) => stat(String(n), status)),
      languages.length ? stat(languages.join(', '), languages.length === 1 ? 'language' : 'languages') : null),
    agg.topKeywords?.length
      ? h('div', { class: 'aggregate-keywords' },
        h('h3', { class: 'small muted', text: 'Top keywords across documents' }),
        h('ul', { class: 'chips', 'aria-label': 'Top keywords across documents' }, agg.topKeywords.map((k) => h('li', { text: k }))))
      : null);
}

function stat(value, label) {
  return h('div', { class: 'stat' }, h('span', { class: 'stat-value', text: value }), h('span', { class: 'stat-label', text: label }));
}

function renderDocuments(listError) {
  const notice = listError
    ? h('p', { class: 'notice notice-warning', text: `The document service did not answer (${describe(listError)}); showing what the contact record knows.` })
    : null;
  if (!documents.length) {
    replace(sections.docsBody, notice, h('p', { class: 'muted', text: 'No documents were uploaded with this contact.' }));
    return;
  }
  replace(sections.docsBody, notice, h('ul', { class: 'doc-list' }, documents.map(renderDocument)));
  if (location.hash && !scrolledToTarget) {
    scrolledToTarget = true;
    document.getElementById(targetId())?.scrollIntoView({ block: 'center' });
  }
}

/** The element id the address's #fragment names ('' when it is not valid percent-encoding). */
function targetId() {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

function renderDocument(doc) {
  const status = String(doc.status || 'unknown').toLowerCase();
  const download = `/admin/api/documents/${encodeURIComponent(doc.id)}/content`;
  const target = targetId() === `doc-${doc.id}`;
  return h('li', { class: target ? 'doc-item is-target' : 'doc-item', id: `doc-${doc.id}`, 'data-document-id': doc.id, 'data-filename': doc.filename, 'data-status': status },
    h('div', { class: 'doc-head' },
      h('h3', { class: 'doc-name', id: `doc-name-${doc.id}`, tabindex: '-1' }, doc.filename || '(no file name)'),
      h('span', { class: 'doc-status' },
        isBusy(status) ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, ' ', badge(status))),
    h('ul', { class: 'meta-list small', 'aria-label': 'File details' },
      h('li', {}, h('span', { class: 'muted', text: 'Type ' }), typeLabel(doc.documentType)),
      h('li', {}, h('span', { class: 'muted', text: 'Size ' }), formatBytes(doc.size)),
      doc.contentType ? h('li', {}, h('span', { class: 'muted', text: 'Format ' }), doc.contentType) : null,
      h('li', {}, h('span', { class: 'muted', text: 'Uploaded ' }), time(doc.uploadedAt)),
      doc.processedAt ? h('li', {}, h('span', { class: 'muted', text: 'Processed ' }), time(doc.processedAt)) : null,
      doc.attempts > 1 ? h('li', {}, h('span', { class: 'muted', text: 'Attempts ' }), String(doc.attempts)) : null),
    doc.description ? h('p', { class: 'small doc-description' }, h('span', { class: 'muted', text: 'Description: ' }), doc.description) : null,
    doc.tags?.length ? h('p', { class: 'small' }, h('span', { class: 'muted', text: 'Tags: ' }), doc.tags.join(', ')) : null,
    status === 'failed' ? h('p', { class: 'failure', role: 'note', text: `Processing failed${doc.failureReason ? `: ${doc.failureReason}` : '.'}` }) : null,
    isBusy(status) ? h('p', { class: 'small muted', text: status === 'pending' ? 'Waiting to be processed…' : 'Extracting text and insights…' }) : null,
    status === 'completed' ? renderInsights(doc) : null,
    h('div', { class: 'doc-actions' },
      h('a', { class: 'button secondary', href: download, download: doc.filename || true, id: `download-${doc.id}`,
        'aria-label': `Download ${doc.filename || 'document'}` }, 'Download'),
      h('button', { type: 'button', class: 'secondary', disabled: isBusy(status), id: `reprocess-${doc.id}`,
        'aria-label': `Reprocess ${doc.filename || 'document'}`, on: { click: (e) => reprocess(doc, e.currentTarget) } }, 'Reprocess')));
}

function renderInsights(doc) {
  const p = doc.projected || {};
  const i = doc.insights || {};
  const pick = (name) => (i[name] !== undefined && i[name] !== null ? i[name] : p[name]);
  const language = pick('language');
  const keywords = pick('keywords') || [];
  const entities = pick('entities') || {};
  const summary = pick('summary');
  const numbers = [
    ['Words', pick('wordCount')],
    ['Pages', pick('pageCount')],
    ['Characters', pick('characterCount')],
    ['Lines', pick('lineCount')],
    ['Complexity', pick('complexityScore')],
  ].filter(([, v]) => v !== undefined && v !== null);
  const meta = [['Title', pick('title')], ['Author', pick('author')]].filter(([, v]) => v);
  const entityRows = [['Emails', 'emails'], ['Links', 'urls'], ['Phones', 'phones'], ['Dates', 'dates'], ['Amounts', 'amounts']]
    .map(([label, key]) => [label, Array.isArray(entities[key]) ? entities[key] : []])
    .filter(([, values]) => values.length);

  if (!language && !keywords.length && !summary && !numbers.length) {
    return h('div', { class: 'doc-insights' }, h('p', { class: 'small muted', text: 'No insights were extracted from this document.' }));
  }
  return h('div', { class: 'doc-insights', 'aria-label': `Insights of ${doc.filename || 'the document'}`, role: 'group' },
    h('dl', { class: 'facts' },
      h('dt', { text: 'Language' }), h('dd', { 'data-insight': 'language', 'data-value': language || '' }, languageLabel(language) || '—'),
      meta.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: String(value) })]),
      numbers.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { 'data-insight': label.toLowerCase(), text: String(value) })]),
      h('dt', { text: 'Keywords' }),
      h('dd', {}, keywords.length
        ? h('ul', { class: 'chips', 'data-insight': 'keywords', 'aria-label': 'Keywords' }, keywords.map((k) => h('li', { text: k })))
        : h('span', { class: 'muted', text: 'none' })),
      entityRows.flatMap(([label, values]) => [h('dt', { text: label }), h('dd', { text: values.join(', ') })])),
    summary ? h('p', { class: 'doc-summary small' }, h('strong', { text: 'Summary: ' }), summary) : null);
}

async function reprocess(doc, button) {
  button.disabled = true;
  try {
    await admin('POST', `/documents/${doc.id}/reprocess`);
  } catch (error) {
    announce(`Could not reprocess “${doc.filename}”: ${describe(error)}`, 'error');
    button.disabled = false;
    button.focus();
    return;
  }
  announce(`“${doc.filename}” is queued for processing again.`, 'success');
  lagRefreshes = 0;
  // The button stays disabled while the document is processed: the keyboard goes to its name.
  document.getElementById(`doc-name-${doc.id}`)?.focus();
  await refresh();
}

/* ---------- erasure ---------- */

function openEraseDialog() {
  dialog.returnValue = '';
  dialog.showModal();
}

let erasing = false;

dialog.addEventListener('close', async () => {
  const button = document.getElementById('erase-open');
  if (dialog.returnValue !== 'confirm' || erasing) {
    button?.focus();
    return;
  }
  erasing = true;
  if (button) button.disabled = true;
  announce('Erasing…', 'info');
  try {
    await admin('DELETE', `/contacts/${contactId}`);
    erased = true;
    clearTimeout(refreshTimer);
    const name = contact?.name || 'The contact';
    document.title = 'Contact erased · Document intake admin';
    announce('');
    replace(root,
      h('div', { class: 'page-head' }, h('h1', { text: 'Contact erased', id: 'erased-heading', tabindex: '-1' })),
      h('div', { class: 'notice notice-success', role: 'status', id: 'erased' },
        h('p', {}, h('strong', { text: name }), ' and the documents uploaded with it have been erased.'),
        h('p', { class: 'small', text: 'Search entries and mail log data are removed in the background within moments.' })),
      h('p', {}, h('a', { class: 'button', href: '/admin/contacts' }, 'Back to the contact list')));
    document.getElementById('erased-heading').focus();
  } catch (error) {
    announce(`Could not erase the contact: ${describe(error)}`, 'error');
    if (button) {
      button.disabled = false;
      button.focus();
    }
  } finally {
    erasing = false;
  }
});

start();
