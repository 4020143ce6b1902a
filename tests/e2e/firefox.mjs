// The main journeys (journeys.js) in Debian's Firefox ESR, headless, driven by
// puppeteer-core over WebDriver BiDi; nothing is downloaded. Serves dist/ on
// loopback, runs every journey in a fresh browser context and prints one TAP
// line per journey ("ok N - …" / "not ok N - …"), the Firefox version first.
//
//   node tests/e2e/firefox.mjs [journey-name ...]
//
// Needs dist/ (trunk build --release --offline) and /usr/bin/firefox-esr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { puppeteerDriver, serveDist } from './adapter.js';
import * as journeys from './journeys.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const PORT = Number(process.env.E2E_FIREFOX_PORT || 8191);
const BASE = `http://127.0.0.1:${PORT}/`;
const SET = path.join(ROOT, 'target/desk-set-small');
const VALID = 10;

if (!fs.existsSync(SET) || fs.readdirSync(SET).length !== VALID + 10) {
  fs.rmSync(SET, { recursive: true, force: true });
  execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', SET, String(VALID)], { cwd: ROOT, stdio: 'inherit' });
}

const all = [
  ['walk: mouse and keyboard sections, reload, finish list, results, JSON checked and reopened', journeys.walk],
  ['print: the report as an A4 PDF with every duty and the fingerprint, QR code decoded', journeys.print],
  ['tab guard: re-opened, reloaded, closed and reopened never pauses; a real second tab does, and resumes', journeys.tabGuard],
  ['single file from file://: answer, autosave, download, print, reopen', journeys.singleFile],
  ['reviewer desk on a small set', journeys.desk(SET, VALID)],
  ['reviewer desk without WebCrypto', journeys.desk(SET, VALID, { webCrypto: false })],
  ['reviewer desk in the single file from file://', journeys.desk(SET, VALID, { url: `file://${journeys.STANDALONE}` })],
];
const only = process.argv.slice(2);
const chosen = all.filter(([name]) => only.length === 0 || only.some((o) => name.startsWith(o)));

const server = await serveDist(ROOT, PORT);
const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-ff-downloads-'));
let browser;
let n = 0;
let failed = 0;
try {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  const version = await browser.version();
  console.log(`# ${version} (${execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim()})`);
  for (const [name, journey] of chosen) {
    const started = Date.now();
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    n++;
    try {
      await journey(puppeteerDriver(page, { baseURL: BASE, downloadDir, browserName: 'firefox' }));
      console.log(`ok ${n} - firefox: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`not ok ${n} - firefox: ${name}`);
      for (const line of String(e.stack || e).split('\n')) console.log(`# ${line}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
} catch (e) {
  failed++;
  n++;
  console.log(`not ok ${n} - firefox: launch and serve`);
  for (const line of String(e.stack || e).split('\n')) console.log(`# ${line}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill();
  fs.rmSync(downloadDir, { recursive: true, force: true });
}
console.log(`1..${n}`);
console.log(`# firefox: ${n - failed} of ${n} journeys passed`);
process.exit(failed ? 1 : 0);
