// An incident's page: its coverage with reprints under their originals, its timeline, names and dates. Follows
// the incident live; a merged incident's page moves on to the incident it was merged into.
'use strict';

(() => {
  const {el, setText, formatDate, formatTime, ago, names, keyFacts, statusLabel, keepInPlace} = Board;

  const id = decodeURIComponent(window.location.pathname.replace(/^\/incidents\//, ''));
  const indicator = Board.liveIndicator();
  const byId = name => document.getElementById(name);
  const sections = {};
  let rendered = false;

  const KINDS = {PERSON: 'Person', LOCATION: 'Place', ORGANIZATION: 'Organisation', WEAPON: 'Weapon',
    NATIONALITY: 'Nationality', MISC: 'Other'};
  const EVENTS = {
    OPENED: entry => `Opened by ${who(entry)}`,
    ARTICLE_ADDED: entry => `${who(entry)} reported it`,
    ARTICLE_UPDATED: entry => `${who(entry)} corrected its article`,
    DUPLICATE_SEEN: entry => `${who(entry)} reprinted ${entry.duplicate_of ? 'an earlier report' : 'a report'}`,
    CORROBORATED: entry => `Corroborated: ${entry.source_count} independent sources`,
    MERGED: entry => (entry.merged_from
      ? `Merged with “${entry.article_title || entry.merged_from}”, the same event`
      : `Merged into another incident`),
    CLOSED: () => 'Closed: no new reports for a while',
  };

  function who(entry) {
    return entry.source || 'an unknown source';
  }

  byId('json-link').href = `/api/incidents/${encodeURIComponent(id)}`;

  /** Replaces a section's content only when its data changed, keeping what the reader looks at in place. */
  function section(name, data, draw) {
    const signature = JSON.stringify(data);
    if (sections[name] === signature) return;
    sections[name] = signature;
    keepInPlace(readingPoint(), draw);
  }

  function readingPoint() {
    if (window.scrollY <= 2) return null;
    const top = document.querySelector('.masthead').getBoundingClientRect().bottom;
    const candidates = document.querySelectorAll('.member, .timeline li, .counts-table tr, .panel h2');
    for (const node of candidates) {
      if (node.getBoundingClientRect().bottom > top + 8) return node;
    }
    return null;
  }

  function render(detail) {
    const incident = detail.incident || {};
    byId('notice').hidden = true;
    byId('detail').hidden = false;
    const title = incident.title || 'Untitled incident';
    document.title = `${title} · Storyline`;
    setText(byId('title'), title);

    section('meta', [incident.status, incident.board, incident.source_count, incident.article_count,
      incident.event_date, incident.first_seen, incident.key_facts, incident.languages], () => {
      const lastActivity = incident.board && incident.board.last_activity;
      byId('meta').replaceChildren(...[
        el('span', {class: 'status', 'data-status': incident.status || '', text: statusLabel(incident.status)}),
        incident.board && incident.board.corroborated
          ? el('span', {class: 'corroborated'}, el('span', {'aria-hidden': 'true', text: '✓ '}), 'Corroborated') : null,
        el('span', {class: 'count count-sources'}, el('b', {text: incident.source_count ?? 0}),
          incident.source_count === 1 ? ' source' : ' sources'),
        el('span', {class: 'count count-articles'}, el('b', {text: incident.article_count ?? 0}),
          incident.article_count === 1 ? ' article' : ' articles'),
        incident.event_date ? el('span', {class: 'fact', text: `Event ${formatDate(incident.event_date)}`}) : null,
        keyFacts(incident.key_facts) ? el('span', {class: 'fact', text: keyFacts(incident.key_facts)}) : null,
        incident.first_seen ? el('span', {class: 'fact', text: `First seen ${formatTime(incident.first_seen)}`}) : null,
        lastActivity ? el('time', {class: 'activity', datetime: lastActivity, 'data-ago': lastActivity,
          text: `updated ${ago(lastActivity)}`}) : null].filter(Boolean));
    });

    const leading = [['People', 'PERSON'], ['Places', 'LOCATION'], ['Weapons', 'WEAPON']]
      .map(([label, type]) => ({label, names: names(incident, type, 5)})).filter(group => group.names.length);
    section('leading', leading, () => byId('leading').replaceChildren(...leading.map(group =>
      el('span', {class: 'name-group'}, el('span', {class: 'name-label', text: group.label}), ' ',
        group.names.join(', ')))));

    const members = Array.isArray(detail.members) ? detail.members : [];
    section('members', members, () => {
      const reprints = members.reduce((sum, member) => sum + (member.reprints || []).length, 0);
      setText(byId('members-count'), `${members.length} ${members.length === 1 ? 'report' : 'reports'}`
        + (reprints ? `, ${reprints} ${reprints === 1 ? 'reprint' : 'reprints'}` : ''));
      byId('members').replaceChildren(...members.map(member => memberItem(member)));
    });

    const timeline = Array.isArray(detail.timeline) ? detail.timeline : [];
    section('timeline', timeline, () => byId('timeline').replaceChildren(...timeline.slice().reverse().map(entry =>
      el('li', {class: `event event-${String(entry.type || '').toLowerCase()}`},
        el('time', {datetime: entry.at || '', text: formatTime(entry.at)}),
        el('span', {class: 'event-text'}, describe(entry), entry.merged_from
          ? el('span', {class: 'event-ref'}, ' (', el('a', {href: `/incidents/${encodeURIComponent(entry.merged_from)}`,
            text: 'its old page'}), ')') : null)))));

    const entities = Array.isArray(incident.entities) ? incident.entities : [];
    section('entities', entities, () => byId('entities').replaceChildren(...entities.map(entity =>
      el('tr', {}, el('td', {text: entity.canonical}), el('td', {text: KINDS[entity.type] || entity.type || ''}),
        el('td', {class: 'num', text: entity.count ?? ''})))));

    const dates = Array.isArray(incident.dates) ? incident.dates : [];
    section('dates', dates, () => byId('dates').replaceChildren(...(dates.length ? dates.map(date =>
      el('tr', {}, el('td', {}, el('time', {datetime: date.value, text: formatDate(date.value)})),
        el('td', {class: 'num', text: date.count ?? ''})))
      : [el('tr', {}, el('td', {colspan: '2', class: 'none', text: 'No report gives a date yet.'}))])));

    const sources = Array.isArray(incident.sources) ? incident.sources : [];
    section('sources', sources, () => byId('sources').replaceChildren(...sources.map(source =>
      el('li', {text: source}))));

    if (!rendered) {
      rendered = true;
      document.body.dataset.loaded = 'true';
    }
  }

  function describe(entry) {
    const text = EVENTS[entry.type] ? EVENTS[entry.type](entry) : `${entry.type}`;
    const quoted = ['OPENED', 'ARTICLE_ADDED', 'ARTICLE_UPDATED', 'DUPLICATE_SEEN'].includes(entry.type);
    return entry.article_title && quoted ? `${text}: “${entry.article_title}”` : text;
  }

  function memberItem(member) {
    const item = el('li', {class: 'member', 'data-article': member.article_id}, report(member));
    const copies = Array.isArray(member.reprints) ? member.reprints : [];
    if (copies.length) {
      item.append(el('div', {class: 'reprints'},
        el('p', {class: 'reprints-label', text: copies.length === 1 ? 'Reprinted by' : `Reprinted ${copies.length} times`}),
        el('ul', {}, ...copies.map(copy => el('li', {class: 'member reprint', 'data-article': copy.article_id},
          report(copy))))));
    }
    return item;
  }

  function report(member) {
    if (!member.described) {
      return el('p', {class: 'report unknown'}, el('span', {class: 'source', text: member.source || 'Article'}), ' ',
        el('span', {class: 'headline', text: member.article_id}),
        el('span', {class: 'note', text: ' (its report is older than the board keeps)'}));
    }
    const headline = member.url
      ? el('a', {href: member.url, rel: 'noopener noreferrer', target: '_blank', text: member.title || member.url})
      : el('span', {text: member.title || member.article_id});
    const published = member.published_at || member.seen_at;
    return el('p', {class: 'report'},
      el('span', {class: 'source', text: member.source || 'unknown source'}),
      el('span', {class: 'headline'}, headline),
      published ? el('time', {class: 'published', datetime: published,
        text: member.published_at ? `published ${formatTime(member.published_at)}` : `seen ${formatTime(member.seen_at)}`})
        : null);
  }

  function notice(text) {
    byId('notice').hidden = false;
    setText(byId('notice'), text);
    byId('detail').hidden = rendered ? byId('detail').hidden : true;
    document.body.dataset.loaded = 'true';
  }

  setInterval(() => {
    document.querySelectorAll('[data-ago]').forEach(node => setText(node, `updated ${ago(node.dataset.ago)}`));
  }, 15000);

  Board.follow(`/api/live?incident=${encodeURIComponent(id)}`, {
    incident: detail => {
      render(detail);
      indicator.changed();
    },
    moved: ref => window.location.replace(`/incidents/${encodeURIComponent(ref.merged_into)}`),
    gone: () => notice('This incident is not on the board: it is unknown, or has had no news for longer than the '
      + 'board keeps incidents.'),
    ops: () => {},
  }, indicator);
})();
