// The benchmark: prints figures, never pass/fail tests. Run by scripts/bench
// after it has built dist/ (the hosted app) and bench/out/dist-large/ (the app
// on a generated 1,000-item checklist). Prints a table and writes the same
// figures to bench/out/results.json. What each figure means: docs/benchmark.md.
//
// Bounded: fixed run counts, a timeout on every browser step and a watchdog
// for the whole run; the static servers listen on loopback only and are
// stopped at the end, whatever happens.
//
// Settings (environment): BENCH_LOAD_RUNS (default 12), BENCH_CHANGES (60), BENCH_DESK_RUNS (5),
// BENCH_EXPORT_CLICKS (30), BENCH_TIME_LIMIT_S (1200).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench/out');
const DIST = path.join(ROOT, 'dist');
const DIST_LARGE = path.join(OUT, 'dist-large');
const SJS = path.join(OUT, 'surveyjs');
const SJS_LARGE = path.join(OUT, 'surveyjs-large');
const STANDALONE = 'selfcheck-standalone.html';
const SAMPLE_REPORT = path.join(ROOT, 'docs/sample-report.json');

const num = (v, d) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Math.floor(Number(v)) : d);
const CFG = {
  loadRuns: num(process.env.BENCH_LOAD_RUNS, 12),
  changes: num(process.env.BENCH_CHANGES, 60),
  exportClicks: num(process.env.BENCH_EXPORT_CLICKS, 30),
  deskRuns: num(process.env.BENCH_DESK_RUNS, 5),
  officeRuns: num(process.env.BENCH_OFFICE_RUNS, 5),
  timeLimitS: num(process.env.BENCH_TIME_LIMIT_S, 1200),
};
const STEP_TIMEOUT = 30_000;

const BUDGET = {
  gzipBytes: 150 * 1024, // 150 KB (KiB) gzip -9, all shipped assets of the hosted app
  answerChangeMedianMs: 8,
  exportMs: 5,
  wordMs: 1000, // click → downloaded .docx of the full built-in report
  excelMs: 3000, // click → downloaded .xlsx of 1,000 desk reports
  loadRatio: 0.5, // our cold load ≤ 0.5 × SurveyJS's
  bytesRatio: 1, // our shipped bytes ≤ SurveyJS's
};

const DEFINITIONS = {
  sizes: 'bytes of every file in the folder as a static server sends it: raw, gzip -9 and brotli (quality 11), '
    + 'both via node:zlib; the hosted app is every file in dist/ except the single-file edition, which is reported on its own',
  coldLoad: 'navigation start (performance.timeOrigin) → the first control a user acts on is in the DOM, enabled, '
    + 'laid out with a non-zero box inside the viewport and hit-testable at its centre (document.elementFromPoint lands on it or its <label>); '
    + 'observed in the page by a MutationObserver plus a per-frame check installed before any page script. '
    + 'The app: the start screen\'s 新建自查 button. SurveyJS: the first radio of the first question. '
    + 'Every run in a new browser context (empty HTTP cache, no service worker, no storage; the app registers its service worker '
    + 'and precaches as on a first visit); one unmeasured warm-up run each first, then the runs interleaved. '
    + 'For context only: the same with service workers blocked, first contentful paint, DOMContentLoaded, and when the .wasm finished '
    + 'downloading and the app started',
  startToCards: 'the app only: after 新建自查 and the unit form (filled by Playwright, not timed), from the 开始自查 click being dispatched '
    + 'in the page to every item card of the first section being in the DOM with its radios enabled',
  answerChange: 'on the app built with --features bench-large (a generated checklist of 1,000 items, 10 sections × 100; '
    + 'the walk renders one section, so 100 cards are in the DOM): from dispatching a click on an item\'s radio (radio.click() in the page) '
    + 'to the card\'s class showing the answer (is-done/is-partial/is-not_done/is-not_applicable), seen by a MutationObserver on the card. '
    + 'The first 30 cards are answered, then each is changed to another answer; 400 ms pause between changes so autosave settles',
  exportNative: 'report::export_current (build the report, RFC 8785 canonical form, SHA-256 digest, pretty JSON) of the fully answered sample assessment, '
    + 'native release build (cargo run --release --example bench_export)',
  exportBrowser: 'the app in Chromium: the sample report (docs/sample-report.json) opened as a draft, then the synchronous click handler of '
    + '下载自查报告（JSON） (export_current in wasm + Blob + download link), timed around button.click() in the page; '
    + 'a control times the download mechanics alone (Blob, object URL, link click) in plain JS for the same JSON text',
  wasmSections: 'byte size of each section of the shipped .wasm (code = function bodies, data = static data such as '
    + 'string literals and the embedded checklist JSON)',
};

// ---------------------------------------------------------------- helpers

const children = [];
let browser = null;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
}
const watchdog = setTimeout(async () => {
  console.error(`bench: stopped after the time limit of ${CFG.timeLimitS} s`);
  await cleanup();
  process.exit(2);
}, CFG.timeLimitS * 1000);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { await cleanup(); process.exit(130); });
}

