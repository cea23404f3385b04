// The public contact form: client-side checks that mirror contact-service's validator, the message
// itself (POST /api/v1/contacts), then each attachment (POST /api/v1/documents with the contact's
// upload token) with progress, and a summary of what was received. All user data is text nodes.
import { h, replace, formatBytes, formatDate, announce } from './dom.js';
import { request, upload, ApiError } from './api.js';
import { prepareProofOfWork, takeProofOfWork } from './proof-of-work.js';

const CONTACTS_API = '/api/v1/contacts';
const DOCUMENTS_API = '/api/v1/documents';
const MAX_FILES = 10;
const UPLOAD_CONCURRENCY = 2;
// What document-service accepts. These defaults hold until GET /api/v1/documents/limits answers with
// the service's configuration (and if it cannot be read: the server checks again anyway).
const uploadLimits = {
  maxBytes: 50 * 1024 * 1024,
  extensions: new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf',
    'txt', 'csv', 'json', 'html', 'htm', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'svg', 'tiff', 'tif']),
};

// ContactFormValidator.EMAIL, anchored (Java's matches() covers the whole value).
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
// Character.CONTROL (Cc), LINE/PARAGRAPH_SEPARATOR and the bidi overrides U+202D/U+202E; multi-line
// fields may hold tabs and line breaks.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202D\u202E]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202D\u202E]/;

/** The fields a person fills, with the server's limits. */
const FIELDS = [
  { name: 'name', label: 'Name', required: 'Enter your name.', max: 100 },
  { name: 'email', label: 'Email', required: 'Enter your email address.', max: 254, email: true },
  { name: 'message', label: 'Message', required: 'Enter a message.', max: 1000, multiline: true },
  { name: 'company', label: 'Company', max: 100 },
  { name: 'service', label: 'Service', max: 100 },
  { name: 'budget', label: 'Budget', max: 50 },
  // Sent with each file (document-service: at most 1000 characters).
  { name: 'description', label: 'Description', max: 1000, multiline: true, utf16: true, upload: true },
];
const FIELD_BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));
const CONTACT_FIELDS = FIELDS.filter((f) => !f.upload).map((f) => f.name);
// Filled in by the page, not the person: if the server refuses them, send the message without them.
const AUTOMATIC_FIELDS = new Set(['userAgent', 'pageUrl']);

const $ = (id) => document.getElementById(id);
const form = $('contact-form');
const formSection = $('form-section');
const submitButton = $('submit-button');
const submitLabel = submitButton.querySelector('.submit-label');
const summary = $('form-errors');
const summaryTitle = $('form-errors-title');
const summaryDetail = $('form-errors-detail');
const summaryList = $('form-errors-list');
const dropzone = $('dropzone');
const fileInput = $('attachments');
const fileErrors = $('attachments-error');
const filesLive = $('files-live');
const fileListWrap = $('file-list-wrap');
const fileListSlot = $('file-list-slot');
const fileList = $('file-list');
const fileSummary = $('file-summary');
const messageInput = $('message');
const counter = $('message-counter');
const success = $('success');

const state = {
  submittedOnce: false,
  busy: false,
  locked: false,
  files: [], // {key, file, li, progress, status, removeButton, retryButton, state, detail}
  contact: null, // {id, createdAt, uploadToken, documentType, description, values}
  nextKey: 1,
};

/* ---------- values and checks ---------- */

function input(name) {
  return form.elements.namedItem(name);
}

/** Like the server: trimmed, Unicode NFC. */
function normalized(raw) {
  return String(raw ?? '').trim().normalize('NFC');
}

function codePoints(text) {
  return [...text].length;
}

/** The message for one field ('' when it is fine), in the order the server checks. */
function problemOf(field, raw) {
  const value = normalized(raw);
  if (!value) return field.required || '';
  if ((field.multiline ? CONTROL_MULTILINE : CONTROL).test(value)) {
    return `${field.label} must not contain control characters.`;
  }
  const length = field.utf16 ? value.length : codePoints(value);
  if (length > field.max) {
    return `${field.label} must be at most ${field.max} characters (it has ${length}).`;
  }
  if (field.email && !EMAIL.test(value)) return 'Enter a valid email address, like name@example.com.';
  return '';
}

function setFieldError(name, message) {
  const control = input(name);
  const error = $(`${name}-error`);
  if (!control || !error) return;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  error.textContent = message || '';
  control.closest('.field')?.classList.toggle('has-error', Boolean(message));
}

function currentFieldErrors() {
  return FIELDS.map((f) => ({ field: f.name, message: $(`${f.name}-error`).textContent }))
    .filter((e) => e.message);
}

