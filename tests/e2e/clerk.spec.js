// What a clerk meets on a first full run (issue 19): one numbering on screen
// and in print, a print set as a typesetter would set it, errors only once a
// field is left or the finish step is asked for, the evidence warning,
// deadlines that are 长期坚持 or 立行立改, the default year, English that is
// English, and a top bar that fits a 1366-px laptop.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import canonicalize from 'canonicalize';
import { checklist, sections, items, createAssessment, card, goToSection } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE = path.join(ROOT, 'docs/sample-report.json');
const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-clerk-'));
const openFile = (page, file) => page.getByLabel('选择报告文件…').first().setInputFiles(file);
const nav = (page, name) => page.getByRole('navigation', { name: /自查步骤|Steps/ })
  .getByRole('button', { name: new RegExp('^' + name) });

async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(tmp(), d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

async function printPdf(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(tmp(), 'report.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const pageText = (n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const flat = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { pdf, pages, pageText, flat };
}

/** Header cells, labels and "（2分）" as laid out for print: none broken inside a word. */
async function printLayout(doc) {
  return doc.evaluate((root) => {
    const px = (v) => parseFloat(v) || 0;
    const lines = (el) => {
      const cs = getComputedStyle(el);
      const content = el.clientHeight - px(cs.paddingTop) - px(cs.paddingBottom);
      return content / px(cs.lineHeight);
    };
    const ctx = document.createElement('canvas').getContext('2d');
    const wordsFit = (el) => {
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const width = el.clientWidth - px(cs.paddingLeft) - px(cs.paddingRight);
      return el.textContent.split(/\s+/).filter(Boolean).every((w) => ctx.measureText(w).width <= width + 1);
    };
    return {
      headers: [...root.querySelectorAll('th')].map((th) => ({
        text: th.textContent, lines: lines(th), overflow: th.scrollWidth > th.clientWidth + 1, wordsFit: wordsFit(th),
      })),
      points: [...root.querySelectorAll('.pts')].map((p) => p.getClientRects().length),
      title: [...root.querySelectorAll('.doc-title .line')].map((l) => ({ text: l.textContent, rects: l.getClientRects().length })),
    };
  }, await doc.elementHandle());
}

test('the printed report numbers parts and sections as the screen does and is set, not flowed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await openFile(page, SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  // On screen: the score table lists each part, then its sections.
  const table = page.locator('.summary-table');
  await expect(table.locator('.part-row')).toHaveText(checklist.parts.map((p) => p.title.zh));
  await expect(table.locator('tbody th[scope="row"]')).toHaveText(sections.map((g) => g.title.zh));

  await page.getByRole('button', { name: '打印预览' }).first().click();
  const doc = page.getByRole('article', { name: '打印预览' });
  // The same numbering in the print: parts 二、三、 with their sections （一）… under them.
  await expect(doc.locator('h3')).toHaveText(checklist.parts.map((p) => p.title.zh));
  await expect(doc.locator('h4')).toHaveText(sections.map((g) => g.title.zh));
  await expect(doc.locator('table.scores .part-row')).toHaveText(checklist.parts.map((p) => p.title.zh));
  await expect(doc.locator('table.scores td.sec')).toHaveText(sections.map((g) => g.title.zh));

  await page.emulateMedia({ media: 'print' });
  const layout = await printLayout(doc);
  await page.emulateMedia({ media: 'screen' });
  for (const h of layout.headers) {
    expect(h.lines, `header “${h.text}” on one line`).toBeLessThan(1.5);
    expect(h.overflow, `header “${h.text}” fits its cell`).toBe(false);
  }
  expect(layout.headers.map((h) => h.text)).toContain('数字指纹（SHA-256）');
  expect(layout.points.length).toBe(items.length);
  expect(layout.points.every((n) => n === 1), '“（2分）” never breaks').toBe(true);
  expect(layout.title).toEqual([
    { text: 'X县青山镇人民政府2026年度', rects: 1 },
    { text: '法治政府建设第一责任人履职情况自查报告', rects: 1 },
  ]);

  const { pages, pageText, flat } = await printPdf(page);
  // No renumbered sections: part 三's sections keep （一）（二）（三）.
  for (const wrong of ['（五）', '（六）', '（七）']) expect(flat).not.toContain(wrong);
  expect(flat).toContain('三、健全机制，压实责任（一）完善工作机制');
  // Texts joined by the app never double punctuation or quotation marks.
  expect(flat).not.toMatch(/[。，；：、][。，；：、]|““|””/);
  // Each measure in the item table carries its owner and deadline.
  const promised = sample.answers.filter((a) => a.status === 'partial' || a.status === 'not_done');
  const withOwner = flat.split('整改措施：完善制度，明确专人负责，按季度检查。责任人：张伟（分管副镇长）；完成时限：2027年6月30日').length - 1;
  expect(withOwner).toBe(promised.length);
  // More than five items a page: the item list runs from 三、逐项自查情况 to 四、整改措施清单.
  const pageOf = (heading) => [...Array(pages).keys()].map((i) => i + 1)
    .find((n) => pageText(n).replace(/\s+/g, '').includes(heading));
  const itemPages = pageOf('四、整改措施清单') - pageOf('三、逐项自查情况') + 1;
  expect(items.length / itemPages).toBeGreaterThan(5);
  console.log(`# the sample report prints on ${pages} pages, its ${items.length} items on ${itemPages}`);
});

test('choosing 部分落实 shows no error until a field is left or 检查并完成 is pressed', async ({ page }) => {
  await createAssessment(page);
  const item = sections[0].items[0];
  const c = card(page, item);
  await c.getByRole('radio', { name: '部分落实' }).check();
  await expect(c.getByLabel('存在问题')).toBeVisible();
  await expect(c.locator('.error')).toHaveCount(0);
  await expect(c.locator('[aria-invalid="true"]')).toHaveCount(0);
  // Required fields stay marked.
  await expect(c.locator('.req')).toHaveCount(4);
  // 添加材料 and 不适用 complain about nothing yet either.
  await c.getByRole('button', { name: '添加材料' }).click();
  const other = card(page, sections[0].items[1]);
  await other.getByRole('radio', { name: '不适用' }).check();
  await expect(page.locator('.error')).toHaveCount(0);
  // Leaving a field shows its error, and only its.
  await c.getByLabel('存在问题').focus();
  await page.keyboard.press('Tab');
  await expect(c.getByText('请填写存在问题')).toBeVisible();
  await expect(c.getByLabel('存在问题')).toHaveAttribute('aria-invalid', 'true');
  await expect(c.locator('.error')).toHaveCount(1);
  // So does leaving the date of 完成时限 empty; choosing 长期坚持 settles it.
  await c.getByLabel('完成时限').focus();
  await c.getByLabel('完成时限').blur();
  await expect(c.getByText('请填写整改完成时限')).toBeVisible();
  // Clicking the next control is not thrown off by the error appearing.
  await c.getByLabel('责任人').focus();
  await c.getByRole('radio', { name: '长期坚持' }).check();
  await expect(c.getByText('请填写整改责任人')).toBeVisible();
  await expect(c.getByText('请填写整改完成时限')).toHaveCount(0);
  // 检查并完成 shows every remaining error, in the section too.
  await nav(page, '检查并完成').click();
  await expect(page.getByRole('heading', { level: 1, name: '检查并完成' })).toBeVisible();
  await goToSection(page, 0);
  await expect(c.getByText('请填写整改措施')).toBeVisible();
  await expect(c.getByText('第1项佐证材料缺少名称')).toBeVisible();
  await expect(other.getByText('选择“不适用”须说明理由')).toBeVisible();
  await expect(card(page, sections[0].items[2]).getByText('尚未作答')).toBeVisible();
  await expect(c.getByText('请填写整改完成时限')).toHaveCount(0);
});

test('last year’s rectifications ask for their progress only at 检查并完成, and read without doubled punctuation', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('选择报告文件…').nth(1).setInputFiles(SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '单位基本信息' })).toBeVisible();
  const rows = page.locator('[data-followup]');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.followups .error')).toHaveCount(0);
  await expect(rows.first().locator('.promised')).toHaveText(
    '上年度整改措施：完善制度，明确专人负责，按季度检查（责任人：张伟（分管副镇长）；完成时限：2027年6月30日）');
  await nav(page, '检查并完成').click();
  await nav(page, '单位基本信息').click();
  await expect(rows.first().getByText('请选择上年度第1项整改措施的落实情况')).toBeVisible();
});

