// A killed browser loses nothing. For each browser and each delay: answer items,
// wait only until the save indicator says "已自动保存" for the last change, wait
// the delay, kill the whole browser (SIGKILL to its process group, as in a crash
// or a power cut), start it again on the same profile, look for every answer,
// and type once more: what is typed after the restart must be saved too (the
// dead browser's claim on the draft never pauses the new one).
// Also records, before the app starts again, which of its two stores
// (localStorage, IndexedDB) still held the last change.
//
//   node tests/e2e/crash.mjs [--browsers chromium,firefox] [--delays 0,100,1000,3000] [--control chromium]
//
// A negative control (in the --control browser) switches the app's IndexedDB
// copy off and requires the last change to be lost, so the journey is shown
// able to fail. Prints one TAP line per run and a table of the figures. Needs dist/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { puppeteerDriver, serveDist, until } from './adapter.js';
import { createAssessment, answer, sections, article, LABEL } from './journeys.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PORT = Number(process.env.E2E_CRASH_PORT || 8192);
const BASE = `http://127.0.0.1:${PORT}/`;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i > 0 ? process.argv[i + 1] : dflt).split(',');
};
const BROWSERS = arg('browsers', 'chromium,firefox');
const DELAYS = arg('delays', '0,100,1000,3000').map(Number);
const CONTROL = arg('control', 'chromium')[0];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const LAUNCH = {
  chromium: (dir) => ({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    userDataDir: dir,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  }),
  firefox: (dir) => ({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: dir,
  }),
};

// The answers given before the kill; the last one is a single click, so exactly
// one save follows it and the indicator's change is that save.
const items = sections[0].items.slice(0, 4);
const PLAN = [['done', '崩溃前写下的说明'], ['partial', ''], ['not_applicable', ''], ['not_done', '']];
const LAST = items[3];

async function firstPage(browser) {
  const pages = await browser.pages();
  return pages[0] || browser.newPage();
}

/** Kills the browser and every process it started, and waits until they are gone. */
async function kill(browser) {
  const proc = browser.process();
  const gone = new Promise((r) => proc.once('exit', r));
  try { process.kill(-proc.pid, 'SIGKILL'); } catch { proc.kill('SIGKILL'); }
  await gone;
  // Children outside the group (none expected) would keep the profile busy.
  await sleep(200);
}

