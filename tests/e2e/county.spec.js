// The county Justice Bureau's own table: a 考核细则 loaded from .xlsx and from
// .csv, previewed, kept and answered in 0.1-point steps (scores such as 1.2);
// every broken table of the corpus refused with its messages; and the county
// edition (本县分发版) made in the browser, opened from file:// in a fresh
// profile with the network off, answered, its report read on the desk beside
// the hosted app's. Scores and fingerprints are computed here, independently
// of the app (canonicalize + node:crypto).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import AxeBuilder from '@axe-core/playwright';

const ROOT = new URL('../../', import.meta.url).pathname;
const JSON_DEF = path.join(ROOT, 'examples/county-checklist.json');
const XLSX = path.join(ROOT, 'examples/county-table.xlsx');
const CSV = path.join(ROOT, 'examples/county-table.csv');
const CORPUS = path.join(ROOT, 'tests/corpus/tables');
const county = JSON.parse(fs.readFileSync(JSON_DEF, 'utf8'));
const groups = county.parts.flatMap((p) => p.groups);
const items = groups.flatMap((g) => g.items);
const LOAD = '载入检查清单（表格或 JSON 文件）…';

const sha256 = (x) => crypto.createHash('sha256').update(x, 'utf8').digest('hex');
const fingerprint = (def) => sha256(canonicalize(def));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'county-'));

async function saveDownload(page, click, dir = tmp()) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** The executable inline scripts of a page: [the on-demand module it registers, or '', its text]. */
/** The modules a unit's edition leaves out: the bureau's tools and the desk's Excel writer. */
const BUREAU_ONLY = ['bureau', 'sheets'];
const inlineScripts = (html) => [...html.matchAll(/<script(?: type="module"(?: data-module="(\w+)")?)?>([\s\S]*?)<\/script>/g)]
  .map((m) => [m[1] || '', m[2]]);

const storedChecklists = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('selfcheck.checklist.')).sort());

/** The answers the journeys give: in tenths, with the deductions of the table. */
const ANSWERS = {
  '2.1': { status: 'partial', score: '1.2' }, // 1.5 points, one study session fewer: −0.3
  '2.2': { status: 'partial' }, // 1.2 points: default half, 0.6
  '2.4': { status: 'partial', score: '1.4' }, // 1.6 points, one absent: −0.2
  '4.5': { status: 'partial' }, // 2.3 points: half is 1.15, rounded up to 1.2
  '6.2': { status: 'not_done' },
  '5.3': { status: 'not_applicable' },
};

/** The total as a county officer computes it: tenths, not-applicable items out of the maximum. */
function expectedTotal() {
  let score = 0;
  let max = 0;
  for (const i of items) {
    const a = ANSWERS[i.id];
    const tenths = Math.round(i.points * 10);
    if (a?.status === 'not_applicable') continue;
    max += tenths;
    if (!a) score += tenths;
    else if (a.status === 'partial') score += a.score ? Math.round(Number(a.score) * 10) : Math.ceil(tenths / 2);
  }
  return { score: score / 10, max: max / 10, normalized: Math.round((score / max) * 10000) / 100 };
}

async function answerAll(page) {
  const LABEL = { partial: '部分落实', not_done: '未落实', not_applicable: '不适用' };
  for (let g = 0; g < groups.length; g++) {
    await expect(page.getByRole('heading', { level: 1, name: groups[g].title.zh })).toBeVisible();
    for (const item of groups[g].items) {
      const card = page.getByRole('article', { name: item.duty.zh, exact: true });
      const a = ANSWERS[item.id];
      if (!a) {
        await card.getByRole('radio', { name: '已落实' }).check();
        continue;
      }
      await card.getByRole('radio', { name: LABEL[a.status] }).check();
      if (a.status === 'not_applicable') {
        await card.getByLabel('不适用理由').fill('本单位无行政执法职能，未组织此项活动');
        continue;
      }
      await card.getByLabel('存在问题').fill('全年专题学法少一次');
      await card.getByLabel('措施').fill('制定学法计划，按月督促');
      await card.getByLabel('责任人').fill('张伟');
      await card.getByLabel('完成时限').fill('2027-06-30');
      const score = card.getByLabel(/^自评得分/);
      if (a.score) {
        await score.fill(a.score);
        await score.press('Tab');
        await expect(score).toHaveValue(a.score);
      }
    }
    await page.getByRole('button', { name: '下一步' }).click();
  }
}

