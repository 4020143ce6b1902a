// The reviewer desk (汇总审阅): a generated set of reports — valid, altered,
// invalid, corrected and of another checklist version — read, verified,
// compared and exported as CSV.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const SET = path.join(ROOT, 'target/desk-set');
// 70 files: more than one of the desk's chunks of 50, so results are matched to
// files across a chunk boundary (src/ui/desk.rs CHUNK).
const VALID = 60;

test.beforeAll(() => {
  if (!fs.existsSync(SET) || fs.readdirSync(SET).length === 0) {
    execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', SET, String(VALID)], { cwd: ROOT, stdio: 'inherit' });
  }
});

const files = () => fs.readdirSync(SET).map((f) => path.join(SET, f));

async function readDownload(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-')), d.suggestedFilename());
  await d.saveAs(out);
  return fs.readFileSync(out, 'utf8');
}

async function openDesk(page) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(files());
  await expect(page.getByTestId('desk-counts')).toContainText(COUNTS);
}

// 3 altered, 3 invalid and the 2 of a checklist not loaded need attention;
// the 2 corrections supersede the first reports of their units.
const COUNTS = `共${VALID + 10}份文件：采用${VALID + 5}份，未采用5份（无效3份，被取代2份），需关注8份。`;

/** Natural order, written here independently: digit runs compare as numbers. */
function natural(a, b) {
  const x = a.match(/\d+|\D+/g) || [];
  const y = b.match(/\d+|\D+/g) || [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    const c = /^\d/.test(p) && /^\d/.test(q) ? Number(p) - Number(q) : (p < q ? -1 : p > q ? 1 : 0);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

async function openUnits(page) {
  await openDesk(page);
  await page.getByRole('tab', { name: '单位一览' }).click();
}

test('reads the set, groups checklist versions, lists every problem file with its reason', async ({ page }) => {
  await openUnits(page);
  const group = page.getByLabel('检查清单版本');
  await expect(group.locator('option')).toHaveCount(2);
  const rows = page.locator('.units-table tbody tr');
  await expect(rows).toHaveCount(VALID + 3);
  await expect(page.locator('.units-table td.fp-bad')).toHaveCount(3);
  await group.selectOption({ index: 1 });
  await expect(rows).toHaveCount(2);
  await page.getByRole('tab', { name: /问题文件/ }).click();
  const problems = page.locator('.problems tbody tr');
  await expect(problems).toHaveCount(8);
  await expect(page.getByRole('tab', { name: '问题文件（8）' })).toBeVisible();
  await expect(page.locator('.problems tr.rejected')).toHaveCount(3);
  await expect(page.locator('.problems tr.flagged').filter({ hasText: '文件内容与数字指纹不符' })).toHaveCount(3);
  await expect(page.locator('.problems tr.flagged').filter({ hasText: '未在本机载入' })).toHaveCount(2);
  // The corrections: each unit's two reports, the later one used.
  await page.getByRole('tab', { name: '多份报告（2）' }).click();
  const slots = page.locator('section.slot');
  await expect(slots).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const rows = slots.nth(i).getByRole('row').filter({ has: page.getByRole('rowheader') });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('(1).json');
    await expect(rows.nth(0)).toContainText('采用');
    await expect(rows.nth(1)).toContainText('未采用');
    await expect(rows.nth(1)).toContainText('已按导出时间最晚且核验一致的规则采用');
  }
});

test('without WebCrypto (a plain-HTTP intranet address) the reports verify the same', async ({ page }) => {
  // On http://10.x.x.x the page is not a secure context and has no crypto.subtle;
  // the desk then hashes in WebAssembly. Same files, same verdicts.
  await page.addInitScript(() => {
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
  });
  await openUnits(page);
  expect(await page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  await expect(page.locator('.units-table tbody tr')).toHaveCount(VALID + 3);
  await expect(page.locator('.units-table td.fp-bad')).toHaveCount(3);
  await expect(page.locator('.units-table td.fp-ok')).toHaveCount(VALID);
});

test('the units table sorts and filters; a report opens read-only and 返回列表 keeps the list', async ({ page }) => {
  await openUnits(page);
  const scores = () => page.locator('.units-table tbody tr td:nth-child(6)').allTextContents();
  await page.getByRole('button', { name: /^得分/ }).click();
  // Sorted ascending, the reports left out of the figures (unverified) last.
  const inFigures = (await page.locator('.units-table tbody tr:not(.left-out) td:nth-child(6)').allTextContents()).map(Number);
  expect(inFigures).toEqual([...inFigures].sort((a, b) => a - b));
  const all = (await scores()).map(Number);
  expect(all.slice(0, inFigures.length)).toEqual(inFigures);
  await expect(page.locator('.units-table tbody tr.left-out')).toHaveCount(3);
  await expect(page.locator('.units-table tbody tr').last()).toHaveClass(/left-out/);
  await page.getByLabel('单位类型').selectOption({ label: '县直部门' });
  const types = await page.locator('.units-table tbody tr td:nth-child(2)').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['县直部门']));
  await page.getByLabel('单位类型').selectOption({ label: '全部' });
  await page.getByLabel('查找（单位、第一责任人、文件名）').fill('司法局');
  await expect(page.locator('.units-table tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: /^查看 .*司法局/ }).click();
  await expect(page.getByRole('article', { name: '打印预览' }).getByRole('heading', { level: 1 })).toContainText('司法局');
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('tab', { name: '单位一览' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('查找（单位、第一责任人、文件名）')).toHaveValue('司法局');
  await expect(page.locator('.units-table tbody tr')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^查看 .*司法局/ })).toBeFocused();
  await expect(page.getByTestId('desk-counts')).toContainText(COUNTS);
  // Ties sort by unit in natural order, whichever column.
  await page.getByLabel('查找（单位、第一责任人、文件名）').fill('');
  await page.getByRole('button', { name: /^单位类型/ }).click();
  await expect(page.locator('.units-table tbody tr')).toHaveCount(VALID + 3);
  // The reports in the figures; those left out follow them, sorted alike.
  const rows = await page.locator('.units-table tbody tr:not(.left-out)').evaluateAll((trs) =>
    trs.map((tr) => [tr.cells[1].textContent, tr.querySelector('th').firstChild.textContent]));
  expect(rows.length).toBe(VALID);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i][0] === rows[i - 1][0]) expect(natural(rows[i - 1][1], rows[i][1]), `${rows[i - 1][1]} ≤ ${rows[i][1]}`).toBeLessThanOrEqual(0);
  }
});

