// The calendar report's list of events: rows from the JSON array #rows (repeated strings are
// numbers into #words), shown a page at a time with search, filters, sorting and roll-ups.
// Inline and self-contained: nothing is loaded. Data are put in the page with textContent only;
// the one HTML inserted is each top row's details, escaped when the report was written.
// A row: 0 dates, 1 id, 2 name, 3 venue, 4 city, 5 venue type, 6 attendance, 7 residual score,
// 8 residual tier, 9 inherent score, 10 inherent tier, 11 Martyn's Law tier, 12 missing duties,
// 13 reasons, 14 exposures, 15 measures to add, 16 notes, 17 and 18 likelihood level and points
// with no measures, 19 and 20 with the measures in place, 21 and 22 consequence level and points,
// 23 and 24 band low and high, 25 the field that moves the band most, 26 details (top rows only).
(function () {
  'use strict';
  var TIERS = ['LOW', 'MODERATE', 'ELEVATED', 'HIGH', 'SEVERE'];
  var WORD_COLUMNS = [0, 3, 4, 5, 11, 12, 13, 14, 15, 16, 25];
  var DETAILS = 26;
  var PAGE = 100;
  var words = JSON.parse(document.getElementById('words').textContent);
  var rows = JSON.parse(document.getElementById('rows').textContent);
  var levels = JSON.parse(document.getElementById('levels').textContent);
  rows.forEach(function (r, i) {
    WORD_COLUMNS.forEach(function (c) {
      if (typeof r[c] === 'number') r[c] = words[r[c]];
    });
    r.rank = i + 1;
    r.month = r[0].substring(0, 7);
    r.text = (r[1] + ' ' + r[2] + ' ' + r[3] + ' ' + r[4] + ' ' + r[13]).toLowerCase();
  });
  var $ = function (id) { return document.getElementById(id); };
  var state = { page: 0, sort: null, asc: true, shown: rows };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function tierBadge(score, tier) {
    var td = el('td');
    td.appendChild(document.createTextNode(score + ' '));
    td.appendChild(el('span', TIERS[tier], 'tier t' + tier));
    return td;
  }
  // "4 → 3" over "75.2 → 60.7": a level and its points with no measures and with those in place;
  // what the levels mean on hover
  function level(scale, lv, points, residual, residualPoints) {
    var meaning = levels[scale] || {};
    var text = String(lv), sub = String(points);
    var title = lv + ' (' + points + ' points): ' + (meaning[lv] || '');
    if (residual !== undefined) {
      text += ' \u2192 ' + residual;
      sub += ' \u2192 ' + residualPoints;
      title += '\nwith the measures in place ' + residual + ' (' + residualPoints + ' points): ' +
        (meaning[residual] || '');
    }
    var td = el('td', text, 'num');
    td.appendChild(el('br'));
    td.appendChild(el('small', sub));
    td.title = title;
    return td;
  }
  function options(select, label, values) {
    select.appendChild(new Option(label, ''));
    values.forEach(function (v) { select.appendChild(new Option(v || '(none)', v)); });
  }
  function distinct(col) {
    var seen = {};
    rows.forEach(function (r) { seen[r[col]] = true; });
    return Object.keys(seen).sort();
  }
  var months = {};
  rows.forEach(function (r) { months[r.month] = true; });
  options($('f-ml'), "any Martyn's Law tier", distinct(11));
  options($('f-month'), 'any month', Object.keys(months).sort());
  options($('f-city'), 'any city', distinct(4));
  options($('f-type'), 'any venue type', distinct(5));

  // one per column header, in order
  var KEYS = [
    function (r) { return r.rank; }, function (r) { return r[0]; },
    function (r) { return r[2].toLowerCase(); }, function (r) { return r[3].toLowerCase(); },
    function (r) { return r[4].toLowerCase(); }, function (r) { return r[6]; },
    function (r) { return r[7] * 1000 + r[9]; }, function (r) { return r[9]; },
    function (r) { return r[20]; }, function (r) { return r[22]; },
    function (r) { return r[24] - r[23]; },
    function (r) { return r[11]; }, function (r) { return r[12]; },
    function (r) { return r[13]; }, function (r) { return r[14]; },
    function (r) { return r[15]; }, function (r) { return r[16]; }
  ];

  function filter() {
    var q = $('q').value.trim().toLowerCase();
    var tier = $('f-tier').value, ml = $('f-ml').value, month = $('f-month').value;
    var city = $('f-city').value, type = $('f-type').value;
    var out = rows.filter(function (r) {
      return (tier === '' || r[8] >= Number(tier)) && (ml === '' || r[11] === ml) &&
        (month === '' || r.month === month) && (city === '' || r[4] === city) &&
        (type === '' || r[5] === type) && (q === '' || r.text.indexOf(q) >= 0);
    });
    if (state.sort !== null) {
      var key = KEYS[state.sort], dir = state.asc ? 1 : -1;
      out.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : a.rank - b.rank) * (x === y ? 1 : dir);
      });
    }
    state.shown = out;
    state.page = 0;
    draw();
    rollups();
  }

  function draw() {
    var body = document.querySelector('#events > tbody'); // not a details table's
    body.textContent = '';
    var list = state.shown, pages = Math.max(1, Math.ceil(list.length / PAGE));
    var from = state.page * PAGE;
    list.slice(from, from + PAGE).forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', r.rank, 'num'));
      tr.appendChild(el('td', r[0]));
      var ev = el('td');
      if (r.length > DETAILS) {
        var d = el('details'), s = el('summary', r[2]);
        s.appendChild(el('small', ' ' + r[1]));
        d.appendChild(s);
        var inner = el('div');
        inner.innerHTML = r[DETAILS]; // escaped when the report was written
        d.appendChild(inner);
        ev.appendChild(d);
      } else {
        ev.appendChild(document.createTextNode(r[2] + ' '));
        ev.appendChild(el('small', r[1]));
      }
      tr.appendChild(ev);
      var venue = el('td', r[3] + ' ');
      venue.appendChild(el('small', r[5]));
      tr.appendChild(venue);
      tr.appendChild(el('td', r[4]));
      tr.appendChild(el('td', r[6], 'num'));
      tr.appendChild(tierBadge(r[7], r[8]));
      tr.appendChild(tierBadge(r[9], r[10]));
      tr.appendChild(level('likelihood', r[17], r[18], r[19], r[20]));
      tr.appendChild(level('consequence', r[21], r[22]));
      var band = el('td', r[23] === r[24] ? String(r[23]) : r[23] + '\u2013' + r[24], 'num');
      if (r[25]) {
        band.appendChild(el('br'));
        band.appendChild(el('small', r[25]));
      }
      tr.appendChild(band);
      [11, 12, 13, 14, 15, 16].forEach(function (c) { tr.appendChild(el('td', r[c])); });
      body.appendChild(tr);
    });
    $('count').textContent = list.length + ' of ' + rows.length + ' events';
    $('page').textContent = ' page ' + (state.page + 1) + ' of ' + pages + ' ';
    $('prev').disabled = state.page === 0;
    $('next').disabled = state.page >= pages - 1;
  }

  function rollups() {
    var box = $('rollups');
    box.textContent = '';
    [['month', function (r) { return r.month; }], ['city', function (r) { return r[4]; }],
     ['venue type', function (r) { return r[5]; }],
     ["Martyn's Law tier", function (r) { return r[11]; }]].forEach(function (g) {
      var groups = {};
      state.shown.forEach(function (r) {
        var k = g[1](r) || '(none)';
        var c = groups[k] || (groups[k] = { n: 0, t: [0, 0, 0, 0, 0], max: 0 });
        c.n++; c.t[r[8]]++; if (r[7] > c.max) c.max = r[7];
      });
      var keys = Object.keys(groups).sort(function (a, b) {
        return g[0] === 'month' ? (a < b ? -1 : 1) : groups[b].n - groups[a].n || (a < b ? -1 : 1);
      });
      var table = el('table'), head = el('tr');
      [g[0], 'events', 'SEVERE', 'HIGH', 'ELEVATED', 'MODERATE', 'LOW', 'highest residual']
        .forEach(function (h) { head.appendChild(el('th', h)); });
      table.appendChild(el('thead')).appendChild(head);
      var body = table.appendChild(el('tbody'));
      keys.slice(0, 40).forEach(function (k) {
        var c = groups[k], tr = el('tr');
        tr.appendChild(el('td', k));
        tr.appendChild(el('td', c.n, 'num'));
        for (var t = 4; t >= 0; t--) tr.appendChild(el('td', c.t[t], 'num'));
        tr.appendChild(el('td', c.max, 'num'));
        body.appendChild(tr);
      });
      if (keys.length > 40) body.appendChild(el('tr')).appendChild(el('td', 'and ' + (keys.length - 40) + ' more'));
      var wrap = el('div');
      wrap.appendChild(el('h3', 'By ' + g[0]));
      wrap.appendChild(table);
      box.appendChild(wrap);
    });
  }

  document.querySelectorAll('#events > thead th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      state.asc = state.sort === col ? !state.asc : th.hasAttribute('data-num') ? false : true;
      state.sort = col;
      filter();
    });
  });
  ['q', 'f-tier', 'f-ml', 'f-month', 'f-city', 'f-type'].forEach(function (id) {
    $(id).addEventListener('input', filter);
  });
  [['likelihood', levels.likelihood], ['consequence', levels.consequence]].forEach(function (s) {
    Object.keys(s[1] || {}).forEach(function (lv) {
      $('levels-legend').appendChild(el('li', s[0] + ' ' + lv + ': ' + s[1][lv]));
    });
  });
  $('prev').addEventListener('click', function () { state.page--; draw(); });
  $('next').addEventListener('click', function () { state.page++; draw(); });
  filter();
})();
