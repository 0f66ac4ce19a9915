// The scenario form, built from the scenario JSON Schema the server serves (GET /api/schema), so
// that a field added to the contract appears here without a change to the page. Vocabularies are
// selects, lists of codes are checkboxes, booleans are "not stated / yes / no" (an absent fact is
// unknown, not false). Problems are the server's own messages, shown next to the field they name.

const LABELS = {
  id: 'Scenario id',
  name: 'Event name',
  date: 'First day',
  endDate: 'Last day',
  venue: 'Venue',
  'venue.id': 'Venue id',
  'venue.name': 'Venue name',
  'venue.type': 'Venue type',
  'venue.indoor': 'Indoors',
  'venue.capacity': 'Venue capacity (people)',
  'venue.city': 'City',
  'venue.country': 'Country',
  event: 'Event',
  'event.type': 'Event type',
  'event.expectedAttendance': 'Expected attendance (people)',
  'event.internationalProfile': 'International profile',
  'event.entryChecks': 'Entry checks',
  profile: 'Who is present',
  'profile.communities': 'Communities present',
  security: 'Protective measures in place',
  'security.measures': 'Measures in place',
  context: 'Declared threat context',
  'context.threatLevel': 'National threat level',
};

const HINTS = {
  id: 'A short id of your own, such as xmas-market-2026.',
  date: 'For an event of several days, the first; the last goes below.',
  endDate: 'Leave empty for a one-day event.',
  'venue.capacity': 'Give this or the expected attendance.',
  'event.expectedAttendance': 'Give this or the venue capacity.',
  'event.internationalProfile': 'International teams, delegations or crowds travelling from abroad (not broadcast reach).',
};

// not facts about the event: kept from a loaded file, never shown as fields
const SKIP = new Set(['$comment', 'expect']);

export function words(code) {
  return String(code).replace(/_/g, ' ');
}

function humanize(key) {
  const s = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children) {
    if (c !== null && c !== undefined) {
      e.append(c);
    }
  }
  return e;
}

function idFor(path) {
  return 'f-' + path.replace(/[^A-Za-z0-9]/g, '-');
}

