// The main journeys written once against the driver interface of adapter.js,
// so that they run unchanged in Playwright's Chromium (shared.spec.js) and in
// Firefox ESR through puppeteer-core (firefox.mjs). Assertions are plain
// node:assert or adapter `until` polls: each one fails when the app is wrong.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import { until } from './adapter.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const checklist = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/builtin-checklist.json'), 'utf8'));
export const sections = checklist.parts.flatMap((p) => p.groups);
export const items = sections.flatMap((g) => g.items);
export const LABEL = { done: '已落实', partial: '部分落实', not_done: '未落实', not_applicable: '不适用' };
const KEY = { 1: 'done', 2: 'partial', 3: 'not_done', 4: 'not_applicable' };
export const SAMPLE = path.join(ROOT, 'docs/sample-report.json');
export const STANDALONE = path.join(ROOT, 'dist/selfcheck-standalone.html');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-journey-'));

/** The 自查年度 a new assessment defaults to: last year until the end of March. */
export function defaultYear(now = new Date()) {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

export function digestOf(report) {
  const { integrity, ...rest } = report;
  return crypto.createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex');
}

/** Schema (ajv) and digest (canonicalize + node:crypto) of a downloaded report, as tests/schema/validate.mjs does. */
export function checkReportFile(file) {
  let out;
  try {
    out = execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`validate.mjs rejected ${file}:\n${e.stdout}`);
  }
  assert.ok(out.includes(`ok`) && !out.includes('not ok'), out);
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(digestOf(report), report.integrity.digest, 'digest recomputed in Node');
  return report;
}

export const article = (d, item) => d.role('article', item.duty.zh);
// A step's heading is the page's h1; the print toolbar's 打印预览 is an h2 under the report's h1.
const stepHeading = (d, name) => d.role('heading', name, undefined, { level: 1 });
const heading2 = (d, name) => d.role('heading', name, undefined, { level: 2 });
const nav = (d) => d.role('navigation', '自查步骤');
const visible = (what, el) => until(what, () => el.visible(), (v) => v === true);
const navButton = (d, re) => d.role('button', re, nav(d));

export async function createAssessment(d, unit, url = '/') {
  await d.goto(url);
  await d.role('button', '新建自查').click();
  await d.field('单位名称').fill(unit);
  await d.field('第一责任人姓名').fill('李明');
  await d.field('第一责任人职务').fill('镇长');
  await d.field('填报人').fill('王芳');
  await d.role('button', '开始自查').click();
  await visible('the first section', stepHeading(d, sections[0].title.zh));
}

export async function answer(d, item, status, note = '') {
  const c = article(d, item);
  await d.role('radio', LABEL[status], c).check();
  if (note) await d.field('情况说明', c).fill(note);
  if (status === 'partial' || status === 'not_done') {
    await d.field('存在问题', c).fill('制度执行不到位');
    await d.field('措施', c).fill('完善制度并按季度检查');
    await d.field('责任人', c).fill('张伟');
    await d.field('完成时限', c).fill('2027-06-30');
  }
  if (status === 'not_applicable') await d.field('不适用理由', c).fill('本年度无此类事项');
}

export async function goToSection(d, i) {
  const esc = sections[i].title.zh.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await navButton(d, new RegExp(`^${esc}`)).click();
  await visible(`section ${i}`, stepHeading(d, sections[i].title.zh));
}

export async function waitSaved(d) {
  await until('the save indicator', () => d.role('status').texts(), (t) => t.some((x) => x.includes('已自动保存')));
}

export async function expectChecked(d, item, status) {
  await until(`${item.id} answered ${status}`, () => d.role('radio', LABEL[status], article(d, item)).checked(), (v) => v === true);
}

// --- the journeys ------------------------------------------------------------

const MOUSE = ['done', 'done', 'partial', 'done', 'not_done', 'done', 'not_applicable', 'done'];
const KEYS = ['1', '3', '4', '2']; // section 1 by keyboard: 已落实, 未落实, 不适用, 部分落实
const noteOf = (i) => (i % 3 === 0 ? `第${i + 1}项情况说明：已建立制度并公布` : '');

