// harness.mjs — a small test runner for the dashboard's browser tests:
// headless Debian Chromium (/usr/bin/chromium) driven by playwright-core
// from web/node_modules. Each test gets a fresh page; console errors and
// uncaught page errors fail the test unless it declares them expected.
// Environment: TREVE_URL (server base URL), TREVE_SCREENSHOTS (directory),
// CHROMIUM (browser path, default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const BASE = (process.env.TREVE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const SHOTS = process.env.TREVE_SCREENSHOTS || 'build-web/screenshots';

const tests = [];
export function test(name, fn, opts = {}) { tests.push({ name, fn, opts }); }

export function assert(cond, msg) { if (!cond) throw new Error('assertion failed: ' + msg); }

export async function run(file) {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
    // playwright gives launch() a new empty profile directory of its own
  });
  let passed = 0, failed = 0;
  for (const t of tests) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    const dialogs = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    // No request may leave the server under test (the dashboard works offline).
    const outside = [];
    page.on('request', (r) => { if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) outside.push(r.url()); });
    try {
      await t.fn(page, { errors, dialogs });
      const unexpected = errors.filter((e) => !(t.opts.allowErrors && t.opts.allowErrors.test(e)));
      assert(unexpected.length === 0, 'console errors: ' + unexpected.join(' | '));
      assert(dialogs.length === 0, 'dialogs opened: ' + dialogs.join(' | '));
      assert(outside.length === 0, 'requests outside the server: ' + outside.join(' '));
      passed++;
      console.log('ok   ' + file + ': ' + t.name);
    } catch (e) {
      failed++;
      console.log('FAIL ' + file + ': ' + t.name + '\n     ' + String(e && e.stack || e).split('\n').slice(0, 4).join('\n     '));
      try { await page.screenshot({ path: join(SHOTS, 'FAIL-' + t.name.replace(/[^a-z0-9]+/gi, '-') + '.png'), fullPage: true }); } catch (_) { /* ignore */ }
    }
    await context.close();
  }
  await browser.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

// Opens the dashboard and waits until its first data load finished.
export async function openDashboard(page) {
  await page.goto(BASE + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
}

export const shot = (page, name, sel) =>
  sel ? page.locator(sel).screenshot({ path: join(SHOTS, name + '.png') })
      : page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true });
