// The incident list: newest activity first, fed live by the board's server-sent events.
'use strict';

(() => {
  const {el, setText, formatDate, formatTime, ago, names, keyFacts, statusLabel, keepInPlace} = Board;

  const LIMIT = 200;
  const FILTERS = ['q', 'place', 'entity', 'min_sources', 'status'];

  // The facts of a row's second line. Each gives its text, or null when the record has nothing for it (an older
  // record, or a field not published yet). To show a field added to the incident record, add one line here.
  const FACTS = [
    {name: 'event-date', text: i => (i.event_date ? `Event ${formatDate(i.event_date)}` : null)},
    {name: 'key-facts', text: i => keyFacts(i.key_facts)},
    {name: 'languages', text: i => (Array.isArray(i.languages) && i.languages.length
      ? i.languages.map(l => String(l).toUpperCase()).join(' · ') : null)},
  ];
  // The leading names of a row, by kind.
  const NAME_GROUPS = [
    {type: 'PERSON', label: 'People'},
    {type: 'LOCATION', label: 'Places'},
    {type: 'WEAPON', label: 'Weapons'},
    {type: 'ORGANIZATION', label: 'Organisations'},
  ];

  const list = document.getElementById('incidents');
  const form = document.getElementById('filters');
  const summary = document.getElementById('summary');
  const empty = document.getElementById('empty');
  const newAbove = document.getElementById('new-above');
  const filtersBox = document.getElementById('filters-box');
  const filtersActive = document.getElementById('filters-active');
  const masthead = document.querySelector('.masthead');
  const indicator = Board.liveIndicator();

  const incidents = new Map();
  const rows = new Map();
  let matching = 0;
  let held = 0;
  let stream = null;
  let hovered = null;
  let unseenAbove = 0;
  let pending = new Set();
  let flushTimer = null;
  let firstPaint = true;

  // --- filters, kept in the address so a filtered board can be shared ---------------------------------------

  function filtersFromAddress() {
    const params = new URLSearchParams(window.location.search);
    const values = {};
    for (const name of FILTERS) values[name] = (params.get(name) || '').trim();
    return values;
  }

  function filtersFromForm() {
    const values = {};
    for (const name of FILTERS) values[name] = String(form.elements[name].value || '').trim();
    if (!/^\d*$/.test(values.min_sources)) values.min_sources = values.min_sources.replace(/\D/g, '');
    return values;
  }

  function query(values) {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (values[name]) params.set(name, values[name]);
    return params;
  }

  function showFilters(values) {
    for (const name of FILTERS) {
      if (form.elements[name].value !== values[name]) form.elements[name].value = values[name];
    }
    const active = FILTERS.filter(name => values[name]).length;
    setText(filtersActive, active ? `(${active} active)` : '');
    return active;
  }

  function apply(values, push) {
    const params = query(values);
    const address = params.toString() ? `/?${params}` : '/';
    if (address !== window.location.pathname + window.location.search) {
      if (push) history.pushState(null, '', address);
      else history.replaceState(null, '', address);
    }
    showFilters(values);
    connect(params);
  }

  let typing = null;
  form.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => apply(filtersFromForm(), false), 350);
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    clearTimeout(typing);
    apply(filtersFromForm(), true);
  });
  document.getElementById('clear-filters').addEventListener('click', event => {
    event.preventDefault();
    const none = {};
    FILTERS.forEach(name => { none[name] = ''; });
    apply(none, true);
  });
  window.addEventListener('popstate', () => apply(filtersFromAddress(), false));

  // --- the live feed -------------------------------------------------------------------------------------------

  function connect(params) {
    if (stream) stream.close();
    const live = new URLSearchParams(params);
    live.set('limit', String(LIMIT));
    stream = Board.follow(`/api/live?${live}`, {
      snapshot: data => {
        incidents.clear();
        for (const incident of data.incidents || []) incidents.set(incident.incident_id, incident);
        matching = data.matching || 0;
        held = data.held || 0;
        render(new Set(), false);
        indicator.changed();
      },
      upsert: incident => {
        if (!incidents.has(incident.incident_id)) matching += 1;
        incidents.set(incident.incident_id, incident);
        schedule(incident.incident_id);
      },
      remove: ref => {
        if (incidents.delete(ref.incident_id)) {
          matching = Math.max(0, matching - 1);
          schedule(ref.incident_id);
        }
      },
      ops: ops => {
        if (ops.board && Number.isInteger(ops.board.incidents)) held = ops.board.incidents;
        Board.renderOps(ops);
      },
    }, indicator);
  }

  // Changes arriving together are drawn together: one layout, one scroll correction.
  function schedule(id) {
    pending.add(id);
    if (!flushTimer) {
      flushTimer = setTimeout(() => {
        flushTimer = null;
        const changed = pending;
        pending = new Set();
        render(changed, true);
        indicator.changed();
      }, 40);
    }
  }

  // --- drawing ----------------------------------------------------------------------------------------------------

  function newestFirst(a, b) {
    const at = (a.board && a.board.last_activity) || '';
    const bt = (b.board && b.board.last_activity) || '';
    if (at !== bt) return at < bt ? 1 : -1;
    return a.incident_id < b.incident_id ? -1 : 1;
  }

  /**
   * The row the reader is on: the one under the pointer or holding the keyboard focus, else (once scrolled) the
   * first one in view. None at the very top of the page: there the reader watches news arrive.
   */
  function readingRow() {
    if (hovered && hovered.isConnected) return hovered;
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('li.incident') : null;
    if (focused) return focused;
    if (window.scrollY <= 2) return null;
    const top = masthead.getBoundingClientRect().bottom;
    for (const row of list.children) {
      if (row.getBoundingClientRect().bottom > top + 8) return row;
    }
    return null;
  }

  function render(changed, live) {
    const wanted = [...incidents.values()].sort(newestFirst).slice(0, LIMIT);
    const anchor = live ? readingRow() : null;
    const arrived = [];
    keepInPlace(anchor, () => {
      const keep = new Set(wanted.map(incident => incident.incident_id));
      for (const [id, row] of rows) {
        if (!keep.has(id)) {
          row.remove();
          rows.delete(id);
        }
      }
      let previous = null;
      for (const incident of wanted) {
        const id = incident.incident_id;
        let row = rows.get(id);
        if (!row) {
          row = buildRow(id);
          rows.set(id, row);
          if (live) arrived.push(row);
        }
        fillRow(row, incident, live && changed.has(id));
        const expected = previous ? previous.nextSibling : list.firstChild;
        if (row !== expected) list.insertBefore(row, expected);
        previous = row;
      }
    });
    arrived.forEach(row => flash(row, 'arrived'));
    if (anchor) {
      const top = masthead.getBoundingClientRect().bottom;
      const above = [...changed].map(id => rows.get(id))
        .filter(row => row && row.getBoundingClientRect().bottom <= top).length;
      unseenAbove += above;
    }
    showUnseen();
    setText(summary, summaryText(wanted.length));
    empty.hidden = wanted.length > 0;
    if (firstPaint) {
      firstPaint = false;
      document.body.dataset.loaded = 'true';
    }
  }

  function summaryText(shown) {
    if (shown === 0) return '';
    const total = Math.max(matching, shown);
    const noun = total === 1 ? 'incident' : 'incidents';
    return shown < total ? `Showing the ${shown} most recent of ${total} ${noun}` : `${total} ${noun}, newest activity first`;
  }

  function showUnseen() {
    if (window.scrollY <= 2) unseenAbove = 0;
    newAbove.hidden = unseenAbove === 0;
    setText(newAbove, unseenAbove === 1 ? '↑ 1 new or updated incident above' : `↑ ${unseenAbove} new or updated incidents above`);
  }

  newAbove.addEventListener('click', () => {
    unseenAbove = 0;
    showUnseen();
    window.scrollTo({top: 0, behavior: 'smooth'});
  });
  window.addEventListener('scroll', () => {
    if (unseenAbove && window.scrollY <= 2) showUnseen();
  }, {passive: true});

  function buildRow(id) {
    const titleId = `title-${id}`;
    const link = el('a', {class: 'title-link', href: `/incidents/${encodeURIComponent(id)}`});
    const activity = el('time', {class: 'activity'});
    const status = el('span', {class: 'status'});
    const corroborated = el('span', {class: 'corroborated', title: 'Confirmed by independent sources'},
      el('span', {'aria-hidden': 'true', text: '✓ '}), 'Corroborated');
    const sources = el('b');
    const sourcesLabel = el('span');
    const articles = el('b');
    const articlesLabel = el('span');
    const sourceCount = el('span', {class: 'count count-sources'}, sources, ' ', sourcesLabel);
    const articleCount = el('span', {class: 'count count-articles'}, articles, ' ', articlesLabel);
    const facts = {};
    const factNodes = FACTS.map(fact => {
      facts[fact.name] = el('span', {class: `fact fact-${fact.name}`});
      return facts[fact.name];
    });
    const nameLine = el('p', {class: 'names'});
    const row = el('li', {class: 'incident', 'data-id': id, 'aria-labelledby': titleId},
      el('div', {class: 'row-head'}, el('h2', {class: 'incident-title', id: titleId}, link), activity),
      el('p', {class: 'meta'}, status, corroborated, sourceCount, articleCount, ...factNodes),
      nameLine);
    row.parts = {link, activity, status, corroborated, sources, sourcesLabel, articles, articlesLabel,
      sourceCount, articleCount, facts, nameLine, names: ''};
    row.addEventListener('pointerenter', () => { hovered = row; });
    row.addEventListener('pointerleave', () => { if (hovered === row) hovered = null; });
    return row;
  }

  function fillRow(row, incident, changed) {
    const parts = row.parts;
    setText(parts.link, incident.title || 'Untitled incident');
    const lastActivity = incident.board && incident.board.last_activity;
    parts.activity.setAttribute('datetime', lastActivity || '');
    parts.activity.title = lastActivity ? `Last activity ${formatTime(lastActivity)}` : '';
    setText(parts.activity, lastActivity ? `updated ${ago(lastActivity)}` : '');
    setText(parts.status, statusLabel(incident.status));
    parts.status.dataset.status = incident.status || '';
    row.dataset.status = incident.status || '';
    parts.corroborated.hidden = !(incident.board && incident.board.corroborated);
    const sourcesBumped = setText(parts.sources, incident.source_count ?? 0);
    setText(parts.sourcesLabel, incident.source_count === 1 ? 'source' : 'sources');
    const articlesBumped = setText(parts.articles, incident.article_count ?? 0);
    setText(parts.articlesLabel, incident.article_count === 1 ? 'article' : 'articles');
    if (changed && sourcesBumped) flash(parts.sourceCount, 'bumped');
    if (changed && articlesBumped) flash(parts.articleCount, 'bumped');
    for (const fact of FACTS) {
      const node = parts.facts[fact.name];
      let text = null;
      try {
        text = fact.text(incident);
      } catch (e) {
        text = null;
      }
      node.hidden = !text;
      setText(node, text || '');
    }
    const groups = NAME_GROUPS.map(group => ({label: group.label, names: names(incident, group.type, 3)}))
      .filter(group => group.names.length);
    const signature = JSON.stringify(groups);
    if (signature !== parts.names) {
      parts.names = signature;
      parts.nameLine.replaceChildren(...groups.map(group => el('span', {class: 'name-group'},
        el('span', {class: 'name-label', text: group.label}), ' ', group.names.join(', '))));
      parts.nameLine.hidden = groups.length === 0;
    }
    if (changed) row.dataset.updated = new Date().toISOString();
  }

  function flash(node, name) {
    node.classList.remove(name);
    // Restarts the animation when a row changes again before the last one ended.
    void node.offsetWidth;
    node.classList.add(name);
    node.addEventListener('animationend', () => node.classList.remove(name), {once: true});
  }

  // "updated 3 min ago" stays true without any news arriving.
  setInterval(() => {
    for (const [id, row] of rows) {
      const incident = incidents.get(id);
      const lastActivity = incident && incident.board && incident.board.last_activity;
      if (lastActivity) setText(row.parts.activity, `updated ${ago(lastActivity)}`);
    }
  }, 15000);

  const start = filtersFromAddress();
  const active = showFilters(start);
  if (window.matchMedia('(max-width: 40rem)').matches && !active) filtersBox.open = false;
  connect(query(start));
})();
