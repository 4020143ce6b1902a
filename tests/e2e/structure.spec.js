// The page structure a screen reader relies on: exactly one h1 on every
// screen, and the side navigation's sections grouped under their parts.
import { test, expect } from '@playwright/test';
import { answer, card, checklist, createAssessment, escapeRe, goToSection, sections } from './helpers.js';

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

test('a section is ticked only when nothing is left to fill in, and an unfinished result says so', async ({ page }) => {
  await createAssessment(page);
  const nav = page.getByRole('navigation', { name: '自查步骤' });
  const first = nav.getByRole('button', { name: new RegExp('^' + escapeRe(sections[0].title.zh)) });
  const items = sections[0].items;
  // Every item 不适用, the last one without its reason: answered, not ticked.
  for (const [i, item] of items.entries()) {
    if (i < items.length - 1) await answer(page, item, 'not_applicable');
    else await card(page, item).getByRole('radio', { name: '不适用' }).check();
  }
  await expect(first.locator('.tick')).toHaveCount(0);
  await card(page, items[items.length - 1]).getByLabel('不适用理由').fill('本年度无此类事项');
  await expect(first.locator('.tick')).toHaveCount(1);

  await nav.getByRole('button', { name: /^自查结果/ }).click();
  const left = sections.slice(1).reduce((n, s) => n + s.items.length, 0);
  const note = page.getByTestId('summary-unfinished');
  await expect(note).toContainText(`自查尚未完成：还有${left}项未作答或未填写完整`);
  await note.getByRole('button', { name: '检查并完成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '检查并完成' })).toBeVisible();
});
