// DOM building from text only. User data never passes through an HTML parser: the pages are served
// with Trusted Types enforced, so innerHTML and friends would throw anyway.
import { query } from './api.js';

/**
 * Creates an element. attrs: plain attributes (class, id, href, aria-*, data-*...), `text` for
 * textContent, `on` for {event: handler}, boolean attributes as true/false. Children are nodes or
 * strings (strings become text nodes); null/undefined/false children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends nodes or strings (as text) to a parent. */
export function append(parent, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child and appends the given ones. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"' };

/**
 * Turns a search highlight (HTML-escaped text with <mark>...</mark> around matches, as
 * search-service returns it) into text nodes and <mark> elements, without an HTML parser.
 */
export function highlighted(escaped) {
  const fragment = document.createDocumentFragment();
  if (!escaped) return fragment;
  const parts = String(escaped).split(/(<\/?mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = part.replace(/&(amp|lt|gt|quot|apos|#39|#x27|#34);/g, (_, name) => ENTITIES[name]);
    fragment.append(marked ? h('mark', { text }) : document.createTextNode(text));
  }
  return fragment;
}

/** 1536 -> "1.5 KB". */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(Number(bytes))) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO-8601 instant as a local date and time; '' for none. */
export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateFormat.format(date);
}

/** A <time> element with the machine-readable instant and a readable local text. */
export function time(iso) {
  return iso ? h('time', { datetime: iso, title: iso, text: formatDate(iso) }) : h('span', { text: '—' });
}

/** A yyyy-mm-dd day (from a date input) as the ISO instant its local midnight starts, plus `days`. */
export function localDayStart(day, days = 0) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}

/** Calls fn after `ms` without another call; `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/**
 * Writes a page's state into the address bar's query (replaceState: no history entry), leaving out
 * empty values, so that a reload or a shared link shows the same view.
 */
export function setQuery(params) {
  history.replaceState(history.state, '', `${location.pathname}${query(params)}`);
}

/**
 * Re-renders without losing the keyboard's place: when the focused element (found by its id) is
 * replaced by render(), its new twin with the same id gets the focus back; when there is none, or
 * it cannot take focus (disabled), `fallback` does (an element with tabindex="-1", say a heading).
 */
export function keepFocus(render, fallback = null) {
  const before = document.activeElement;
  const id = before && before !== document.body ? before.id : '';
  const result = render();
  const lost = !document.activeElement || document.activeElement === document.body;
  if (before && before !== document.body && lost) {
    const twin = id ? document.getElementById(id) : null;
    twin?.focus({ preventScroll: true });
    if (document.activeElement !== twin) fallback?.focus({ preventScroll: true });
  }
  return result;
}

/** The text as an absolute http(s) URL for a link, or null (javascript:, data:, relative...: never a link). */
export function httpUrl(text) {
  try {
    const url = new URL(String(text));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A status word as a badge whose class follows the status (badge-completed, badge-failed...). */
export function badge(status) {
  const word = String(status || 'unknown').toLowerCase();
  return h('span', { class: `badge badge-${word.replace(/[^a-z_-]/g, '')}`, text: word });
}

/** Announces a message to screen readers and shows it in the page's status area. */
export function announce(message, kind = 'info') {
  const region = document.getElementById('status');
  if (!region) return;
  replace(region, message ? h('p', { class: `notice notice-${kind}`, text: message }) : null);
}

/** A failure as an alert box: the message, optional details, and a "Try again" button calling retry. */
export function errorNotice(message, retry, ...details) {
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', { text: message }),
    ...details,
    retry ? h('p', {}, h('button', { type: 'button', class: 'secondary', on: { click: () => retry() } }, 'Try again')) : null);
}