async function startAssessment(page, unit, checklistLabel) {
  await page.getByRole('button', { name: '新建自查' }).click();
  if (checklistLabel) await page.getByLabel('检查清单', { exact: true }).selectOption({ label: checklistLabel });
  await page.getByLabel('单位名称').fill(unit);
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByRole('button', { name: '开始自查' }).click();
}

/** Answers, finishes and downloads; checks score and fingerprint independently. */
async function answerAndDownload(page, def) {
  await answerAll(page);
  await expect(page.getByText('全部事项已填写完整')).toBeVisible();
  await page.getByRole('button', { name: '查看自查结果' }).click();
  const want = expectedTotal();
  await expect(page.getByTestId('total-score')).toHaveText(String(want.normalized));
  const file = await saveDownload(page, () => page.getByRole('button', { name: '下载自查报告（JSON）' }).click());
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(report.summary.total.score).toBe(want.score);
  expect(report.summary.total.max).toBe(want.max);
  expect(report.summary.total.normalized).toBe(want.normalized);
  expect(report.score_step).toBe(0.1);
  const scoreOf = (id) => report.answers.find((a) => a.item_id === id).score;
  expect([scoreOf('2.1'), scoreOf('2.2'), scoreOf('2.4'), scoreOf('4.5')]).toEqual([1.2, 0.6, 1.4, 1.2]);
  // The checklist is named by its fingerprint, which is that of the definition.
  expect(report.checklist.sha256).toBe(fingerprint(def));
  expect(fingerprint(report.checklist_definition)).toBe(report.checklist.sha256);
  const { integrity, ...rest } = report;
  expect(integrity.digest).toBe(fingerprint(rest));
  expect(execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' })).not.toContain('not ok');
  return file;
}

async function audit(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${what}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(found, found.join('\n')).toEqual([]);
}

/** The county's tools are in the bureau's own module, opened from the start screen. */
async function openTools(page) {
  await page.getByRole('button', { name: '进入县司法局工具' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '县司法局工具：检查清单' })).toBeVisible();
}

/** From the tools back to the start screen. */
async function backToStart(page) {
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await expect(page.getByRole('button', { name: '新建自查' })).toBeVisible();
}

async function keepFromFile(page, file) {
  await page.getByLabel(LOAD).setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: `预览：${county.title.zh}` })).toBeVisible();
}

test('a county table from .xlsx: preview, keep, answer in tenths, download', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await openTools(page);
  await keepFromFile(page, XLSX);
  // The preview: totals per section as the county's table adds them, the whole checklist.
  const totals = page.getByRole('region', { name: '各方面分值' });
  await expect(totals).toContainText('共6个方面33项，满分100分，评分步长0.1分');
  for (const g of groups) {
    const sum = g.items.reduce((s, i) => s + Math.round(i.points * 10), 0) / 10;
    await expect(totals.getByRole('row', { name: new RegExp(g.title.zh.replace(/[（）]/g, '.')) })).toContainText(String(sum));
  }
  await expect(page.getByRole('listitem').filter({ hasText: items[6].duty.zh })).toContainText('扣0.3分');
  // The definition downloaded from the preview is the example's, byte for byte in content.
  const def = JSON.parse(fs.readFileSync(await saveDownload(page, () => page.getByRole('button', { name: '下载清单定义（JSON）' }).click()), 'utf8'));
  expect(fingerprint(def)).toBe(fingerprint(county));
  expect(await storedChecklists(page)).toEqual([]);
  await page.getByRole('button', { name: '保留此检查清单' }).click();
  await expect(page.getByRole('alert')).toContainText(`已载入检查清单“${county.title.zh}”（版本 2027.1，33项）`);
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('row', { name: new RegExp('2027\\.1') })).toHaveCount(1);
  await backToStart(page);

  await startAssessment(page, 'X县青山镇人民政府', `${county.title.zh}（2027.1）`);
  // The score field moves in tenths; 1.25 is refused, 1.2 taken.
  const card = page.getByRole('article', { name: items[0].duty.zh, exact: true });
  await card.getByRole('radio', { name: '部分落实' }).check();
  await expect(card.getByLabel(/^自评得分/)).toHaveAttribute('step', '0.1');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: /学法用法/ }).click();
  const study = page.getByRole('article', { name: items[6].duty.zh, exact: true });
  await study.getByRole('radio', { name: '部分落实' }).check();
  await expect(study.getByText('自评得分（0–1.5，默认0.8）')).toBeVisible();
  await study.getByLabel(/^自评得分/).fill('1.25');
  await study.getByLabel(/^自评得分/).press('Tab');
  await expect(study.getByText('自评得分应为0.1分的整数倍')).toBeVisible();
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: /组织领导/ }).click();
  await answerAndDownload(page, county);
});

