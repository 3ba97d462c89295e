/*
 * app.js — the treve dashboard. No framework and no network beyond this
 * server's /api: a dyad timeline with ceasefire periods and violations,
 * casualty claims per side and claimant, a filterable event table, an
 * article view with the evidence of the selected event highlighted, and a
 * world map drawn from a TopoJSON outline (world-atlas, vendored at build
 * time) with our own equirectangular projection.
 *
 * Safety: every string that comes from the data (article text, titles,
 * sources, URLs, actor names) reaches the page through textContent or
 * setAttribute of a fixed attribute name — never innerHTML — and URLs are
 * shown as text, never made into links. The server also sends a strict
 * Content-Security-Policy (no inline script).
 */
'use strict';

(function () {
  // ---- labels ------------------------------------------------------------
  const I18N = {
    fr: {
      subtitle: 'Conflits, événements et cessez-le-feu', timeline: "Chronologie d'une dyade",
      partyA: 'Partie A', partyB: 'Partie B', includeHistorical: "inclure l'historique",
      casualties: 'Pertes annoncées, par camp et par source', map: 'Carte des événements',
      mapWorld: 'Monde', mapFit: 'Ajuster', events: 'Événements', since: 'Depuis', until: "Jusqu'au",
      actor: 'Acteur', country: 'Pays', type: 'Type', minCasualties: 'Pertes min.', historical: 'Historique',
      any: 'tous', currentOnly: 'actuels', historicalOnly: 'historiques', apply: 'Filtrer', reset: 'Effacer',
      colTime: 'Date (UTC)', colType: 'Type', colActors: 'Acteurs', colPlace: 'Lieu', colCasualties: 'Pertes',
      colModality: 'Modalité', colSources: 'Sources', colSide: 'Camp', colKind: 'Nature', colFigure: 'Chiffre',
      colClaimant: "Source de l'annonce", prev: 'Précédent', next: 'Suivant', article: 'Article et preuves',
      pickEvent: "Cliquez sur un événement pour voir l'article.", page: 'résultats {from}–{to}',
      noEvents: 'Aucun événement.', noCeasefire: 'Aucun cessez-le-feu connu entre ces parties.',
      ceasefire: 'Cessez-le-feu', from: 'en vigueur depuis', mediators: 'médiation', announcedBy: 'annoncé par',
      state: 'état', violation: 'violation', clash: 'affrontement', statsLine: '{articles} articles · {events} événements · {ceasefires} cessez-le-feu',
      articleMissing: "Article introuvable dans la base.", source: 'Source', published: 'Publié', url: 'Adresse (non cliquable)',
      lgTrigger: 'déclencheur', lgActor: 'acteur', lgTime: 'date', lgPlace: 'lieu', lgCasualty: 'pertes', lgClaim: 'source',
      unknown: 'inconnu', killed: 'tués', wounded: 'blessés', missing: 'disparus', captured: 'capturés', displaced: 'déplacés',
      unquantified: 'non chiffré', atLeast: 'au moins', claimedBy: 'selon', noPlace: 'Aucun événement localisé.',
      asserted: 'affirmé', hoped: 'espéré', called_for: 'appel', denied: 'démenti', reported: 'rapporté', future: 'futur',
      in_force: 'en vigueur', announced: 'annoncé', violated: 'violé', collapsed: 'rompu', renewed: 'renouvelé',
      errorLoad: 'Erreur de chargement : {msg}', other: 'autres', sourcesN: '{n} source(s)'
    },
    en: {
      subtitle: 'Conflicts, events and ceasefires', timeline: 'Dyad timeline',
      partyA: 'Party A', partyB: 'Party B', includeHistorical: 'include historical',
      casualties: 'Casualty claims by side and claimant', map: 'Event map',
      mapWorld: 'World', mapFit: 'Fit', events: 'Events', since: 'Since', until: 'Until',
      actor: 'Actor', country: 'Country', type: 'Type', minCasualties: 'Min. casualties', historical: 'Historical',
      any: 'any', currentOnly: 'current', historicalOnly: 'historical', apply: 'Filter', reset: 'Clear',
      colTime: 'Time (UTC)', colType: 'Type', colActors: 'Actors', colPlace: 'Place', colCasualties: 'Casualties',
      colModality: 'Modality', colSources: 'Sources', colSide: 'Side', colKind: 'Kind', colFigure: 'Figure',
      colClaimant: 'Claimed by', prev: 'Previous', next: 'Next', article: 'Article and evidence',
      pickEvent: 'Click an event to see its article.', page: 'results {from}–{to}',
      noEvents: 'No events.', noCeasefire: 'No known ceasefire between these parties.',
      ceasefire: 'Ceasefire', from: 'in force from', mediators: 'mediated by', announcedBy: 'announced by',
      state: 'state', violation: 'violation', clash: 'clash', statsLine: '{articles} articles · {events} events · {ceasefires} ceasefires',
      articleMissing: 'Article not found in the database.', source: 'Source', published: 'Published', url: 'URL (not a link)',
      lgTrigger: 'trigger', lgActor: 'actor', lgTime: 'time', lgPlace: 'place', lgCasualty: 'casualties', lgClaim: 'claimant',
      unknown: 'unknown', killed: 'killed', wounded: 'wounded', missing: 'missing', captured: 'captured', displaced: 'displaced',
      unquantified: 'unquantified', atLeast: 'at least', claimedBy: 'according to', noPlace: 'No located events.',
      asserted: 'asserted', hoped: 'hoped', called_for: 'called for', denied: 'denied', reported: 'reported', future: 'future',
      in_force: 'in force', announced: 'announced', violated: 'violated', collapsed: 'collapsed', renewed: 'renewed',
      errorLoad: 'Loading failed: {msg}', other: 'other', sourcesN: '{n} source(s)'
    }
  };
  // CAMEO root codes, for labels in both languages.
  const CAMEO_ROOT = {
    '01': ['Déclaration publique', 'Make public statement'], '02': ['Appel', 'Appeal'],
    '03': ['Intention de coopérer', 'Express intent to cooperate'], '04': ['Consultation', 'Consult'],
    '05': ['Coopération diplomatique', 'Engage in diplomatic cooperation'], '06': ['Coopération matérielle', 'Engage in material cooperation'],
    '07': ['Aide', 'Provide aid'], '08': ['Concession', 'Yield'], '09': ['Enquête', 'Investigate'],
    '10': ['Exigence', 'Demand'], '11': ['Désapprobation', 'Disapprove'], '12': ['Rejet', 'Reject'],
    '13': ['Menace', 'Threaten'], '14': ['Protestation', 'Protest'], '15': ['Démonstration de force', 'Exhibit force posture'],
    '16': ['Réduction des relations', 'Reduce relations'], '17': ['Coercition', 'Coerce'], '18': ['Agression', 'Assault'],
    '19': ['Combats', 'Fight'], '20': ['Violence de masse', 'Use unconventional mass violence']
  };
  const SPECIAL = { '0871': ['Cessez-le-feu', 'Declare ceasefire'], '196': ['Violation du cessez-le-feu', 'Violate ceasefire'] };

  let lang = 'fr';
  try { lang = localStorage.getItem('treve.lang') === 'en' ? 'en' : 'fr'; } catch (e) { /* no storage */ }
  const t = (k, vars) => {
    let s = (I18N[lang] && I18N[lang][k]) || I18N.en[k] || k;
    if (vars) for (const v of Object.keys(vars)) s = s.split('{' + v + '}').join(String(vars[v]));
    return s;
  };

  // ---- DOM helpers (text only) -------------------------------------------
  const $ = (sel) => document.querySelector(sel);
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    for (const k of kids) if (k != null) e.append(k instanceof Node ? k : String(k));
    return e;
  }
  const SVGNS = 'http://www.w3.org/2000/svg';
  function sv(tag, attrs, ...kids) {
    const e = document.createElementNS(SVGNS, tag);
    setAttrs(e, attrs);
    for (const k of kids) if (k != null) e.append(k instanceof Node ? k : String(k));
    return e;
  }
  function setAttrs(e, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) throw new Error('no event attributes');
      e.setAttribute(k, String(v));
    }
  }
  const svgTitle = (s) => sv('title', null, s);
  const clear = (e) => { while (e.firstChild) e.removeChild(e.firstChild); return e; };

  // ---- data --------------------------------------------------------------
  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : 'HTTP ' + r.status;
      const err = new Error(msg);
      err.status = r.status;
      throw err;
    }
    return body;
  }
  async function allEvents(params, maxPages) {
    const out = [];
    let offset = 0;
    for (let i = 0; i < (maxPages || 10); i++) {
      const q = new URLSearchParams(params);
      q.set('limit', '500');
      q.set('offset', String(offset));
      const page = await api('/api/events?' + q.toString());
      out.push(...(page.events || []));
      if (page.next_offset == null) break;
      offset = page.next_offset;
    }
    return out;
  }

  const state = {
    events: [],          // every event loaded for the dashboard (timeline, map, claims)
    ceasefires: [],
    table: { params: {}, offset: 0, limit: 50, rows: [], next: null },
    selected: null,      // selected event
    mapMode: 'fit'
  };

  const evId = (e) => e.story_id || e.event_id;
  const startOf = (e) => (e && e.time && e.time.start ? Date.parse(e.time.start) : NaN);
  function fmtTime(iso, precision) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (isNaN(d)) return String(iso);
    const p = (n) => String(n).padStart(2, '0');
    const day = d.getUTCFullYear() + '-' + p(d.getUTCMonth() + 1) + '-' + p(d.getUTCDate());
    if (precision && !/minute|hour|part_of_day/.test(precision)) return day;
    return day + ' ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes());
  }
  function typeLabel(e) {
    const c = String(e.cameo || '');
    const sp = SPECIAL[c] || (c.length === 4 && SPECIAL[c]) || null;
    if (sp) return sp[lang === 'fr' ? 0 : 1];
    const root = CAMEO_ROOT[c.slice(0, 2)];
    if (lang === 'fr' && root) return root[0];
    return e.label || (root ? root[1] : c);
  }
  const isViolence = (e) => /^(18|19|20)/.test(String(e.cameo || ''));
  const isViolation = (e) => String(e.cameo || '') === '196';
  const isCeasefire = (e) => String(e.cameo || '') === '0871';
  function involves(e, party) {
    return (e.actors || []).some((a) => a.country === party || (a.code && a.code.startsWith(party)));
  }
  function sidesOf(e) {
    return [...new Set((e.actors || []).filter((a) => a.role !== 'mediator').map((a) => a.country || a.code).filter(Boolean))];
  }
  function casualtyText(c) {
    const kind = t(c.kind || 'killed');
    if (c.min == null && c.max == null) return t('unquantified') + ' (' + kind + ')';
    if (c.max == null) return t('atLeast') + ' ' + c.min + ' ' + kind;
    if (c.min == null || c.min === c.max) return c.max + ' ' + kind;
    return c.min + '–' + c.max + ' ' + kind;
  }
  const claimantOf = (c, e) => (c.claimed_by && c.claimed_by.code) || (e.claimed_by && e.claimed_by.code) || '?';
  const sideOf = (c) => (c.group && (c.group.country || c.group.sector)) || t('unknown');

  // ---- stats and language ------------------------------------------------
  async function loadStats() {
    try {
      const s = await api('/api/stats');
      const cf = typeof s.ceasefires === 'object' && s.ceasefires ? Object.values(s.ceasefires).reduce((a, b) => a + (+b || 0), 0) : s.ceasefires;
      $('#stats').textContent = t('statsLine', { articles: s.articles ?? '?', events: s.stories ?? s.events ?? '?', ceasefires: cf ?? '?' });
    } catch (e) { $('#stats').textContent = t('errorLoad', { msg: e.message }); }
  }
  function applyLang() {
    document.documentElement.lang = lang;
    for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.getAttribute('data-i18n'));
    $('#lang-toggle').textContent = lang === 'fr' ? 'EN' : 'FR';
    document.title = 'treve — ' + (lang === 'fr' ? 'tableau de bord' : 'dashboard');
  }

  // ---- dyad timeline -----------------------------------------------------
  function fillParties() {
    const set = new Set();
    for (const c of state.ceasefires) for (const p of c.parties || []) set.add(p);
    for (const e of state.events) for (const s of sidesOf(e)) if (/^[A-Z]{3}$/.test(s)) set.add(s);
    const parties = [...set].sort();
    const first = state.ceasefires.find((c) => (c.parties || []).length >= 2);
    const a = $('#party-a'), b = $('#party-b');
    const keepA = a.value, keepB = b.value;
    for (const sel of [a, b]) { clear(sel); for (const p of parties) sel.append(el('option', { value: p }, p)); }
    a.value = keepA || (first ? first.parties[0] : parties[0] || '');
    b.value = keepB || (first ? first.parties[1] : parties[1] || '');
  }

  function dyadCeasefires(A, B) {
    return state.ceasefires.filter((c) => (c.parties || []).includes(A) && (c.parties || []).includes(B));
  }
  function dyadEvents(A, B, withHistorical) {
    return state.events.filter((e) => involves(e, A) && involves(e, B) && (withHistorical || !e.historical) && !isNaN(startOf(e)));
  }

  function drawTimeline() {
    const A = $('#party-a').value, B = $('#party-b').value;
    const box = clear($('#timeline'));
    const list = clear($('#ceasefire-list'));
    const withHist = $('#tl-historical').checked;
    const evs = dyadEvents(A, B, withHist);
    const cfs = dyadCeasefires(A, B);
    const times = evs.map(startOf);
    for (const c of cfs) {
      for (const k of ['effective_from', 'agreed_at']) if (c[k]) times.push(Date.parse(c[k]));
      for (const s of c.timeline || []) if (s.at && (withHist || !cfs.length || true)) times.push(Date.parse(s.at));
    }
    const valid = times.filter((x) => !isNaN(x));
    const W = 1000, H = 230, L = 60, R = 20, axisY = 190;
    const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', 'aria-label': t('timeline') + ' ' + A + '–' + B });
    box.append(svg);
    if (!valid.length) {
      svg.append(sv('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t('noEvents')));
    }
    let t0 = Math.min(...valid), t1 = Math.max(...valid);
    if (!valid.length) { t1 = Date.now(); t0 = t1 - 86400e3; }
    if (t1 - t0 < 86400e3) { t0 -= 43200e3; t1 += 43200e3; }
    const pad = (t1 - t0) * 0.06;
    t0 -= pad; t1 += pad;
    const x = (ms) => L + ((ms - t0) / (t1 - t0)) * (W - L - R);
    // ceasefire periods
    for (const c of cfs) {
      const from = Date.parse(c.effective_from || c.agreed_at);
      if (isNaN(from)) continue;
      const end = (c.timeline || []).find((s) => s.state === 'collapsed');
      const to = end ? Date.parse(end.at) : t1;
      svg.append(sv('rect', { x: x(from), y: 20, width: Math.max(2, x(to) - x(from)), height: axisY - 20, class: 'cf-period', 'data-ceasefire': c.ceasefire_id },
        svgTitle(t('ceasefire') + ' ' + A + '–' + B + ', ' + t('from') + ' ' + fmtTime(c.effective_from) + ' UTC')));
      svg.append(sv('line', { x1: x(from), x2: x(from), y1: 20, y2: axisY, class: 'cf-start' }));
      svg.append(sv('text', { x: x(from) + 4, y: 32, class: 'cf-label' }, t('ceasefire') + ' ' + fmtTime(c.effective_from || c.agreed_at) + ' UTC'));
      if (end && !isNaN(to)) {
        svg.append(sv('line', { x1: x(to), x2: x(to), y1: 20, y2: axisY, class: 'cf-end' }, svgTitle(t('collapsed') + ' ' + fmtTime(end.at) + ' UTC' + (end.reason ? ' — ' + end.reason : ''))));
      }
      for (const s of c.timeline || []) {
        if (s.state !== 'violated') continue;
        const at = Date.parse(s.at);
        if (isNaN(at)) continue;
        svg.append(sv('path', { d: `M${x(at)},${axisY - 150} l-7,-12 h14 z`, class: 'violation-mark', 'data-event': s.event_id || '' },
          svgTitle(t('violation') + ' ' + fmtTime(s.at) + ' UTC' + (s.reason ? ' — ' + s.reason : ''))));
      }
      const item = el('li', { class: 'cf-item', 'data-ceasefire': c.ceasefire_id || '' },
        el('strong', null, t('ceasefire') + ' ' + (c.parties || []).join('–')), ' · ',
        t('from') + ' ' + fmtTime(c.effective_from) + ' UTC',
        c.mediators && c.mediators.length ? ' · ' + t('mediators') + ' ' + c.mediators.join(', ') : '',
        c.announced_by ? ' · ' + t('announcedBy') + ' ' + c.announced_by : '',
        ' · ' + t('state') + ' : ', el('span', { class: 'state state-' + String(c.state || '').replace(/[^a-z_]/g, '') }, t(c.state || 'unknown')));
      const viol = (c.timeline || []).filter((s) => s.state === 'violated').length;
      if (viol) item.append(' (' + viol + ' ' + t('violation') + (viol > 1 ? 's' : '') + ')');
      if (c.reason) item.append(el('span', { class: 'reason' }, ' — ' + c.reason));
      list.append(item);
    }
    if (!cfs.length) list.append(el('li', { class: 'cf-item none' }, t('noCeasefire')));
    // axis
    svg.append(sv('line', { x1: L, x2: W - R, y1: axisY, y2: axisY, class: 'axis' }));
    const span = t1 - t0, day = 86400e3;
    const step = span > 3 * 365 * day ? 365 * day : span > 120 * day ? 30 * day : span > 20 * day ? 7 * day : span > 3 * day ? day : span > day ? 6 * 3600e3 : 3 * 3600e3;
    let tick = Math.ceil(t0 / step) * step, n = 0;
    for (; tick <= t1 && n < 40; tick += step, n++) {
      svg.append(sv('line', { x1: x(tick), x2: x(tick), y1: axisY, y2: axisY + 5, class: 'axis' }));
      const iso = new Date(tick).toISOString();
      svg.append(sv('text', { x: x(tick), y: axisY + 18, 'text-anchor': 'middle', class: 'tick' },
        step >= day ? iso.slice(0, 10) : iso.slice(5, 10) + ' ' + iso.slice(11, 16)));
    }
    // events: lanes by kind
    const lanes = [[isViolation, 70, 'ev-violation'], [isViolence, 105, 'ev-violence'], [isCeasefire, 140, 'ev-ceasefire'], [() => true, 165, 'ev-other']];
    for (const e of evs) {
      const lane = lanes.find((l) => l[0](e));
      const cx = x(startOf(e)), cy = lane[1];
      const claims = (e.casualties || []).map((c) => sideOf(c) + ' : ' + casualtyText(c) + ' (' + t('claimedBy') + ' ' + claimantOf(c, e) + ')');
      const g = sv('g', { class: 'tl-event ' + lane[2] + (state.selected && evId(state.selected) === evId(e) ? ' selected' : ''), 'data-event': evId(e), tabindex: 0 },
        svgTitle(fmtTime(e.time.start, e.time.precision) + ' UTC — ' + typeLabel(e) + (claims.length ? '\n' + claims.join('\n') : '')));
      if (isViolence(e) && e.time.end && Date.parse(e.time.end) > startOf(e) && /part_of_day|hour|day/.test(e.time.precision || ''))
        g.append(sv('rect', { x: cx, y: cy - 4, width: Math.max(1, Math.min(x(Date.parse(e.time.end)), W - R) - cx), height: 8, class: 'ev-extent' }));
      g.append(sv('circle', { cx, cy, r: isViolence(e) ? 7 : 5, class: 'ev-dot' }));
      if (claims.length && isViolence(e)) {
        let yy = cy - 14;
        const left = cx > W * 0.7;
        for (const c of (e.casualties || []).slice(0, 3)) {
          g.append(sv('text', { x: left ? cx - 10 : cx + 10, y: yy + 4, 'text-anchor': left ? 'end' : 'start', class: 'claim-label' }, sideOf(c) + ' ' + casualtyText(c) + ' (' + claimantOf(c, e) + ')'));
          yy += 13;
        }
      }
      g.addEventListener('click', () => selectEvent(e));
      g.addEventListener('keydown', (k) => { if (k.key === 'Enter') selectEvent(e); });
      svg.append(g);
    }
    svg.append(sv('text', { x: 6, y: 74, class: 'lane' }, t('violation')));
    svg.append(sv('text', { x: 6, y: 109, class: 'lane' }, t('clash')));
    svg.append(sv('text', { x: 6, y: 144, class: 'lane' }, t('ceasefire')));
    svg.append(sv('text', { x: 6, y: 169, class: 'lane' }, t('other')));
  }

  // ---- casualty claims ---------------------------------------------------
  function drawCasualties() {
    const A = $('#party-a').value, B = $('#party-b').value;
    const evs = state.events.filter((e) => (e.casualties || []).length && (!A || !B || (involves(e, A) && involves(e, B))) && !isNaN(startOf(e)));
    const claims = [];
    for (const e of evs) for (const c of e.casualties) claims.push({ e, c, at: startOf(e), side: sideOf(c), claimant: claimantOf(c, e), n: c.max ?? c.min });
    claims.sort((p, q) => p.at - q.at);
    const box = clear($('#casualty-chart'));
    const W = 480, H = 220, L = 40, R = 10, T = 14, Bm = 40;
    const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, class: 'cas-svg', role: 'img', 'aria-label': t('casualties') });
    box.append(svg);
    const tbody = clear($('#casualty-table tbody'));
    if (!claims.length) {
      svg.append(sv('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t('noEvents')));
      return;
    }
    let t0 = claims[0].at, t1 = claims[claims.length - 1].at;
    if (t1 - t0 < 86400e3) { t0 -= 43200e3; t1 += 43200e3; }
    const maxN = Math.max(1, ...claims.map((c) => c.n || 0));
    const x = (ms) => L + ((ms - t0) / (t1 - t0)) * (W - L - R);
    const y = (n) => H - Bm - (n / maxN) * (H - Bm - T);
    svg.append(sv('line', { x1: L, x2: W - R, y1: H - Bm, y2: H - Bm, class: 'axis' }));
    svg.append(sv('line', { x1: L, x2: L, y1: T, y2: H - Bm, class: 'axis' }));
    for (const v of [0, Math.round(maxN / 2), maxN]) svg.append(sv('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, v));
    svg.append(sv('text', { x: L, y: H - Bm + 16, class: 'tick' }, fmtTime(new Date(t0).toISOString()).slice(0, 10)));
    svg.append(sv('text', { x: W - R, y: H - Bm + 16, 'text-anchor': 'end', class: 'tick' }, fmtTime(new Date(t1).toISOString()).slice(0, 10)));
    const sides = [...new Set(claims.map((c) => c.side))];
    const claimants = [...new Set(claims.map((c) => c.claimant))];
    const shapes = ['circle', 'square', 'diamond', 'triangle'];
    const colour = (s) => 'side-' + (sides.indexOf(s) % 6);
    const slot = new Map();
    for (const c of claims) {
      const key = c.at + '|' + (c.n || 0);
      const k = slot.get(key) || 0;
      slot.set(key, k + 1);
      const cx = x(c.at) + k * 9, cy = c.n == null ? H - Bm - 6 : y(c.n);
      const shape = shapes[claimants.indexOf(c.claimant) % shapes.length];
      const cls = 'claim ' + colour(c.side) + (c.n == null ? ' unq' : '');
      const title = svgTitle(fmtTime(c.e.time.start, c.e.time.precision) + ' — ' + c.side + ' : ' + casualtyText(c.c) + ' — ' + t('claimedBy') + ' ' + c.claimant);
      let mark;
      if (shape === 'circle') mark = sv('circle', { cx, cy, r: 6, class: cls }, title);
      else if (shape === 'square') mark = sv('rect', { x: cx - 5, y: cy - 5, width: 10, height: 10, class: cls }, title);
      else if (shape === 'diamond') mark = sv('path', { d: `M${cx},${cy - 7} l7,7 l-7,7 l-7,-7 z`, class: cls }, title);
      else mark = sv('path', { d: `M${cx},${cy - 7} l7,12 h-14 z`, class: cls }, title);
      mark.setAttribute('data-event', evId(c.e));
      mark.addEventListener('click', () => selectEvent(c.e));
      svg.append(mark);
      tbody.append(el('tr', { 'data-event': evId(c.e), class: 'clickable' },
        el('td', null, fmtTime(c.e.time.start, c.e.time.precision)), el('td', null, c.side), el('td', null, t(c.c.kind || 'killed')),
        el('td', null, c.n == null ? t('unquantified') : casualtyText(c.c)), el('td', null, c.claimant)));
      tbody.lastChild.addEventListener('click', () => selectEvent(c.e));
    }
    // legend: colours = sides, shapes = claimants
    let lx = L;
    for (const s of sides) {
      svg.append(sv('circle', { cx: lx + 5, cy: H - 10, r: 5, class: 'legend-dot ' + colour(s) }));
      svg.append(sv('text', { x: lx + 13, y: H - 6, class: 'tick' }, s));
      lx += 20 + s.length * 7;
    }
    lx += 10;
    for (const c of claimants) {
      svg.append(sv('text', { x: lx, y: H - 6, class: 'tick' }, '[' + shapes[claimants.indexOf(c) % shapes.length][0] + '] ' + c));
      lx += 32 + c.length * 7;
    }
  }

  // ---- map ---------------------------------------------------------------
  let world = null; // array of rings [[lon,lat],...]
  async function loadWorld() {
    try {
      const r = await fetch('/world-110m.json');
      if (!r.ok) return;
      world = topoRings(await r.json());
    } catch (e) { world = null; }
  }
  // Minimal TopoJSON decoding: every polygon ring of every object, as [lon,lat] arrays.
  function topoRings(topo) {
    const tf = topo.transform;
    const arcs = topo.arcs.map((arc) => {
      let x0 = 0, y0 = 0;
      return arc.map((p) => {
        if (!tf) return [p[0], p[1]];
        x0 += p[0]; y0 += p[1];
        return [x0 * tf.scale[0] + tf.translate[0], y0 * tf.scale[1] + tf.translate[1]];
      });
    });
    const ring = (ids) => {
      const out = [];
      for (const id of ids) {
        const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
        for (let i = out.length ? 1 : 0; i < a.length; i++) out.push(a[i]);
      }
      return out;
    };
    const rings = [];
    const walk = (g) => {
      if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
      else if (g.type === 'Polygon') g.arcs.forEach((r) => rings.push(ring(r)));
      else if (g.type === 'MultiPolygon') g.arcs.forEach((p) => p.forEach((r) => rings.push(ring(r))));
    };
    Object.values(topo.objects).forEach(walk);
    return rings;
  }
  function drawMap() {
    const box = clear($('#map'));
    const W = 480, H = 260;
    const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'img', 'aria-label': t('map') });
    box.append(svg);
    const located = state.events.filter((e) => e.place && typeof e.place.lat === 'number' && typeof e.place.lon === 'number');
    let lon0 = -180, lon1 = 180, lat0 = -60, lat1 = 85;
    if (state.mapMode === 'fit' && located.length) {
      lon0 = Math.min(...located.map((e) => e.place.lon)); lon1 = Math.max(...located.map((e) => e.place.lon));
      lat0 = Math.min(...located.map((e) => e.place.lat)); lat1 = Math.max(...located.map((e) => e.place.lat));
      const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
      const half = Math.max(12, (lon1 - lon0) * 0.7, (lat1 - lat0) * 0.7 * (W / H));
      lon0 = cx - half; lon1 = cx + half;
      lat0 = cy - half * (H / W); lat1 = cy + half * (H / W);
    }
    // equirectangular, corrected by cos(mid latitude) so that regions keep their shape
    const k = Math.cos(((lat0 + lat1) / 2) * Math.PI / 180) || 1;
    const sx = W / ((lon1 - lon0) * k), sy = H / (lat1 - lat0);
    const s = Math.min(sx, sy);
    const ox = (W - (lon1 - lon0) * k * s) / 2, oy = (H - (lat1 - lat0) * s) / 2;
    const px = (lon) => ox + (lon - lon0) * k * s, py = (lat) => oy + (lat1 - lat) * s;
    svg.append(sv('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
    if (world) {
      let d = '';
      for (const r of world) {
        let prev = null;
        for (let i = 0; i < r.length; i++) {
          const [lo, la] = r[i];
          const X = px(lo).toFixed(1), Y = py(la).toFixed(1);
          d += (i === 0 || (prev && Math.abs(lo - prev) > 180) ? 'M' : 'L') + X + ',' + Y;
          prev = lo;
        }
        d += 'Z';
      }
      svg.append(sv('path', { d, class: 'land' }));
    }
    if (!located.length) svg.append(sv('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t('noPlace')));
    for (const e of located) {
      const c = sv('circle', { cx: px(e.place.lon), cy: py(e.place.lat), r: isViolence(e) ? 6 : 4,
        class: 'map-event ' + (isViolence(e) || isViolation(e) ? 'ev-violence' : 'ev-other') + (state.selected && evId(state.selected) === evId(e) ? ' selected' : ''), 'data-event': evId(e) },
      svgTitle((e.place.name || '') + ' — ' + fmtTime(e.time && e.time.start, e.time && e.time.precision) + ' — ' + typeLabel(e)));
      c.addEventListener('click', () => selectEvent(e));
      svg.append(c);
    }
  }

  // ---- event table -------------------------------------------------------
  function actorsText(e) {
    return (e.actors || []).map((a) => (a.role === 'recipient' ? '→ ' : a.role === 'mediator' ? '⚖ ' : '') + (a.code || '?')).join(', ');
  }
  async function loadTable() {
    const tb = state.table;
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(tb.params)) if (v !== '' && v != null) q.set(k, v);
    q.set('limit', String(tb.limit));
    q.set('offset', String(tb.offset));
    $('#filter-error').textContent = '';
    try {
      const page = await api('/api/events?' + q.toString());
      tb.rows = page.events || [];
      tb.next = page.next_offset;
    } catch (e) {
      tb.rows = [];
      tb.next = null;
      $('#filter-error').textContent = t('errorLoad', { msg: e.message });
    }
    drawTable();
  }
  function drawTable() {
    const tb = state.table;
    const body = clear($('#event-table tbody'));
    if (!tb.rows.length) body.append(el('tr', null, el('td', { colspan: 7, class: 'empty' }, t('noEvents'))));
    for (const e of tb.rows) {
      const tr = el('tr', { class: 'clickable' + (e.historical ? ' historical' : '') + (state.selected && evId(state.selected) === evId(e) ? ' selected' : ''), 'data-event': evId(e), tabindex: 0 },
        el('td', null, fmtTime(e.time && e.time.start, e.time && e.time.precision)),
        el('td', { title: (e.label || '') + ' (CAMEO ' + (e.cameo || '?') + ')' }, typeLabel(e), el('span', { class: 'code' }, ' ' + (e.cameo || ''))),
        el('td', null, actorsText(e)),
        el('td', null, e.place ? e.place.name || '' : ''),
        el('td', null, (e.casualties || []).map((c) => sideOf(c) + ' ' + casualtyText(c)).join(' ; ')),
        el('td', null, t(e.modality || 'asserted')),
        el('td', null, e.sources != null ? String(e.sources) : '1'));
      tr.addEventListener('click', () => selectEvent(e));
      tr.addEventListener('keydown', (k) => { if (k.key === 'Enter') selectEvent(e); });
      body.append(tr);
    }
    $('#page-info').textContent = tb.rows.length ? t('page', { from: tb.offset + 1, to: tb.offset + tb.rows.length }) : '';
    $('#prev-page').disabled = tb.offset === 0;
    $('#next-page').disabled = tb.next == null;
  }

  // ---- article view ------------------------------------------------------
  const enc = new TextEncoder(), dec = new TextDecoder();
  // Field spans of an event (byte offsets), limited to the article shown.
  function evidenceSpans(e, articleId) {
    const out = [];
    const same = (o) => !o || !o.article_id || o.article_id === articleId;
    const add = (span, cls, label) => { if (Array.isArray(span) && span.length === 2 && span[1] > span[0]) out.push({ start: span[0], end: span[1], cls, label }); };
    for (const m of e.mentions || []) if (same(m)) add(m.span, 'hl-trigger', t('lgTrigger'));
    for (const a of e.actors || []) if (same(a)) add(a.span, 'hl-actor', t('lgActor') + ' ' + (a.code || ''));
    if (e.time && same(e.time)) add(e.time.span, 'hl-time', t('lgTime'));
    if (e.place && same(e.place)) add(e.place.span, 'hl-place', t('lgPlace'));
    for (const c of e.casualties || []) {
      if (same(c)) add(c.span, 'hl-casualty', t('lgCasualty'));
      if (c.claimed_by && same(c.claimed_by)) add(c.claimed_by.span, 'hl-claim', t('lgClaim'));
    }
    if (e.claimed_by && same(e.claimed_by)) add(e.claimed_by.span, 'hl-claim', t('lgClaim'));
    return out;
  }
  function renderText(container, text, spans) {
    const bytes = enc.encode(text);
    const cuts = new Set([0, bytes.length]);
    for (const s of spans) { s.start = Math.min(s.start, bytes.length); s.end = Math.min(s.end, bytes.length); cuts.add(s.start); cuts.add(s.end); }
    const pts = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = dec.decode(bytes.subarray(a, b));
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (!cover.length) { container.append(document.createTextNode(piece)); continue; }
      const classes = [...new Set(cover.map((s) => s.cls))];
      container.append(el('mark', { class: 'hl ' + classes.join(' '), title: [...new Set(cover.map((s) => s.label))].join(', ') }, piece));
    }
  }
  async function showArticle(e) {
    const box = clear($('#article'));
    const id = e.article_id || (e.mentions && e.mentions[0] && e.mentions[0].article_id);
    if (!id) { box.append(el('p', { class: 'hint' }, t('articleMissing'))); return; }
    let a;
    try { a = await api('/api/articles/' + encodeURIComponent(id)); } catch (err) {
      box.append(el('p', { class: 'error' }, err.status === 404 ? t('articleMissing') : t('errorLoad', { msg: err.message })));
      return;
    }
    if (state.selected !== e) return; // another event was clicked meanwhile
    const art = a.article || a;
    const text = typeof art.text === 'string' ? art.text : '';
    // Prefer the article's own copy of the event (its spans index this text).
    let ev = e;
    for (const list of [art.events, a.events]) {
      if (!Array.isArray(list)) continue;
      const m = list.find((x) => x && (x.event_id === e.event_id || (x.story_id && x.story_id === e.story_id)));
      if (m) { ev = m; break; }
    }
    const meta = el('dl', { class: 'article-meta' });
    const row = (k, v) => { if (v) meta.append(el('dt', null, t(k)), el('dd', null, String(v))); };
    row('source', art.source);
    row('published', art.published && fmtTime(art.published) + ' UTC');
    row('url', art.url);
    box.append(meta);
    const body = el('div', { class: 'article-text', lang: art.lang || 'fr' });
    renderText(body, text, evidenceSpans(ev, art.article_id || id));
    box.append(body);
    const first = body.querySelector('mark.hl-casualty') || body.querySelector('mark.hl-trigger') || body.querySelector('mark');
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center' });
  }
  function drawLegend() {
    const lg = clear($('#legend'));
    for (const [cls, k] of [['hl-trigger', 'lgTrigger'], ['hl-actor', 'lgActor'], ['hl-time', 'lgTime'], ['hl-place', 'lgPlace'], ['hl-casualty', 'lgCasualty'], ['hl-claim', 'lgClaim']])
      lg.append(el('mark', { class: 'hl ' + cls }, t(k)), ' ');
  }
  function showDetail(e) {
    const d = clear($('#event-detail'));
    d.append(el('h3', null, typeLabel(e) + ' — ' + fmtTime(e.time && e.time.start, e.time && e.time.precision) + ' UTC'),
      el('p', null, actorsText(e) + (e.place && e.place.name ? ' · ' + e.place.name : '') + ' · ' + t(e.modality || 'asserted') +
        (e.sources != null ? ' · ' + t('sourcesN', { n: e.sources }) : '')));
    if ((e.casualties || []).length) {
      const ul = el('ul', { class: 'claims' });
      for (const c of e.casualties) ul.append(el('li', null, sideOf(c) + ' : ' + casualtyText(c) + ' — ' + t('claimedBy') + ' ' + claimantOf(c, e)));
      d.append(ul);
    }
  }
  function selectEvent(e) {
    state.selected = e;
    const id = evId(e);
    for (const n of document.querySelectorAll('[data-event].selected')) n.classList.remove('selected');
    for (const n of document.querySelectorAll('[data-event]')) if (n.getAttribute('data-event') === id) n.classList.add('selected');
    showDetail(e);
    return showArticle(e);
  }

  // ---- start -------------------------------------------------------------
  function redrawAll() {
    applyLang();
    drawLegend();
    drawTimeline();
    drawCasualties();
    drawMap();
    drawTable();
    if (state.selected) showDetail(state.selected);
    loadStats();
  }
  async function start() {
    applyLang();
    drawLegend();
    $('#lang-toggle').addEventListener('click', () => {
      lang = lang === 'fr' ? 'en' : 'fr';
      try { localStorage.setItem('treve.lang', lang); } catch (e) { /* ignore */ }
      redrawAll();
      if (state.selected) showArticle(state.selected);
    });
    for (const s of ['#party-a', '#party-b', '#tl-historical']) $(s).addEventListener('change', () => { drawTimeline(); drawCasualties(); });
    $('#map-world').addEventListener('click', () => { state.mapMode = 'world'; drawMap(); });
    $('#map-fit').addEventListener('click', () => { state.mapMode = 'fit'; drawMap(); });
    $('#filters').addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.table.params = Object.fromEntries(new FormData($('#filters')).entries());
      state.table.offset = 0;
      loadTable();
    });
    $('#filters').addEventListener('reset', () => { state.table.params = {}; state.table.offset = 0; setTimeout(loadTable, 0); });
    $('#prev-page').addEventListener('click', () => { state.table.offset = Math.max(0, state.table.offset - state.table.limit); loadTable(); });
    $('#next-page').addEventListener('click', () => { if (state.table.next != null) { state.table.offset = state.table.next; loadTable(); } });
    loadStats();
    const [evs, cfs] = await Promise.all([
      allEvents({}, 10).catch((e) => { $('#filter-error').textContent = t('errorLoad', { msg: e.message }); return []; }),
      api('/api/ceasefires?limit=500').then((r) => r.ceasefires || []).catch(() => []),
      loadWorld()
    ]);
    state.events = evs;
    state.ceasefires = cfs;
    fillParties();
    drawTimeline();
    drawCasualties();
    drawMap();
    await loadTable();
    document.body.setAttribute('data-ready', '1');
  }
  document.addEventListener('DOMContentLoaded', start);
})();