/**
 * Create, one section by mouse and one by keyboard, autosave and reload, the
 * finish list, the results, the JSON (schema + digest), reopened from the file.
 */
export async function walk(d) {
  const errors = [];
  d.onErrors(errors);
  const dir = tmp();
  await createAssessment(d, '青山镇人民政府');
  const mouse = sections[0].items;
  assert.equal(mouse.length, MOUSE.length);
  for (let i = 0; i < mouse.length; i++) await answer(d, mouse[i], MOUSE[i], noteOf(i));

  await goToSection(d, 1);
  const keyed = sections[1].items;
  for (let i = 0; i < keyed.length; i++) {
    // Tab to the item's answers, then press its key.
    let reached = false;
    for (let guard = 0; guard < 60 && !reached; guard++) {
      await d.press('Tab');
      reached = await d.eval((id) => {
        const el = document.activeElement;
        return !!el && el.type === 'radio' && el.closest('article').dataset.itemId === id;
      }, keyed[i].id);
    }
    assert.ok(reached, `Tab reaches the answers of ${keyed[i].id}`);
    await d.press(KEYS[i]);
  }
  for (let i = 0; i < keyed.length; i++) await expectChecked(d, keyed[i], KEY[KEYS[i]]);
  await waitSaved(d);

  // Reload: the same step, every answer.
  await d.reload();
  await visible('section 1 after reload', stepHeading(d, sections[1].title.zh));
  for (let i = 0; i < keyed.length; i++) await expectChecked(d, keyed[i], KEY[KEYS[i]]);
  await goToSection(d, 0);
  for (let i = 0; i < mouse.length; i++) {
    await expectChecked(d, mouse[i], MOUSE[i]);
    if (noteOf(i)) assert.equal(await d.field('情况说明', article(d, mouse[i])).value(), noteOf(i));
  }
  assert.equal(await d.field('责任人', article(d, mouse[4])).value(), '张伟');
  assert.equal(await d.field('不适用理由', article(d, mouse[6])).value(), '本年度无此类事项');

  // 检查并完成: every unanswered item, and the three keyed answers that still need follow-ups.
  await navButton(d, /^检查并完成/).click();
  await visible('the finish step', stepHeading(d, '检查并完成'));
  const answered = new Set(mouse.map((x) => x.id).concat(keyed[0].id));
  const expected = items.filter((x) => !answered.has(x.id)).map((x) => x.id);
  const listed = await until('the finish list', () => d.css('.issue-list li').attrs('data-issue-item'),
    (ids) => ids.length === expected.length);
  assert.deepEqual(new Set(listed), new Set(expected));
  await until('the count of issues', () => d.role('status').texts(),
    (t) => t.some((x) => x.includes(`还有 ${expected.length} 处需要补充或修改`)));

  // 自查结果: counts by answer.
  await d.role('button', '查看自查结果').click();
  await visible('the results', stepHeading(d, '自查结果'));
  const all = MOUSE.concat(KEYS.map((k) => KEY[k]));
  const count = (s) => all.filter((x) => x === s).length;
  const cells = await until('the totals row', () => d.css('.summary-table tfoot td').texts(), (t) => t.length >= 8);
  assert.deepEqual(cells.slice(3, 8).map((t) => t.trim()),
    [count('done'), count('partial'), count('not_done'), count('not_applicable'), items.length - all.length].map(String));

  // The JSON: file name, schema, digest, content.
  const file = await d.download(() => d.role('button', '下载自查报告（JSON）').click(), dir);
  const year = defaultYear();
  assert.equal(path.basename(file), `${year}年青山镇人民政府法治政府建设第一责任人履职自查.json`);
  const text = fs.readFileSync(file, 'utf8');
  const report = checkReportFile(file);
  const byId = new Map(report.answers.map((a) => [a.item_id, a]));
  mouse.forEach((x, i) => {
    assert.equal(byId.get(x.id).status, MOUSE[i], x.id);
    assert.equal(byId.get(x.id).notes, noteOf(i), x.id);
  });
  keyed.forEach((x, i) => assert.equal(byId.get(x.id).status, KEY[KEYS[i]], x.id));
  assert.equal(byId.get(mouse[2].id).rectification.due, '2027-06-30');
  assert.equal(byId.get(items[20].id).status, null);

  // 打开自查报告文件: the same unit and year exists, keep both; it downloads byte-identical.
  await d.role('button', '返回首页').click();
  await d.field('选择报告文件…').setFiles(file);
  const dialog = d.role('alertdialog');
  await until('the replace-or-keep question', () => dialog.text(), (t) => t.includes('本机已有“青山镇人民政府”'));
  await d.role('button', '两份都保留', dialog).click();
  await visible('the reopened results', stepHeading(d, '自查结果'));
  const again = await d.download(() => d.role('button', '下载自查报告（JSON）').click(), tmp());
  assert.equal(fs.readFileSync(again, 'utf8'), text, 'the reopened report downloads byte-identical');
  await d.role('button', '返回首页').click();
  await until('two drafts listed', () => d.role('row', /青山镇人民政府/).count(), (n) => n === 2);
  assert.deepEqual(errors, []);
}

