// 自查结果 and the printed report: a chart of the section score rates, drawn
// in grey (it prints on a black-and-white printer), its numbers also a table
// for screen readers — the same numbers as the results table.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const SAMPLE = path.join(new URL('../../', import.meta.url).pathname, 'docs/sample-report.json');

test('the section rates chart on 自查结果 and in the printed report', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('选择报告文件…').first().setInputFiles(SAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: '自查结果' })).toBeVisible();
  const figure = page.getByRole('figure', { name: '各部分得分率' });
  await expect(figure).toBeVisible();
  // The results table's 得分率 column, section by section …
  const shown = await page.locator('table.summary-table tbody tr:not(.part-row)').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.cells[3].textContent.trim()]));
  expect(shown.length).toBe(7);
  // … is the chart's table for screen readers, and one bar each.
  const sr = await figure.getByRole('table', { name: '各部分得分率' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  expect(sr).toEqual(shown);
  await expect(figure.locator('svg rect')).toHaveCount(7);
  const fills = await figure.locator('svg rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
  for (const f of fills) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(f.slice(i, i + 2), 16));
    expect(Math.max(r, g, b) - Math.min(r, g, b), `${f} is a grey`).toBeLessThan(8);
  }
  // The bars' lengths follow the rates.
  const widths = await figure.locator('svg rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  const rates = shown.map((r) => parseFloat(r[1]));
  const k = widths[0] / rates[0];
  widths.forEach((w, i) => expect(Math.abs(w - rates[i] * k)).toBeLessThan(1.5));
  await expect(figure).toContainText('虚线为等次分界：优秀90分、良好80分、合格60分。');

  await page.getByRole('button', { name: '打印预览' }).first().click();
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chart-')), 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('各部分得分率');
  for (const [, rate] of shown) expect(text).toContain(rate);
});
