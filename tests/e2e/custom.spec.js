// Custom checklists: a county loads its own definition, units answer it, and
// the report says (and carries) which checklist it answers.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLE = path.join(ROOT, 'examples/township-checklist.json');
const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
const groups = example.parts.flatMap((p) => p.groups);

const loadChecklist = (page, file) => page.getByLabel('载入检查清单文件…').setInputFiles(file);

test('load the example checklist, answer it, download the report and open it again', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadChecklist(page, EXAMPLE);
  await expect(page.getByRole('alert')).toContainText(`已载入检查清单“${example.title.zh}”`);
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('row', { name: new RegExp(example.version.replace('.', '\\.')) })).toHaveCount(1);

  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('检查清单', { exact: true }).selectOption({ label: `${example.title.zh}（${example.version}）` });
  await page.getByLabel('单位名称').fill('青山镇人民政府');
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByRole('button', { name: '开始自查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: groups[0].title.zh })).toBeVisible();
  for (let g = 0; g < groups.length; g++) {
    for (const item of groups[g].items) {
      await page.getByRole('article', { name: item.duty.zh, exact: true }).getByRole('radio', { name: '已落实' }).check();
    }
    await page.getByRole('button', { name: '下一步' }).click();
  }
  await expect(page.getByText('全部事项已填写完整')).toBeVisible();
  await page.getByRole('button', { name: '查看自查结果' }).click();
  await expect(page.getByTestId('total-score')).toHaveText('100');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自查报告（JSON）' }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-')), d.suggestedFilename());
  await d.saveAs(file);
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(report.checklist.id).toBe(example.id);
  expect(report.checklist.version).toBe(example.version);
  expect(report.checklist_definition.id).toBe(example.id);
  expect(report.answers).toHaveLength(groups.reduce((n, g) => n + g.items.length, 0));
  expect(execFileSync('node', [path.join(ROOT, 'tests/schema/validate.mjs'), file], { encoding: 'utf8' })).not.toContain('not ok');

  // Embedding the definition is an option, on by default for a custom checklist.
  const embed = page.getByLabel(/在报告中附带检查清单定义/);
  await expect(embed).toBeChecked();
  await embed.uncheck();
  const [d2] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自查报告（JSON）' }).click()]);
  const plain = path.join(path.dirname(file), 'plain.json');
  await d2.saveAs(plain);
  expect(JSON.parse(fs.readFileSync(plain, 'utf8')).checklist_definition).toBeUndefined();
  await embed.check();

  // Without the checklist loaded, the report still opens: it carries its definition.
  await page.getByRole('button', { name: '返回首页' }).click();
  const row = page.getByRole('row', { name: new RegExp(example.version.replace('.', '\\.')) });
  await row.getByRole('button', { name: /^删除/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '有1份草稿使用此清单' })).toBeVisible();
  await row.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByText('尚未载入自定义检查清单。')).toBeVisible();
  await page.getByLabel('选择报告文件…').first().setInputFiles(file);
  await page.getByRole('alertdialog').getByRole('button', { name: '两份都保留' }).click();
  await expect(page.getByRole('alert')).toContainText('已一并载入');
  await expect(page.getByTestId('total-score')).toHaveText('100');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自查报告（JSON）' }).click()]);
  const file2 = path.join(path.dirname(file), 'again.json');
  await again.saveAs(file2);
  expect(fs.readFileSync(file2, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
});

test('a broken definition shows precisely what is wrong and changes nothing', async ({ page }) => {
  await page.goto('/');
  await loadChecklist(page, path.join(ROOT, 'tests/corpus/checklists/duplicate-item-id.json'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('检查清单文件有以下问题，未载入');
  await expect(alert).toContainText('重复');
  await expect(alert).toContainText('parts[');
  await expect(page.getByText('尚未载入自定义检查清单。')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('selfcheck.checklist.')))).toEqual([]);
  await page.getByRole('button', { name: '知道了' }).click();
  await page.getByRole('button', { name: '新建自查' }).click();
  await expect(page.getByLabel('检查清单', { exact: true })).toHaveCount(0);
});
