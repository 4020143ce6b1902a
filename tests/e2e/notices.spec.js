// Notices are kept as messages, not as translated text: switching language
// while one is on screen shows it in the new language.
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { watchErrors } from './helpers.js';

const CORPUS = new URL('../corpus/reports/', import.meta.url).pathname;

async function openFile(page, file) {
  await page.getByLabel('选择报告文件…').first().setInputFiles(path.join(CORPUS, file));
}

test('a refused file’s notice follows the language switch, both ways', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await openFile(page, 'truncated-last-brace.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('文件不完整（内容在中途结束）');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toContainText('The file is incomplete (it ends part-way)');
  await expect(alert).not.toContainText('文件不完整');
  await expect(alert.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(alert).toContainText('文件不完整（内容在中途结束）');
  await alert.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the altered-report warning over an opened draft is shown in English after switching', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'tampered-notes.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('文件内容与数字指纹不符，可能已被修改');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toContainText("The file's content does not match its fingerprint");
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
});
