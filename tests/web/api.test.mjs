// api.test.mjs — the HTTP API of `treve serve` over raw sockets (no
// browser): JSON shapes, 400/404/405/413/414/431, static paths that try to
// leave the web folder, malformed HTTP, slow clients. Needs TREVE_URL; the
// server should run with --timeout 2 (tests/web/run.sh does) for the
// slow-client test. Prints "N passed, N failed".
import net from 'node:net';

const BASE = new URL(process.env.TREVE_URL || 'http://127.0.0.1:8080');
const HOST = BASE.hostname, PORT = +BASE.port;
const hasSeed = process.env.TREVE_HAS_SEED !== '0';
let passed = 0, failed = 0;
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const assert = (c, m) => { if (!c) throw new Error('assertion failed: ' + m); };

// Sends raw bytes, returns {status, headers, body, raw} once the server closes.
function raw(bytes, { timeout = 5000, keepOpenMs = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const s = net.connect(PORT, HOST);
    const chunks = [];
    const timer = setTimeout(() => { s.destroy(); reject(new Error('no answer in ' + timeout + ' ms')); }, timeout);
    s.on('connect', () => { s.write(bytes); if (keepOpenMs) setTimeout(() => s.end(), keepOpenMs); });
    s.on('data', (d) => chunks.push(d));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const [head, ...rest] = text.split('\r\n\r\n');
      const headers = {};
      for (const l of head.split('\r\n').slice(1)) { const i = l.indexOf(':'); if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim(); }
      resolve({ status: m ? +m[1] : 0, headers, body: Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8'), raw: text });
    });
  });
}
const req = (method, target, extra = '') => raw(`${method} ${target} HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n${extra}\r\n`);
const get = (target, extra) => req('GET', target, extra);
async function json(target) {
  const r = await get(target);
  let j = null;
  try { j = JSON.parse(r.body); } catch (e) { /* not JSON */ }
  return { ...r, json: j };
}
async function expectError(target, status, extra) {
  const r = await get(target, extra);
  assert(r.status === status, `${target.slice(0, 80)}: status ${r.status}, expected ${status}`);
  return r;
}
async function alive() {
  const r = await get('/api/stats');
  assert(r.status === 200, 'server still answers /api/stats (got ' + r.status + ')');
}

