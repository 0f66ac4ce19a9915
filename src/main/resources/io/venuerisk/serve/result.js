// Renders the results of /api/assess and /api/plan. Written against the result contract
// (docs/scenario-format.md) defensively: every part is optional, and a part the result does not
// have is simply not shown. Tactics appear only as exposures, each with the measures that answer it.

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) {
      e.setAttribute(k, v === true ? '' : v);
    }
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) {
      e.append(c);
    }
  }
  return e;
}

const has = (x) => x !== undefined && x !== null;
const list = (x) => (Array.isArray(x) ? x : []);
const words = (code) => String(code).replace(/_/g, ' ');

// The measures in plain words as the result names them (measureNames: the venue's country's
// names, data/measures.csv); a result without them shows the codes as words.
let measureNames = new Map();
function useNames(r) {
  measureNames = new Map(list(r && r.measureNames).map((n) => [n.measure, n]));
}
const measureWords = (code) => (measureNames.get(code) || {}).label || words(code);
const protects = (code) => (measureNames.get(code) || {}).protects;
const meaning = (code) => (measureNames.get(code) || {}).meaning || null;

/** A score as the result gives it: a whole number, or a decimal with one place. */
function num(x) {
  if (typeof x !== 'number') {
    return String(x);
  }
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function signed(x) {
  if (typeof x !== 'number') {
    return String(x);
  }
  return (x > 0 ? '+' : x < 0 ? '\u2212' : '\u00b1') + num(Math.abs(x));
}

function tierBadge(tier, id) {
  return el('span', { class: 'tier tier-' + String(tier).toLowerCase(), id }, String(tier));
}

function section(title, ...content) {
  const body = content.filter(Boolean);
  if (!body.length) {
    return null;
  }
  return el('section', { class: 'part' }, el('h3', {}, title), ...body);
}

/** A measure as a result names it: a code, or an object with the code and what it does here. */
function measureLabel(m) {
  if (m && typeof m === 'object') {
    const bits = [m.role ? words(m.role) : null, has(m.effectiveness) ? 'effectiveness ' + num(m.effectiveness) : null]
      .filter(Boolean).join(', ');
    return measureWords(m.measure || '') + (bits ? ' (' + bits + ')' : '');
  }
  return measureWords(m);
}

function chips(codes, cls) {
  const c = list(codes);
  if (!c.length) {
    return el('span', { class: 'muted' }, 'none');
  }
  return el('span', { class: 'chips' }, ...c.map((m) => el('span',
    { class: 'chip ' + (cls || ''), title: m && typeof m === 'object' && m.guidance ? m.guidance : null }, measureLabel(m))));
}

/** A checkbox that adds a measure to the scenario and scores it again. */
function whatIf(measure, label, onToggle) {
  const id = 'add-' + measure + '-' + Math.random().toString(36).slice(2, 8);
  const box = el('input', { type: 'checkbox', id, 'data-measure': measure, class: 'what-if' });
  box.addEventListener('change', () => onToggle(measure, box.checked));
  return el('span', { class: 'what-if-control' }, box, el('label', { for: id }, label));
}

function headline(r, previous) {
  const parts = [];
  const residualLabel = has(r.inherent) ? 'Residual risk' : 'Score';
  if (has(r.inherent)) {
    parts.push(el('div', { class: 'risk inherent' },
      el('span', { class: 'risk-label' }, 'Inherent risk'),
      el('span', { class: 'score', id: 'inherent-score' }, num(r.inherent.score)),
      has(r.inherent.tier) ? tierBadge(r.inherent.tier, 'inherent-tier') : null,
      el('span', { class: 'muted' }, ' before the measures in place')));
  }
  if (has(r.score) || has(r.tier)) {
    let change = null;
    if (previous && has(previous.score) && previous.id === r.id && previous.score !== r.score) {
      const d = Math.round((r.score - previous.score) * 10) / 10;
      change = el('span', { class: 'change ' + (d < 0 ? 'down' : 'up'), id: 'score-change' },
        'was ' + num(previous.score) + (previous.tier ? ' ' + previous.tier : '') + ': ' + signed(d));
    }
    parts.push(el('div', { class: 'risk residual' },
      el('span', { class: 'risk-label' }, residualLabel),
      el('span', { class: 'score', id: 'score' }, num(r.score)),
      el('span', { class: 'muted' }, '/100 '),
      has(r.tier) ? tierBadge(r.tier, 'tier') : null,
      change));
  }
  return el('div', { class: 'headline' }, ...parts);
}

function facts(r) {
  const v = r.venue || {};
  const bits = [];
  if (has(r.date)) {
    bits.push(r.endDate && r.endDate !== r.date ? r.date + ' to ' + r.endDate : r.date);
  }
  const where = [v.name, v.city, v.country].filter(Boolean).join(', ');
  if (where) {
    bits.push(where);
  }
  const what = [r.eventType ? words(r.eventType) : null, v.type ? 'at ' + (v.type === 'other' ? 'a venue' : words(v.type)) : null]
    .filter(Boolean).join(' ');
  if (what) {
    bits.push(what);
  }
  if (has(r.attendance)) {
    bits.push(Number(r.attendance).toLocaleString('en') + ' people');
  }
  return el('p', { class: 'facts' }, bits.join(' \u00b7 '));
}

/** "4 (58.8 points) likely: ...": one scale of a risk, its level, points and meaning. */
function rating(x, id) {
  if (!x || typeof x !== 'object') {
    return el('td', {});
  }
  return el('td', {},
    el('strong', { id }, String(x.level)), ' ',
    has(x.points) ? el('span', { class: 'muted' }, '(' + num(x.points) + ' points) ') : null,
    x.meaning || '');
}

/**
 * The inherent and residual risk as a planner rates them: likelihood and consequence, each a level
 * with its points and meaning, the tier their pair gives and the score; then the uncertainty band.
 */
function risk(r) {
  const rows = [['inherent', 'Inherent (no measures)', r.inherent], ['residual', 'Residual (measures in place)', r.residual]]
    .filter(([, , x]) => x && typeof x === 'object')
    .map(([key, label, x]) => el('tr', {},
      el('th', { scope: 'row' }, label),
      rating(x.likelihood, key + '-likelihood'),
      rating(x.consequence, key + '-consequence'),
      el('td', {}, has(x.tier) ? tierBadge(x.tier) : ''),
      el('td', { class: 'num' }, has(x.score) ? num(x.score) : '')));
  const b = r.band;
  let band = null;
  if (b && typeof b === 'object') {
    const parts = b.field
      ? [el('strong', { id: 'band-range' }, num(b.low) + ' to ' + num(b.high)),
        ' were the facts the input left unknown known; ', el('code', { id: 'band-field' }, b.field),
        ' moves it most (ask the organiser about it first).']
      : [el('strong', { id: 'band-range' }, num(b.central)), ': no unknown fact would change the score.'];
    band = el('p', { id: 'band' }, 'Uncertainty band: ', ...parts);
  }
  return section('Likelihood and consequence',
    rows.length ? el('table', { class: 'compact', id: 'levels' },
      el('thead', {}, el('tr', {}, ...['', 'likelihood', 'consequence', 'tier', 'score'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows)) : null,
    rows.length ? el('p', { class: 'muted small' }, 'Levels 1 to 5; 10 points double the odds of an attack (likelihood) or the harm it does (consequence). The measures in place lower the likelihood that an attack succeeds, not its harm.') : null,
    band);
}

/** Each exposure as a row of the per-tactic table, the most pressing first. */
function tactics(r) {
  const e = list(r.exposures).filter((x) => has(x.residualPoints));
  if (!e.length) {
    return null;
  }
  const rows = [...e].sort((a, b) => b.residualPoints - a.residualPoints).map((x) => el('tr', {},
    el('th', { scope: 'row' }, words(x.exposure || '')),
    el('td', { class: 'num' }, has(x.relativeWeight) ? x.relativeWeight.toFixed(2) : ''),
    el('td', { class: 'num' }, has(x.peopleReached) ? Number(x.peopleReached).toLocaleString('en') : ''),
    el('td', { title: x.consequence && x.consequence.meaning ? x.consequence.meaning : null },
      x.consequence ? String(x.consequence.level) + ' (' + num(x.consequence.points) + ')' : ''),
    el('td', { class: 'num' }, has(x.vulnerability) ? x.vulnerability.toFixed(2) : ''),
    el('td', { class: 'num' }, num(x.inherentPoints) + ' \u2192 ' + num(x.residualPoints))));
  return el('table', { class: 'compact', id: 'tactics' },
    el('thead', {}, el('tr', {}, ...['exposure', 'use in the region', 'people reached', 'consequence', 'vulnerability left', 'risk \u2192 residual points']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows));
}

function threatLevel(r) {
  const t = r.threatLevel;
  if (!t) {
    return null;
  }
  const detail = [t.system, t.country, t.asOf ? 'as of ' + t.asOf : null, t.declared ? 'declared for this event' : null]
    .filter(Boolean).join(', ');
  return section('National threat level',
    el('p', {}, el('strong', {}, String(t.level)), detail ? ' (' + detail + ')' : '',
      t.source ? el('span', { class: 'muted' }, ' Source: ' + t.source) : null));
}

function martynsLaw(r, onToggle) {
  const m = r.martynsLaw;
  if (!m) {
    return null;
  }
  const duties = list(m.duties);
  return section("UK duty tier (Martyn's Law)",
    el('p', {}, 'Tier: ', el('strong', { id: 'martyns-law-tier' }, words(m.tier)),
      m.use && typeof m.use === 'object' ? ' \u00b7 use: ' + [m.use.name, m.use.paragraph].filter(Boolean).join(', ') : null),
    list(m.reasons).length ? el('ul', {}, ...list(m.reasons).map((x) => el('li', {}, String(x)))) : null,
    duties.length ? el('table', { class: 'duties' },
      el('thead', {}, el('tr', {}, ...['section', 'duty', 'covered', 'in place', 'missing'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...duties.map((d) => el('tr', {},
        el('td', {}, d.section || ''), el('td', {}, d.title || '', d.note ? el('br') : null, d.note ? el('span', { class: 'muted small' }, d.note) : null),
        el('td', {}, d.covered === true ? 'yes' : d.covered === false ? 'no' : ''),
        el('td', {}, chips(d.inPlace, 'in-place')),
        el('td', {}, ...list(d.missing).map((x) => whatIf(x && typeof x === 'object' ? x.measure : x, measureLabel(x), onToggle))))))) : null,
    m.note ? el('p', { class: 'muted' }, m.note) : null);
}

function findings(r, statements) {
  const f = list(r.findings);
  if (!f.length) {
    return section('Reasons', el('p', { class: 'muted' }, 'No scoring rule matched this event.'));
  }
  const items = f.map((x) => {
    const cites = list(x.cites).map((c) => el('li', { class: 'cite' },
      el('span', { class: 'cite-id' }, c), ' ', statements.get(c) || ''));
    return el('li', { class: 'finding' },
      el('span', { class: 'points ' + (x.points < 0 ? 'credit' : '') }, signed(x.points)), ' ',
      el('code', {}, x.rule || ''), ' ',
      (x.factor || x.dimension || x.category) ? el('span', { class: 'muted' }, '(' + words(x.factor || x.dimension || x.category) + ') ') : null,
      x.rationale || '',
      cites.length ? el('ul', { class: 'cites' }, ...cites) : null,
      list(x.measures).length ? el('p', { class: 'measures' }, 'Measures: ', chips(x.measures)) : null);
  });
  return section('Reasons (' + f.length + ')', el('ol', { class: 'findings' }, ...items));
}

function exposures(r, onToggle) {
  const e = list(r.exposures);
  if (!e.length) {
    return null;
  }
  const items = e.map((x) => {
    const figures = [
      x.consequence ? 'consequence ' + x.consequence.level : null,
      has(x.vulnerability) ? 'vulnerability left ' + x.vulnerability.toFixed(2) : null,
    ].filter(Boolean).join(', ');
    return el('li', { class: 'exposure' },
      el('strong', {}, words(x.exposure || '')), x.tactic ? el('span', { class: 'muted' }, ' (' + words(x.tactic) + ')') : null,
      figures ? el('span', { class: 'muted' }, ' \u00b7 ' + figures) : null,
      x.reason ? el('p', {}, x.reason) : null,
      el('p', {}, 'In place: ', chips(x.inPlace, 'in-place')),
      list(x.missing).length
        ? el('p', { class: 'missing' }, 'Missing (tick to add and score again): ',
          ...list(x.missing).map((m) => whatIf(m && typeof m === 'object' ? m.measure : m, measureLabel(m), onToggle)))
        : null);
  });
  return section('Exposures and the measures that answer them', tactics(r),
    el('p', { class: 'muted small' }, 'Use in the region: how much attackers in the event\u2019s region use the tactic, relative to their most used one. Risk points: likelihood, use and consequence together; residual: with the vulnerability the measures in place leave.'),
    el('ul', { class: 'exposures' }, ...items));
}

function recommended(r, onToggle) {
  const all = list(r.recommendedMeasures);
  if (!all.length) {
    return null;
  }
  const item = (x) => el('li', { title: meaning(x.measure) },
    whatIf(x.measure, measureWords(x.measure), onToggle),
    has(x.reduction) ? el('span', { class: 'points credit' }, ' ' + signed(-Math.abs(x.reduction))) : null,
    list(x.reduces).length ? el('span', { class: 'muted' }, ' against ' + list(x.reduces).map(words).join(', ')) : null);
  // measures that protect named people are shown as protecting them, not ranked with the crowd's
  const crowd = all.filter((x) => !protects(x.measure));
  const people = new Map();
  for (const x of all.filter((y) => protects(y.measure))) {
    people.set(protects(x.measure), [...(people.get(protects(x.measure)) || []), x]);
  }
  return section('Measures to add',
    crowd.length ? el('ul', { class: 'recommended', id: 'recommended' }, ...crowd.map(item)) : null,
    ...[...people].map(([who, xs]) => el('div', { class: 'for-people' },
      el('p', {}, 'For ' + who + ' (protects them, not the crowd):'),
      el('ul', { class: 'recommended' }, ...xs.map(item)))),
    meanings(all.map((x) => x.measure)));
}

/** What the measures named mean where the venue is, when the result says. */
function meanings(codes) {
  const lines = [...new Set(codes)].filter((c) => meaning(c));
  return lines.length ? el('ul', { class: 'meanings muted' }, ...lines.map((c) =>
    el('li', {}, el('strong', {}, measureWords(c)), ': ' + meaning(c)))) : null;
}

function withoutEffect(r) {
  const m = list(r.measuresWithoutEffect);
  if (!m.length) {
    return null;
  }
  return section('Measures in place with no effect here',
    el('ul', {}, ...m.map((x) => el('li', {}, el('strong', {}, measureWords(x.measure)), x.reason ? ': ' + x.reason : ''))));
}

function notes(r) {
  const n = list(r.notes);
  return n.length ? section('Notes', el('ul', { class: 'notes' }, ...n.map((x) => el('li', {}, String(x))))) : null;
}

/**
 * Renders one assessment into {@code root}.
 *
 * @param previous the assessment shown before, to show the change
 * @param statements Map of guide statement id to its text
 * @param onToggle (measure, on) when a what-if box is ticked
 */
export function renderAssessment(root, r, previous, statements, onToggle) {
  useNames(r);
  const name = el('h2', { id: 'result-heading' }, r.name || r.id || 'Result',
    r.id && r.name ? el('span', { class: 'muted small' }, ' ' + r.id) : null);
  root.replaceChildren(...[
    el('p', { class: 'print-only brief-title' }, 'Protective-security brief: exposure to the IS-K attack profile'),
    name,
    facts(r),
    headline(r, previous),
    risk(r),
    threatLevel(r),
    martynsLaw(r, onToggle),
    recommended(r, onToggle),
    exposures(r, onToggle),
    withoutEffect(r),
    findings(r, statements || new Map()),
    notes(r)].filter(Boolean));
}

/** Renders the answer of /api/plan. */
export function renderPlan(root, p) {
  useNames(p);
  const parts = [];
  const now = has(p.score) ? num(p.score) + (p.tier ? ' ' + p.tier : '') : null;
  if (now) {
    parts.push(el('p', {}, 'Now ' + now + '; target ' + (p.targetTier || '') + '.'));
  }
  const plan = p.plan || {};
  const steps = list(plan.steps);
  if (has(plan.reached)) {
    parts.push(el('p', { id: 'plan-outcome' }, plan.reached
      ? (steps.length ? 'The fewest measures found that reach ' + p.targetTier + ':' : 'Already at or below ' + p.targetTier + '.')
      : 'No set of measures reaches ' + p.targetTier + '; the best effort:'));
  }
  if (steps.length) {
    parts.push(el('ol', { class: 'steps' }, ...steps.map((s) => el('li', {},
      el('strong', {}, measureWords(s.measure)), s.protects ? ' (for ' + s.protects + ')' : '',
      ' \u2192 ' + num(s.score) + ' ', s.tier ? tierBadge(s.tier) : null))));
  }
  const floor = p.allMeasures || p.floor;
  if (plan.reached === false && floor) {
    parts.push(el('p', { class: 'muted' }, 'With every measure in place: ' + num(floor.score) + ' ' + (floor.tier || '') + '.'
      + (has(floor.threatContext) ? ' ' + num(floor.threatContext) + ' points are threat context (who is present, where and when), which a venue\u2019s measures cannot lower.' : '')
      + (floor.heldBy ? ' ' + floor.heldBy : '')));
  }
  const options = list(p.options).filter((o) => !has(o.reduction) || o.reduction > 0);
  const option = (o) => el('li', {}, measureWords(o.measure) + ': ' + num(o.score) + ' ' + (o.tier || '')
    + (has(o.reduction) ? ' (' + signed(-Math.abs(o.reduction)) + ')' : ''));
  const crowd = options.filter((o) => !o.protects);
  if (crowd.length) {
    parts.push(el('details', {}, el('summary', {}, 'Each missing measure for the crowd scored on its own (' + crowd.length + ')'),
      el('ul', {}, ...crowd.map(option))));
  }
  const people = options.filter((o) => o.protects);
  for (const who of [...new Set(people.map((o) => o.protects))]) {
    parts.push(el('p', { class: 'for-people' }, 'For ' + who + ' (protects them, not the crowd):'),
      el('ul', {}, ...people.filter((o) => o.protects === who).map(option)));
  }
  if (list(p.excluded).length) {
    parts.push(el('p', { class: 'muted', id: 'plan-excluded' }, 'Left out: ' + list(p.excluded).map(measureWords).join(', ') + '.'));
  }
  parts.push(meanings([...list(p.excluded), ...steps.map((s) => s.measure), ...options.map((o) => o.measure)]));
  root.replaceChildren(...parts.filter(Boolean));
}