test('the duty matrix shows each unit per item with rates; a cell shows the answer', async ({ page }) => {
  await openDesk(page);
  await page.getByRole('tab', { name: '履职矩阵' }).click();
  await expect(page.locator('.matrix-table tbody tr')).toHaveCount(52);
  // The reports in the figures: the 3 altered ones are left out.
  await expect(page.locator('.matrix-table thead th.unit-col')).toHaveCount(VALID);
  const rate = await page.locator('.matrix-table tbody tr').first().locator('td.rate').getAttribute('data-rate');
  expect(Number(rate)).toBeGreaterThanOrEqual(0);
  // The legend explains the marks; the rate says its denominator (不适用 left out).
  for (const t of ['✓已落实', '◐部分落实', '✗未落实', '—不适用', '·未作答']) {
    await expect(page.locator('.legend')).toContainText(t);
  }
  const first = page.locator('.matrix-table tbody tr').first();
  const marks = await first.locator('td.cell button').allTextContents();
  const done = marks.filter((m) => m.trim() === '✓').length;
  const applicable = marks.filter((m) => m.trim() !== '—').length;
  await expect(first.locator('td.rate')).toContainText(`${done}/${applicable}家`);
  expect(Number(rate)).toBeCloseTo(done / applicable, 4);
  await page.locator('.matrix-table td.cell button').first().click();
  await expect(page.getByRole('region', { name: '作答详情' })).toContainText('自查结果');
});

test('the rectification tracker highlights overdue ones and filters them', async ({ page }) => {
  // The generated deadlines fall in the year after each report's: review as of September 2027.
  await page.clock.setFixedTime(new Date('2027-09-01T10:00:00'));
  await openDesk(page);
  await page.getByRole('tab', { name: '整改跟踪' }).click();
  const all = await page.locator('.rect-table tbody tr').count();
  expect(all).toBeGreaterThan(0);
  await page.getByLabel(/只看已逾期/).check();
  const overdue = page.locator('.rect-table tbody tr');
  const n = await overdue.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(all);
  expect(await page.locator('.rect-table tbody tr[data-overdue="false"]').count()).toBe(0);
  await page.getByLabel(/只看已逾期/).uncheck();
  // The text filter: one unit's rectifications only.
  const unit = (await page.locator('.rect-table tbody tr').first().getByRole('rowheader').textContent()).trim();
  await page.getByLabel('查找（单位、责任人、问题、整改措施）').fill(unit);
  const mine = page.locator('.rect-table tbody tr');
  const m = await mine.count();
  expect(m).toBeGreaterThan(0);
  expect(m).toBeLessThan(all);
  for (let i = 0; i < m; i++) await expect(mine.nth(i)).toContainText(unit);
});