/** The printed report as PDF, read back with pdftotext; the QR code read back with zbarimg. */
export async function print(d) {
  const dir = tmp();
  const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
  await d.goto('/');
  await d.field('选择报告文件…').setFiles(SAMPLE);
  await visible('the results', stepHeading(d, '自查结果'));
  await d.role('button', '打印预览').click();
  const doc = d.role('article', '打印预览');
  await until('the report title', () => d.role('heading', undefined, doc, { level: 1 }).text(),
    (t) => t === 'X县青山镇人民政府2026年度法治政府建设第一责任人履职情况自查报告');
  const pdf = path.join(dir, 'report.pdf');
  await d.pdf(pdf);
  const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const flat = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  // A4 portrait is 595 x 842 pt.
  assert.ok(Math.abs(Number(size[1]) - 595) < 2 && Math.abs(Number(size[2]) - 842) < 2, `A4 page, got ${size[0]}`);
  assert.ok(pages >= 2, `more than one page (${pages})`);
  assert.ok(flat.includes('X县青山镇人民政府'));
  for (const item of items) assert.ok(flat.includes(item.duty.zh.replace(/\s+/g, '')), item.id);
  const short = sample.integrity.digest.slice(0, 16);
  const times = flat.split(short).length - 1;
  if (d.caps.pageMarginBoxes) {
    // Every page's footer: the fingerprint and "— N —" (CSS @page margin boxes).
    assert.ok(times >= pages, `the fingerprint on each of ${pages} pages (found ${times})`);
    assert.match(layout, /—\s*1\s*—/);
    assert.match(layout, new RegExp(`—\\s*${pages}\\s*—`));
  } else {
    // No margin boxes in this browser: the fingerprint is in the body (basic information and closing block).
    assert.ok(times >= 2, `the fingerprint in the report body (found ${times})`);
    console.log(`# ${d.name}: no @page margin boxes — ${pages} pages printed without the "— N —" and fingerprint footers`);
  }
  // Only the report prints, never the app around it.
  for (const chrome of ['自查步骤', '返回首页', '下载草稿', '打印 / 另存为 PDF']) {
    assert.ok(!flat.includes(chrome.replace(/\s+/g, '')), `the app's "${chrome}" is not printed`);
  }
  const png = path.join(dir, 'qr.png');
  await d.css('.qr svg', doc).screenshot(png);
  const decoded = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
  assert.ok(decoded.includes(`sha256=${sample.integrity.digest}`), decoded);
}

