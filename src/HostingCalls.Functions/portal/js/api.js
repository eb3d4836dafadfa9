// Talks to the API on the same origin. A focal point's invitation token arrives in the link's fragment (never sent
// to a server by the browser); it is exchanged once for a session cookie that scripts cannot read (HttpOnly) and the
// fragment is cleared, so the token stays nowhere in the browser. The secretariat's sign-in is App Service
// Authentication's cookie. The development caller header is sent only when set in this tab.
const actAsKey = 'hostingcalls.actAs';
let linkRefusal = null;

/** Opens a session with the link's token, if the address carries one; a refusal is kept to be said once. */
export async function takeInvitationFromLink() {
  const match = /(?:^#|[&#])invitation=([^&]+)/.exec(location.hash);
  if (!match) return;
  history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  let response = null;
  try {
    response = await fetch('/api/sessions', {
      method: 'POST', headers: { 'X-HostingCalls-Invitation': match[1] }, credentials: 'same-origin', cache: 'no-store',
    });
  } catch {
    response = null;
  }
  if (response?.ok) return;
  const problem = response ? await response.json().catch(() => null) : null;
  linkRefusal = problem?.detail ?? '';
}

export const session = {
  get actAs() { return sessionStorage.getItem(actAsKey); },
  set actAs(value) {
    if (value) sessionStorage.setItem(actAsKey, value); else sessionStorage.removeItem(actAsKey);
  },
};

function headersFor(options) {
  const headers = {};
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

/**
 * Who the API says the caller is. A refused link or an ended session is told apart, once, so the page can say what
 * to do (the API clears an ended session's cookie as it refuses it).
 */
export async function whoAmI() {
  if (linkRefusal !== null) {
    const refused = linkRefusal;
    linkRefusal = null;
    return { role: 'Anonymous', id: 'anonymous', invitationRefused: refused };
  }
  const me = await api('GET', 'me');
  if (me.ok && me.data) return me.data;
  if (me.status === 401) return { role: 'Anonymous', id: 'anonymous', invitationRefused: me.data?.detail ?? '' };
  return { role: 'Anonymous', id: 'anonymous' };
}
