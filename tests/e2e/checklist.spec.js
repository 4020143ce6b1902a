// The built app loads; the checklist's full text shows every section and item.
import { test, expect } from '@playwright/test';
import { checklist, sections, items, watchErrors } from './helpers.js';

test('the checklist page shows every section and item, with no console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '法治政府建设第一责任人履职自查' })).toBeVisible();
  await page.getByRole('button', { name: '查看检查清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.zh })).toBeVisible();
  for (const g of sections) {
    await expect(page.getByRole('heading', { name: g.title.zh })).toBeVisible();
  }
  for (const item of items) {
    await expect(page.locator(`[data-item-id="${item.id}"]`)).toContainText(item.duty.zh);
  }
  expect(await page.locator('[data-item-id]').count()).toBe(items.length);
  expect(errors).toEqual([]);
});

test('English is one click away and is remembered; 中文 switches back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'View the checklist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.en })).toBeVisible();
  await expect(page.locator(`[data-item-id="${items[0].id}"]`)).toContainText(items[0].duty.en);
  await page.reload();
  await expect(page.getByRole('button', { name: 'New assessment' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '新建自查' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