/** The single-file edition from file://: start, answer, autosave, download, print, reopen. */
export async function singleFile(d) {
  const errors = [];
  d.onErrors(errors);
  const url = `file://${STANDALONE}`;
  await d.goto(url);
  await d.role('button', '新建自查').click();
  await d.field('单位名称').fill('U盘镇人民政府');
  await d.field('第一责任人姓名').fill('赵强');
  await d.field('第一责任人职务').fill('镇长');
  await d.role('button', '开始自查').click();
  await answer(d, sections[0].items[0], 'partial', '单文件版中填写');
  await waitSaved(d);
  const file = await d.download(() => d.role('button', '下载草稿').click(), tmp());
  const report = checkReportFile(file);
  assert.equal(report.unit.name, 'U盘镇人民政府');
  assert.equal(report.answers[0].notes, '单文件版中填写');
  await navButton(d, /^打印预览/).click();
  await until('the print title', () => d.role('heading', undefined, d.role('article', '打印预览'), { level: 1 }).text(),
    (t) => t.includes('U盘镇人民政府'));
  const pdf = path.join(tmp(), 'single.pdf');
  await d.pdf(pdf);
  assert.ok(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '').includes('U盘镇人民政府'));
  // Opening the same file again finds the draft where it was left.
  const again = await d.newPage();
  await d.close();
  await again.goto(url);
  await visible('the print preview again', heading2(again, '打印预览'));
  await goToSection(again, 0);
  assert.equal(await again.field('情况说明', article(again, sections[0].items[0])).value(), '单文件版中填写');
  assert.deepEqual(errors, []);
}

/** What localStorage holds for the first item's 情况说明 of the only draft (read in the page). */
const storedNote = (d, id) => d.eval((itemId) => {
  const k = Object.keys(localStorage).find((x) => x.startsWith('selfcheck.draft.'));
  const a = k && JSON.parse(localStorage.getItem(k)).assessment.answers[itemId];
  return a ? a.notes : null;
}, id);

const paused = async (d) => (await d.role('status').texts()).some((t) => t.includes('自动保存已暂停'));

/** Types a note in the first item and waits until it is stored (saving is not paused). */
async function typeAndSave(d, note, { alone = true } = {}) {
  const first = sections[0].items[0];
  await visible('the draft reopened', article(d, first));
  await d.field('情况说明', article(d, first)).fill(note);
  await until(`"${note}" stored`, () => storedNote(d, first.id), (v) => v === note);
  await waitSaved(d);
  assert.equal(await paused(d), false, `paused after: ${note}`);
  if (alone) {
    assert.equal((await d.role('alert').texts()).some((t) => t.includes('另一个窗口')), false, `a false two-tab warning: ${note}`);
  }
}

/**
 * Issue 23, the tab guard: the address typed again, a reload, the tab closed
 * and opened again at once — never paused, nothing lost; a real second tab
 * is detected, and when the tab holding the draft closes the other resumes.
 */
