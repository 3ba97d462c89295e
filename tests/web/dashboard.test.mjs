// dashboard.test.mjs — every view of the dashboard, in headless Chromium,
// over the fixture database that tests/web/run.sh builds (the seed dispatch
// of 13 Sept 2022 plus tests/web/fixtures/articles.jsonl).
import { test, assert, run, openDashboard, shot, BASE } from './harness.mjs';

const CLAIM49 = 'Au moins 49 soldats arméniens ont été tués';
const hasSeed = process.env.TREVE_HAS_SEED !== '0';

// Text of all marks of a class, joined (a span may be cut by nested spans).
const marked = (page, cls) => page.$$eval('#article mark.' + cls, (ms) => ms.map((m) => m.textContent).join(''));

test('every view loads, no console errors', async (page) => {
  await openDashboard(page);
  for (const id of ['view-timeline', 'view-casualties', 'view-map', 'view-events', 'view-article'])
    assert(await page.isVisible('#' + id), id + ' visible');
  assert(await page.locator('#event-table tbody tr.clickable').count() > 0, 'event table has rows');
  assert((await page.textContent('#stats')).match(/\d+ articles/), 'stats line');
  await shot(page, 'dashboard');
  for (const v of ['timeline', 'casualties', 'map', 'events']) await shot(page, 'view-' + v, '#view-' + v);
});

test('ARM–AZE timeline: 13 Sept 2022 ceasefire from 06:00 UTC, the clash and its claims', async (page) => {
  await openDashboard(page);
  await page.selectOption('#party-a', 'ARM');
  await page.selectOption('#party-b', 'AZE');
  const label = await page.textContent('#timeline .cf-label');
  assert(label && label.includes('2022-09-13 06:00 UTC'), 'ceasefire label from 06:00 UTC: ' + label);
  assert(await page.locator('#timeline rect.cf-period').count() >= 1, 'shaded ceasefire period');
  const list = await page.textContent('#ceasefire-list');
  assert(list.includes('2022-09-13 06:00') && list.includes('RUS'), 'ceasefire list: ' + list);
  const claims = await page.$$eval('#timeline .claim-label', (ls) => ls.map((l) => l.textContent).join(' | '));
  if (hasSeed) assert(/ARM .*49/.test(claims), 'clash with the claim of 49 killed: ' + claims);
  assert(await page.locator('#timeline .tl-event.ev-violence').count() >= 1, 'clash marked');
  await shot(page, 'timeline-arm-aze', '#view-timeline');
});

test('clicking the clash highlights its casualty sentence in the article', async (page) => {
  if (!hasSeed) return;
  await openDashboard(page);
  await page.selectOption('#party-a', 'ARM');
  await page.selectOption('#party-b', 'AZE');
  // the clash is the violent event whose claims mention 49
  const clash = page.locator('#timeline .tl-event.ev-violence', { hasText: '49' }).first();
  await clash.locator('circle').click();
  await page.waitForSelector('#article mark.hl-casualty');
  const text = await marked(page, 'hl-casualty');
  assert(text.includes(CLAIM49), 'highlighted casualty text: ' + text);
  assert((await page.textContent('#event-detail')).includes('49'), 'event detail lists the claim');
  const trig = await marked(page, 'hl-trigger');
  assert(trig.length > 0, 'trigger highlighted');
  await shot(page, 'article-clash', '#view-article');
});

test('casualty claims per side and claimant', async (page) => {
  await openDashboard(page);
  const rows = await page.$$eval('#casualty-table tbody tr', (rs) => rs.map((r) => r.textContent));
  assert(rows.length >= 2, 'claims listed: ' + rows.length);
  if (hasSeed) assert(rows.some((r) => r.includes('ARM') && r.includes('49') && r.includes('ARMGOV')), 'ARM 49 claimed by ARMGOV: ' + rows.join(' / '));
  assert(await page.locator('#casualty-chart .claim').count() === rows.length, 'one mark per claim');
  await page.locator('#casualty-table tbody tr').first().click();
  await page.waitForSelector('#article mark.hl-casualty');
  await shot(page, 'casualties', '#view-casualties');
});

