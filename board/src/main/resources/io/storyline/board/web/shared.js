// Helpers both pages use. Everything is built with textContent (never innerHTML): record text is shown, never run.
'use strict';

const Board = (() => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  /** An element with attributes (class, href, …) and children (nodes or text; null and false are skipped). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Sets a node's text only when it differs, so unchanged parts of the page are never touched. */
  function setText(node, text) {
    const value = text == null ? '' : String(text);
    if (node.textContent !== value) {
      node.textContent = value;
      return true;
    }
    return false;
  }

  /** "2024-11-21" → "21 Nov 2024"; "2024-11" → "Nov 2024"; anything else (a week, a season) as it is. */
  function formatDate(value) {
    if (typeof value !== 'string') return '';
    let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
    match = /^(\d{4})-(\d{2})$/.exec(value);
    if (match) return `${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
    return value;
  }

  /** A moment in the reader's own time zone: "21 Nov 2024, 14:05". */
  function formatTime(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return formatDate(iso);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso);
    const time = date.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
    return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${time}`;
  }

  /** "just now", "4 min ago", "3 h ago", "2 days ago". */
  function ago(iso, now = Date.now()) {
    const then = new Date(iso).getTime();
    if (Number.isNaN(then)) return '';
    const seconds = Math.max(0, (now - then) / 1000);
    if (seconds < 60) return 'just now';
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
    const days = Math.floor(seconds / 86400);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }

  /** The names of one kind, most reported first. */
  function names(incident, type, limit) {
    return (Array.isArray(incident.entities) ? incident.entities : [])
      .filter(entity => entity && entity.type === type && entity.canonical)
      .slice(0, limit)
      .map(entity => entity.canonical);
  }

  /** "3 killed · 2 injured · Houston, Texas", from key facts where the record has them; null otherwise. */
  function keyFacts(facts) {
    if (!facts || typeof facts !== 'object') return null;
    const parts = [];
    if (Number.isInteger(facts.killed)) parts.push(`${facts.killed} killed`);
    if (Number.isInteger(facts.injured)) parts.push(`${facts.injured} injured`);
    const place = facts.place && typeof facts.place === 'object'
      ? [facts.place.city, facts.place.region, facts.place.country].filter(p => typeof p === 'string' && p) : [];
    if (place.length) parts.push(place.join(', '));
    return parts.length ? parts.join(' · ') : null;
  }

  const STATUS = {OPEN: 'Open', CLOSED: 'Closed', MERGED: 'Merged'};
  function statusLabel(status) {
    return STATUS[status] || (typeof status === 'string' ? status.charAt(0) + status.slice(1).toLowerCase() : '');
  }

  /**
   * Runs a change to the page without moving what the reader is looking at: the anchor keeps its place on the
   * screen, and the page scrolls by whatever the change added or removed above it.
   */
  function keepInPlace(anchor, change) {
    const before = anchor && anchor.isConnected ? anchor.getBoundingClientRect().top : null;
    change();
    if (before !== null && anchor.isConnected) {
      const shift = anchor.getBoundingClientRect().top - before;
      if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
    }
  }

  /** The header's "Live · updated just now": what the reader needs to trust the page is current. */
  function liveIndicator() {
    const box = document.getElementById('live');
    const text = document.getElementById('live-text');
    let lastChange = null;
    let state = 'connecting';
    function render() {
      box.dataset.state = state;
      if (state === 'live') {
        setText(text, lastChange ? `Live · updated ${ago(lastChange)}` : 'Live');
      } else if (state === 'reconnecting') {
        setText(text, lastChange ? `Reconnecting… (updated ${ago(lastChange)})` : 'Reconnecting…');
      } else {
        setText(text, 'Connecting…');
      }
    }
    setInterval(render, 10000);
    return {
      connected() { state = 'live'; render(); },
      lost() { state = 'reconnecting'; render(); },
      changed() { lastChange = new Date().toISOString(); state = 'live'; render(); },
    };
  }

  /**
   * Follows the board's server-sent events; the browser reconnects by itself after a broken connection, and a
   * refused one (the board restarting, too many viewers) is retried here.
   */
  function follow(url, handlers, indicator) {
    let source = null;
    function open() {
      source = new EventSource(url);
      source.onopen = () => indicator.connected();
      source.onerror = () => {
        indicator.lost();
        if (source.readyState === EventSource.CLOSED) setTimeout(open, 5000);
      };
      for (const [event, handle] of Object.entries(handlers)) {
        source.addEventListener(event, message => {
          let data;
          try {
            data = JSON.parse(message.data);
          } catch (e) {
            return;
          }
          handle(data);
        });
      }
    }
    open();
    return {
      close() { if (source) source.close(); },
    };
  }

  /** The operators' strip, from an `ops` event. */
  function renderOps(ops) {
    const byId = id => document.getElementById(id);
    if (!byId('ops-articles')) return;
    setText(byId('ops-articles'), ops.articles_per_minute ?? '–');
    setText(byId('ops-opened'), ops.opened_per_minute ?? '–');
    const letters = Array.isArray(ops.dead_letters) ? ops.dead_letters : [];
    setText(byId('ops-dlq-total'), letters.reduce((sum, row) => sum + (row.last_day || 0), 0));
    setText(byId('ops-dlq'), letters.length
      ? letters.slice(0, 6).map(row => `${row.reason} (${row.service}) ${row.last_day}`).join(' · ') : 'none');
    const lag = Array.isArray(ops.lag) ? ops.lag : null;
    if (lag) {
      setText(byId('ops-lag'), lag.map(row => `${row.service} ${lagText(row)}`).join(' · '));
      const known = lag.filter(row => Number.isInteger(row.lag));
      const worst = known.sort((a, b) => b.lag - a.lag)[0];
      setText(byId('ops-lag-max'), !worst ? 'not running' : worst.lag === 0 ? 'all caught up' : `${worst.service} ${worst.lag}`);
      byId('ops').dataset.lagging = worst && worst.lag > 1000 ? 'true' : 'false';
    }
    drawSpark(byId('ops-spark'), Array.isArray(ops.minutes) ? ops.minutes.map(pair => pair[0]) : []);
  }

  function lagText(row) {
    if (Number.isInteger(row.lag)) return `${row.lag} behind${row.instances ? ` (${row.instances}×)` : ''}`;
    if (row.error) return 'unknown';
    return 'not running';
  }

  function drawSpark(svg, values) {
    if (!svg) return;
    const max = Math.max(1, ...values);
    const width = 120 / Math.max(1, values.length);
    const bars = values.map((value, i) => {
      const height = value === 0 ? 0.5 : Math.max(1.5, (value / max) * 22);
      const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      bar.setAttribute('x', (i * width).toFixed(2));
      bar.setAttribute('y', (24 - height).toFixed(2));
      bar.setAttribute('width', Math.max(0.5, width - 0.6).toFixed(2));
      bar.setAttribute('height', height.toFixed(2));
      return bar;
    });
    svg.replaceChildren(...bars);
    svg.setAttribute('aria-label', `Articles per minute over the last hour, up to ${max} a minute`);
  }

  return {el, setText, formatDate, formatTime, ago, names, keyFacts, statusLabel, keepInPlace, liveIndicator,
    follow, renderOps};
})();
