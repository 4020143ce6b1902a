// Accessibility audit with axe-core on every page and state that matters:
// zero violations of WCAG 2.1 A/AA rules.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { createAssessment, sections, card } from './helpers.js';

const SAMPLE = path.join(new URL('../../', import.meta.url).pathname, 'docs/sample-report.json');

async function audit(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${what}: ${v.id} (${v.impact}) — ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(found, found.join('\n')).toEqual([]);
  expect(result.passes.length).toBeGreaterThan(10);
}

test('start screen, new-assessment form with its errors, and the checklist page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: '新建自查' })).toBeVisible();
  await audit(page, 'start');
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByRole('button', { name: '开始自查' }).click();
  await expect(page.getByText('请填写单位名称')).toBeVisible();
  await audit(page, 'new form with errors');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '查看检查清单' }).click();
  await audit(page, 'checklist');
});

test('a section with validation messages, the finish step, results and print preview', async ({ page }) => {
  await createAssessment(page);
  const item = sections[0].items[0];
  await card(page, item).getByRole('radio', { name: '未落实' }).check();
  await card(page, sections[0].items[1]).getByRole('radio', { name: '不适用' }).check();
  await expect(card(page, item).getByText('请填写存在问题')).toBeVisible();
  await card(page, item).getByRole('button', { name: '添加材料' }).click();
  await audit(page, 'section with errors');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '检查并完成' }).click();
  await audit(page, 'finish');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '自查结果' }).click();
  await audit(page, 'summary');
});

test('results, annual helper and print preview of a full report, and English', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('选择报告文件…').first().setInputFiles(SAMPLE);
  await expect(page.getByRole('heading', { level: 2, name: '自查结果' })).toBeVisible();
  await audit(page, 'summary of a full report');
  await page.getByRole('button', { name: '打印预览' }).first().click();
  await audit(page, 'print preview');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Rule-of-law thinking|Plan work/ }).click();
  await audit(page, 'English section');
});