function validateField(name) {
  const field = FIELD_BY_NAME.get(name);
  const message = problemOf(field, input(name).value);
  setFieldError(name, message);
  return message;
}

function validateAll() {
  return FIELDS.map((f) => ({ field: f.name, message: validateField(f.name) })).filter((e) => e.message);
}

/* ---------- error summary ---------- */

function showSummary({ title, detail = '', fieldErrors = [] }) {
  summaryTitle.textContent = title;
  summaryDetail.textContent = detail;
  summaryDetail.hidden = !detail;
  replace(summaryList, fieldErrors.map(({ field, message }) => h('li', {},
    h('a', { href: `#${field}`, on: { click: (e) => { e.preventDefault(); focusField(field); } } }, message))));
  summaryList.hidden = fieldErrors.length === 0;
  summary.hidden = false;
}

function hideSummary() {
  summary.hidden = true;
  replace(summaryList);
  summaryDetail.textContent = '';
}

function problemsTitle(count) {
  return count === 1 ? 'Please correct 1 field' : `Please correct ${count} fields`;
}

/** After the first submit, the summary follows the fields as they are corrected. */
function refreshSummary() {
  if (summary.hidden || summaryDetail.textContent) return;
  const errors = currentFieldErrors();
  if (errors.length === 0) hideSummary();
  else showSummary({ title: problemsTitle(errors.length), fieldErrors: errors });
}

function focusField(name) {
  const control = input(name);
  if (!control) return;
  control.focus();
  control.scrollIntoView?.({ block: 'center' });
}

/* ---------- message counter ---------- */

function updateCounter() {
  const length = codePoints(messageInput.value.normalize('NFC'));
  counter.textContent = `${length} / 1000 characters`;
  counter.classList.toggle('is-near', length > 900 && length <= 1000);
  counter.classList.toggle('is-over', length > 1000);
}

/* ---------- attachments ---------- */

/** The extension document-service will see (SafeFilename: ASCII letters, digits, . - _ only). */
function extensionOf(filename) {
  const base = String(filename).split(/[\\/]/).pop().normalize('NFKC');
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/_{2,}/g, '_')
    .replace(/^[._]+/, '').replace(/[._]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  return extension.length > 10 ? '' : extension;
}

function fileProblem(file) {
  const extension = extensionOf(file.name);
  if (!uploadLimits.extensions.has(extension)) {
    return extension
      ? `${file.name} was not added: .${extension} files are not accepted.`
      : `${file.name} was not added: files without a known extension are not accepted.`;
  }
  if (file.size > uploadLimits.maxBytes) {
    return `${file.name} was not added: it is larger than ${Math.floor(uploadLimits.maxBytes / (1024 * 1024))} MB (${formatBytes(file.size)}).`;
  }
  if (file.size === 0) return `${file.name} was not added: the file is empty.`;
  return '';
}

