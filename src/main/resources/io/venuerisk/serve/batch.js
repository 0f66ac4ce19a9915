// The calendar tab: uploads a calendar (and its venue registry) to /api/batch and shows the HTML
// report that `batch --format html` writes, in a sandboxed frame (its sorting script runs there,
// cut off from this page).

import { call } from './api.js';

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

export function setUpBatch(tiers) {
  const form = document.getElementById('batch-form');
  const status = document.getElementById('batch-status');
  const frame = document.getElementById('report');
  const rejections = document.getElementById('rejections');
  const minTier = document.getElementById('min-tier');
  for (const t of tiers) {
    minTier.append(el('option', { value: t }, t));
  }

  function body() {
    const data = new FormData();
    data.append('calendar', document.getElementById('calendar').files[0]);
    const venues = document.getElementById('venues').files[0];
    if (venues) {
      data.append('venues', venues);
    }
    return data;
  }

  function query(format, extra) {
    const q = new URLSearchParams({ format });
    if (minTier.value) {
      q.set('minTier', minTier.value);
    }
    const top = document.getElementById('top').value.trim();
    if (top) {
      q.set('top', top);
    }
    for (const [k, v] of Object.entries(extra || {})) {
      q.set(k, v);
    }
    return '/api/batch?' + q;
  }

  async function listRejections() {
    // the JSON Lines report carries each rejected record as a problem after the rows
    const res = await call(query('jsonl', { top: '1' }), { method: 'POST', body: body() });
    const lines = (await res.text()).split('\n').filter((l) => l.trim());
    const problems = lines.map((l) => JSON.parse(l)).filter((o) => o.type && o.detail);
    rejections.replaceChildren(el('h3', {}, 'Rejected records'),
      el('ul', {}, ...problems.map((p) => el('li', {}, el('code', {}, p.detail)))));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    rejections.replaceChildren();
    if (!document.getElementById('calendar').files.length) {
      status.textContent = 'Choose a calendar file first.';
      status.className = 'status error-text';
      document.getElementById('calendar').focus();
      return;
    }
    status.textContent = 'Scoring the calendar...';
    status.className = 'status';
    try {
      const res = await call(query('html'), { method: 'POST', body: body() });
      if (!res.ok) {
        const p = await res.json();
        status.textContent = p.detail || res.statusText;
        status.className = 'status error-text';
        frame.hidden = true;
        return;
      }
      frame.srcdoc = await res.text();
      frame.hidden = false;
      const rejected = Number(res.headers.get('Venue-Risk-Rejected') || '0');
      const warnings = Number(res.headers.get('Venue-Risk-Warnings') || '0');
      status.textContent =
        (rejected
          ? 'Scored; ' + rejected + ' record(s) could not be scored and are left out.'
          : 'Scored; every record was read.') +
        (warnings
          ? ' ' + warnings + ' recurring event(s) go on past 2 years or 500 occurrences: only' +
            ' the occurrences within that are scored.'
          : '');
      status.className = 'status';
      if (rejected) {
        const button = el('button', { type: 'button' }, 'List the rejected records');
        button.addEventListener('click', () => listRejections());
        rejections.replaceChildren(button);
      }
    } catch (err) {
      status.textContent = 'The server did not answer: ' + err.message;
      status.className = 'status error-text';
    }
  });
}