function stats(values) {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { n, median: null, min: null, max: null, q1: null, q3: null, p95: null, mean: null };
  const q = (p) => { // linear interpolation between closest ranks
    const i = (n - 1) * p;
    const lo = Math.floor(i);
    return xs[lo] + (xs[Math.min(lo + 1, n - 1)] - xs[lo]) * (i - lo);
  };
  const r = (x) => Math.round(x * 1000) / 1000;
  return {
    n, median: r(q(0.5)), min: r(xs[0]), max: r(xs[n - 1]), q1: r(q(0.25)), q3: r(q(0.75)),
    p95: r(xs[Math.min(n - 1, Math.ceil(0.95 * n) - 1)]), // nearest rank
    mean: r(xs.reduce((a, b) => a + b, 0) / n),
  };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.name.startsWith('.')) return []; // Trunk's staging leftovers
    // The precompressed copies (FILE.gz, FILE.br) are what a server may send instead of FILE, not more files.
    if (/\.(gz|br)$/.test(e.name)) return [];
    return e.isDirectory() ? walk(p) : [p];
  });
}

const TEXT = /\.(html|js|mjs|css|json|webmanifest|svg|txt)$/;
function compressed(file) {
  const buf = fs.readFileSync(file);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_MODE]: TEXT.test(file) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

function folderSizes(dir, exclude = []) {
  const files = walk(dir)
    .map((p) => path.relative(dir, p).split(path.sep).join('/'))
    .filter((f) => !exclude.includes(f))
    .sort()
    .map((f) => ({ file: f, ...compressed(path.join(dir, f)) }));
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return { files, total };
}

// Section sizes of a .wasm file: what dominates it, code or data.
function wasmSections(file) {
  const b = fs.readFileSync(file);
  const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  const out = {};
  let i = 8;
  const leb = () => {
    let r = 0; let shift = 0; let byte;
    do { byte = b[i++]; r += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return r;
  };
  while (i < b.length) {
    const id = b[i++];
    const size = leb();
    const name = names[id] || `section${id}`;
    out[name] = (out[name] || 0) + size;
    i += size;
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function serve(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'tests/e2e/serve.mjs'), dir, String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server for ${dir} did not start`)), 10_000);
    child.stdout.on('data', (d) => { if (String(d).includes('serving')) { clearTimeout(t); resolve(); } });
    child.on('exit', (code) => reject(new Error(`server for ${dir} exited (${code})`)));
  });
  return `http://127.0.0.1:${port}/`;
}

// The SurveyJS side: the committed page plus the libraries from node_modules
// and the checklist as a script (window.CHECKLIST = …).
function prepareSurveyJs(dir, checklistJson) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['index.html', 'main.js']) fs.copyFileSync(path.join(ROOT, 'bench/surveyjs', f), path.join(dir, f));
  for (const f of ['survey-core/survey.core.min.js', 'survey-core/survey-core.fontless.min.css',
    'survey-core/i18n/simplified-chinese.min.js', 'survey-js-ui/survey-js-ui.min.js']) {
    fs.copyFileSync(path.join(ROOT, 'node_modules', f), path.join(dir, path.basename(f)));
  }
  fs.writeFileSync(path.join(dir, 'checklist.js'), `window.CHECKLIST = ${JSON.stringify(JSON.parse(checklistJson))};\n`);
}

function versionOf(pkg) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

// Installed before any page script: records when the first actionable control
// is present, enabled, visible in the viewport and hit-testable.
function watchScript(kind) {
  return `(() => {
    const KIND = ${JSON.stringify(kind)};
    const find = () => KIND === 'app'
      ? Array.prototype.find.call(document.querySelectorAll('button'), (b) => b.textContent.trim() === '新建自查')
      : document.querySelector('.sd-question input[type=radio]');
    const ready = (el) => {
      if (!el || el.disabled) return false;
      const t = el.closest('label') || el;
      const r = t.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) return false;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return !!hit && t.contains(hit);
    };
    const b = window.__bench = { interactive: null, started: null };
    window.addEventListener('TrunkApplicationStarted', () => { b.started = performance.now(); });
    const check = () => {
      if (b.interactive === null && ready(find())) { b.interactive = performance.now(); mo.disconnect(); }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true, attributes: true });
    const frame = () => { check(); if (b.interactive === null && performance.now() < 60000) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })();`;
}

async function newContext(serviceWorkers = 'allow', acceptDownloads = false) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads, serviceWorkers });
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  return ctx;
}

async function waitInteractive(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.interactive !== null, null, { timeout: STEP_TIMEOUT });
  // First contentful paint, for context: it can come a frame after the DOM check.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 })
    .catch(() => {});
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return {
      interactive: window.__bench.interactive,
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      wasmLoaded: wasm ? wasm.responseEnd : null,
      started: window.__bench.started,
    };
  });
}

