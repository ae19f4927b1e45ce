// Talks to the Otklik HTTP API (docs/api.md). The session is an HTTP-only cookie, so nothing secret lives in JS.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Builds a query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** GET/POST JSON. A 401 on a page that needs a caller sends the browser to the sign-in page. */
export async function api(path, { method = 'GET', body, params, redirectOn401 = true } = {}) {
  const response = await fetch(path + query(params), {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && redirectOn401) {
    localStorage.removeItem('otklik.signedIn');
    const next = location.pathname + location.search;
    history.pushState(null, '', `/sign-in?next=${encodeURIComponent(next)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    throw new ApiError(401, { title: 'Нужно войти' });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
