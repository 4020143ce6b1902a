// The page structure a screen reader relies on: exactly one h1 on every
// screen, and the side navigation's sections grouped under their parts.
import { test, expect } from '@playwright/test';
import { checklist, createAssessment, goToSection, sections } from './helpers.js';

const h1s = (page) => page.locator('h1:visible');

test('every screen has exactly one h1', async ({ page }) => {
  await page.goto('/');
  await expect(h1s(page)).toHaveCount(1);
  await page.getByRole('button', { name: '查看检查清单' }).click();
  await expect(h1s(page)).toHaveCount(1);
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await expect(h1s(page)).toHaveText(['汇总审阅']);
  await page.getByRole('button', { name: '返回' }).click();
  await createAssessment(page);
  await expect(h1s(page)).toHaveText([sections[0].title.zh]);
  const nav = page.getByRole('navigation', { name: '自查步骤' });
  for (const step of ['单位基本信息', '检查并完成', '自查结果', '打印预览']) {
    await nav.getByRole('button', { name: new RegExp('^' + step) }).click();
    await expect(h1s(page), step).toHaveCount(1);
  }
});

test('the side navigation lists each part’s sections under the part’s heading', async ({ page }) => {
  await createAssessment(page);
  const nav = page.getByRole('navigation', { name: '自查步骤' });
  let index = 0;
  for (const part of checklist.parts) {
    const list = nav.getByRole('list', { name: part.title.zh });
    await expect(list).toBeVisible();
    const buttons = list.getByRole('button');
    await expect(buttons).toHaveCount(part.groups.length);
    for (const [n, g] of part.groups.entries()) {
      await expect(buttons.nth(n)).toContainText(g.title.zh);
    }
    index += part.groups.length;
  }
  expect(index).toBe(sections.length);
  // The step names its part above its own heading.
  await goToSection(page, 4);
  await expect(page.locator('.step-part')).toHaveText(checklist.parts[1].title.zh);
});