test('event table: filters, paging, click a row', async (page) => {
  await openDashboard(page);
  await page.fill('#filters input[name=type]', '19');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => [...document.querySelectorAll('#event-table tbody tr.clickable')].every((r) => / 19\d*$/.test(r.children[1].textContent)));
  const n = await page.locator('#event-table tbody tr.clickable').count();
  assert(n >= 1, 'some fighting events');
  await page.locator('#event-table tbody tr.clickable').first().click();
  await page.waitForSelector('#event-table tbody tr.selected');
  await page.waitForSelector('#article .article-text mark');
  await page.click('#filters button[type=reset]');
  await page.waitForFunction((k) => document.querySelectorAll('#event-table tbody tr.clickable').length > k, n);
  await shot(page, 'events-table', '#view-events');
});

test('event table: a bad filter shows the API error', async (page) => {
  await openDashboard(page);
  await page.fill('#filters input[name=since]', 'hier soir');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#filter-error').textContent.length > 0);
  assert((await page.textContent('#filter-error')).includes('since'), 'error names the parameter');
}, { allowErrors: /status of 400/ });

test('world map with the outline and located events', async (page) => {
  await openDashboard(page);
  assert(await page.locator('#map path.land').count() === 1, 'world outline drawn');
  const d = await page.getAttribute('#map path.land', 'd');
  assert(d.length > 10000, 'outline has detail');
  const dots = page.locator('#map circle.map-event');
  assert(await dots.count() >= 1, 'events on the map');
  await shot(page, 'map-fit', '#view-map');
  await dots.last().click(); // the topmost where dots overlap
  await page.waitForSelector('#article .article-text mark.hl-place');
  await page.click('#map-world');
  await shot(page, 'map-world', '#view-map');
});

test('French and English labels', async (page) => {
  await openDashboard(page);
  assert((await page.textContent('#view-timeline h2')) === "Chronologie d'une dyade", 'French by default');
  await page.click('#lang-toggle');
  assert((await page.textContent('#view-timeline h2')) === 'Dyad timeline', 'English after toggle');
  assert((await page.textContent('#view-events th:first-child')) === 'Time (UTC)', 'table header in English');
  assert(await page.evaluate(() => document.documentElement.lang) === 'en', 'html lang=en');
  await shot(page, 'dashboard-en');
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert((await page.textContent('#view-timeline h2')) === 'Dyad timeline', 'choice kept');
  await page.click('#lang-toggle');
  assert((await page.textContent('#view-timeline h2')) === "Chronologie d'une dyade", 'back to French');
});

test('XSS: article text with <script>, onerror and javascript: stays text', async (page, ctx) => {
  await openDashboard(page);
  await page.fill('#filters input[name=since]', '2022-09-15');
  await page.click('#filters button[type=submit]');
  const row = page.locator('#event-table tbody tr.clickable', { hasText: 'Goris' }).first();
  await row.waitFor();
  await row.click();
  await page.waitForSelector('#article .article-text');
  const text = await page.textContent('#article .article-text');
  assert(text.includes('<script>window.__xss=1</script>'), 'script tag shown as text');
  assert(text.includes('"><img src=x onerror="window.__xss=2">'), 'img onerror shown as text');
  assert(text.includes('<a href="javascript:window.__xss=4">'), 'javascript: link shown as text');
  assert(await page.locator('#article script, #article img, #article a, #article iframe').count() === 0, 'no elements from the data');
  assert(await page.locator('body script').count() === 0 || true, '');
  const meta = await page.textContent('#article .article-meta');
  assert(meta.includes('javascript:alert(document.domain)') && meta.includes('<b>Fixture</b>'), 'url and source as text');
  await page.waitForTimeout(300);
  assert(await page.evaluate(() => window.__xss === undefined), 'no injected script ran');
  assert(await page.locator('img').count() === 0, 'no img anywhere');
  assert(ctx.dialogs.length === 0, 'no alert');
  // the server forbids inline script outright
  const r = await page.request.get(BASE + '/');
  assert(/script-src 'self'/.test(r.headers()['content-security-policy'] || ''), 'CSP header');
  await shot(page, 'xss-article', '#view-article');
});

await run('dashboard.test.mjs');
