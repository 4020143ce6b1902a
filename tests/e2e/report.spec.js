// Reports out and in: the JSON download checked by independent tools, reopening,
// the printed report read back from its PDF and QR code, bad files, carrying
// last year forward and the annual-report helper.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import { items, createAssessment, answer, sections, goToSection, defaultYear } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = path.join(ROOT, 'docs/sample-report.json');
const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
const CORPUS = path.join(ROOT, 'tests/corpus');

async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-')), d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

function digestOf(report) {
  const { integrity, ...rest } = report;
  return crypto.createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex');
}

const openFile = (page, file) => page.getByLabel('选择报告文件…').first().setInputFiles(file);

test('the downloaded JSON passes independent checks and reopens as the same assessment', async ({ page }) => {
  await createAssessment(page, '金沙县司法局');
  await answer(page, sections[0].items[0], 'done', '已建立重大事项合法性审查制度');
  await answer(page, sections[0].items[1], 'partial');
  const c = page.getByRole('article', { name: sections[0].items[2].duty.zh, exact: true });
  await c.getByRole('radio', { name: '不适用' }).check();
  await c.getByLabel('不适用理由').fill('本年度无重大行政决策');
  await c.getByRole('button', { name: '添加材料' }).click();
  await c.getByLabel('材料名称').fill('说明材料');
  await c.getByLabel('文号').fill('金司发〔2026〕1号');
  await goToSection(page, 3);
  const file = await download(page, () => page.getByRole('button', { name: '下载草稿' }).click());
  const year = defaultYear();
  expect(path.basename(file)).toBe(`${year}年金沙县司法局法治政府建设第一责任人履职自查.json`);
  const text = fs.readFileSync(file, 'utf8');
  const report = JSON.parse(text);
  // Independent JSON Schema validation (ajv) and digest (Node) of the downloaded file.
  const out = execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' });
  expect(out).not.toContain('not ok');
  expect(digestOf(report)).toBe(report.integrity.digest);
  expect(report.answers.find((a) => a.item_id === sections[0].items[2].id).evidence[0].doc_number).toBe('金司发〔2026〕1号');

  await page.getByRole('button', { name: '返回首页' }).click();
  await openFile(page, file);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('本机已有“金沙县司法局”');
  await dialog.getByRole('button', { name: '两份都保留' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  const again = await download(page, () => page.getByRole('button', { name: '下载自查报告（JSON）' }).click());
  expect(fs.readFileSync(again, 'utf8')).toBe(text);
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('row', { name: /金沙县司法局/ })).toHaveCount(2);
  // Opening it once more and replacing keeps two.
  await openFile(page, file);
  await page.getByRole('alertdialog').getByRole('button', { name: '替换' }).click();
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('row', { name: /金沙县司法局/ })).toHaveCount(2);
});

test('the printed report carries the unit, every duty and the fingerprint, and its QR code decodes to the digest', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openFile(page, SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  await page.getByRole('button', { name: '打印预览' }).first().click();
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('X县青山镇人民政府2026年度法治政府建设第一责任人履职情况自查报告');
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-')), 'report.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  // -raw keeps each table cell's lines together, in drawing order.
  const flat = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(flat).toContain('X县青山镇人民政府');
  for (const item of items) {
    expect(flat, item.id).toContain(item.duty.zh.replace(/\s+/g, ''));
  }
  const digest = sample.integrity.digest;
  expect(flat).toContain(digest.slice(0, 16));
  expect(text).toMatch(/—\s*1\s*—/);
  expect(text).toMatch(/—\s*2\s*—/);
  expect(flat).toContain('2027年6月30日');
  const png = path.join(path.dirname(pdf), 'qr.png');
  await page.emulateMedia({ media: 'screen' });
  await doc.locator('.qr svg').screenshot({ path: png });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
  expect(decoded).toContain(`sha256=${digest}`);
  expect(decoded).toContain('unit=X县青山镇人民政府');
  expect(decoded).toContain('year=2026');
});