test('a county table from .csv: the information entered, the same items, answered in tenths', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await openTools(page);
  await page.getByLabel(LOAD).setInputFiles(CSV);
  await expect(page.getByRole('heading', { level: 1, name: '预览：county-table.csv' })).toBeVisible();
  // A CSV has no sheet 清单信息: what is missing is said, the step the table needs is offered.
  const problems = page.getByRole('region', { name: '发现以下问题，全部改正后才能保留：' });
  await expect(problems).toContainText('清单信息「清单编号」：缺少检查清单编号（id）');
  await expect(page.getByLabel('评分步长')).toHaveValue('0.1');
  await expect(page.getByRole('button', { name: '保留此检查清单' })).toHaveCount(0);
  await page.getByLabel('清单标题').fill(county.title.zh);
  await page.getByLabel('清单编号').fill(county.id);
  await page.getByLabel('版本').fill(county.version);
  await page.getByLabel('满分').fill('100');
  await expect(problems).toHaveCount(0);
  const defFile = await saveDownload(page, () => page.getByRole('button', { name: '下载清单定义（JSON）' }).click());
  const def = JSON.parse(fs.readFileSync(defFile, 'utf8'));
  // The items are the county example's; only the information differs (no source or introduction).
  expect(def.parts).toEqual(county.parts);
  expect(def.score_step).toBe(0.1);
  await page.getByRole('button', { name: '保留此检查清单' }).click();
  await expect(page.getByRole('alert')).toContainText('33项');
  await page.getByRole('button', { name: '知道了' }).click();
  await backToStart(page);
  await startAssessment(page, 'X县绿水乡人民政府', `${county.title.zh}（2027.1）`);
  await answerAndDownload(page, def);
});

test('every broken table of the corpus gets its messages and changes nothing kept', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await openTools(page);
  const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  let checked = 0;
  for (const [file, expected] of manifest) {
    if (expected === 'OK') continue;
    await page.getByLabel(LOAD).setInputFiles(path.join(CORPUS, file));
    const problems = page.getByRole('region', { name: '发现以下问题，全部改正后才能保留：' });
    for (const message of expected.split(' ‖ ')) {
      // Sheet-less CSV problems name the checklist information the form lacks too; each expected one is listed.
      await expect(problems.getByRole('listitem').filter({ hasText: message }), `${file}: ${message}`).toHaveCount(1);
    }
    await expect(page.getByRole('button', { name: '保留此检查清单' })).toHaveCount(0);
    await page.getByRole('button', { name: '取消' }).click();
    await expect(page.getByText('尚未载入自定义检查清单。')).toBeVisible();
    expect(await storedChecklists(page)).toEqual([]);
    checked += 1;
  }
  expect(checked).toBeGreaterThanOrEqual(25);
  // The numbered ids are offered where ids are missing or repeated.
  await page.getByLabel(LOAD).setInputFiles(path.join(CORPUS, 'id-duplicate.xlsx'));
  await page.getByRole('button', { name: '自动生成编号（方面序号.事项序号）' }).click();
  await expect(page.getByText('编号已按“方面序号.事项序号”自动生成')).toBeVisible();
  await expect(page.getByRole('button', { name: '保留此检查清单' })).toBeVisible();
});