test('CSV exports open in Excel and WPS: BOM, Chinese header row, one row per unit', async ({ page }) => {
  await openDesk(page);
  const units = await readDownload(page, () => page.getByRole('button', { name: '导出单位一览（CSV）' }).click());
  expect(units.charCodeAt(0)).toBe(0xfeff);
  const lines = units.slice(1).split(/\r?\n/).filter((l) => l !== '');
  expect(lines[0]).toBe('单位,类型,第一责任人,年度,完成度,得分,等级,未落实,部分落实,佐证材料（条）,数字指纹,报告文件,采用依据');
  expect(lines).toHaveLength(VALID + 3 + 1);
  const matrix = await readDownload(page, () => page.getByRole('button', { name: '导出履职矩阵（CSV）' }).click());
  expect(matrix.charCodeAt(0)).toBe(0xfeff);
  const mlines = matrix.slice(1).split(/\r?\n/).filter((l) => l !== '');
  expect(mlines[0].startsWith('序号,检查事项,已落实率,已落实单位数,适用单位数,')).toBe(true);
  expect(mlines).toHaveLength(52 + 1);
  const rect = await readDownload(page, () => page.getByRole('button', { name: '导出整改清单（CSV）' }).click());
  expect(rect.charCodeAt(0)).toBe(0xfeff);
  expect(rect.slice(1).split(/\r?\n/)[0]).toBe('单位,年度,序号,检查事项,自查结果,存在问题,整改措施,责任人,完成时限,是否逾期');
});

test('an unverified report is listed but left out of the figures until the reviewer counts it', async ({ page }) => {
  await openUnits(page);
  await expect(page.getByTestId('desk-counts')).toContainText('采用的报告中有3份未通过核验，暂不计入平均分、排名和图表');
  const left = page.locator('.units-table tbody tr.left-out');
  await expect(left).toHaveCount(3);
  await expect(left.first()).toContainText('未计入统计：内容与数字指纹不符');
  const unit = (await left.first().locator('th').first().evaluate((th) => th.firstChild.textContent)).trim();
  const csvBefore = await readDownload(page, () => page.getByRole('button', { name: '导出单位一览（CSV）' }).click());
  expect(csvBefore.split('\r\n').find((l) => l.startsWith(unit))).toContain('未计入统计：内容与数字指纹不符');
  await page.getByRole('tab', { name: '总体情况' }).click();
  const units = () => page.locator('.key-figures .figure').filter({ hasText: '采用的报告（份）' }).locator('dd');
  await expect(units()).toHaveText(String(VALID));
  await expect(page.getByRole('note').filter({ hasText: '未计入以上统计' })).toContainText(unit);
  // One click counts it: it joins the figures, and the CSV says why.
  await page.getByRole('tab', { name: '单位一览' }).click();
  await page.getByRole('button', { name: `仍计入统计 ${unit}` }).click();
  await expect(page.locator('.units-table tbody tr.left-out')).toHaveCount(2);
  await expect(page.getByTestId('desk-counts')).toContainText('采用的报告中有2份未通过核验');
  const csvAfter = await readDownload(page, () => page.getByRole('button', { name: '导出单位一览（CSV）' }).click());
  expect(csvAfter.split('\r\n').find((l) => l.startsWith(unit))).toContain('审阅人核实后计入统计');
  await page.getByRole('tab', { name: '总体情况' }).click();
  await expect(units()).toHaveText(String(VALID + 1));
  await page.getByRole('tab', { name: '履职矩阵' }).click();
  await expect(page.locator('.matrix-table thead th.unit-col')).toHaveCount(VALID + 1);
  // And back: 不计入统计 takes the choice back.
  await page.getByRole('tab', { name: '单位一览' }).click();
  await page.getByRole('button', { name: `不计入统计 ${unit}` }).click();
  await expect(page.locator('.units-table tbody tr.left-out')).toHaveCount(3);
  await page.getByRole('tab', { name: '总体情况' }).click();
  await expect(units()).toHaveText(String(VALID));
});