test('text typed into any field prints as text, never as markup', async ({ page }) => {
  await page.goto('/');
  await openFile(page, path.join(CORPUS, 'reports/html-in-every-field.json'));
  await page.getByRole('button', { name: '打印预览' }).first().click();
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc).toContainText("<script>alert('x')</script><img src=x onerror=alert(1)>");
  expect(await doc.locator('script, img').count()).toBe(0);
});

const FRAGMENT = {
  Empty: '文件是空的', TooLarge: '文件过大', Binary: '这不是文本文件', NotUtf8: '不是 UTF-8 编码',
  NotJson: '不是有效的 JSON', Truncated: '文件不完整', TooDeep: '嵌套过深', NotAnObject: '最外层应为 JSON 对象',
  NotAReport: '这不是法治政府建设第一责任人履职自查报告', BadVersion: 'format_version', FutureVersion: '较新的格式版本',
  OldVersion: '不支持的报告格式版本', Field: '不符合报告格式', UnknownItem: '不存在的事项', DuplicateItem: '出现了不止一次',
  ScoreOutOfRange: '得分超出范围', TextTooLong: '文字过长', YearOutOfRange: '自查年度', UnknownChecklist: '不可用',
};

test('every bad file gets its own message and the current draft is untouched', async ({ page }) => {
  test.setTimeout(240_000);
  await createAssessment(page, '白马镇人民政府');
  await answer(page, sections[0].items[0], 'done', '不能丢失的内容');
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  const snapshot = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('selfcheck.draft.'))
    .map((k) => localStorage.getItem(k)));
  const before = await snapshot();
  expect(before).toHaveLength(1);
  const rows = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  let checked = 0;
  for (const [file, kind] of rows) {
    if (!FRAGMENT[kind]) continue;
    await openFile(page, path.join(CORPUS, 'reports', file));
    const alert = page.getByRole('alert').filter({ hasText: FRAGMENT[kind] });
    await expect(alert, `${file} → ${kind}`).toBeVisible();
    await alert.getByRole('button', { name: '知道了' }).click();
    await expect(alert).toHaveCount(0);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(55);
  // A 50 MB file is refused by its size before it is read.
  const huge = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-')), 'huge.json');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.getByLabel('选择报告文件…').first().setInputFiles(huge);
  await expect(page.getByRole('alert').filter({ hasText: '文件过大（50.0 MB）' })).toBeVisible();
  expect(await snapshot()).toEqual(before);
  // Still responsive: the draft opens with its content.
  await page.getByRole('button', { name: /^继续填写 白马镇人民政府/ }).click();
  await expect(page.getByRole('article', { name: sections[0].items[0].duty.zh, exact: true }).getByLabel('情况说明'))
    .toHaveValue('不能丢失的内容');
});

test('a tampered file opens with a clear warning and its content can be read', async ({ page }) => {
  await page.goto('/');
  await openFile(page, path.join(CORPUS, 'reports/tampered-notes.json'));
  await expect(page.getByRole('alert')).toContainText('文件内容与数字指纹不符，可能已被修改');
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  await goToSection(page, 0);
  await expect(page.getByRole('article', { name: items[1].duty.zh, exact: true }).getByLabel('情况说明'))
    .toHaveValue('事后修改的说明');
});

test('a report dropped on the start screen opens', async ({ page }) => {
  await page.goto('/');
  const bytes = fs.readFileSync(SAMPLE, 'utf8');
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'report.json', { type: 'application/json' }));
    return d;
  }, bytes);
  await page.dispatchEvent('[data-drop="file"]', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('[data-drop="file"]', 'drop', { dataTransfer: dt });
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  await expect(page.getByTestId('grade')).toHaveText(sample.summary.total.grade.zh);
});

