// The timeline page: loads every incident from /incidents, draws the timeline, the links and the map in SVG,
// then follows /incidents/stream so that changes appear without a reload. No library, no build step.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const TYPES = [
    ['agreement_truce', 'Truce / agreement', '#2e9d4a'],
    ['shelling_missile_attack', 'Shelling / rocket / missile', '#e6550d'],
    ['air_drone_strike', 'Air / drone strike', '#3182bd'],
    ['drone_attack', 'Drone attack (non-state)', '#6baed6'],
    ['suicide_bomb_attack', 'Suicide bomb', '#756bb1'],
    ['ied_attack', 'IED / roadside bomb', '#8c564b'],
    ['grenade_attack', 'Grenade', '#e377c2'],
    ['armed_clash', 'Armed clash', '#a6a61c'],
    ['attack_on_civilians', 'Attack on civilians', '#d6616b'],
    ['abduction', 'Abduction', '#7f7f7f'],
    ['other_violence', 'Other', '#17becf'],
  ];
  const TYPE_INFO = new Map(TYPES.map(([code, label, color], i) => [code, { label, color, order: i }]));
  const LINKS = [['breaks_truce', 'breaks truce', '#c62828'], ['retaliation_for', 'retaliation for', '#ef6c00'],
    ['follows', 'follows', '#78909c'], ['coincides_with', 'coincides with', '#6a1b9a']];
  const DAY = 86400000;

  const incidents = new Map();
  const fresh = new Set();
  let selected = null;
  let position = null;

  const el = (id) => document.getElementById(id);

  function node(name, attrs, parent) {
    const n = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) n.setAttribute(k, v);
    }
    if (parent) parent.appendChild(n);
    return n;
  }

  // The URL when it is absolute http or https, else null: a javascript: or data: link would run on click.
  function webUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function html(tag, attrs, text) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'href' || k === 'src') {
        const url = webUrl(v);
        if (url !== null) n.setAttribute(k, url);
      } else {
        n.setAttribute(k, v);
      }
    }
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  function info(type) {
    return TYPE_INFO.get(type) || { label: type, color: '#999', order: 99 };
  }

  // The days a date of the given precision covers, as [start, end] in milliseconds (UTC); null when undated.
  function span(date, precision) {
    if (!date) return null;
    const [y, m, d] = date.split('-').map(Number);
    if (precision === 'day' || d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d)];
    if (precision === 'month' || m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
    return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
  }

  function casualties(i) {
    return (i.killed || 0) + (i.wounded || 0);
  }

  function radius(i) {
    return Math.min(22, 5 + 2.2 * Math.sqrt(casualties(i)));
  }

  function placeName(i) {
    const l = i.location;
    if (!l) return 'unknown place';
    return l.city && l.city !== l.name ? l.name + ', ' + l.city : l.name || l.country || 'unknown place';
  }

  function title(i) {
    const figures = [];
    if (i.killed !== null) figures.push(i.killed + ' killed');
    if (i.wounded !== null) figures.push(i.wounded + ' wounded');
    return info(i.type).label + ' · ' + (i.date || 'undated') + ' · ' + placeName(i)
      + (figures.length ? ' · ' + figures.join(', ') : '');
  }

  // ---- loading and the live stream ----

  async function load() {
    let cursor = null;
    do {
      const url = 'incidents?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      const res = await fetch(url);
      if (!res.ok) throw new Error('GET ' + url + ': ' + res.status);
      const page = await res.json();
      page.items.forEach((i) => incidents.set(i.id, i));
      if (position === null) position = page.position;
      cursor = page.nextCursor;
    } while (cursor);
    render();
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted) select(wanted);
    follow();
  }

  function follow() {
    const source = new EventSource('incidents/stream?lastEventId=' + encodeURIComponent(position || ''));
    const status = el('status');
    source.onopen = () => { status.dataset.state = 'live'; status.textContent = 'live'; };
    source.onerror = () => {
      status.dataset.state = 'reconnecting';
      status.textContent = 'reconnecting…';
      // A refused reconnect (too many clients, or a position the topic no longer has) closes the stream for
      // good: load the list again, from its own position, after a pause.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(() => {
          incidents.clear();
          position = null;
          load().catch((e) => {
            status.dataset.state = 'error';
            status.textContent = 'error: ' + e.message;
          });
        }, 5000);
      }
    };
    source.addEventListener('upsert', (e) => {
      const i = JSON.parse(e.data);
      if (!incidents.has(i.id)) fresh.add(i.id);
      incidents.set(i.id, i);
      schedule();
    });
    source.addEventListener('delete', (e) => {
      const d = JSON.parse(e.data);
      incidents.delete(d.id);
      if (selected === d.id) selected = d.survivor || null;
      schedule();
    });
  }

  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; render(); });
  }

  // ---- drawing ----

  function render() {
    el('count').textContent = incidents.size + (incidents.size === 1 ? ' incident' : ' incidents');
    drawLegend();
    drawTimeline();
    drawMap();
    drawDetails();
    fresh.clear();
  }

  function drawLegend() {
    const legend = el('legend');
    legend.replaceChildren();
    const present = new Set([...incidents.values()].map((i) => i.type));
    for (const [code, label, color] of TYPES) {
      if (!present.has(code)) continue;
      const item = html('span', { 'data-type': code });
      const sw = html('span', { class: 'swatch' });
      sw.style.background = color;
      item.append(sw, label);
      legend.appendChild(item);
    }
    for (const [code, label, color] of LINKS) {
      const item = html('span', { 'data-link': code });
      const line = html('span', { class: 'line' });
      line.style.borderColor = color;
      if (code === 'breaks_truce') line.style.borderTopStyle = 'dashed';
      item.append(line, label);
      legend.appendChild(item);
    }
    legend.appendChild(html('span', {}, 'size: killed + wounded'));
  }

  function drawTimeline() {
    const svg = el('timeline');
    svg.replaceChildren();
    const width = Math.max(svg.clientWidth || 0, 700);
    const labelW = 170, undatedW = 110, right = 16, top = 40, rowH = 24, lanePad = 12;
    const all = [...incidents.values()];
    const dated = all.filter((i) => span(i.date, i.datePrecision));
    let min = Math.min(...dated.map((i) => span(i.date, i.datePrecision)[0]));
    let max = Math.max(...dated.map((i) => span(i.date, i.datePrecision)[1]));
    if (!dated.length) { min = Date.UTC(2020, 0, 1); max = Date.UTC(2021, 0, 1); }
    const pad = Math.max((max - min) * 0.04, 15 * DAY);
    min -= pad; max += pad;
    const x0 = labelW, x1 = width - undatedW - right;
    const x = (t) => x0 + (t - min) / (max - min) * (x1 - x0);
    const undatedX = x1 + undatedW / 2 + 4;

    // Positions: lanes by type, rows inside a lane so that circles do not cover each other.
    const lanes = [...new Set(all.map((i) => i.type))].sort((a, b) => info(a).order - info(b).order);
    const pos = new Map();
    let y = top;
    const laneBoxes = [];
    for (const type of lanes) {
      const members = all.filter((i) => i.type === type).map((i) => {
        const s = span(i.date, i.datePrecision);
        return { i, cx: s ? x((s[0] + s[1]) / 2) : undatedX, s, r: radius(i) };
      }).sort((a, b) => a.cx - b.cx || a.i.id.localeCompare(b.i.id));
      const rowEnds = [];
      for (const m of members) {
        let row = rowEnds.findIndex((end) => end < m.cx - m.r - 2);
        if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
        rowEnds[row] = m.cx + m.r;
        m.row = row;
      }
      const rows = Math.max(1, rowEnds.length);
      const laneH = rows * rowH + 2 * lanePad + 10;
      members.forEach((m) => pos.set(m.i.id, { ...m, cy: y + lanePad + 5 + rowH * (m.row + 0.5) }));
      laneBoxes.push({ type, y, h: laneH });
      y += laneH;
    }
    const height = y + 10;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('height', height);

    const defs = node('defs', {}, svg);
    for (const [code, , color] of LINKS) {
      const marker = node('marker', { id: 'arrow-' + code, viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
      node('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }, marker);
    }

    laneBoxes.forEach((lane, k) => {
      node('rect', { class: 'lane-bg' + (k % 2 ? ' odd' : ''), x: 0, y: lane.y, width, height: lane.h }, svg);
      const label = node('text', { class: 'lane-label', x: 8, y: lane.y + lane.h / 2 + 4 }, svg);
      label.textContent = info(lane.type).label;
    });

    // Axis: a line per month, a label per year (or per month on short ranges).
    const axis = node('g', { class: 'axis' }, svg);
    const first = new Date(min);
    const months = (max - min) / (30 * DAY);
    for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); d.getTime() < max;
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      const tx = x(d.getTime());
      const isYear = d.getUTCMonth() === 0;
      node('line', { x1: tx, x2: tx, y1: top - 6, y2: height - 10, 'stroke-width': isYear ? 1.5 : 0.6 }, axis);
      if (isYear || months <= 24) {
        const t = node('text', { x: tx + 3, y: top - 10 }, axis);
        t.textContent = isYear ? String(d.getUTCFullYear())
          : d.toLocaleString('en', { month: 'short', timeZone: 'UTC' });
        if (isYear) t.setAttribute('font-weight', '600');
      }
    }
    node('line', { class: 'undated-sep', x1: x1 + 4, x2: x1 + 4, y1: top - 18, y2: height - 10 }, svg);
    const ut = node('text', { class: 'lane-label', x: undatedX - 22, y: top - 10 }, svg);
    ut.textContent = 'undated';

    // Links first, so that the incidents sit on top of them.
    const linkLayer = node('g', { class: 'links' }, svg);
    for (const i of all) {
      for (const rel of i.relations || []) {
        const a = pos.get(i.id), b = pos.get(rel.incidentId);
        if (!a || !b) continue;
        const lift = Math.max(40, Math.abs(b.cx - a.cx) * 0.25);
        const midY = Math.min(a.cy, b.cy) - lift;
        const path = node('path', {
          class: 'link link-' + rel.type, 'data-type': rel.type, 'data-from': i.id, 'data-to': rel.incidentId,
          d: `M${a.cx},${a.cy - a.r} C${a.cx},${midY} ${b.cx},${midY} ${b.cx},${b.cy - b.r - 2}`,
          'marker-end': `url(#arrow-${rel.type})`,
        }, linkLayer);
        node('title', {}, path).textContent = rel.type.replace('_', ' ') + ': ' + (rel.evidence || '');
        if (rel.type === 'breaks_truce') {
          // The other link types are told apart by colour (see the legend); labels would crowd them.
          const label = node('text', { class: 'link-label', x: (a.cx + b.cx) / 2, y: midY + lift * 0.25 - 4,
            'text-anchor': 'middle', fill: LINKS[0][2] }, linkLayer);
          label.textContent = 'breaks truce';
        }
      }
    }

    for (const i of all) {
      const p = pos.get(i.id);
      const g = node('g', { class: 'incident' + (i.id === selected ? ' selected' : '') + (fresh.has(i.id) ? ' fresh' : ''),
        'data-id': i.id, 'data-type': i.type, 'data-date': i.date || '' }, svg);
      if (p.s && p.s[1] > p.s[0]) {
        node('rect', { class: 'span', x: x(p.s[0]), y: p.cy - 7, width: Math.max(2, x(p.s[1]) - x(p.s[0])), height: 14,
          rx: 3, fill: info(i.type).color }, g);
      }
      node('circle', { cx: p.cx, cy: p.cy, r: p.r, fill: info(i.type).color }, g);
      node('title', {}, g).textContent = title(i);
      g.addEventListener('click', () => select(i.id));
    }
  }

  function drawMap() {
    const svg = el('map');
    svg.replaceChildren();
    const w = svg.clientWidth || 500, h = svg.clientHeight || 420;
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const placed = [...incidents.values()].filter((i) => i.location && i.location.lat !== null && i.location.lon !== null);
    if (!placed.length) {
      node('text', { class: 'deg', x: 12, y: 20 }, svg).textContent = 'no incident with coordinates yet';
      return;
    }
    let minLon = Math.min(...placed.map((i) => i.location.lon)), maxLon = Math.max(...placed.map((i) => i.location.lon));
    let minLat = Math.min(...placed.map((i) => i.location.lat)), maxLat = Math.max(...placed.map((i) => i.location.lat));
    const cx = (minLon + maxLon) / 2, cy = (minLat + maxLat) / 2;
    const k = Math.cos(cy * Math.PI / 180);   // equirectangular, true to scale at the centre latitude
    const spanLon = Math.max(maxLon - minLon, 2) * 1.3, spanLat = Math.max(maxLat - minLat, 2) * 1.3;
    const scale = Math.min(w / (spanLon * k), h / spanLat);
    const px = (lon) => w / 2 + (lon - cx) * k * scale;
    const py = (lat) => h / 2 - (lat - cy) * scale;
    minLon = cx - w / 2 / (k * scale); maxLon = cx + w / 2 / (k * scale);
    minLat = cy - h / 2 / scale; maxLat = cy + h / 2 / scale;

    const grid = node('g', {}, svg);
    for (let lon = Math.ceil(minLon); lon <= maxLon; lon++) {
      node('line', { class: 'graticule', x1: px(lon), x2: px(lon), y1: 0, y2: h }, grid);
      node('text', { class: 'deg', x: px(lon) + 2, y: h - 4 }, grid).textContent = lon + '°E';
    }
    for (let lat = Math.ceil(minLat); lat <= maxLat; lat++) {
      node('line', { class: 'graticule', x1: 0, x2: w, y1: py(lat), y2: py(lat) }, grid);
      node('text', { class: 'deg', x: 3, y: py(lat) - 2 }, grid).textContent = lat + '°N';
    }

    // Largest first, so that small ones stay clickable on top.
    placed.sort((a, b) => radius(b) - radius(a) || a.id.localeCompare(b.id));
    const labelled = new Set();
    for (const i of placed) {
      const c = node('circle', { class: 'place' + (i.id === selected ? ' selected' : ''), 'data-id': i.id,
        cx: px(i.location.lon), cy: py(i.location.lat), r: radius(i) * 0.8, fill: info(i.type).color }, svg);
      node('title', {}, c).textContent = title(i);
      c.addEventListener('click', () => select(i.id));
    }
    for (const i of placed) {
      const name = i.location.name;
      if (labelled.has(name)) continue;
      labelled.add(name);
      node('text', { class: 'place-label', x: px(i.location.lon) + 8, y: py(i.location.lat) - 6 }, svg).textContent = name;
    }
  }

  function drawDetails() {
    const box = el('details');
    const i = selected && incidents.get(selected);
    if (!i) {
      box.replaceChildren(html('p', { class: 'hint' },
        'Click an incident on the timeline or the map to see its fields, sources and evidence.'));
      return;
    }
    box.replaceChildren();
    box.dataset.id = i.id;
    box.appendChild(html('h2', {}, info(i.type).label + ' · ' + (i.date || 'undated') + ' · ' + placeName(i)));
    box.appendChild(html('div', { class: 'sub' }, i.eventType + ' / ' + i.subEventType + ' · ' + i.id));
    const table = html('table');
    const row = (label, value) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return;
      const tr = html('tr');
      tr.appendChild(html('th', {}, label));
      const td = html('td');
      if (value instanceof Node) td.appendChild(value); else td.textContent = value;
      tr.appendChild(td);
      table.appendChild(tr);
    };
    const l = i.location;
    row('date', i.date ? i.date + ' (' + i.datePrecision + ')' : 'unknown');
    row('place', l ? [l.name, l.city, l.admin1, l.country].filter((v, k, a) => v && a.indexOf(v) === k).join(', ')
      + (l.lat !== null ? ` (${l.lat}, ${l.lon}; precision ${l.precision})` : '') : 'unknown');
    row('killed', i.killed === null ? 'not reported' : String(i.killed));
    row('wounded', i.wounded === null ? 'not reported' : String(i.wounded));
    row('weapons', (i.weapons || []).join(', '));
    row('actors', (i.actors || []).map((a) => a.name + ' (' + a.role + (a.status ? ', ' + a.status : '') + ')').join('; '));
    row('targets', (i.targets || []).join(', '));
    if ((i.relations || []).length) {
      const list = html('div');
      for (const r of i.relations) {
        const target = incidents.get(r.incidentId);
        const line = html('div', { class: 'relation', 'data-type': r.type });
        line.append(r.type.replace('_', ' ') + ' → ');
        const a = html('a', { class: 'rel', 'data-id': r.incidentId }, target ? title(target) : r.incidentId);
        a.addEventListener('click', () => select(r.incidentId));
        line.appendChild(a);
        if (r.evidence) line.appendChild(html('div', { class: 'evidence' }, '“' + r.evidence + '”'));
        list.appendChild(line);
      }
      row('links', list);
    }
    row('merged from', (i.mergedFrom || []).join(', '));
    row('reports', i.articleCount + ' articles, ' + i.outletCount + ' outlets, ' + (i.firstSeen || '?') + ' to ' + (i.lastSeen || '?'));
    row('rules', i.rulesVersion);
    box.appendChild(table);

    box.appendChild(html('h3', {}, 'Sources and evidence'));
    for (const s of i.sources || []) {
      const div = html('div', { class: 'source', 'data-article': s.articleId });
      const head = html('div');
      const name = s.title || 'article ' + (s.articleId.length > 40 ? s.articleId.slice(0, 24) + '…' : s.articleId);
      if (webUrl(s.url)) {
        const a = html('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, name);
        head.appendChild(a);
      } else {
        head.appendChild(html('strong', {}, name));
      }
      const meta = [s.outlet, s.publishedAt && 'published ' + s.publishedAt, s.date && 'says ' + s.date,
        s.killed !== null && s.killed !== undefined ? s.killed + ' killed' : null,
        s.wounded !== null && s.wounded !== undefined ? s.wounded + ' wounded' : null].filter(Boolean).join(' · ');
      head.append(' ', html('span', { class: 'sub' }, meta));
      div.appendChild(head);
      for (const e of s.evidence || []) {
        const p = html('div', { class: 'evidence', 'data-field': e.field });
        p.appendChild(html('span', { class: 'field' }, e.field));
        p.appendChild(quote(e.sentence, e.text));
        div.appendChild(p);
      }
      box.appendChild(div);
    }
  }

  // The sentence, with the span the value was read from marked.
  function quote(sentence, text) {
    const q = html('q', { class: 'sentence' });
    const at = text ? sentence.indexOf(text) : -1;
    if (at < 0) {
      q.textContent = sentence;
    } else {
      q.append(sentence.slice(0, at), html('mark', {}, text), sentence.slice(at + text.length));
    }
    return q;
  }

  async function select(id) {
    if (!incidents.has(id) && /^inc-[0-9a-f]{16}$/.test(id)) {
      // A merged-away id: the API redirects to the incident that absorbed it.
      const res = await fetch('incidents/' + id);
      if (res.ok) id = (await res.json()).id;
    }
    selected = incidents.has(id) ? id : null;
    if (selected) history.replaceState(null, '', '#' + selected);
    render();
  }

  window.addEventListener('resize', schedule);
  load().catch((e) => {
    el('status').dataset.state = 'error';
    el('status').textContent = 'error: ' + e.message;
  });
})();