test('a quotation that holds quotation marks is set with single ones inside', async ({ page }) => {
  await createAssessment(page);
  const item = items.find((i) => i.id === 'boundaries.three_lists');
  await goToSection(page, sections.findIndex((g) => g.items.includes(item)));
  await expect(card(page, item).locator('.quote')).toHaveText('“‘权力清单’‘责任清单’‘负面清单’三单合一”');
});

test('a complete report without notes or evidence is warned about at the finish step, without blocking', async ({ page }) => {
  test.setTimeout(120_000);
  await createAssessment(page);
  for (let s = 0; s < sections.length; s++) {
    await goToSection(page, s);
    for (const item of sections[s].items) await card(page, item).getByRole('radio', { name: '已落实' }).check();
  }
  await nav(page, '检查并完成').click();
  await expect(page.getByText('全部事项已填写完整')).toBeVisible();
  const warning = page.locator('.evidence-warning');
  await expect(warning).toContainText(`有${items.length}项选择了“已落实”，但既未填写情况说明，也未列明佐证材料`);
  const links = warning.getByRole('link');
  await expect(links).toHaveCount(items.length);
  await expect(links.first()).toHaveText(`第1项 ${items[0].duty.zh}`);
  // A link goes to the item's 情况说明.
  await links.nth(3).click();
  await expect(page.locator(`[id="${items[3].id}-notes"]`)).toBeFocused();
  await page.locator(`[id="${items[3].id}-notes"]`).fill('已建立合法性审查机制，全年审查12件。');
  await nav(page, '检查并完成').click();
  await expect(warning).toContainText(`有${items.length - 1}项选择了“已落实”`);
  await expect(warning.locator(`li[data-warning-item="${items[3].id}"]`)).toHaveCount(0);
  // Not blocking: the results are there, full marks.
  await page.getByRole('button', { name: '查看自查结果' }).click();
  await expect(page.getByTestId('total-score')).toHaveText('100');
  await expect(page.getByTestId('grade')).toHaveText('优秀');
});