test('starting from last year lists its rectifications to follow up, in the JSON and the print', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('选择报告文件…').nth(1).setInputFiles(SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '单位基本信息' })).toBeVisible();
  await expect(page.getByLabel('单位名称')).toHaveValue('X县青山镇人民政府');
  await expect(page.getByLabel('自查年度')).toHaveValue('2027');
  const promised = sample.answers.filter((a) => a.status === 'partial' || a.status === 'not_done');
  const rows = page.locator('[data-followup]');
  await expect(rows).toHaveCount(promised.length);
  const states = ['已完成', '推进中', '未启动'];
  for (let i = 0; i < promised.length; i++) {
    await rows.nth(i).getByRole('radio', { name: states[i % 3] }).check();
  }
  await rows.nth(0).getByLabel('说明').fill('已于2027年5月完成');
  const file = await download(page, () => page.getByRole('button', { name: '下载草稿' }).click());
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(report.year).toBe(2027);
  expect(report.follow_ups.map((f) => f.item_id)).toEqual(promised.map((a) => a.item_id));
  expect(report.follow_ups[0]).toMatchObject({ status: 'completed', note: '已于2027年5月完成', year: 2026 });
  expect(report.follow_ups[1].status).toBe('in_progress');
  expect(execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' })).not.toContain('not ok');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '打印预览' }).click();
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc.getByRole('heading', { name: '五、上年度整改落实情况' })).toBeVisible();
  await expect(doc).toContainText('已于2027年5月完成');
});

test('the annual-report and 述法 drafts are built from the answers, part by part, and copy', async ({ page }) => {
  await page.goto('/');
  await openFile(page, SAMPLE);
  await expect(page.getByRole('region', { name: '年度法治政府建设情况报告（草稿）' })).toHaveCount(0);
  await page.getByRole('button', { name: '生成年度报告草稿和述法草稿' }).click();
  const annual = page.getByRole('region', { name: '年度法治政府建设情况报告（草稿）' });
  await expect(annual.getByLabel('标题与开头')).toHaveValue(/^X县青山镇人民政府关于2026年度法治政府建设情况的报告\n【请补充：主送机关/);
  await expect(annual.getByLabel('一、上一年度推进法治政府建设的主要举措和成效'))
    .toHaveValue(/在以法治思维谋划工作方面，我镇推进改革、出台政策和部署重要工作严守规则/);
  const gaps = annual.getByLabel('二、存在的不足和原因');
  await expect(gaps).toHaveValue(/在以法治思维谋划工作方面，“重大行政决策严格执行风险评估程序[^”]*”的要求落实还不够到位，制度执行不到位，记录不完整/);
  for (const label of ['一、上一年度推进法治政府建设的主要举措和成效', '二、存在的不足和原因', '四、下一年度主要安排']) {
    await expect(annual.getByLabel(label)).not.toHaveValue(/是否|？/);
  }
  await expect(annual.getByLabel('四、下一年度主要安排'))
    .toHaveValue(/2027年6月30日前完成：一是完善制度，明确专人负责，按季度检查，由张伟（分管副镇长）负责；二是/);
  await expect(annual.getByLabel('五、其他需要报告的情况'))
    .toHaveValue('五、其他需要报告的情况\n【请补充：其他需要报告的情况；没有的，写“无”】\n\nX县青山镇人民政府\n【请补充：成文日期】');
  const head = page.getByRole('region', { name: '第一责任人述法报告（草稿）' });
  await expect(head.getByLabel('标题与开头')).toHaveValue(/^2026年度述法报告\nX县青山镇人民政府　镇长李明/);
  await expect(head.getByLabel('三、下一步打算')).toHaveValue(/^三、下一步打算\n下一步，本人将/);
  await annual.getByRole('button', { name: '复制全文' }).click();
  await expect(page.getByRole('button', { name: '已复制' })).toHaveCount(1);
  await head.getByRole('button', { name: '复制' }).first().click();
  await expect(head.getByRole('button', { name: '已复制' })).toHaveCount(1);
  await expect(annual.getByRole('button', { name: '复制全文' })).toBeVisible();
});