test('the template downloads, with one example row filling every column', async ({ page }) => {
  await page.goto('/');
  await openTools(page);
  const file = await saveDownload(page, () => page.getByRole('button', { name: '下载表格模板（Excel）' }).click());
  expect(path.basename(file)).toBe('检查清单表格模板.xlsx');
  expect(fs.readFileSync(file)).toEqual(fs.readFileSync(path.join(ROOT, 'examples/checklist-template.xlsx')));
  // Read back by openpyxl (scripts/setup.sh installs it into target/py).
  const out = execFileSync(path.join(ROOT, 'target/py/bin/python'), ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["考核细则"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
info = {r[0].value: r[1].value for r in wb["清单信息"].iter_rows(min_row=2) if r[0].value != "等次"}
print(json.dumps({"sheets": wb.sheetnames, "header": rows[0], "row": rows[1], "info": info}, ensure_ascii=False))
`, file], { encoding: 'utf8' });
  const t = JSON.parse(out);
  expect(t.sheets).toEqual(['考核细则', '清单信息', '填写说明']);
  expect(t.header).toEqual(['部分', '方面', '编号', '检查内容', '分值', '落实标准', '扣分规则', '佐证材料', '依据', '原文摘录']);
  expect(t.row.every((v) => v !== null && v !== '')).toBe(true);
  expect(t.row[4]).toBe(1.5);
  expect(t.info['评分步长']).toBe(0.1);
});

test('the county edition: made in the browser, opened from file:// offline in a fresh profile, its report on the desk', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await openTools(page);
  await keepFromFile(page, XLSX);
  await page.getByRole('button', { name: '保留此检查清单' }).click();
  await page.getByRole('button', { name: '知道了' }).click();
  await backToStart(page);
  // A report from the hosted app, all done, for the desk.
  await startAssessment(page, 'X县红岩镇人民政府', `${county.title.zh}（2027.1）`);
  for (const g of groups) {
    for (const item of g.items) {
      await page.getByRole('article', { name: item.duty.zh, exact: true }).getByRole('radio', { name: '已落实' }).check();
    }
    await page.getByRole('button', { name: '下一步' }).click();
  }
  await page.getByRole('button', { name: '查看自查结果' }).click();
  const dir = tmp();
  const hosted = await saveDownload(page, () => page.getByRole('button', { name: '下载自查报告（JSON）' }).click(), dir);
  await page.getByRole('button', { name: '返回首页' }).click();
  await openTools(page);

  // 生成本县分发版.
  await page.getByRole('button', { name: `生成本县分发版 ${county.title.zh}` }).click();
  await page.getByRole('button', { name: '生成并下载' }).click();
  await expect(page.getByText('请填写分发单位')).toBeVisible();
  await page.getByLabel('分发单位').fill('X县司法局');
  const editionFile = await saveDownload(page, () => page.getByRole('button', { name: '生成并下载' }).click(), dir);
  expect(path.basename(editionFile)).toBe(`${county.title.zh}（X县司法局分发版）.html`);
  await expect(page.getByRole('status').filter({ hasText: '已生成' })).toBeVisible();

  // Every executable inline script is allowed by its hash in the page's own CSP.
  const html = fs.readFileSync(editionFile, 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const scripts = inlineScripts(html).map(([, text]) => text);
  // The single file's scripts — the boot script, the app, each on-demand module —
  // but the bureau's: a unit's edition carries no reviewer desk, checklist tools
  // or Excel writer, and weighs at most 60% of the bureau's full single file.
  const single = fs.readFileSync(path.join(ROOT, 'dist/selfcheck-standalone.html'), 'utf8');
  expect(inlineScripts(html).map(([m]) => m)).toEqual(inlineScripts(single).map(([m]) => m).filter((m) => !BUREAU_ONLY.includes(m)));
  expect(BUREAU_ONLY.every((b) => inlineScripts(single).some(([m]) => m === b))).toBe(true);
  expect(html).not.toContain('bureau-wasm-base64');
  expect(html).not.toContain('sheets-wasm-base64');
  expect(html.length / single.length).toBeLessThanOrEqual(0.6);
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  for (const s of scripts) {
    expect(policy).toContain(`'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  }
  expect(html).toContain('<title>' + `${county.title.zh}（X县司法局分发版）`);

  // A fresh profile, the network off, the file opened by double-click (file://).
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, offline: true });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const unit = await context.newPage();
  const errors = [];
  unit.on('pageerror', (e) => errors.push(String(e)));
  unit.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await unit.goto(`file://${editionFile}`);
  await expect(unit.getByText(`本工具由X县司法局分发，内置检查清单《${county.title.zh}》（版本 2027.1，共33项），新建自查即使用该清单。`)).toBeVisible();
  // No bureau tools on a unit's start page.
  await expect(unit.getByRole('button', { name: '进入汇总审阅' })).toHaveCount(0);
  await expect(unit.getByRole('button', { name: '进入县司法局工具' })).toHaveCount(0);
  await unit.getByRole('button', { name: '新建自查' }).click();
  await expect(unit.getByLabel('检查清单', { exact: true })).toHaveCount(0);
  await unit.getByRole('button', { name: '取消' }).click();
  await startAssessment(unit, 'X县青山镇人民政府');
  const fromEdition = await answerAndDownload(unit, county);
  // Word from the edition (its office module is inlined), read back by python-docx.
  const word = await saveDownload(unit, () => unit.getByRole('button', { name: '下载自查报告（Word）' }).first().click(), dir);
  const docText = execFileSync(path.join(ROOT, 'target/py/bin/python'), ['-c',
    'import docx,sys; print(chr(10).join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', word], { encoding: 'utf8' });
  expect(docText).toContain('X县青山镇人民政府');
  // Autosaved: the draft is there after a reload, and it prints.
  await unit.reload();
  await expect(unit.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  await unit.getByRole('button', { name: '打印预览' }).first().click();
  await expect(unit.getByRole('article', { name: '打印预览' }).getByRole('heading', { level: 1 })).toContainText('X县青山镇人民政府');
  expect(await unit.evaluate(() => window.__csp)).toEqual([]);
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
  fs.renameSync(fromEdition, path.join(dir, 'edition-report.json'));

  // Identical in form to the hosted app's reports of that checklist.
  const a = JSON.parse(fs.readFileSync(hosted, 'utf8'));
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'edition-report.json'), 'utf8'));
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  expect(b.checklist).toEqual(a.checklist);
  expect(b.checklist_definition).toEqual(a.checklist_definition);

  // Both on the reviewer desk, in one group.
  await backToStart(page);
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles([hosted, path.join(dir, 'edition-report.json')]);
  await expect(page.getByTestId('desk-counts')).toContainText('共2份文件：采用2份，未采用0份（无效0份，被取代0份），需关注0份');
  await page.getByRole('tab', { name: '单位一览' }).click();
  const rows = page.locator('.units-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'X县青山镇人民政府' })).toContainText(String(expectedTotal().normalized));
  await expect(rows.filter({ hasText: 'X县红岩镇人民政府' })).toContainText('100');
});