function sameFile(a, b) {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

function addFiles(files) {
  if (state.locked) return;
  const refused = [];
  let added = 0;
  for (const file of Array.from(files || [])) {
    const problem = fileProblem(file);
    if (problem) {
      refused.push(problem);
    } else if (state.files.some((item) => sameFile(item.file, file))) {
      refused.push(`${file.name} is already in the list.`);
    } else if (state.files.length >= MAX_FILES) {
      refused.push(`${file.name} was not added: you can attach at most ${MAX_FILES} files.`);
    } else {
      state.files.push(createItem(file));
      added++;
    }
  }
  showFileErrors(refused);
  renderFiles();
  if (added) filesLive.textContent = `${added === 1 ? '1 file' : `${added} files`} added. ${state.files.length} of ${MAX_FILES} attached.`;
}

function showFileErrors(messages) {
  replace(fileErrors, messages.length ? h('ul', {}, messages.map((m) => h('li', { text: m }))) : null);
}

function createItem(file) {
  const key = state.nextKey++;
  const extension = extensionOf(file.name);
  const item = { key, file, state: 'ready', detail: '' };
  item.status = h('span', { class: 'upload-status', id: `upload-status-${key}`, text: 'Ready to send' });
  item.progress = h('progress', { max: '100', value: '0', 'aria-label': `Upload progress of ${file.name}`, 'aria-describedby': `upload-status-${key}` });
  item.removeButton = h('button', {
    type: 'button', class: 'secondary small-button remove-file',
    on: { click: () => removeItem(item) },
  }, 'Remove', h('span', { class: 'visually-hidden', text: ` ${file.name}` }));
  item.retryButton = h('button', {
    type: 'button', class: 'small-button retry-file', hidden: true,
    on: { click: () => retryItem(item) },
  }, 'Retry', h('span', { class: 'visually-hidden', text: ` ${file.name}` }));
  item.li = h('li', { class: 'upload-item', 'data-state': 'ready', dataset: { filename: file.name } },
    h('span', { class: 'file-type', 'aria-hidden': 'true', text: extension.slice(0, 4).toUpperCase() }),
    h('div', { class: 'file-info' },
      h('span', { class: 'file-name', text: file.name }),
      h('span', { class: 'file-meta' }, h('span', { class: 'file-size', text: formatBytes(file.size) }), item.status),
      item.progress),
    h('div', { class: 'file-actions' }, item.retryButton, item.removeButton));
  return item;
}

function removeItem(item) {
  if (state.locked) return;
  const index = state.files.indexOf(item);
  if (index < 0) return;
  state.files.splice(index, 1);
  renderFiles();
  showFileErrors([]);
  filesLive.textContent = `${item.file.name} removed. ${state.files.length} of ${MAX_FILES} attached.`;
  // Keep the keyboard where it was: the next remove button, or the file chooser.
  const next = state.files[index] || state.files[index - 1];
  (next ? next.removeButton : fileInput).focus();
}

function renderFiles() {
  replace(fileList, state.files.map((item) => item.li));
  fileListWrap.hidden = state.files.length === 0;
  const total = state.files.reduce((sum, item) => sum + item.file.size, 0);
  fileSummary.textContent = state.files.length
    ? `${state.files.length} of ${MAX_FILES} files · ${formatBytes(total)}`
    : '';
}

function setItemState(item, itemState, statusText, percent) {
  item.state = itemState;
  item.li.dataset.state = itemState;
  item.status.textContent = statusText;
  if (percent !== undefined) item.progress.value = Math.max(0, Math.min(100, percent));
  item.retryButton.hidden = itemState !== 'failed';
  item.li.classList.toggle('has-error', itemState === 'failed');
}

/* ---------- drag and drop ---------- */

function hasFiles(event) {
  return Array.from(event.dataTransfer?.types || []).includes('Files');
}

dropzone.addEventListener('dragenter', (event) => {
  if (!hasFiles(event) || state.locked) return;
  event.preventDefault();
  dropzone.classList.add('is-dragover');
});
dropzone.addEventListener('dragover', (event) => {
  if (!hasFiles(event) || state.locked) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  dropzone.classList.add('is-dragover');
});
dropzone.addEventListener('dragleave', (event) => {
  if (event.relatedTarget && dropzone.contains(event.relatedTarget)) return;
  dropzone.classList.remove('is-dragover');
});
dropzone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropzone.classList.remove('is-dragover');
  if (state.locked) return;
  addFiles(event.dataTransfer?.files);
});
// A file dropped next to the zone must not make the browser leave the page to open it.
for (const type of ['dragover', 'drop']) {
  window.addEventListener(type, (event) => {
    if (hasFiles(event) && !dropzone.contains(event.target)) event.preventDefault();
  });
}

fileInput.addEventListener('change', () => {
  addFiles(fileInput.files);
  fileInput.value = '';
});

/* ---------- submission ---------- */

function idempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** location.href as java.net.URI accepts it (no fragment, stray characters escaped), ≤ 500 characters. */
function pageUrl() {
  const url = new URL(location.href);
  let text = `${url.origin}${url.pathname}${url.search}`
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
  if (text.length > 500) text = text.slice(0, 500).replace(/%[0-9A-Fa-f]?$/, '');
  return text;
}

function contactValues() {
  const values = {};
  for (const name of CONTACT_FIELDS) {
    const value = normalized(input(name).value);
    if (value) values[name] = value;
  }
  return values;
}

function payload(values) {
  return {
    ...values,
    source: 'website',
    userAgent: String(navigator.userAgent || '').slice(0, 500) || undefined,
    pageUrl: pageUrl(),
    website: input('hp-website').value || undefined,
  };
}

async function postContact(body) {
  let altcha;
  try {
    altcha = await takeProofOfWork();
  } catch (error) {
    // the challenge could not be fetched: the same answer as the message itself failing
    throw error instanceof ApiError ? error : new ApiError(0, { title: 'Network error' });
  }
  return request(CONTACTS_API, {
    method: 'POST', body: { ...body, altcha }, headers: { 'Idempotency-Key': idempotencyKey() },
  });
}

