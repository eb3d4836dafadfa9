// Talks to the API on the same origin. A focal point's invitation token arrives in the link's fragment (never sent
// to a server by the browser), is kept for this tab only and sent in the X-HostingCalls-Invitation header; the secretariat's sign-in is
// App Service Authentication's cookie. The development caller header is sent only when set in this tab.
const tokenKey = 'hostingcalls.invitation';
const actAsKey = 'hostingcalls.actAs';

export function takeInvitationFromLink() {
  const match = /(?:^#|[&#])invitation=([^&]+)/.exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(tokenKey, match[1]); // base64url and dots: nothing to decode
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
}

export const session = {
  get token() { return sessionStorage.getItem(tokenKey); },
  get actAs() { return sessionStorage.getItem(actAsKey); },
  set actAs(value) {
    if (value) sessionStorage.setItem(actAsKey, value); else sessionStorage.removeItem(actAsKey);
  },
};

function headersFor(options) {
  const headers = {};
  if (session.token) headers['X-HostingCalls-Invitation'] = session.token;
  if (session.actAs) headers['X-HostingCalls-Caller'] = session.actAs;
  if (options.etag) headers['If-Match'] = options.etag;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  // A file's name goes in a header, never in the URL that logs and telemetry record.
  if (options.fileName) headers['X-HostingCalls-File-Name'] = encodeURIComponent(options.fileName);
  return headers;
}

/** { ok, status, data, etag }: data is the JSON body or the problem document; never throws for an HTTP status. */
export async function api(method, path, options = {}) {
  const headers = headersFor(options);
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (body) {
    headers['Content-Type'] = 'application/octet-stream';
  }
  let response;
  try {
    response = await fetch(`/api/${path}`, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, status: 0, data: null, etag: null };
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  return { ok: response.ok, status: response.status, data, etag: response.headers.get('ETag') };
}

/** Downloads a file the API serves (CSV, attachments) with this tab's credentials. */
export async function download(path, fileName) {
  const response = await fetch(`/api/${path}`, { headers: headersFor({}), credentials: 'same-origin' });
  if (!response.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return true;
}

/** Who the API says the caller is. A refused invitation token is told apart, so the page can say what to do. */
export async function whoAmI() {
  const me = await api('GET', 'me');
  if (me.ok && me.data) return me.data;
  if (me.status === 401 && session.token) {
    // Said once, then forgotten: a dead token would otherwise refuse every later page of this tab.
    sessionStorage.removeItem(tokenKey);
    return { role: 'Anonymous', id: 'anonymous', invitationRefused: me.data?.detail ?? '' };
  }
  return { role: 'Anonymous', id: 'anonymous' };
}
