// Calls to the platform's APIs. The admin pages go through /admin/api (the edge checks the
// administrator's basic-auth credentials, which the browser sends for everything under /admin/).

export const ADMIN_API = '/admin/api';

/** A UUID as the platform's ids are written (any case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An error answer: the problem+json fields, ready to show. `path` is what was called. */
export class ApiError extends Error {
  constructor(status, problem, path = '') {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.title = problem?.title || '';
    this.detail = problem?.detail || '';
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.retryAfter = problem?.retryAfter;
    this.path = path;
  }

  /**
   * One line for the user: the detail, else the title, else a plain word for the status. An admin
   * call refused with 401 means the browser's sign-in is gone or outdated (the password changed):
   * only a reload brings back the browser's sign-in dialog, so that is what the line says.
   */
  describe() {
    if (this.status === 0) return 'The server could not be reached. Check your connection and try again.';
    if (this.status === 401 && this.path.startsWith(`${ADMIN_API}/`)) {
      return 'You are not signed in, or your sign-in is no longer valid. Reload the page to sign in again.';
    }
    if (this.status === 403) return this.detail || 'You are not allowed to do this.';
    if (this.status === 429) {
      return `Too many requests. Please try again${this.retryAfter ? ` in ${this.retryAfter} seconds` : ' later'}.`;
    }
    return this.detail || this.title || `The request failed (HTTP ${this.status}).`;
  }
}

/** Any thrown value as one line for the user (ApiError.describe() for API errors). */
export function describeError(error) {
  if (error instanceof ApiError) return error.describe();
  return String(error?.message || error || 'Unexpected error');
}

/** True for an ApiError that no retry can cure without the person (signed out, not allowed). */
export function isAuthError(error) {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/**
 * For pages where a newer request replaces an older one (typing in a filter, paging): each call
 * aborts the previous call's request and returns a fresh AbortSignal, so a slow old answer can
 * never overwrite a newer one.
 */
export function latestOnly() {
  let controller = null;
  const next = () => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };
  next.abort = () => controller?.abort();
  return next;
}

async function problemOf(response, path) {
  const type = response.headers.get('Content-Type') || '';
  let problem = null;
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
  }
  problem = problem || { title: response.statusText };
  const retryAfter = response.headers.get('Retry-After');
  if (retryAfter) problem.retryAfter = retryAfter;
  return new ApiError(response.status, problem, path);
}

/**
 * fetch with JSON in and out. Returns the parsed body (null for 204); throws ApiError for any
 * non-2xx answer or a network failure.
 */
export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'Network error' }, path);
  }
  if (!response.ok) throw await problemOf(response, path);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** GET on an admin API path with query parameters (arrays repeat the parameter; empty values are left out). */
export function adminGet(path, params = {}, options = {}) {
  return request(`${ADMIN_API}${path}${query(params)}`, options);
}

/** Any other admin API call. */
export function admin(method, path, body) {
  return request(`${ADMIN_API}${path}`, { method, body });
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') search.append(key, String(v));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * POSTs multipart form data with upload progress (fetch cannot report it). onProgress gets
 * (sentBytes, totalBytes). Resolves with the parsed JSON answer; rejects with ApiError.
 */
export function upload(path, formData, { headers = {}, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0));
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        const problem = body || { title: xhr.statusText };
        const retryAfter = xhr.getResponseHeader('Retry-After');
        if (retryAfter) problem.retryAfter = retryAfter;
        reject(new ApiError(xhr.status, problem, path));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { title: 'Network error' }, path)));
    xhr.addEventListener('abort', () => reject(new ApiError(0, { title: 'Upload cancelled' }, path)));
    xhr.send(formData);
  });
}