async function createContact(body) {
  try {
    return await postContact(body);
  } catch (error) {
    const automaticOnly = error instanceof ApiError && error.status === 400 && error.errors.length > 0
      && error.errors.every((e) => AUTOMATIC_FIELDS.has(e.field));
    if (!automaticOnly) throw error;
    const { userAgent, pageUrl: url, ...rest } = body;
    return postContact(rest);
  }
}

function setSubmitting(submitting) {
  state.busy = submitting;
  submitButton.disabled = submitting;
  submitButton.classList.toggle('is-busy', submitting);
  submitButton.setAttribute('aria-busy', String(submitting));
  submitLabel.textContent = submitting ? 'Sending…' : 'Send message';
}

/** Every control of the form except the attachments' own buttons. */
function lockForm(locked) {
  state.locked = locked;
  for (const element of form.elements) {
    if (element.tagName === 'FIELDSET' || element.closest('#file-list')) continue;
    element.disabled = locked;
  }
  dropzone.classList.toggle('is-disabled', locked);
  for (const item of state.files) item.removeButton.hidden = locked;
}

function handleContactError(error) {
  const apiError = error instanceof ApiError ? error : new ApiError(0, { title: 'Network error' });
  const fieldErrors = [];
  const other = [];
  for (const { field, message } of apiError.errors) {
    const known = FIELD_BY_NAME.get(field);
    if (known && !known.upload) {
      const text = `${known.label} ${message}.`;
      setFieldError(field, text);
      fieldErrors.push({ field, message: text });
    } else {
      other.push(`${field ? `${field}: ` : ''}${message}`);
    }
  }
  let detail;
  if (apiError.status === 0) {
    detail = 'The server could not be reached. Check your connection and try again; your entries are kept.';
  } else if (apiError.status === 429) {
    const seconds = Number(apiError.retryAfter);
    detail = Number.isFinite(seconds) && seconds > 0
      ? `Too many messages were sent from your connection. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
      : apiError.describe();
  } else if (fieldErrors.length) {
    detail = other.length ? other.join(' ') : '';
  } else {
    detail = [apiError.describe(), ...other].join(' ');
  }
  showSummary({
    title: fieldErrors.length ? `Your message was not sent. ${problemsTitle(fieldErrors.length)}` : 'Your message was not sent',
    detail,
    fieldErrors,
  });
  if (fieldErrors.length) focusField(fieldErrors[0].field);
  else summary.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (state.busy || state.locked) return;
  state.submittedOnce = true;
  const errors = validateAll();
  if (errors.length) {
    showSummary({ title: problemsTitle(errors.length), fieldErrors: errors });
    focusField(errors[0].field);
    return;
  }
  hideSummary();
  announce('');
  const values = contactValues();
  const documentType = input('documentType').value || 'other';
  const description = normalized(input('description').value);

  setSubmitting(true);
  let created;
  try {
    created = await createContact(payload(values));
  } catch (error) {
    setSubmitting(false);
    handleContactError(error);
    return;
  }
  state.contact = { ...created, documentType, description, values };
  lockForm(true);
  if (state.files.length) {
    submitLabel.textContent = 'Uploading files…';
    announce(`Your message was sent. Uploading ${state.files.length === 1 ? '1 file' : `${state.files.length} files`}…`);
    await uploadAll(state.files);
  }
  setSubmitting(false);
  showSuccess();
});

/* ---------- uploads ---------- */

async function uploadAll(items) {
  const queue = items.filter((item) => item.state !== 'done');
  const worker = async () => {
    while (queue.length) await uploadOne(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, queue.length) }, worker));
}

function uploadErrorText(error) {
  if (!(error instanceof ApiError)) return 'unexpected error';
  if (error.status === 0) return 'the server could not be reached';
  const fields = error.errors.map((e) => (e.field === 'file' ? e.message : `${e.field} ${e.message}`));
  if (error.status === 400 && fields.length) return fields.join('; ');
  return error.describe();
}

async function uploadOne(item) {
  const contact = state.contact;
  setItemState(item, 'uploading', 'Uploading 0 %', 0);
  const data = new FormData();
  data.append('file', item.file, item.file.name);
  data.append('contactId', contact.id);
  data.append('documentType', contact.documentType);
  if (contact.description) data.append('description', contact.description);
  try {
    const document = await upload(DOCUMENTS_API, data, {
      headers: { 'X-Upload-Token': contact.uploadToken },
      onProgress: (sent, total) => {
        if (!total) return;
        const percent = Math.floor((sent / total) * 100);
        setItemState(item, 'uploading', percent >= 100 ? 'Checking the file…' : `Uploading ${percent} %`, percent);
      },
    });
    item.documentId = document?.id;
    item.detail = '';
    setItemState(item, 'done', 'Uploaded', 100);
  } catch (error) {
    item.detail = uploadErrorText(error);
    setItemState(item, 'failed', `Failed: ${item.detail}`);
  }
}

async function retryItem(item) {
  if (!state.contact || item.state === 'uploading') return;
  await uploadOne(item);
  renderOutcome();
  announce(item.state === 'done' ? `${item.file.name} uploaded.` : `${item.file.name} failed again: ${item.detail}`,
    item.state === 'done' ? 'success' : 'error');
  if (item.state === 'done') $('success-title').focus();
  else item.retryButton.focus();
}

/* ---------- success view ---------- */

function renderOutcome() {
  const failed = state.files.filter((item) => item.state === 'failed');
  const done = state.files.filter((item) => item.state === 'done');
  const outcome = $('upload-outcome');
  if (!state.files.length) {
    replace(outcome);
  } else if (failed.length === 0) {
    replace(outcome, h('p', { class: 'notice notice-success' },
      done.length === 1 ? 'Your file was uploaded.' : `All ${done.length} files were uploaded.`));
  } else {
    replace(outcome, h('p', { class: 'notice notice-warning' },
      `${failed.length === 1 ? '1 file was' : `${failed.length} files were`} not uploaded. `
      + 'Your message was received all the same; use “Retry” next to a file to try again.'));
  }
}

function showSuccess() {
  const { id, createdAt, values } = state.contact;
  $('success-title').textContent = `Thank you, ${values.name}!`;
  replace($('success-lead'), 'We received your message and will reply to ', h('strong', { text: values.email }), '.');
  const reference = success.querySelector('[data-contact-id]');
  reference.textContent = id;
  reference.setAttribute('data-contact-id', id);

  const rows = [
    ['Name', values.name], ['Email', values.email], ['Company', values.company], ['Service', values.service],
    ['Budget', values.budget], ['Received', createdAt ? formatDate(createdAt) : ''],
  ].filter(([, value]) => value);
  replace($('received'),
    rows.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value })]),
    h('dt', { text: 'Message' }), h('dd', { class: 'received-message', text: values.message }));

  const filesBox = $('success-files');
  filesBox.hidden = state.files.length === 0;
  if (state.files.length) {
    $('success-files-slot').append(fileListWrap);
    fileSummary.textContent = `${state.files.length === 1 ? '1 file' : `${state.files.length} files`} · ${formatBytes(state.files.reduce((s, i) => s + i.file.size, 0))}`;
  }
  renderOutcome();

  announce('');
  formSection.hidden = true;
  success.hidden = false;
  $('success-title').focus();
}

function resetForm() {
  form.reset();
  state.files = [];
  state.contact = null;
  state.submittedOnce = false;
  fileListSlot.append(fileListWrap);
  renderFiles();
  showFileErrors([]);
  filesLive.textContent = '';
  for (const field of FIELDS) setFieldError(field.name, '');
  hideSummary();
  lockForm(false);
  setSubmitting(false);
  updateCounter();
  replace($('received'));
  replace($('upload-outcome'));
  success.hidden = true;
  formSection.hidden = false;
  announce('');
  input('name').focus();
  window.scrollTo?.({ top: 0 });
}

$('send-another').addEventListener('click', resetForm);

/* ---------- live checks ---------- */

for (const field of FIELDS) {
  const control = input(field.name);
  control.addEventListener('blur', () => {
    if (!state.submittedOnce || state.locked) return;
    validateField(field.name);
    refreshSummary();
  });
  control.addEventListener('input', () => {
    // Clear an error as soon as the value is fixed; new errors wait for blur or submit.
    if (control.getAttribute('aria-invalid') === 'true' && !problemOf(field, control.value)) {
      setFieldError(field.name, '');
      refreshSummary();
    }
  });
}
messageInput.addEventListener('input', updateCounter);
updateCounter();
// The proof of work is solved while the person types, so sending does not wait for it.
form.addEventListener('focusin', prepareProofOfWork, { once: true });

async function loadUploadLimits() {
  try {
    const limits = await request(`${DOCUMENTS_API}/limits`);
    if (Number.isFinite(limits?.maxBytes) && Array.isArray(limits?.extensions) && limits.extensions.length) {
      uploadLimits.maxBytes = limits.maxBytes;
      uploadLimits.extensions = new Set(limits.extensions.map((e) => String(e).toLowerCase()));
      document.getElementById('attachments').setAttribute('accept', limits.extensions.map((e) => `.${e}`).join(','));
    }
  } catch {
    // keep the defaults: the upload endpoint enforces the real limits and its errors are shown per file
  }
}
loadUploadLimits();
