// The built app loads and shows every section and item of the built-in checklist.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';

const checklist = JSON.parse(fs.readFileSync(new URL('../../content/builtin-checklist.json', import.meta.url)));
const sections = checklist.parts.flatMap((p) => p.groups);

test('the checklist renders with every section and item, with no console errors', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.zh })).toBeVisible();
  for (const g of sections) {
    await expect(page.getByRole('heading', { name: g.title.zh })).toBeVisible();
    for (const item of g.items) {
      await expect(page.locator(`[data-item-id="${item.id}"]`)).toContainText(item.duty.zh);
    }
  }
  expect(await page.locator('[data-item-id]').count()).toBe(sections.reduce((n, g) => n + g.items.length, 0));
  expect(errors).toEqual([]);
});

test('the language switch shows the English checklist and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.en })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.en })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: checklist.title.zh })).toBeVisible();
});