test('长期坚持 and 立行立改 round-trip through the JSON report and import, and print as such', async ({ page }) => {
  await createAssessment(page, '石桥镇人民政府');
  const rect = async (item, status, due) => {
    const c = card(page, item);
    await c.getByRole('radio', { name: status }).check();
    await c.getByLabel('存在问题').fill('制度执行不到位。');
    await c.getByLabel('措施').fill('完善制度，按季度检查。');
    await c.getByLabel('责任人').fill('张伟');
    if (due.includes('-')) await c.getByLabel('完成时限').fill(due);
    else await c.getByRole('radio', { name: due }).check();
  };
  await rect(sections[0].items[0], '部分落实', '长期坚持');
  await rect(sections[0].items[1], '未落实', '立行立改');
  await rect(sections[0].items[2], '部分落实', '2027-06-30');
  await expect(card(page, sections[0].items[0]).getByLabel('完成时限')).toBeDisabled();
  const file = await download(page, () => page.getByRole('button', { name: '下载草稿' }).click());
  const text = fs.readFileSync(file, 'utf8');
  const report = JSON.parse(text);
  const due = (i) => report.answers.find((a) => a.item_id === sections[0].items[i].id).rectification.due;
  expect([due(0), due(1), due(2)]).toEqual(['长期坚持', '立行立改', '2027-06-30']);
  // Independent checks: the schema (ajv) and the digest (Node).
  const out = execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' });
  expect(out).not.toContain('not ok');
  const { integrity, ...rest } = report;
  expect(crypto.createHash('sha256').update(canonicalize(rest), 'utf8').digest('hex')).toBe(integrity.digest);

  await page.getByRole('button', { name: '返回首页' }).click();
  await openFile(page, file);
  await page.getByRole('alertdialog').getByRole('button', { name: '两份都保留' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  const again = await download(page, () => page.getByRole('button', { name: '下载自查报告（JSON）' }).click());
  expect(fs.readFileSync(again, 'utf8')).toBe(text);
  await goToSection(page, 0);
  await expect(card(page, sections[0].items[0]).getByRole('radio', { name: '长期坚持' })).toBeChecked();
  await expect(card(page, sections[0].items[1]).getByRole('radio', { name: '立行立改' })).toBeChecked();
  await expect(card(page, sections[0].items[2]).getByLabel('完成时限')).toHaveValue('2027-06-30');
  for (const item of sections[0].items.slice(0, 3)) await expect(card(page, item).locator('.error')).toHaveCount(0);
  await nav(page, '打印预览').click();
  const rows = page.getByRole('article', { name: '打印预览' }).locator('table.rect tbody tr');
  await expect(rows.locator('td.due')).toHaveText(['长期坚持', '立行立改', '2027年6月30日']);
});

test('with the clock at 15 January 2027 a new assessment is for 2026, from April for the year itself', async ({ page, browser }) => {
  await page.clock.setFixedTime(new Date('2027-01-15T09:00:00+08:00'));
  await page.goto('/');
  await page.getByRole('button', { name: '新建自查' }).click();
  await expect(page.getByLabel('自查年度')).toHaveValue('2026');
  await expect(page.getByLabel('单位类型').locator('option')).toHaveText(['乡镇（街道）', '县直部门', '其他']);
  const april = await browser.newPage({ locale: 'zh-CN' });
  await april.clock.setFixedTime(new Date('2027-04-01T09:00:00+08:00'));
  await april.goto('/');
  await april.getByRole('button', { name: '新建自查' }).click();
  await expect(april.getByLabel('自查年度')).toHaveValue('2027');
  await april.close();
});

/** Visible text that is interface, not a quotation (quotes are marked lang="zh-CN"). */
const ownText = (page) => page.evaluate(() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('[lang="zh-CN"], style, script, noscript').forEach((e) => e.remove());
  return body.textContent;
});
const CHINESE_MARKS = /[、（），。：；一二三四五六七八九十]/;

test('the English interface and print have no Chinese numbering or punctuation outside quotes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00+08:00'));
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  const clean = async (where) => {
    const text = await ownText(page);
    const found = CHINESE_MARKS.exec(text);
    expect(found, `${where}: “${found && text.slice(Math.max(0, found.index - 40), found.index + 20)}”`).toBeNull();
  };
  await clean('start');
  await page.getByRole('button', { name: 'View the checklist' }).click();
  await clean('the checklist');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Unit name').fill('Qingshan Town Government');
  await page.getByLabel('Name of the person responsible').fill('Li Ming');
  await page.getByLabel('Title of the person responsible').fill('Mayor');
  await page.getByRole('button', { name: 'Start' }).click();
  const en = (item) => page.getByRole('article', { name: item.duty.en, exact: true });
  const [a, b, c] = sections[0].items;
  await en(a).getByRole('radio', { name: 'Partly done' }).check();
  await en(a).getByLabel('Problem').fill('Rules are not always followed');
  await en(a).getByLabel('Measure').fill('Review the rules every quarter');
  await en(a).getByLabel('Responsible person').fill('Zhang Wei');
  await en(a).getByRole('radio', { name: 'Ongoing' }).check();
  await en(b).getByRole('radio', { name: 'Not applicable' }).check();
  await en(b).getByLabel('Why it does not apply').fill('No such matter this year');
  await en(c).getByRole('radio', { name: 'Done', exact: true }).check();
  await en(c).getByLabel('Notes').fill('Every decision was reviewed');
  await en(c).getByRole('button', { name: 'Add a document' }).click();
  await en(c).getByLabel('Title').fill('Rules on legality review');
  await en(c).getByLabel('Date').fill('2026-02-18');
  await expect(en(a).locator('label[for$="-score"]')).toHaveText('Self-score (0–2, default 1)');
  for (let s = 0; s < sections.length; s++) {
    await nav(page, sections[s].title.en.replace(/[.]/g, '\\.')).click();
    await expect(page.getByRole('heading', { level: 1, name: sections[s].title.en })).toBeVisible();
    await clean(`section ${sections[s].title.en}`);
  }
  for (const step of ['Unit information', 'Check and finish', 'Results']) {
    await nav(page, step).click();
    await clean(step);
  }
  await nav(page, 'Print preview').click();
  const doc = page.getByRole('article', { name: 'Print preview' });
  await expect(doc.getByRole('heading', { level: 1 })).toContainText('Qingshan Town Government, ');
  await expect(doc).toContainText('1 December 2026');
  await expect(doc).toContainText('Rules on legality review (18 February 2026)');
  await expect(doc).toContainText('Deadline: Ongoing');
  await expect(doc).toContainText('(2 points)');
  await clean('print preview');
  await page.emulateMedia({ media: 'print' });
  const layout = await printLayout(doc);
  for (const h of layout.headers) {
    expect(h.wordsFit && !h.overflow, `header “${h.text}” never breaks inside a word`).toBe(true);
  }
  const { flat } = await printPdf(page);
  expect(flat).toContain('1December2026');
  expect(flat).not.toMatch(CHINESE_MARKS);
  // The drafts list, dates and all.
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByRole('row', { name: /Qingshan Town Government/ })).toContainText('1 December 2026');
  await clean('start with a draft');
});

test('the top bar fits on one line at 1366 px in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createAssessment(page, 'X县青山镇人民政府');
  const bar = page.locator('.topbar');
  const fits = async (lang) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const boxes = await bar.locator('button, .brand, .unit-chip, .save-indicator').evaluateAll((els) =>
      els.map((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, right: r.right }; }));
    const barBox = await bar.boundingBox();
    const centre = (b) => (b.top + b.bottom) / 2;
    for (const b of boxes) {
      expect(Math.abs(centre(b) - centre(boxes[0])), `${lang}: one row`).toBeLessThan(6);
      expect(b.right, `${lang}: inside the window`).toBeLessThanOrEqual(1366);
    }
    expect(barBox.height, `${lang}: one line high`).toBeLessThan(64);
  };
  await fits('zh');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: '中文' })).toBeVisible();
  await fits('en');
});