export async function tabGuard(d) {
  const errors = [];
  d.onErrors(errors);
  const first = sections[0].items[0];
  await createAssessment(d, '白云乡人民政府');
  await answer(d, first, 'done', '新建后填写');
  await waitSaved(d);
  for (let i = 1; i <= 3; i++) {
    await d.goto('/');
    await typeAndSave(d, `第${i}次重新输入地址后填写`);
  }
  for (let i = 1; i <= 3; i++) {
    await d.reload();
    await typeAndSave(d, `第${i}次刷新后填写`);
  }
  let page = d;
  for (let i = 1; i <= 2; i++) {
    const again = await page.newPage();
    await page.close();
    await again.goto('/');
    await typeAndSave(again, `第${i}次关闭标签页后立即重新打开`);
    page = again;
  }
  // A real second tab: it pauses and says so in the top bar; the holder keeps saving.
  const second = await page.newPage();
  await second.goto('/');
  await until('the second tab paused', () => paused(second), (v) => v === true);
  await until('the two-tab warning', async () => (await second.role('alert').texts()).join(' '),
    (t) => t.includes('已在另一个窗口或标签页中打开'));
  // The top bar says so where 已自动保存 stands, and stays in view while the page scrolls.
  await second.eval(() => window.scrollTo(0, document.body.scrollHeight));
  await until('the paused top bar in view', () => second.eval(() => {
    const bar = document.querySelector('.topbar');
    return [Math.round(bar.getBoundingClientRect().top), window.scrollY > 200, bar.textContent.includes('改在本窗口保存')];
  }), ([top, scrolled, way]) => top === 0 && scrolled && way);
  await second.field('情况说明', article(second, first)).fill('第二个窗口暂停时填写');
  await until('the holder told', async () => (await page.role('alert').texts()).join(' '),
    (t) => t.includes('在另一个窗口或标签页中也已打开'));
  // Reloading the window that holds the draft keeps it there; the paused one stays paused.
  await page.reload();
  await typeAndSave(page, '持有草稿的窗口刷新后继续保存', { alone: false });
  assert.equal(await paused(second), true, 'the paused window stays paused while the holder reloads');
  await typeAndSave(page, '持有草稿的窗口继续保存', { alone: false });
  await second.eval(() => new Promise((r) => setTimeout(r, 800)));
  assert.equal(await storedNote(second, first.id), '持有草稿的窗口继续保存', 'the paused tab wrote nothing');
  // The second tab saves from here: now the first pauses.
  await second.role('button', '改在本窗口保存').click();
  try {
    await until('the second tab stored its text', () => storedNote(second, first.id), (v) => v === '第二个窗口暂停时填写');
  } catch (e) {
    console.log('tab guard state, second', JSON.stringify(await second.role('status').texts()), JSON.stringify(await second.role('alert').texts()), await second.field('情况说明', article(second, first)).value());
    console.log('tab guard state, page', JSON.stringify(await page.role('status').texts()), JSON.stringify(await page.role('alert').texts()), await page.field('情况说明', article(page, first)).value());
    console.log('tab guard state, ls', await second.eval(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.startsWith('selfcheck.draft')))));
    throw e;
  }
  await until('the first tab paused', () => paused(page), (v) => v === true);
  // The second tab closes: the first resumes by itself with what the second saved, and saves again.
  await second.close();
  await until('the first tab resumed', async () => (await page.role('alert').texts()).join(' '),
    (t) => t.includes('另一窗口已关闭'), 20_000);
  assert.equal(await paused(page), false);
  assert.equal(await page.field('情况说明', article(page, first)).value(), '第二个窗口暂停时填写');
  await typeAndSave(page, '另一窗口关闭后继续填写', { alone: false });
  assert.deepEqual(errors, []);
}

/** The reviewer desk on a generated set: counts, tables and fingerprint verdicts. */
export function desk(set, valid, { webCrypto = true, url = '/' } = {}) {
  return async (d) => {
    if (!webCrypto) {
      // As on a plain-HTTP intranet address: no crypto.subtle, the desk hashes in WebAssembly.
      await d.initScript(() => {
        Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
      });
    }
    const files = fs.readdirSync(set).map((f) => path.join(set, f));
    assert.equal(files.length, valid + 10);
    await d.goto(url);
    assert.equal(await d.eval(() => typeof crypto.subtle), webCrypto ? 'object' : 'undefined');
    await d.role('button', '进入汇总审阅').click();
    await d.field('选择报告文件（可多选）…').setFiles(files);
    await until('the desk counts', () => d.css('[data-testid="desk-counts"]').text(),
      (t) => t.includes(`共${valid + 10}份文件：采用${valid + 5}份，未采用5份（无效3份，被取代2份），需关注8份`), 60_000);
    await d.role('tab', '单位一览').click();
    await until('the units table', () => d.css('.units-table tbody tr').count(), (n) => n === valid + 3);
    assert.equal(await d.css('.units-table td.fp-bad').count(), 3);
    assert.equal(await d.css('.units-table td.fp-ok').count(), valid);
    await d.role('tab', /问题文件/).click();
    await until('the problem files', () => d.css('.problems tbody tr').count(), (n) => n === 8);
    assert.equal(await d.css('.problems tr.rejected').count(), 3);
    await d.role('tab', /多份报告/).click();
    await until('the units with several reports', () => d.css('section.slot').count(), (n) => n === 2);
  };
}
