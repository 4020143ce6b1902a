// 总体情况 — the reviewer desk's dashboard, its figures checked against an
// independent computation in this file over the same generated report files
// (JSON parsed here, fingerprints recomputed with a JCS library and Node's
// SHA-256, the resubmission rule and the scores computed from the answers and
// the checklist's points, not by the app's code).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import canonicalize from 'canonicalize';

const ROOT = new URL('../../', import.meta.url).pathname;
const SET = path.join(ROOT, 'target/desk-set');
const TODAY = '2027-09-01';
const CHECKLIST = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/builtin-checklist.json'), 'utf8'));

test.beforeAll(() => {
  if (!fs.existsSync(SET) || fs.readdirSync(SET).length === 0) {
    execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', SET, '60'], { cwd: ROOT, stdio: 'inherit' });
  }
});

const round2 = (x) => Math.round(x * 100) / 100;
const pct = (x) => `${String(Math.round(x * 1000) / 10)}%`;
const validDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
  && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The reports of the built-in checklist that count, one per unit and year, computed here. */
function countedReports() {
  const slots = new Map();
  for (const name of fs.readdirSync(SET)) {
    let r;
    try {
      r = JSON.parse(fs.readFileSync(path.join(SET, name), 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      continue;
    }
    if (r.format !== 'rule-of-law-self-assessment' || typeof r.year !== 'number') continue;
    if (r.checklist.id !== CHECKLIST.id || r.checklist.version !== CHECKLIST.version) continue;
    const { integrity, ...rest } = r;
    const verified = !!integrity && createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex') === integrity.digest;
    const key = `${r.unit.name.trim()}|${r.year}`;
    slots.set(key, [...(slots.get(key) || []), { name, r, verified }]);
  }
  // The newest that verifies (by exported_at, then updated_at).
  const t = (s) => Date.parse(s) || 0;
  return [...slots.values()].map((reports) => {
    reports.sort((a, b) => t(b.r.exported_at) - t(a.r.exported_at) || t(b.r.updated_at) - t(a.r.updated_at) || b.verified - a.verified);
    return reports.find((x) => x.verified) || reports[0];
  });
}

/** Scores of one report from its answers and the checklist's points. */
function scores(r) {
  const answers = new Map(r.answers.map((a) => [a.item_id, a]));
  const tally = (items) => {
    let score = 0;
    let max = 0;
    for (const item of items) {
      const a = answers.get(item.id);
      if (a?.status === 'not_applicable') continue;
      max += item.points;
      score += a?.status ? a.score : 0;
    }
    return { score, max };
  };
  const sections = CHECKLIST.parts.flatMap((p) => p.groups).map((g) => tally(g.items));
  const total = tally(CHECKLIST.parts.flatMap((p) => p.groups).flatMap((g) => g.items));
  const normalized = total.max > 0 ? round2((total.score / total.max) * 100) : 100;
  const band = [...CHECKLIST.grade_bands].sort((a, b) => b.min - a.min).find((b) => normalized + 1e-9 >= b.min);
  return { sections, normalized, grade: band.label.zh };
}

/**
 * Every figure of the dashboard, computed independently. Only reports whose
 * figures can be trusted enter them (issue 23): the fingerprint verifies and
 * the stated total is the one the answers give.
 */
function figures() {
  const counted = countedReports();
  const trusted = counted.filter(({ r, verified }) => verified
    && Math.abs(r.summary.total.normalized - scores(r).normalized) < 0.005);
  const leftOut = counted.length - trusted.length;
  const reports = trusted.map((x) => x.r);
  const s = reports.map(scores);
  const n = reports.length;
  const grades = CHECKLIST.grade_bands.map((b) => {
    const k = s.filter((x) => x.grade === b.label.zh).length;
    return [b.label.zh, `${k}个（${pct(k / n)}）`];
  });
  const groups = CHECKLIST.parts.flatMap((p) => p.groups);
  const sections = groups.map((g, i) => {
    const rates = s.map((x) => x.sections[i]).filter((t) => t.max > 0).map((t) => t.score / t.max);
    return [g.title.zh, rates.reduce((a, b) => a + b, 0) / rates.length];
  });
  const items = groups.flatMap((g) => g.items);
  const rates = items.map((item, i) => {
    const statuses = reports.map((r) => r.answers.find((a) => a.item_id === item.id)?.status ?? null);
    const done = statuses.filter((x) => x === 'done').length;
    const applicable = statuses.filter((x) => x !== 'not_applicable').length;
    return { number: i + 1, done, applicable, rate: done / applicable };
  }).filter((x) => x.applicable > 0).sort((a, b) => a.rate - b.rate || a.number - b.number).slice(0, 10);
  const overdue = reports.map((r) => {
    const open = r.answers.filter((a) => a.status === 'partial' || a.status === 'not_done');
    const late = open.filter((a) => {
      const due = (a.rectification?.due || '').trim();
      return validDate(due) && due < TODAY;
    }).length;
    return [r.unit.name.trim(), late, open.length];
  }).filter((x) => x[1] > 0);
  const complete = reports.filter((r) => r.summary.total.complete === r.summary.total.applicable).length;
  const mean = round2(s.reduce((a, x) => a + x.normalized, 0) / n);
  return { n, leftOut, grades, sections, rates, overdue, complete, mean };
}

/** The rows of the table a screen reader finds by its caption. */
async function table(page, name) {
  return page.getByRole('table', { name, exact: true }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
}

test('the dashboard\'s figures match an independent computation over the same files', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  const want = figures();
  expect([want.n, want.leftOut]).toEqual([60, 3]);
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(fs.readdirSync(SET).map((f) => path.join(SET, f)));
  await expect(page.getByTestId('desk-counts')).toContainText('共70份文件');
  // The dashboard is the desk's first view.
  await expect(page.getByRole('tab', { name: '总体情况' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('note').filter({ hasText: '未计入以上统计' }))
    .toContainText(`另有${want.leftOut}份报告未通过核验，未计入以上统计：`);
  const key = page.locator('.key-figures');
  await expect(key.locator('.figure').filter({ hasText: '采用的报告（份）' }).locator('dd')).toHaveText(String(want.n));
  const mean = Number(await key.locator('.figure').filter({ hasText: '平均得分' }).locator('dd').textContent());
  expect(Math.abs(mean - want.mean)).toBeLessThan(0.011);
  await expect(key.locator('.figure').filter({ hasText: '填报完整的报告' }).locator('dd')).toHaveText(`${want.complete} / ${want.n}`);
  await expect(key.locator('.figure').filter({ hasText: '有逾期整改的单位' }).locator('dd')).toHaveText(String(want.overdue.length));

  expect(await table(page, '等次分布')).toEqual(want.grades);
  const sections = await table(page, '各部分平均得分率');
  expect(sections.map((r) => r[0])).toEqual(want.sections.map((r) => r[0]));
  sections.forEach((r, i) => expect(Math.abs(parseFloat(r[1]) - want.sections[i][1] * 100)).toBeLessThan(0.051));
  const weakest = await table(page, '已落实率最低的10个事项');
  expect(weakest.map((r) => Number(r[0].split('.')[0]))).toEqual(want.rates.map((r) => r.number));
  weakest.forEach((r, i) => expect(r[1]).toContain(`（${want.rates[i].done}/${want.rates[i].applicable}家）`));
  const completion = await table(page, '完成度分布');
  expect(completion[0]).toEqual(['100%（填报完整）', `${want.complete}个（${pct(want.complete / want.n)}）`]);

  const overdue = await page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '已逾期（项）' }) })
    .locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.cells[0].textContent.trim(), Number(tr.cells[1].textContent), Number(tr.cells[2].textContent)]));
  const byUnit = (xs) => [...xs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  expect(byUnit(overdue)).toEqual(byUnit(want.overdue));
  // The most overdue first.
  overdue.forEach((r, i) => i === 0 || expect(overdue[i - 1][1]).toBeGreaterThanOrEqual(r[1]));
  // The charts are drawn, one bar per row of their tables.
  await expect(page.locator('figure.chart')).toHaveCount(4);
  await expect(page.locator('figure.chart svg rect')).toHaveCount(CHECKLIST.grade_bands.length + want.sections.length + 4 + 10);
});

