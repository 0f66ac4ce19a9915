// The page: tabs, the scenario form (checked by the server as the user types), assess, what-if,
// plan, load and save, print. Rendering of results is in result.js, the form in form.js.

import { getJson, postJson } from './api.js';
import { buildForm } from './form.js';
import { renderAssessment, renderPlan } from './result.js';
import { setUpBatch } from './batch.js';

const $ = (id) => document.getElementById(id);
let form = null;
let statements = new Map();
let current = null; // the assessment shown
let fileName = null;
let checkTimer = null;
let generation = 0;

function status(text, isError) {
  const s = $('form-status');
  s.textContent = text || '';
  s.className = 'status' + (isError ? ' error-text' : '');
}

function nameQuery() {
  return fileName ? '?name=' + encodeURIComponent(fileName) : '';
}

/** Shows the server's problem next to its field, and in full under the form. */
function showProblem(problem) {
  const c = form.showProblem(problem);
  status(problem.detail || 'The scenario is not valid.', true);
  return c;
}

async function check() {
  const mine = ++generation;
  const res = await postJson('/api/validate' + nameQuery(), form.read());
  if (mine !== generation) {
    return; // the user typed on; a later check answers
  }
  if (res.ok && res.body.valid) {
    form.clearProblems();
    status('');
  } else if (res.ok && res.body.problem) {
    showProblem(res.body.problem);
  }
}

function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 250);
}

async function assess() {
  clearTimeout(checkTimer);
  generation++;
  status('Scoring...');
  const res = await postJson('/api/assess' + nameQuery(), form.read());
  if (!res.ok) {
    const c = showProblem(res.body);
    if (c) {
      c.node.focus();
    }
    return;
  }
  form.clearProblems();
  status('Scored.');
  const previous = current;
  current = res.body;
  renderAssessment($('result'), current, previous, statements, whatIf);
  $('plan').hidden = false;
  $('brief-actions').hidden = false;
  $('plan-result').replaceChildren();
}

/** A measure ticked or cleared in the result: change the scenario and score it again. */
function whatIf(measure, on) {
  form.setMeasure(measure, on);
  assess();
}

async function plan() {
  const tier = $('target-tier').value;
  const excluded = [...document.querySelectorAll('#plan-exclude input:checked')].map((b) => b.value);
  const res = await postJson('/api/plan?targetTier=' + encodeURIComponent(tier)
    + (excluded.length ? '&exclude=' + encodeURIComponent(excluded.join(',')) : '')
    + (fileName ? '&name=' + encodeURIComponent(fileName) : ''), form.read());
  if (!res.ok) {
    $('plan-result').textContent = res.body.detail || 'The plan could not be made.';
    return;
  }
  renderPlan($('plan-result'), res.body);
}

function load(file) {
  const reader = new FileReader();
  reader.onload = () => {
    let scenario;
    try {
      scenario = JSON.parse(reader.result);
    } catch (e) {
      status(file.name + ' is not JSON: ' + e.message, true);
      return;
    }
    fileName = file.name;
    form.fill(scenario);
    status('Loaded ' + file.name + '.');
    scheduleCheck();
  };
  reader.readAsText(file);
}

function save() {
  const scenario = form.read();
  const blob = new Blob([JSON.stringify(scenario, null, 2) + '\n'], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName || ((scenario.id || 'scenario') + '.json');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function tabs() {
  const all = [$('tab-scenario'), $('tab-batch')];
  function select(tab) {
    for (const t of all) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  }
  all.forEach((t, i) => {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(all[(i + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length]);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        select(all[e.key === 'Home' ? 0 : all.length - 1]);
      }
    });
  });
}

async function start() {
  tabs();
  const [schema, vocab, coverage] = await Promise.all([
    getJson('/api/schema'), getJson('/api/vocabularies'), getJson('/api/coverage')]);
  for (const s of (coverage.statements || [])) {
    statements.set(s.id, s.text);
  }
  form = buildForm($('fields'), schema, vocab);
  const f = $('scenario-form');
  f.addEventListener('input', scheduleCheck);
  f.addEventListener('change', (e) => {
    // a measure ticked in the form after a result is shown is a what-if too
    if (current && e.target.closest('[data-path="security.measures"]')) {
      assess();
    } else {
      scheduleCheck();
    }
  });
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    assess();
  });
  for (const t of (vocab.tiers || [])) {
    const o = document.createElement('option');
    o.value = t;
    o.textContent = t;
    $('target-tier').append(o);
  }
  $('target-tier').value = 'MODERATE';
  // one box per measure, named in plain words: ticked ones are never added by the plan
  const labels = vocab.measureLabels || {};
  for (const m of (vocab.measures || [])) {
    const id = 'exclude-' + m;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.value = m;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = labels[m] || m.replace(/_/g, ' ');
    const item = document.createElement('span');
    item.className = 'exclude-item';
    item.append(box, label);
    $('plan-exclude').append(item);
  }
  $('plan-form').addEventListener('submit', (e) => {
    e.preventDefault();
    plan();
  });
  $('load-file').addEventListener('change', (e) => e.target.files[0] && load(e.target.files[0]));
  $('save-file').addEventListener('click', save);
  $('print').addEventListener('click', () => window.print());
  setUpBatch(vocab.tiers || []);
  document.body.dataset.ready = 'true';
}

start().catch((e) => status('The page could not start: ' + e.message, true));