async function once(name, delay, control = false) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `selfcheck-crash-${name}-`));
  let browser = await puppeteer.launch(LAUNCH[name](profile));
  let killed = false;
  try {
    let page = await firstPage(browser);
    page.setDefaultTimeout(30_000);
    if (control) {
      // Negative control: the app's IndexedDB copy switched off, as in a build that saved to localStorage only.
      await page.evaluateOnNewDocument(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
    }
    let d = puppeteerDriver(page, { baseURL: BASE, browserName: name });
    await createAssessment(d, '崩溃镇人民政府');
    for (let i = 0; i < 3; i++) await answer(d, items[i], PLAN[i][0], PLAN[i][1]);
    const status = () => d.role('status').texts().then((t) => t.find((x) => x.includes('已自动保存')) || '');
    // Before the last change: the indicator shows an earlier second than the clock,
    // and no save is pending, so the next change of its text is the last change's save.
    await until('a save of the earlier answers', status, (t) => t !== '');
    await sleep(400);
    const shown = await status();
    await until('a new second', () => d.eval(() => new Date().toTimeString().slice(0, 8)), (now) => !shown.endsWith(now));
    const draftKey = await d.eval(() => Object.keys(localStorage).find((k) => k.startsWith('selfcheck.draft.')));
    await d.role('radio', LABEL[PLAN[3][0]], article(d, LAST)).click();
    const t0 = Date.now();
    // Watched inside the page every 10 ms, so "0 ms" is within about 10 ms of the indicator changing.
    await page.waitForFunction((before) => [...document.querySelectorAll('[role="status"]')]
      .some((e) => e.textContent.includes('已自动保存') && e.textContent !== before), { polling: 10, timeout: 5000 }, shown);
    const noticed = Date.now() - t0;
    await sleep(delay);
    await kill(browser);
    killed = true;

    // Start again on the same profile. Before the app runs, read what each store kept.
    browser = await puppeteer.launch(LAUNCH[name](profile));
    killed = false;
    page = await firstPage(browser);
    page.setDefaultTimeout(30_000);
    await page.evaluateOnNewDocument((key, last) => {
      const has = (json) => {
        try { return JSON.parse(json).assessment.answers[last].status === 'not_done'; } catch { return false; }
      };
      window.__stores = { localStorage: has(localStorage.getItem(key)) };
      window.__idb = new Promise((resolve) => {
        const req = indexedDB.open('selfcheck');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('drafts')) { resolve(false); return; }
          const get = db.transaction('drafts').objectStore('drafts').get(key);
          get.onsuccess = () => resolve(has(get.result));
          get.onerror = () => resolve(false);
        };
      });
    }, draftKey, LAST.id);
    d = puppeteerDriver(page, { baseURL: BASE, browserName: name });
    await d.goto('/');
    const stores = await d.eval(async () => ({ ...window.__stores, indexedDB: await window.__idb }));
    // The app reopens the draft, or (when localStorage lost which one was open) lists it.
    const where = await until('the draft after the restart', async () => {
      if (await d.role('heading', sections[0].title.zh).count()) return 'reopened';
      if (await d.role('button', /^继续填写 崩溃镇人民政府/).count()) return 'listed';
      return '';
    }, (w) => w !== '', 10_000).catch(() => 'gone');
    if (where === 'listed') await d.role('button', /^继续填写 崩溃镇人民政府/).click();
    const found = [];
    if (where !== 'gone') {
      await until('the first section', () => d.role('heading', sections[0].title.zh).count(), (n) => n > 0);
      for (let i = 0; i < items.length; i++) {
        // Recovery from IndexedDB may land a moment after the first render.
        const ok = await until(`${items[i].id}`, () => d.role('radio', LABEL[PLAN[i][0]], article(d, items[i])).checked(), (v) => v, 3000)
          .then(() => true, () => false);
        if (ok) found.push(items[i].id);
      }
      const note = await d.field('情况说明', article(d, items[0])).value();
      if (note !== PLAN[0][1]) found.splice(found.indexOf(items[0].id), 1);
    }
    // What is typed after the restart is saved: the dead browser's claim on
    // the draft does not pause this one (issue 23).
    let savedAfter = false;
    if (where !== 'gone' && !control) {
      await d.field('情况说明', article(d, items[1])).fill('重启后继续填写');
      savedAfter = await until('the text typed after the restart stored', () => d.eval(([k, id]) => {
        const a = JSON.parse(localStorage.getItem(k) || 'null')?.assessment.answers[id];
        return a ? a.notes : null;
      }, [draftKey, items[1].id]), (v) => v === '重启后继续填写', 10_000).then(() => true, () => false);
      const paused = (await d.role('status').texts()).some((t) => t.includes('自动保存已暂停'));
      savedAfter = savedAfter && !paused;
    }
    return { noticed, stores, where, found: found.length, of: items.length, savedAfter };
  } finally {
    if (!killed) await browser.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const server = await serveDist(ROOT, PORT);
const rows = [];
let n = 0;
let failed = 0;
try {
  for (const name of BROWSERS) {
    if (name === CONTROL) {
      // Shows the journey can fail: without the IndexedDB copy the last change is lost.
      n++;
      const label = `${name}: control without the IndexedDB copy, killed 0 ms after the indicator: the last change is lost`;
      try {
        const r = await once(name, 0, true);
        rows.push({ name: `${name} (control, no IndexedDB)`, delay: 0, ...r });
        const figures = `answers back ${r.found}/${r.of}, draft ${r.where}; localStorage ${r.stores.localStorage ? 'had' : 'lacked'} it`;
        if (r.found < r.of && !r.stores.localStorage) console.log(`ok ${n} - ${label}: ${figures}`);
        else { failed++; console.log(`not ok ${n} - ${label}: ${figures}`); }
      } catch (e) {
        failed++;
        console.log(`not ok ${n} - ${label}`);
        for (const line of String(e.stack || e).split('\n')) console.log(`# ${line}`);
      }
    }
    for (const delay of DELAYS) {
      n++;
      const label = `${name}: killed ${delay} ms after the indicator showed the last change saved`;
      try {
        const r = await once(name, delay);
        rows.push({ name, delay, ...r });
        const figures = `every answer ${r.found}/${r.of}, draft ${r.where}; before restart localStorage ${r.stores.localStorage ? 'had' : 'lacked'} it, IndexedDB ${r.stores.indexedDB ? 'had' : 'lacked'} it; typing after the restart ${r.savedAfter ? 'saved' : 'NOT saved'}`;
        if (r.found === r.of && r.savedAfter) console.log(`ok ${n} - ${label}: ${figures}`);
        else { failed++; console.log(`not ok ${n} - ${label}: ${figures}`); }
      } catch (e) {
        failed++;
        rows.push({ name, delay, error: e.message });
        console.log(`not ok ${n} - ${label}`);
        for (const line of String(e.stack || e).split('\n')) console.log(`# ${line}`);
      }
    }
  }
} finally {
  server.kill();
}
console.log('# browser  | delay after "已自动保存" | answers back | localStorage kept | IndexedDB kept');
for (const r of rows) {
  if (r.error) { console.log(`# ${r.name.padEnd(8)} | ${String(r.delay).padStart(5)} ms | error: ${r.error.split('\n')[0]}`); continue; }
  console.log(`# ${r.name.padEnd(8)} | ${String(r.delay).padStart(5)} ms (indicator seen ${r.noticed} ms after the click) | ${r.found}/${r.of} (${r.where}) | ${r.stores.localStorage ? 'yes' : 'no'} | ${r.stores.indexedDB ? 'yes' : 'no'}`);
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