/** Builds the form in {@code root}; returns its API. */
export function buildForm(root, schema, vocab) {
  const controls = new Map(); // path -> {kind, node}
  let extra = {};

  function describe(path, prop) {
    // the schema marks fields beyond the original contract "extension: ..."; a user needs the rest
    return HINTS[path] || (prop.description || '').replace(/^extension: /, '');
  }

  // a schema node that refers to another ("#/$defs/measure"), followed
  function resolve(prop) {
    let o = prop;
    if (o && o.$ref) {
      o = schema;
      for (const k of prop.$ref.replace(/^#\//, '').split('/')) {
        o = o && o[k];
      }
    }
    return o;
  }

  // the codes a list item may be: its own enum, the one it refers to, or that of its first form
  // that has one (a measure is a code, or an object saying how it is deployed)
  function codesOf(items) {
    const i = resolve(items);
    if (!i) {
      return null;
    }
    if (i.enum) {
      return i.enum;
    }
    for (const form of i.oneOf || []) {
      const c = codesOf(form);
      if (c) {
        return c;
      }
    }
    return null;
  }

  function leaf(path, prop, required) {
    const id = idFor(path);
    const label = (LABELS[path] || humanize(path.split('.').pop())) + (required ? ' (required)' : '');
    const hintText = describe(path, prop);
    const wrap = el('div', { class: 'field', 'data-path': path });
    const hint = hintText ? el('p', { class: 'hint', id: id + '-hint' }, hintText) : null;
    const error = el('p', { class: 'error', id: id + '-error', hidden: true });
    const describedBy = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
    let node;
    let kind;
    if (path === 'venue.country') {
      kind = 'text';
      node = el('select', { id, 'aria-describedby': describedBy, required });
      node.append(el('option', { value: '' }, 'choose a country'));
      for (const c of vocab.countries || []) {
        node.append(el('option', { value: c.code }, c.code + ' \u2013 ' + c.name));
      }
    } else if (prop.type === 'array' && codesOf(prop.items)) {
      kind = 'codes';
      node = el('fieldset', { class: 'codes', id, 'aria-describedby': describedBy });
      node.append(el('legend', {}, label));
      for (const code of codesOf(prop.items)) {
        const cid = id + '-' + code;
        node.append(el('span', { class: 'code' },
          el('input', { type: 'checkbox', id: cid, value: code, 'data-code': code }),
          el('label', { for: cid }, words(code))));
      }
      wrap.classList.add('group');
      wrap.append(node);
      if (hint) {
        wrap.append(hint);
      }
      wrap.append(error);
      // items given as objects ({"measure": "bag_search", "placement": "entry"}), by code: the
      // form has no field for what they add, and keeps it while their box stays ticked
      controls.set(path, { kind, node, error, wrap, objects: new Map() });
      return wrap;
    } else if (prop.enum) {
      kind = 'text';
      node = el('select', { id, 'aria-describedby': describedBy, required });
      node.append(el('option', { value: '' }, required ? 'choose one' : 'not stated'));
      for (const code of prop.enum) {
        node.append(el('option', { value: code }, words(code)));
      }
    } else if (prop.type === 'boolean') {
      kind = 'boolean';
      node = el('select', { id, 'aria-describedby': describedBy });
      node.append(el('option', { value: '' }, 'not stated'), el('option', { value: 'true' }, 'yes'),
        el('option', { value: 'false' }, 'no'));
    } else if (prop.type === 'integer') {
      kind = 'integer';
      // text, not number: a value the browser cannot parse still reaches the server, which says why
      node = el('input', { id, type: 'text', inputmode: 'numeric', 'aria-describedby': describedBy, required });
    } else if (prop.format === 'date') {
      kind = 'text';
      node = el('input', { id, type: 'date', 'aria-describedby': describedBy, required });
    } else {
      kind = 'text';
      node = el('input', { id, type: 'text', maxlength: prop.maxLength, 'aria-describedby': describedBy, required });
    }
    wrap.append(el('label', { for: id }, label), node);
    if (hint) {
      wrap.append(hint);
    }
    wrap.append(error);
    controls.set(path, { kind, node, error, wrap });
    return wrap;
  }

  function object(path, prop, required) {
    const box = el('fieldset', { class: 'group-box', 'data-path': path || null });
    if (path) {
      box.append(el('legend', {}, LABELS[path] || humanize(path.split('.').pop())));
      if (prop.description) {
        box.append(el('p', { class: 'hint' }, prop.description.replace(/^extension: /, '')));
      }
    }
    const req = new Set(prop.required || []);
    for (const [key, child] of Object.entries(prop.properties || {})) {
      if (!path && SKIP.has(key)) {
        continue;
      }
      const p = path ? path + '.' + key : key;
      box.append(child.type === 'object' ? object(p, child, req.has(key)) : leaf(p, child, req.has(key)));
    }
    return box;
  }

  root.replaceChildren(object('', schema, true));

  function setAt(obj, path, value) {
    const keys = path.split('.');
    let o = obj;
    for (let i = 0; i < keys.length - 1; i++) {
      o[keys[i]] = o[keys[i]] || {};
      o = o[keys[i]];
    }
    o[keys[keys.length - 1]] = value;
  }

  function getAt(obj, path) {
    let o = obj;
    for (const k of path.split('.')) {
      if (o === null || typeof o !== 'object' || !(k in o)) {
        return undefined;
      }
      o = o[k];
    }
    return o;
  }

  /** The scenario the form describes; empty fields are left out (unknown). */
  function read() {
    const out = JSON.parse(JSON.stringify(extra));
    for (const [path, c] of controls) {
      let v;
      if (c.kind === 'codes') {
        const ticked = [...c.node.querySelectorAll('input:checked')].map(
          (i) => c.objects.get(i.value) || i.value);
        v = ticked.length ? ticked : undefined;
      } else {
        const raw = c.node.value.trim();
        if (raw === '') {
          v = undefined;
        } else if (c.kind === 'boolean') {
          v = raw === 'true';
        } else if (c.kind === 'integer') {
          v = /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
        } else {
          v = raw;
        }
      }
      if (v !== undefined) {
        setAt(out, path, v);
      }
    }
    return out;
  }

  /** Sets every field from a scenario; keeps what the form has no field for, to save it again. */
  function fill(scenario) {
    extra = {};
    for (const [k, v] of Object.entries(scenario || {})) {
      if (!(k in (schema.properties || {})) || SKIP.has(k)) {
        extra[k] = v;
      }
    }
    for (const [path, c] of controls) {
      const v = getAt(scenario, path);
      if (c.kind === 'codes') {
        const set = new Set();
        c.objects.clear();
        for (const item of Array.isArray(v) ? v : []) {
          const code = item !== null && typeof item === 'object' ? item.measure : item;
          set.add(code);
          if (code !== item) {
            c.objects.set(code, item);
          }
        }
        for (const box of c.node.querySelectorAll('input')) {
          box.checked = set.has(box.value);
        }
      } else {
        c.node.value = v === undefined || v === null ? '' : String(v);
      }
    }
  }

  /** The control a problem's field names ("security.measures[2]" is the measures list). */
  function controlFor(field) {
    let f = (field || '').replace(/\[\d+\]/g, '');
    while (f) {
      if (controls.has(f)) {
        return controls.get(f);
      }
      f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : '';
    }
    return null;
  }

  function clearProblems() {
    for (const c of controls.values()) {
      c.error.hidden = true;
      c.error.textContent = '';
      c.wrap.classList.remove('invalid');
      c.node.removeAttribute('aria-invalid');
    }
  }

  /** Shows a problem next to its field; returns the control, or null if it names none. */
  function showProblem(problem) {
    clearProblems();
    const c = controlFor(problem && problem.field);
    if (!c) {
      return null;
    }
    c.error.textContent = problem.problem || problem.detail;
    c.error.hidden = false;
    c.wrap.classList.add('invalid');
    c.node.setAttribute('aria-invalid', 'true');
    return c;
  }

  /** Ticks or clears one measure in place. */
  function setMeasure(code, on) {
    const c = controls.get('security.measures');
    const box = c && c.node.querySelector('input[value="' + CSS.escape(code) + '"]');
    if (box) {
      box.checked = on;
    }
  }

  return { read, fill, showProblem, clearProblems, controlFor, setMeasure };
}
