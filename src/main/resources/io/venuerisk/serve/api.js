// Calls to this server's API. A server started with --token answers 401 until the page has the
// token; the page then asks for it once and keeps it for the tab's life (sessionStorage).

const KEY = 'venue-risk-token';
let waiting = null;

function headers(extra) {
  const h = Object.assign({}, extra || {});
  const t = sessionStorage.getItem(KEY);
  if (t) {
    h.Authorization = 'Bearer ' + t;
  }
  return h;
}

function askForToken() {
  if (waiting) {
    return waiting;
  }
  const bar = document.getElementById('token-bar');
  const form = document.getElementById('token-form');
  const input = document.getElementById('token');
  bar.hidden = false;
  input.focus();
  waiting = new Promise((resolve) => {
    form.addEventListener('submit', function once(e) {
      e.preventDefault();
      sessionStorage.setItem(KEY, input.value);
      bar.hidden = true;
      form.removeEventListener('submit', once);
      waiting = null;
      resolve();
    });
  });
  return waiting;
}

/** fetch() with the token; on 401 asks for the token and tries again. */
export async function call(path, init) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const opts = Object.assign({}, init || {});
    opts.headers = headers(opts.headers);
    const res = await fetch(path, opts);
    if (res.status !== 401) {
      return res;
    }
    await askForToken();
  }
  throw new Error('the server refused the token');
}

/** The JSON of a GET, or an Error with the problem's detail. */
export async function getJson(path) {
  const res = await call(path);
  const body = await res.json();
  if (!res.ok) {
    throw new Error(body.detail || res.statusText);
  }
  return body;
}

/** POSTs JSON; resolves to {ok, status, body} where body is the result or the problem. */
export async function postJson(path, value) {
  const res = await call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = { detail: res.status + ' ' + res.statusText };
  }
  return { ok: res.ok, status: res.status, body };
}