test('GET /api/events: JSON page with limit, offset and next_offset', async () => {
  const r = await json('/api/events?limit=2');
  assert(r.status === 200 && r.headers['content-type'].startsWith('application/json'), 'status/type');
  assert(Array.isArray(r.json.events) && r.json.events.length <= 2 && r.json.limit === 2 && r.json.offset === 0, 'page shape');
  assert(r.json.events.every((e) => e.event_id && e.cameo && Array.isArray(e.actors)), 'events in the SPEC shape');
  if (r.json.next_offset != null) {
    const r2 = await json('/api/events?limit=2&offset=' + r.json.next_offset);
    assert(r2.status === 200 && r2.json.offset === 2, 'second page');
    assert(JSON.stringify(r2.json.events[0]) !== JSON.stringify(r.json.events[0]), 'second page differs');
  }
  const all = await json('/api/events?limit=500');
  assert(all.status === 200 && all.json.events.length <= 500, 'maximum page');
});
test('GET /api/events filters', async () => {
  for (const q of ['actor=ARM', 'country=AZE', 'type=19', 'type=ASSAULT', 'historical=false', 'historical=true',
    'min_casualties=10', 'since=2022-09-13&until=2022-09-14T00:00:00Z', 'since=2022-09-13T08:00:00%2B03:00']) {
    const r = await json('/api/events?' + q);
    assert(r.status === 200 && Array.isArray(r.json.events), q + ': ' + r.status + ' ' + r.body.slice(0, 200));
  }
  const h = await json('/api/events?historical=true&limit=500');
  assert(h.json.events.every((e) => e.historical === true), 'historical=true only historical');
  const ty = await json('/api/events?type=19&limit=500');
  assert(ty.json.events.every((e) => String(e.cameo).startsWith('19')), 'type=19 filters by CAMEO prefix');
});
test('400 for bad parameters, as JSON', async () => {
  for (const q of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1', 'since=hier', 'until=2022-13-45',
    'actor=ARM%27%20OR%201=1--', 'actor=%3Cscript%3E', 'country=ARMENIA', 'type=19;DROP', 'historical=maybe',
    'min_casualties=-3', 'min_casualties=NaN', 'nosuch=1', 'limit=1&limit=2']) {
    const r = await expectError('/api/events?' + q, 400);
    const j = JSON.parse(r.body);
    assert(j.error && j.error.status === 400 && typeof j.error.message === 'string', q + ': JSON error body');
  }
  await expectError('/api/ceasefires?at=demain', 400);
  await expectError('/api/ceasefires?parties=ARM;AZE', 400);
  await expectError('/api/stats?x=1', 400);
});
test('ceasefires: list, ARM,AZE at a time, one by id with its timeline', async () => {
  const r = await json('/api/ceasefires?parties=ARM,AZE');
  assert(r.status === 200 && Array.isArray(r.json.ceasefires), 'list');
  if (!hasSeed) return;
  const cf = r.json.ceasefires.find((c) => c.effective_from === '2022-09-13T06:00:00Z');
  assert(cf, 'the 13 Sept 2022 ceasefire, effective 06:00Z: ' + r.body.slice(0, 400));
  assert((cf.parties || []).includes('ARM') && (cf.parties || []).includes('AZE'), 'parties');
  const one = await json('/api/ceasefires/' + encodeURIComponent(cf.ceasefire_id));
  assert(one.status === 200 && one.json.ceasefire_id === cf.ceasefire_id && Array.isArray(one.json.timeline), 'by id');
  const at = await json('/api/ceasefires?parties=ARM,AZE&at=2022-09-13T07:00:00Z');
  assert(at.status === 200, 'at');
});
test('stories, articles, stats; 404 as JSON', async () => {
  const ev = (await json('/api/events?limit=500')).json.events;
  const e = ev.find((x) => x.story_id) || ev[0];
  if (e.story_id) {
    const s = await json('/api/stories/' + encodeURIComponent(e.story_id));
    assert(s.status === 200 && s.json, 'story');
  }
  const a = await json('/api/articles/' + encodeURIComponent(e.article_id));
  assert(a.status === 200, 'article ' + a.status);
  const art = a.json.article || a.json;
  assert(typeof art.text === 'string' && art.text.length > 50, 'article text');
  const st = await json('/api/stats');
  assert(st.status === 200 && st.json && typeof st.json === 'object', 'stats');
  for (const p of ['/api/ceasefires/nope', '/api/stories/nope', '/api/articles/nope', '/api/nothing', '/nothing.html',
    '/api/articles/' + 'x'.repeat(300), '/api/articles/a%20b']) {
    const r = await expectError(p, 404);
    assert(JSON.parse(r.body).error.status === 404, p + ': JSON 404');
  }
});
test('405 for other methods, 413 for bodies', async () => {
  for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    const r = await req(m, '/api/events', 'Content-Length: 0\r\n');
    assert(r.status === 405 && /GET/.test(r.headers.allow || ''), m + ': ' + r.status);
  }
  const big = await req('POST', '/api/events', 'Content-Length: 100000000\r\n');
  assert(big.status === 413, 'big body: ' + big.status);
  const gb = await req('GET', '/api/stats', 'Content-Length: 999999\r\n');
  assert(gb.status === 413, 'GET with a big body: ' + gb.status);
  const chunked = await raw(`GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n` +
    ('8000\r\n' + 'a'.repeat(0x8000) + '\r\n').repeat(3) + '0\r\n\r\n');
  assert(chunked.status === 413, 'chunked body over the limit: ' + chunked.status);
  await alive();
});
test('414 for long URIs, 431 for big headers (never a crash)', async () => {
  await expectError('/api/events?actor=' + 'A'.repeat(5000), 414);
  const huge = await get('/' + 'a'.repeat(200000));
  assert(huge.status === 414 || huge.status === 431, 'huge URI: ' + huge.status);
  await expectError('/', 431, 'X-Big: ' + 'b'.repeat(20000) + '\r\n');
  const many = Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'c'.repeat(60)}\r\n`).join('');
  await expectError('/', 431, many);
  const hugeH = await get('/', 'X-Big: ' + 'b'.repeat(300000) + '\r\n');
  assert(hugeH.status === 431 || hugeH.status === 414 || hugeH.status === 0, 'huge header: ' + hugeH.status);
  await alive();
});
test('static paths cannot leave the web folder', async () => {
  const paths = ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/..%2f..%2f..%2fetc%2fpasswd', '/..%5c..%5cetc%5cpasswd', '/%252e%252e/%252e%252e/etc/passwd', '//etc/passwd',
    '/app.js/../../Makefile', '/./index.html/..', '/index.html%00.js', '/app.js%00', '/%c0%ae%c0%ae/etc/passwd',
    '/..;/etc/passwd', '/web/../src/tool_serve.c', '/node_modules/world-atlas/package.json', '/.git/config',
    '/api/../../etc/passwd', 'http://evil.example/etc/passwd', '*'];
  for (const p of paths) {
    const r = await get(p);
    assert(r.status >= 400 && r.status < 500, p + ': ' + r.status);
    assert(!/root:|\[core\]|#include|"name"/.test(r.body), p + ': leaked a file');
  }
  const ok = await get('/app.js');
  assert(ok.status === 200 && /javascript/.test(ok.headers['content-type']), 'app.js served');
  const idx = await get('/');
  assert(idx.status === 200 && /script-src 'self'/.test(idx.headers['content-security-policy'] || '') &&
    idx.headers['x-content-type-options'] === 'nosniff', 'security headers');
  const head = await req('HEAD', '/');
  assert(head.status === 200 && head.body === '', 'HEAD without body');
});
test('malformed HTTP does not bring the server down', async () => {
  const junk = ['GARBAGE\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'GET / HTTP/1.1\r\nNoColonHere\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n\r\n', '\x00\x01\x02\xff\xfe\r\n\r\n',
    'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n', 'GET /api/events?limit=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET /api/events?%00=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'GET /api/events?since=%ff%fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'G'.repeat(100000), '\r\n'.repeat(10000)];
  for (const j of junk) {
    try { await raw(Buffer.from(j, 'latin1'), { timeout: 4000, keepOpenMs: 300 }); } catch (e) { /* a silent close is fine */ }
  }
  await alive();
});
test('slow clients: others are served, idle ones are cut', async () => {
  const socks = [];
  for (let i = 0; i < 30; i++) {
    const s = net.connect(PORT, HOST);
    s.on('error', () => {});
    s.on('connect', () => s.write('GET / HTTP/1.1\r\nHost: x\r\n')); // never finishes the headers
    socks.push(s);
  }
  await new Promise((r) => setTimeout(r, 200));
  const t0 = Date.now();
  await alive();
  assert(Date.now() - t0 < 1000, 'answered quickly beside 30 slow clients');
  const closed = await Promise.all(socks.map((s) => new Promise((res) => {
    if (s.destroyed) return res(true);
    const timer = setTimeout(() => res(false), 8000);
    s.on('close', () => { clearTimeout(timer); res(true); });
  })));
  assert(closed.every(Boolean), 'idle connections closed by the server timeout');
});

for (const t of tests) {
  try { await t.fn(); passed++; console.log('ok   api.test.mjs: ' + t.name); } catch (e) {
    failed++; console.log('FAIL api.test.mjs: ' + t.name + '\n     ' + (e && e.message || e));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