// From the start screen: 新建自查, the unit form (not timed), then the timed
// 开始自查 click until `cards` item cards are in the DOM with enabled radios.
async function startAssessment(page, cards) {
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('单位名称').fill('青山镇人民政府');
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByLabel('填报人').fill('王芳');
  await page.getByRole('button', { name: '开始自查' }).waitFor();
  return page.evaluate((n) => new Promise((resolve, reject) => {
    const button = Array.prototype.find.call(document.querySelectorAll('button'), (b) => b.textContent.trim() === '开始自查');
    const done = () => {
      const all = document.querySelectorAll('article.card');
      if (all.length < n) return false;
      const radios = all[n - 1].querySelectorAll('input[type=radio]');
      return radios.length === 4 && Array.prototype.every.call(radios, (r) => !r.disabled);
    };
    const t0 = performance.now();
    const mo = new MutationObserver(() => {
      if (done()) { mo.disconnect(); resolve(performance.now() - t0); }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    setTimeout(() => { mo.disconnect(); reject(new Error('the section did not render in 10 s')); }, 10_000);
    button.click();
  }), cards);
}

function collectErrors(page, into, label) {
  page.on('pageerror', (e) => into.push(`${label}: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text())) into.push(`${label}: ${m.text()}`);
  });
}

// ---------------------------------------------------------------- figures

async function coldLoads(urls, firstSectionItems, errors) {
  const runs = { app: [], surveyjs: [], appNoSw: [] };
  const one = async (run, measured) => {
    const kind = run === 'surveyjs' ? 'surveyjs' : 'app';
    const ctx = await newContext(run === 'appNoSw' ? 'block' : 'allow');
    try {
      await ctx.addInitScript(watchScript(kind));
      const page = await ctx.newPage();
      collectErrors(page, errors, `cold load (${run})`);
      await page.goto(urls[kind], { waitUntil: 'commit' });
      const t = await waitInteractive(page);
      if (run === 'app') t.startToCards = await startAssessment(page, firstSectionItems);
      if (measured) runs[run].push(t);
    } finally {
      await ctx.close();
    }
  };
  // One warm-up each (browser processes, disk cache of the OS), then interleaved runs.
  await one('app', false);
  await one('surveyjs', false);
  for (let i = 0; i < CFG.loadRuns; i++) {
    await one('app', true);
    await one('surveyjs', true);
    await one('appNoSw', true);
  }
  const s = (kind, key) => stats(runs[kind].map((r) => r[key]).filter((x) => x !== null && x !== undefined));
  return {
    app: {
      interactive: s('app', 'interactive'), fcp: s('app', 'fcp'), dcl: s('app', 'dcl'),
      wasmLoaded: s('app', 'wasmLoaded'), started: s('app', 'started'), startToCards: s('app', 'startToCards'),
    },
    appNoServiceWorker: { interactive: s('appNoSw', 'interactive') },
    surveyjs: { interactive: s('surveyjs', 'interactive'), fcp: s('surveyjs', 'fcp'), dcl: s('surveyjs', 'dcl') },
    runs,
  };
}

const STATUSES = ['done', 'partial', 'not_done', 'not_applicable'];

async function answerChangesApp(url, errors) {
  const ctx = await newContext();
  try {
    await ctx.addInitScript(watchScript('app'));
    const page = await ctx.newPage();
    collectErrors(page, errors, 'answer change (app)');
    await page.goto(url, { waitUntil: 'commit' });
    await waitInteractive(page);
    const startToCards = await startAssessment(page, 100);
    await page.waitForTimeout(1000);
    const times = [];
    for (let i = 0; i < CFG.changes; i++) {
      const card = i % 30;
      const key = STATUSES[(i + Math.floor(i / 30)) % 4];
      times.push(await page.evaluate(({ card, key }) => new Promise((resolve, reject) => {
        const el = document.querySelectorAll('article.card')[card];
        const radio = el.querySelector(`input[type=radio][value="${key}"]`);
        const want = `is-${key}`;
        if (el.classList.contains(want)) { reject(new Error(`card ${card} already ${key}`)); return; }
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          if (el.classList.contains(want)) { mo.disconnect(); resolve(performance.now() - t0); }
        });
        mo.observe(el, { attributes: true, attributeFilter: ['class'] });
        setTimeout(() => { mo.disconnect(); reject(new Error(`card ${card} did not show ${key}`)); }, 5000);
        radio.click();
      }), { card, key }));
      await page.waitForTimeout(400);
    }
    const cards = await page.evaluate(() => document.querySelectorAll('article.card').length);
    return { cardsInDom: cards, startToCards, ms: stats(times), times };
  } finally {
    await ctx.close();
  }
}

async function answerChangesSurveyJs(url, errors) {
  const ctx = await newContext();
  try {
    await ctx.addInitScript(watchScript('surveyjs'));
    const page = await ctx.newPage();
    collectErrors(page, errors, 'answer change (SurveyJS)');
    await page.goto(url, { waitUntil: 'commit' });
    await waitInteractive(page);
    await page.waitForTimeout(1000);
    const times = [];
    for (let i = 0; i < CFG.changes; i++) {
      const q = i % 30;
      const key = STATUSES[(i + Math.floor(i / 30)) % 4];
      times.push(await page.evaluate(({ q, key }) => new Promise((resolve, reject) => {
        const el = document.querySelectorAll('.sd-question')[q];
        const radio = el.querySelector(`input[type=radio][value="${key}"]`);
        const item = radio.closest('.sd-item');
        const want = 'sd-item--checked';
        if (item.classList.contains(want)) { reject(new Error(`question ${q} already ${key}`)); return; }
        const t0 = performance.now();
        const mo = new MutationObserver(() => {
          if (item.classList.contains(want)) { mo.disconnect(); resolve(performance.now() - t0); }
        });
        mo.observe(item, { attributes: true, attributeFilter: ['class'] });
        setTimeout(() => { mo.disconnect(); reject(new Error(`question ${q} did not show ${key}`)); }, 5000);
        radio.click();
      }), { q, key }));
      await page.waitForTimeout(400);
    }
    const questions = await page.evaluate(() => document.querySelectorAll('.sd-question').length);
    return { questionsInDom: questions, ms: stats(times), times };
  } finally {
    await ctx.close();
  }
}

async function exportInBrowser(url, errors) {
  const ctx = await newContext();
  try {
    await ctx.addInitScript(watchScript('app'));
    const page = await ctx.newPage();
    collectErrors(page, errors, 'export (app)');
    await page.goto(url, { waitUntil: 'commit' });
    await waitInteractive(page);
    await page.getByLabel('选择报告文件…').first().setInputFiles(SAMPLE_REPORT);
    await page.getByRole('heading', { level: 1, name: '自查结果' }).waitFor();
    await page.waitForTimeout(1000);
    const times = [];
    for (let i = 0; i < CFG.exportClicks; i++) {
      times.push(await page.evaluate(() => {
        const b = Array.prototype.find.call(document.querySelectorAll('button'), (x) => x.textContent.trim() === '下载自查报告（JSON）');
        const t0 = performance.now();
        b.click();
        return performance.now() - t0;
      }));
      await page.waitForTimeout(200);
    }
    // Control: the download mechanics alone (Blob, object URL, link click) for
    // a text of the same size, in plain JS, to tell them apart from the export.
    const text = fs.readFileSync(SAMPLE_REPORT, 'utf8');
    const control = [];
    for (let i = 0; i < CFG.exportClicks; i++) {
      control.push(await page.evaluate((t) => {
        const t0 = performance.now();
        const url = URL.createObjectURL(new Blob([t], { type: 'application/json;charset=utf-8' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = 'control.json';
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        a.remove();
        const ms = performance.now() - t0;
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        return ms;
      }, text));
      await page.waitForTimeout(200);
    }
    return { ms: stats(times), times, downloadMechanicsMs: stats(control) };
  } finally {
    await ctx.close();
  }
}

// The reviewer desk: 1,000 generated reports of the built-in checklist (plus the
// generator's 10 problem files), timed inside the page from the first file
// processed to the last (reading the files from disk is not counted).
async function reviewerDesk(url, errors) {
  const set = path.join(OUT, 'desk-1000');
  if (!fs.existsSync(set) || fs.readdirSync(set).length < 1000) {
    execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', set, '1000'], { cwd: ROOT, stdio: 'ignore' });
  }
  const files = fs.readdirSync(set).map((f) => path.join(set, f));
  // Five fresh pages: on this 2-core VM a run lands either in a quiet or a
  // contended stretch (the browser freeing the files just read, other
  // processes), so single runs differ by up to 1.5×.
  const runs = await deskRuns(url, files, CFG.deskRuns, false, errors);
  // On a plain-HTTP intranet address the page has no WebCrypto and the
  // reports are hashed in WebAssembly: shown for information.
  const plain = await deskRuns(url, files, Math.min(3, CFG.deskRuns), true, errors);
  return { files: files.length, ms: stats(runs), runs, withoutWebCrypto: { ms: stats(plain), runs: plain }, native: deskNative(set) };
}

// A city's reports on one desk (issue 28): 10,000 reports (and the generator's
// 10 problem files) picked at once, one run: from the pick to the counts shown,
// the processing inside the page, and the peak memory of the renderer
// processes (their resident sets summed, sampled every 200 ms with ps).
async function cityDesk(url, errors) {
  const set = path.join(OUT, 'desk-10000');
  if (!fs.existsSync(set) || fs.readdirSync(set).length < 10_000) {
    fs.rmSync(set, { recursive: true, force: true });
    execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'gen_reports', '--', set, '10000'], { cwd: ROOT, stdio: 'ignore' });
  }
  const files = fs.readdirSync(set).map((f) => path.join(set, f));
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const ctx = await newContext();
  let peak = 0;
  const rss = () => {
    try {
      const out = execFileSync('sh', ['-c', "ps -eo rss,args | grep -- '--type=renderer' | grep -v grep | awk '{s+=$1} END {print s+0}'"], { encoding: 'utf8' });
      peak = Math.max(peak, Number(out.trim()) * 1024);
    } catch { /* ps is informative only */ }
  };
  const sampler = setInterval(rss, 200);
  try {
    const page = await ctx.newPage();
    collectErrors(page, errors, 'city desk');
    await page.goto(url);
    await page.getByRole('button', { name: '进入汇总审阅' }).click();
    const input = page.getByLabel('选择报告文件（可多选）…');
    const t0 = Date.now();
    await input.setInputFiles(files);
    const picked = Date.now();
    await page.getByTestId('desk-ms').waitFor({ timeout: 300_000 });
    const shown = Date.now();
    const counts = await page.getByTestId('desk-counts').textContent();
    if (!counts.includes(`共${files.length}份文件`)) throw new Error(`city desk counted "${counts}"`);
    return {
      files: files.length, bytes, handOverMs: picked - t0, pickToShownMs: shown - picked,
      processingMs: Number(await page.getByTestId('desk-ms').getAttribute('data-ms')), peakRendererBytes: peak,
    };
  } finally {
    clearInterval(sampler);
    await ctx.close();
  }
}

async function deskRuns(url, files, n, withoutWebCrypto, errors) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const ctx = await newContext();
    try {
      const page = await ctx.newPage();
      collectErrors(page, errors, 'reviewer desk');
      if (withoutWebCrypto) {
        await page.addInitScript(() => {
          Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
        });
      }
      await page.goto(url);
      await page.getByRole('button', { name: '进入汇总审阅' }).click();
      await page.getByLabel('选择报告文件（可多选）…').setInputFiles(files);
      const done = page.getByTestId('desk-ms');
      await done.waitFor({ timeout: 300_000 });
      // A figure only counts if the work was right: every file read, the same verdicts.
      const counts = await page.getByTestId('desk-counts').textContent();
      const want = `共${files.length}份文件：采用${files.length - 5}份，未采用5份（无效3份，被取代2份），需关注8份`;
      if (!counts.includes(want)) throw new Error(`reviewer desk counted "${counts}", expected "${want}"`);
      runs.push(Number(await done.getAttribute('data-ms')));
    } finally {
      await ctx.close();
    }
  }
  return runs;
}

// Word and Excel in the page: from the click to the download, the office
// module's first use in a fresh page (fetched and compiled) and a second use.
// The report is the full built-in checklist (docs/sample-report.json); the
// workbook is the desk's 1,000 reports.
async function officeInBrowser(url, deskFiles, errors) {
  const clickToDownload = async (page, button) => {
    const t = Date.now();
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    const ms = Date.now() - t;
    const size = fs.statSync(await d.path()).size;
    return { ms, size };
  };
  const word = { first: [], again: [], bytes: 0 };
  for (let i = 0; i < CFG.officeRuns; i++) {
    const ctx = await newContext('allow', true);
    try {
      const page = await ctx.newPage();
      collectErrors(page, errors, 'word');
      await page.goto(url);
      await page.getByLabel('选择报告文件…').first().setInputFiles(SAMPLE_REPORT);
      const button = page.getByRole('button', { name: '下载自查报告（Word）' }).first();
      await button.waitFor();
      const first = await clickToDownload(page, button);
      await page.waitForTimeout(200);
      const again = await clickToDownload(page, button);
      word.first.push(first.ms);
      word.again.push(again.ms);
      word.bytes = again.size;
    } finally {
      await ctx.close();
    }
  }
  const excel = { first: [], bytes: 0 };
  for (let i = 0; i < Math.min(3, CFG.officeRuns); i++) {
    const ctx = await newContext('allow', true);
    try {
      const page = await ctx.newPage();
      collectErrors(page, errors, 'excel');
      await page.goto(url);
      await page.getByRole('button', { name: '进入汇总审阅' }).click();
      await page.getByLabel('选择报告文件（可多选）…').setInputFiles(deskFiles);
      await page.getByTestId('desk-ms').waitFor({ timeout: 300_000 });
      const x = await clickToDownload(page, page.getByRole('button', { name: '导出 Excel 工作簿' }));
      excel.first.push(x.ms);
      excel.bytes = x.size;
    } finally {
      await ctx.close();
    }
  }
  return { word: { first: stats(word.first), again: stats(word.again), bytes: word.bytes },
    excel: { first: stats(excel.first), bytes: excel.bytes, reports: deskFiles.length } };
}

// The same work without a browser: the model's share of the in-page figure.
function deskNative(set) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_desk', '--', set],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.split('\n').find((l) => l.startsWith('json: '));
  if (!line) throw new Error(`bench_desk printed no figures:\n${out}`);
  return JSON.parse(line.slice(6));
}

function exportNative() {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_export'],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = out.split('\n').find((l) => l.startsWith('json: '));
  if (!line) throw new Error(`bench_export printed no figures:\n${out}`);
  return JSON.parse(line.slice(6));
}

function generatedChecklist() {
  const file = path.join(OUT, 'generated-1000.json');
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_export', '--', '--write-generated', file],
    { cwd: ROOT, timeout: 600_000, stdio: ['ignore', 'inherit', 'inherit'] });
  return fs.readFileSync(file, 'utf8');
}

// ---------------------------------------------------------------- output

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === null || n === undefined ? 'n/a' : `${n.toFixed(n < 10 ? 2 : 0)} ms`);
const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const pad = (s, i) => (i === 0 ? String(s).padEnd(w[i]) : String(s).padStart(w[i]));
  return rows.map((r, j) => {
    const line = r.map(pad).join('  ');
    return j === 0 ? `${line}\n${w.map((n) => '-'.repeat(n)).join('  ')}` : line;
  }).join('\n');
}
const verdict = (ok) => (ok ? 'PASS' : 'OVER');

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const d of [DIST, DIST_LARGE]) {
    if (!fs.existsSync(path.join(d, 'index.html'))) throw new Error(`${d} is not built: run scripts/bench`);
  }
  const t0 = Date.now();
  const errors = [];
  const builtinJson = fs.readFileSync(path.join(ROOT, 'content/builtin-checklist.json'), 'utf8');
  const builtin = JSON.parse(builtinJson);
  const firstSectionItems = builtin.parts[0].groups[0].items.length;
  prepareSurveyJs(SJS, builtinJson);

  console.error('bench: sizes');
  // The on-demand modules (the bureau's tools, the Word and the Excel writers) are
  // not part of a first visit: the app fetches them when someone needs them.
  const onDemandFiles = fs.readdirSync(DIST).filter((f) => /^(?!selfcheck-)\w+-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f));
  const app = folderSizes(DIST, [STANDALONE, ...onDemandFiles]);
  const onDemand = onDemandFiles.map((f) => ({ file: f, ...compressed(path.join(DIST, f)) }));
  const standalone = compressed(path.join(DIST, STANDALONE));
  // A county's edition for its units: the single file without the bureau's modules
  // (model::edition::without_module; its slot and title aside, byte for byte what 生成本县分发版 writes).
  const unitEdition = (() => {
    let page = fs.readFileSync(path.join(DIST, STANDALONE), 'utf8');
    for (const m of ['bureau', 'sheets']) {
      page = page.replace(new RegExp(`<script type="application/octet-stream" id="${m}-wasm-base64">[\\s\\S]*?</script>\\n`), '')
        .replace(new RegExp(`<script type="module" data-module="${m}">[\\s\\S]*?</script>\\n`), '');
    }
    const file = path.join(OUT, 'unit-edition.html');
    fs.writeFileSync(file, page);
    return compressed(file);
  })();
  const surveyjs = folderSizes(SJS);
  const wasmFile = app.files.find((f) => /^selfcheck-.*\.wasm$/.test(f.file)).file;
  const wasm = { file: wasmFile, sections: wasmSections(path.join(DIST, wasmFile)), // src/build.rs embeds the checklist minified, as JSON.stringify writes it.
    embeddedChecklistJson: Buffer.byteLength(JSON.stringify(JSON.parse(builtinJson))) };

  console.error('bench: native export (cargo run --release --example bench_export)');
  const native = exportNative();
  prepareSurveyJs(SJS_LARGE, generatedChecklist());

  console.error(`bench: Chromium, ${CFG.loadRuns} cold loads each, ${CFG.changes} answer changes each, ${CFG.exportClicks} exports`);
  const servers = {
    app: await serve(DIST), large: await serve(DIST_LARGE), surveyjs: await serve(SJS), surveyjsLarge: await serve(SJS_LARGE),
  };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const chromiumVersion = browser.version();
  const loads = await coldLoads({ app: servers.app, surveyjs: servers.surveyjs }, firstSectionItems, errors);
  const change = await answerChangesApp(servers.large, errors);
  const changeSjs = await answerChangesSurveyJs(servers.surveyjsLarge, errors);
  const exportBrowser = await exportInBrowser(servers.app, errors);
  console.error('bench: reviewer desk, 1,000 reports');
  const desk = await reviewerDesk(servers.app, errors);
  console.error('bench: reviewer desk, 10,000 reports');
  const city = await cityDesk(servers.app, errors);
  console.error('bench: Word and Excel in the page');
  const office = await officeInBrowser(servers.app, fs.readdirSync(path.join(OUT, 'desk-1000')).map((f) => path.join(OUT, 'desk-1000', f)), errors);
  await cleanup();

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, platform: process.platform, node: process.version, chromium: chromiumVersion },
    config: CFG,
    budgets: BUDGET,
    definitions: DEFINITIONS,
    surveyjs: { 'survey-core': versionOf('survey-core'), 'survey-js-ui': versionOf('survey-js-ui') },
    sizes: { app, onDemand, standalone: { file: STANDALONE, ...standalone }, unitEdition, surveyjs, wasm },
    coldLoad: { app: loads.app, appNoServiceWorker: loads.appNoServiceWorker, surveyjs: loads.surveyjs, runs: loads.runs },
    answerChange: { app: change, surveyjs: changeSjs },
    export: { native, browser: exportBrowser },
    reviewerDesk: desk,
    cityDesk: city,
    office,
    pageErrors: errors,
  };
  const L = loads.app.interactive.median;
  const LS = loads.surveyjs.interactive.median;
  results.ratios = {
    rawBytes: ratio(app.total.raw, surveyjs.total.raw),
    gzipBytes: ratio(app.total.gzip, surveyjs.total.gzip),
    brotliBytes: ratio(app.total.brotli, surveyjs.total.brotli),
    coldLoadMedian: ratio(L, LS),
    answerChangeMedian: ratio(change.ms.median, changeSjs.ms.median),
  };
  results.verdicts = {
    gzipBudget: verdict(app.total.gzip <= BUDGET.gzipBytes),
    bytesVsSurveyJs: verdict(app.total.gzip <= surveyjs.total.gzip && app.total.raw <= surveyjs.total.raw),
    coldLoadVsSurveyJs: verdict(L <= BUDGET.loadRatio * LS),
    answerChange: verdict(change.ms.median <= BUDGET.answerChangeMedianMs),
    exportNative: verdict(native.builtin.median_ms <= BUDGET.exportMs),
    exportBrowser: verdict(exportBrowser.ms.median <= BUDGET.exportMs),
    reviewerDesk: verdict(desk.ms.median <= 1000),
    word: verdict(office.word.first.median <= BUDGET.wordMs),
    excel: verdict(office.excel.first.median <= BUDGET.excelMs),
  };
  results.durationS = Math.round((Date.now() - t0) / 1000);
  fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  // ---- the table
  const out = [];
  const say = (s = '') => out.push(s);
  say(`Benchmark of the hosted app (dist/) — ${results.date}, ${results.machine.cpus} CPUs, Chromium ${chromiumVersion} headless, `
    + `SurveyJS survey-core ${results.surveyjs['survey-core']} + survey-js-ui ${results.surveyjs['survey-js-ui']}`);
  say();
  say('1. Shipped bytes (every file of the hosted app a first visit loads; gzip -9 and brotli q11 via node:zlib)');
  say(table([
    ['file', 'raw', 'gzip', 'brotli'],
    ...app.files.map((f) => [f.file, f.raw, f.gzip, f.brotli]),
    ['TOTAL hosted app, first visit', app.total.raw, app.total.gzip, app.total.brotli],
    ...onDemand.map((f) => [`on demand (${{ bureau: 'Justice Bureau tools', office: 'Word writer', sheets: 'Excel writer' }[f.file.split('-')[0]] || 'module'}): ${f.file}`, f.raw, f.gzip, f.brotli]),
    ['SurveyJS page, total', surveyjs.total.raw, surveyjs.total.gzip, surveyjs.total.brotli],
    ['ratio app / SurveyJS', results.ratios.rawBytes, results.ratios.gzipBytes, results.ratios.brotliBytes],
    [`single-file edition (${STANDALONE}, separate; the bureau's)`, standalone.raw, standalone.gzip, standalone.brotli],
    ['a county edition for units (without the bureau\'s modules)', unitEdition.raw, unitEdition.gzip, unitEdition.brotli],
  ]));
  say(`   budget ≤ 150 KB gzip in all: ${kb(app.total.gzip)} → ${results.verdicts.gzipBudget}`);
  say(`   budget ≤ SurveyJS's bytes: ${kb(app.total.gzip)} vs ${kb(surveyjs.total.gzip)} gzip → ${results.verdicts.bytesVsSurveyJs}`);
  say(`   the .wasm by section: ${Object.entries(wasm.sections).map(([k, v]) => `${k} ${kb(v)}`).join(', ')} (raw); `
    + `the checklist JSON embedded in it: ${kb(wasm.embeddedChecklistJson)}`);
  say('   SurveyJS files: ' + surveyjs.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') + ' (gzip)');
  say();
  const row = (name, s) => [name, s.n, ms(s.median), `${ms(s.min)} – ${ms(s.max)}`, `${ms(s.q1)} – ${ms(s.q3)}`, ms(s.p95)];
  say(`2. Cold load → first control interactive (${CFG.loadRuns} runs each, new browser context per run)`);
  say(`   = ${DEFINITIONS.coldLoad}`);
  say(table([
    ['figure', 'runs', 'median', 'min – max', 'IQR', 'p95'],
    row('app: → 新建自查 clickable', loads.app.interactive),
    row('SurveyJS: → first radio clickable', loads.surveyjs.interactive),
    row('app: first contentful paint', loads.app.fcp),
    row('SurveyJS: first contentful paint', loads.surveyjs.fcp),
    row('app: DOMContentLoaded', loads.app.dcl),
    row('SurveyJS: DOMContentLoaded (scripts run)', loads.surveyjs.dcl),
    row('app: .wasm downloaded (responseEnd)', loads.app.wasmLoaded),
    row('app: wasm started (TrunkApplicationStarted)', loads.app.started),
    row('app, service worker blocked: → 新建自查', loads.appNoServiceWorker.interactive),
    row(`app: 开始自查 → ${firstSectionItems} cards`, loads.app.startToCards),
  ]));
  say(`   ratio app / SurveyJS (median): ${results.ratios.coldLoadMedian}; budget ≤ ${BUDGET.loadRatio} → ${results.verdicts.coldLoadVsSurveyJs}`);
  say(`   app: 开始自查 → cards = ${DEFINITIONS.startToCards}`);
  say();
  say(`3. One answer change → DOM updated, 1,000-item checklist (${CFG.changes} changes)`);
  say(`   = ${DEFINITIONS.answerChange}`);
  say(table([
    ['figure', 'runs', 'median', 'min – max', 'IQR', 'p95'],
    row(`app (${change.cardsInDom} cards in the DOM)`, change.ms),
    row(`SurveyJS (${changeSjs.questionsInDom} questions in the DOM)`, changeSjs.ms),
  ]));
  say(`   app: 开始自查 → 100 cards of the 1,000-item checklist: ${ms(change.startToCards)} (one run)`);
  say(`   ratio app / SurveyJS (median): ${results.ratios.answerChangeMedian}; budget median ≤ ${BUDGET.answerChangeMedianMs} ms → ${results.verdicts.answerChange}`);
  say();
  say('4. JSON export with digest of a full assessment');
  say(`   native = ${DEFINITIONS.exportNative}`);
  say(`   browser = ${DEFINITIONS.exportBrowser}`);
  say(table([
    ['figure', 'runs', 'median', 'p95', 'JSON bytes'],
    ['native, built-in checklist (52 items)', native.builtin.iterations, ms(native.builtin.median_ms), ms(native.builtin.p95_ms), native.builtin.bytes],
    ['native, generated 1,000 items (info)', native.generated_1000.iterations, ms(native.generated_1000.median_ms), ms(native.generated_1000.p95_ms), native.generated_1000.bytes],
    ['browser (wasm), click handler', exportBrowser.ms.n, ms(exportBrowser.ms.median), ms(exportBrowser.ms.p95), ''],
    ['download mechanics alone (JS control)', exportBrowser.downloadMechanicsMs.n, ms(exportBrowser.downloadMechanicsMs.median), ms(exportBrowser.downloadMechanicsMs.p95), ''],
  ]));
  say(`   budget ≤ ${BUDGET.exportMs} ms: native ${results.verdicts.exportNative}, browser ${results.verdicts.exportBrowser}; SurveyJS: no counterpart (it has no report format or digest)`);
  say();
  say(`5. Reviewer desk processing ${desk.files} files (1,000 reports + 10 problem files), in the page, reading excluded`);
  say(table([
    ['figure', 'runs', 'median', 'min', 'max'],
    ['processing time in the page', desk.ms.n, ms(desk.ms.median), ms(desk.ms.min), ms(desk.ms.max)],
    ['the same without WebCrypto (plain-HTTP intranet address; info)', desk.withoutWebCrypto.ms.n, ms(desk.withoutWebCrypto.ms.median), ms(desk.withoutWebCrypto.ms.min), ms(desk.withoutWebCrypto.ms.max)],
    ['the same, native (cargo run --release --example bench_desk)', desk.native.runs, ms(desk.native.median_ms), ms(desk.native.min_ms), ms(desk.native.max_ms)],
  ]));
  say(`   budget ≤ 1000 ms: ${results.verdicts.reviewerDesk}`);
  say(`   a city's reports (issue 28): ${city.files} files (${(city.bytes / 1048576).toFixed(0)} MB), one run: `
    + `from the pick to the counts shown ${city.pickToShownMs} ms (processing in the page ${city.processingMs} ms; `
    + `Playwright's hand-over of the files before that ${city.handOverMs} ms); peak renderer memory `
    + `${(city.peakRendererBytes / 1048576).toFixed(0)} MB; budget ≤ 6000 ms → ${city.pickToShownMs <= 6000 ? 'PASS' : 'OVER'}`);
  say();
  say('6. Word and Excel in the page: click → file downloaded (the office module fetched and compiled on the first use in a fresh page)');
  say(table([
    ['figure', 'runs', 'median', 'min', 'max', 'file'],
    ['Word, full built-in report, first use', office.word.first.n, ms(office.word.first.median), ms(office.word.first.min), ms(office.word.first.max), office.word.bytes],
    ['Word, the same again (module loaded)', office.word.again.n, ms(office.word.again.median), ms(office.word.again.min), ms(office.word.again.max), office.word.bytes],
    [`Excel, ${office.excel.reports} desk files, first use`, office.excel.first.n, ms(office.excel.first.median), ms(office.excel.first.min), ms(office.excel.first.max), office.excel.bytes],
  ]));
  say(`   budgets: Word ≤ ${BUDGET.wordMs} ms → ${results.verdicts.word}; Excel ≤ ${BUDGET.excelMs} ms → ${results.verdicts.excel}`);
  say();
  if (errors.length) say(`Page errors seen (${errors.length}): ${errors.slice(0, 5).join(' | ')}`);
  say(`Figures written to bench/out/results.json (${results.durationS} s).`);
  console.log(out.join('\n'));
}

try {
  await main();
} catch (e) {
  console.error(`bench: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