test('打印汇总 prints the dashboard and the tables as a document', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(fs.readdirSync(SET).map((f) => path.join(SET, f)));
  await expect(page.getByTestId('desk-counts')).toContainText('共70份文件');
  await page.getByRole('tab', { name: '单位一览' }).click();
  await page.getByRole('button', { name: '打印汇总' }).click();
  await page.getByLabel('标题中的地区名称').fill('X县');
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('X县2026年度法治政府建设第一责任人履职自查情况汇总');
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-')), 'summary.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait');
  expect(sizes[0]).toBe('portrait');
  expect(sizes).toContain('landscape');
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  // A long title or sentence may wrap on paper: compared without line breaks.
  const flat = text.replace(/\s+/g, '');
  for (const t of ['X县2026年度法治政府建设第一责任人履职自查情况汇总', '2027年9月1日', '一、总体情况', '等次分布', '二、各单位自查情况',
    '三、各事项落实情况', '四、整改逾期情况', '五、问题文件', '文件内容与数字指纹不符', '另有3份报告未通过核验，未计入以上统计']) {
    expect(flat, t).toContain(t);
  }
  // No buttons, sort marks or links on paper, and no label broken one character per line.
  for (const t of ['查看', '▲', '▼', '导出', '返回列表']) expect(text, t).not.toContain(t);
  const lines = text.split('\n').map((l) => l.trim());
  for (const label of ['不合格', '合格', '良好', '优秀', '镇乡', '县直部门']) {
    const chars = [...label];
    const broken = lines.some((l, i) => chars.every((c, k) => lines[i + k] === c));
    expect(broken, `${label} broken one character per line`).toBe(false);
  }
  // Back: the list it came from.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('tab', { name: '单位一览' })).toHaveAttribute('aria-selected', 'true');
});

