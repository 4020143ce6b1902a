// Word and Excel from the browser: the office module (src/bin/office.rs) is
// fetched only on the first Word or Excel download or when the drafts are asked for; the files it writes are
// read back by python-docx and openpyxl (target/py, installed by
// scripts/setup.sh), never by the app's own code; a module that cannot be
// loaded is said so and changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = path.join(ROOT, 'docs/sample-report.json');
const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
const SMALL = path.join(ROOT, 'target/desk-set-small');
const PYTHON = path.join(ROOT, 'target/py/bin/python');
const isOffice = (url) => /\/office-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url);
const isSheets = (url) => /\/sheets-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url);

async function saveDownload(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'office-')), d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** What python-docx reads in a .docx: page and margins (mm), headings, paragraphs, tables' rows. */
function readDocx(file) {
  return JSON.parse(execFileSync(PYTHON, ['-c', `
import json, sys, docx
d = docx.Document(sys.argv[1])
s = d.sections[0]
mm = lambda v: round(v.mm)
print(json.dumps({
  "page": [mm(s.page_width), mm(s.page_height)],
  "margins": [mm(s.top_margin), mm(s.left_margin), mm(s.bottom_margin), mm(s.right_margin)],
  "text": [p.text for p in d.paragraphs],
  "rows": [len(t.rows) for t in d.tables],
  "footer": " ".join(p.text for p in s.footer.paragraphs),
}, ensure_ascii=False))
`, file], { encoding: 'utf8' }));
}

async function openSample(page) {
  await page.goto('/');
  await page.getByLabel('选择报告文件…').first().setInputFiles(SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
}

test('the report and both drafts as Word, from the office module fetched on the first click', async ({ page }) => {
  test.setTimeout(120_000);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await openSample(page);
  expect(fetched.filter(isOffice)).toEqual([]);

  const report = await saveDownload(page, () => page.getByRole('button', { name: '下载自查报告（Word）' }).first().click());
  expect(path.basename(report)).toBe(`${sample.year}年${sample.unit.name}法治政府建设第一责任人履职自查报告.docx`);
  expect(fetched.filter(isOffice).length).toBe(2);
  const r = readDocx(report);
  expect(r.page).toEqual([210, 297]);
  expect(r.margins).toEqual([37, 28, 35, 26]);
  expect(r.text.join('\n')).toContain(sample.unit.name);
  // One table row per item, besides the tables' header rows.
  const items = sample.answers.length;
  expect(r.rows.reduce((a, b) => a + b, 0)).toBeGreaterThan(items);
  expect(r.footer).toContain(sample.integrity.digest.slice(0, 16));

  // The drafts' prose comes from the same module, already loaded.
  await page.getByRole('button', { name: '生成年度报告草稿和述法草稿' }).click();
  await expect(page.getByRole('region', { name: '年度法治政府建设情况报告（草稿）' })).toBeVisible();
  const annual = readDocx(await saveDownload(page, () => page.getByRole('button', { name: '下载年度报告草稿（Word）' }).click()));
  const parts = ['上一年度推进法治政府建设的主要举措和成效', '存在的不足和原因', '党政主要负责人履行推进法治建设第一责任人职责',
    '下一年度主要安排', '其他需要报告的情况'];
  const at = parts.map((p) => annual.text.findIndex((t) => t.includes(p)));
  expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(annual.text.join('')).not.toContain('是否');
  const head = readDocx(await saveDownload(page, () => page.getByRole('button', { name: '下载述法草稿（Word）' }).click()));
  expect(head.text.join('\n')).toContain('述法');
  // The office module was fetched once, for the drafts and the three documents; the Excel writer never.
  expect(fetched.filter(isOffice).length).toBe(2);
  expect(fetched.filter(isSheets)).toEqual([]);
});

test.describe('as on a first visit, with no service worker', () => {
  test.use({ serviceWorkers: 'block' });
  test('an office module that cannot be loaded says so, and the JSON download still works', async ({ page }) => {
    await page.route(/\/office-[0-9a-f]+\.js$/, (route) => route.abort('internetdisconnected'));
    await openSample(page);
    await page.getByRole('button', { name: '下载自查报告（Word）' }).first().click();
    await expect(page.getByRole('alert').filter({ hasText: '生成文件失败' })).toContainText('草稿未受影响');
    await page.getByRole('button', { name: '生成年度报告草稿和述法草稿' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '生成草稿失败' })).toContainText('自查内容未受影响');
    await expect(page.getByRole('button', { name: '生成年度报告草稿和述法草稿' })).toBeEnabled();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自查报告（JSON）' }).click()]);
    expect(d.suggestedFilename()).toMatch(/\.json$/);
  });
});

test('the reviewer desk as an Excel workbook, read back by openpyxl', async ({ page }) => {
  test.setTimeout(120_000);
  // The Excel writer is a module of its own, fetched on the desk's first workbook;
  // the Word writer is not fetched for it.
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(fs.readdirSync(SMALL).map((f) => path.join(SMALL, f)));
  await expect(page.getByTestId('desk-counts')).toContainText('共20份文件');
  const file = await saveDownload(page, () => page.getByRole('button', { name: '导出 Excel 工作簿' }).click());
  expect(file).toMatch(/汇总审阅\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(fetched.filter(isSheets).length).toBe(2);
  expect(fetched.filter(isOffice)).toEqual([]);
  const wb = JSON.parse(execFileSync(PYTHON, ['-c', `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
u = wb["单位一览"]
rows = list(u.iter_rows(min_row=2, values_only=True))
print(json.dumps({"sheets": wb.sheetnames, "frozen": u.freeze_panes, "units": len(rows),
                  "scores": [type(r[5]).__name__ for r in rows]}, ensure_ascii=False))
`, file], { encoding: 'utf8' }));
  expect(wb.sheets).toEqual(['单位一览', '履职矩阵', '整改跟踪', '问题文件']);
  expect(wb.frozen).toBe('B2');
  await page.getByRole('tab', { name: /^单位一览/ }).click();
  const shown = await page.locator('.units-table tbody tr').count();
  expect(shown).toBeGreaterThan(5);
  expect(wb.units).toBe(shown);
  expect(new Set(wb.scores)).toEqual(new Set(['float']));
});