test('the county tools pass the accessibility audit: preview with problems and form, kept list, edition form', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openTools(page);
  await page.getByLabel(LOAD).setInputFiles(path.join(CORPUS, 'csv-points-text.csv'));
  await expect(page.getByRole('region', { name: '发现以下问题，全部改正后才能保留：' })).toBeVisible();
  await audit(page, 'preview with problems');
  await page.getByRole('button', { name: '取消' }).click();
  await keepFromFile(page, XLSX);
  await audit(page, 'preview of a valid table');
  await page.getByRole('button', { name: '保留此检查清单' }).click();
  await page.getByRole('button', { name: `生成本县分发版 ${county.title.zh}` }).click();
  await page.getByRole('button', { name: '生成并下载' }).click();
  await expect(page.getByText('请填写分发单位')).toBeVisible();
  await audit(page, 'kept list and edition form');
});

test('the county edition made in the single file itself (from file://, no server)', async ({ browser }) => {
  test.setTimeout(120_000);
  const DIST = path.join(ROOT, 'dist');
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, offline: true });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${path.join(DIST, 'selfcheck-standalone.html')}`);
  await openTools(page);
  await keepFromFile(page, XLSX);
  await page.getByRole('button', { name: '保留此检查清单' }).click();
  await page.getByRole('button', { name: `生成本县分发版 ${county.title.zh}` }).click();
  await page.getByLabel('分发单位').fill('Y县司法局');
  await page.getByLabel('只提供本检查清单（不提供内置的通用清单）').uncheck();
  const file = await saveDownload(page, () => page.getByRole('button', { name: '生成并下载' }).click());
  // The single file with only its slot and title changed, and the bureau's modules left out.
  const single = fs.readFileSync(path.join(DIST, 'selfcheck-standalone.html'), 'utf8');
  const made = fs.readFileSync(file, 'utf8');
  expect(inlineScripts(made)).toEqual(inlineScripts(single).filter(([m]) => !BUREAU_ONLY.includes(m)));
  const wasm = (html) => html.match(/id="wasm-base64">([\s\S]*?)<\/script>/)[1].replace(/\s+/g, '');
  expect(wasm(made)).toBe(wasm(single));
  // Opened by a unit: the county's checklist by default, the built-in one still offered.
  const unit = await context.newPage();
  await unit.goto(`file://${file}`);
  await expect(unit.getByText(`本工具由Y县司法局分发，内置检查清单《${county.title.zh}》（版本 2027.1，共33项），新建自查时默认使用该清单。`)).toBeVisible();
  await unit.getByRole('button', { name: '新建自查' }).click();
  const choice = unit.getByLabel('检查清单', { exact: true });
  await expect(choice.locator('option:checked')).toHaveText(`${county.title.zh}（2027.1）`);
  await expect(choice.locator('option')).toHaveCount(2);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(await unit.evaluate(() => window.__csp)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a self-score the rule refuses is never counted: the section, the total, the print and the JSON use the default', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('载入检查清单文件…').setInputFiles(JSON_DEF);
  await page.getByRole('button', { name: '知道了' }).click();
  await startAssessment(page, 'X县白石镇人民政府', `${county.title.zh}（2027.1）`);
  const first = groups[0];
  for (const item of first.items) {
    await page.getByRole('article', { name: item.duty.zh, exact: true }).getByRole('radio', { name: '已落实' }).check();
  }
  // 4.45 at a 0.1 step on a 6-point item: refused, and the default (6) counts, said beside the field.
  const card = page.getByRole('article', { name: items[0].duty.zh, exact: true });
  expect(items[0].points).toBe(6);
  await card.getByLabel(/^自评得分/).fill('4.45');
  await card.getByLabel(/^自评得分/).press('Tab');
  await expect(card.getByText('自评得分应为0.1分的整数倍；此分值不计入得分，暂按默认得分6分计')).toBeVisible();
  await expect(card.getByLabel(/^自评得分/)).toHaveValue('4.45');
  // 自查结果: the first section has full marks, the total is that section's points (others unanswered).
  const full = first.items.reduce((s, i) => s + Math.round(i.points * 10), 0) / 10;
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: /^自查结果/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  await expect(page.getByTestId('total-score')).toHaveText(String(full));
  await expect(page.locator('.summary-table tbody tr:not(.part-row)').first()).toContainText(String(full));
  await expect(page.locator('main')).not.toContainText('4.45');
  const file = await saveDownload(page, () => page.getByRole('button', { name: '下载自查报告（JSON）' }).click());
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(report.summary.total.score).toBe(full);
  expect(report.summary.sections[0].tally.score).toBe(full);
  expect(report.answers.find((a) => a.item_id === items[0].id).score).toBe(6);
  expect(fs.readFileSync(file, 'utf8')).not.toContain('4.45');
  await page.getByRole('button', { name: '打印预览' }).first().click();
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(doc).not.toContainText('4.45');
  // The finish list names it, and 完成度 is not 100% while it does.
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: /^检查并完成/ }).click();
  await expect(page.locator('main')).toContainText('自评得分应为0.1分的整数倍');
});