test('last year\'s reports added for comparison: each unit\'s score change', async ({ page }) => {
  test.setTimeout(120_000);
  // Last year's reports of five units, made here: each unit's report of a year
  // earlier is another unit's report of this year, renamed (sealed again). Its
  // stated scores stay those of its answers, so it counts in last year's figures;
  // a report whose stated scores were edited would be left out (issue 23).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-last-'));
  const mine = fs.readdirSync(SET).map((f) => [f, fs.readFileSync(path.join(SET, f), 'utf8')])
    .map(([f, t]) => { try { return [f, JSON.parse(t)]; } catch { return null; } })
    .filter((x) => x && x[1].checklist?.id === CHECKLIST.id && typeof x[1].year === 'number' && !x[0].includes(' (1)'))
    .filter(([, r]) => {
      // Reports in the figures only: an altered one is not compared.
      const { integrity, ...rest } = r;
      return integrity && createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex') === integrity.digest;
    })
    .slice(0, 5);
  const want = {};
  mine.forEach(([f, r], i) => {
    const last = structuredClone(mine[(i + 1) % mine.length][1]);
    last.unit = structuredClone(r.unit);
    last.year = r.year - 1;
    delete last.integrity;
    const digest = createHash('sha256').update(canonicalize(last), 'utf8').digest('hex');
    last.integrity = { algorithm: 'sha256', canonicalization: 'RFC8785', digest };
    fs.writeFileSync(path.join(dir, `上年度-${f}`), JSON.stringify(last, null, 2));
    want[r.unit.name.trim()] = round2(scores(r).normalized - scores(last).normalized);
  });
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(fs.readdirSync(SET).map((f) => path.join(SET, f)));
  await expect(page.getByTestId('desk-counts')).toContainText('共70份文件');
  await page.getByLabel('选择上年度报告文件（可多选）…').setInputFiles(fs.readdirSync(dir).map((f) => path.join(dir, f)));
  await expect(page.getByText('已读取上年度报告文件5份，采用5份。')).toBeVisible();
  // Last year's files are not counted this year.
  await expect(page.getByTestId('desk-counts')).toContainText('共70份文件');
  const rows = await page.locator('.change-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  // One row per report in the figures (the 3 altered are left out).
  expect(rows.length).toBe(60);
  const changed = rows.filter((r) => r[1] !== '上年度无报告');
  expect(Object.fromEntries(changed.map((r) => [r[0], Number(r[3])]))).toEqual(want);
  // The largest fall first, then the units without last year's report.
  expect(rows.slice(0, changed.length).map((r) => r[0])).toEqual(changed.map((r) => r[0]));
  changed.forEach((r, i) => i === 0 || expect(Number(changed[i - 1][3])).toBeLessThanOrEqual(Number(r[3])));
});
