// Whole journeys through the guided self-assessment, as a user clicks them.
import { test, expect } from '@playwright/test';
import {
  sections, items, LABEL, watchErrors, createAssessment, card, answer, goToSection, waitSaved, defaultYear,
} from './helpers.js';

const STATUSES = ['done', 'done', 'partial', 'done', 'not_done', 'done', 'not_applicable'];
const statusOf = (i) => STATUSES[i % STATUSES.length];

/** The score the rules give, computed here independently of the app. */
function expectedTotal() {
  let score = 0;
  let max = 0;
  items.forEach((item, i) => {
    const s = statusOf(i);
    if (s === 'not_applicable') return;
    max += item.points;
    if (s === 'done') score += item.points;
    if (s === 'partial') score += Math.round(item.points) / 2; // half, to the nearest 0.5
  });
  return Math.round((score / max) * 100 * 100) / 100;
}

test('a head answers every item, reaches 100% and sees the grade', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await createAssessment(page);
  let n = 0;
  for (let s = 0; s < sections.length; s++) {
    for (const item of sections[s].items) {
      await answer(page, item, statusOf(n), n % 5 === 0 ? `第${n + 1}项情况说明` : '');
      n++;
    }
    await page.getByRole('button', { name: '下一步' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: '检查并完成' })).toBeVisible();
  await expect(page.getByText('全部事项已填写完整')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '完成度' })).toHaveAttribute('aria-valuenow', '100');
  await page.getByRole('button', { name: '查看自查结果' }).click();
  const total = expectedTotal();
  await expect(page.getByTestId('total-score')).toHaveText(String(total));
  const grade = total >= 90 ? '优秀' : total >= 80 ? '良好' : total >= 60 ? '合格' : '不合格';
  await expect(page.getByTestId('grade')).toHaveText(grade);
  const counts = { done: 0, partial: 0, not_done: 0, not_applicable: 0 };
  items.forEach((_, i) => counts[statusOf(i)]++);
  const cells = page.locator('.summary-table tfoot td');
  await expect(cells.nth(3)).toHaveText(String(counts.done));
  await expect(cells.nth(4)).toHaveText(String(counts.partial));
  await expect(cells.nth(5)).toHaveText(String(counts.not_done));
  await expect(cells.nth(6)).toHaveText(String(counts.not_applicable));
  await expect(cells.nth(7)).toHaveText('0');
  expect(errors).toEqual([]);
});

test('a reload mid-way restores every answer and the same step', async ({ page }) => {
  await createAssessment(page);
  await goToSection(page, 2);
  const [a, b, c] = sections[2].items;
  await answer(page, a, 'done', '已编制三张清单并公布');
  await answer(page, b, 'not_done');
  await card(page, c).getByRole('radio', { name: '不适用' }).check();
  await card(page, c).getByLabel('不适用理由').fill('本单位无此职能');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: sections[2].title.zh })).toBeVisible();
  await expect(card(page, a).getByRole('radio', { name: '已落实' })).toBeChecked();
  await expect(card(page, a).getByLabel('情况说明')).toHaveValue('已编制三张清单并公布');
  await expect(card(page, b).getByRole('radio', { name: '未落实' })).toBeChecked();
  await expect(card(page, b).getByLabel('完成时限')).toHaveValue('2027-06-30');
  await expect(card(page, b).getByLabel('责任人')).toHaveValue('张伟');
  await expect(card(page, c).getByLabel('不适用理由')).toHaveValue('本单位无此职能');
});

test('typing is saved even when the page is closed at once', async ({ page, context }) => {
  await createAssessment(page);
  const item = sections[0].items[0];
  await card(page, item).getByRole('radio', { name: '已落实' }).check();
  await card(page, item).getByLabel('情况说明').fill('最后一刻输入的内容');
  // No wait for the autosave: closing flushes it.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto('/');
  await expect(card(again, item).getByLabel('情况说明')).toHaveValue('最后一刻输入的内容');
});

test('the finish step lists exactly the invalid items and its links focus the field', async ({ page }) => {
  test.setTimeout(180_000);
  await createAssessment(page);
  const invalid = new Map([
    [items[1].id, `${items[1].id}-status`],          // left unanswered
    [items[9].id, `${items[9].id}-problem`],         // 未落实 without problem or rectification
    [items[20].id, `${items[20].id}-na_reason`],     // 不适用 without a reason
  ]);
  let n = 0;
  for (let s = 0; s < sections.length; s++) {
    await goToSection(page, s);
    for (const item of sections[s].items) {
      if (item.id === items[9].id) {
        await card(page, item).getByRole('radio', { name: '未落实' }).check();
      } else if (item.id === items[20].id) {
        await card(page, item).getByRole('radio', { name: '不适用' }).check();
      } else if (!invalid.has(item.id)) {
        await card(page, item).getByRole('radio', { name: '已落实' }).check();
      }
      n++;
    }
  }
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '检查并完成' }).click();
  const listed = page.locator('.issue-list li');
  await expect(listed).toHaveCount(invalid.size);
  const ids = await listed.evaluateAll((els) => els.map((e) => e.dataset.issueItem));
  expect(new Set(ids)).toEqual(new Set(invalid.keys()));
  await expect(page.getByText('还有 3 处需要补充或修改')).toBeVisible();
  // Each link takes the user to the first field to fix, focused.
  for (const [id, field] of invalid) {
    await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '检查并完成' }).click();
    await page.locator(`li[data-issue-item="${id}"] a`).click();
    await expect(page.locator(`[id="${field}"]`)).toBeFocused();
  }
  // Fix one and the list shrinks.
  await page.locator(`[id="${items[20].id}-na_reason"]`).fill('本年度无此类事项');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '检查并完成' }).click();
  await expect(listed).toHaveCount(2);
});

test('English and back while answering', async ({ page }) => {
  await createAssessment(page);
  await page.getByRole('button', { name: 'English' }).click();
  const item = sections[0].items[0];
  const en = page.getByRole('article', { name: item.duty.en, exact: true });
  await en.getByRole('radio', { name: 'Partly done' }).check();
  await en.getByLabel('Problem').focus();
  await page.keyboard.press('Tab');
  await expect(en.getByText('Enter the problem')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(card(page, item).getByRole('radio', { name: '部分落实' })).toBeChecked();
  await expect(card(page, item).getByText('请填写存在问题')).toBeVisible();
});

test('one section completed with the keyboard alone', async ({ page }) => {
  await createAssessment(page);
  const s = 1; // 法律武器: four items
  await goToSection(page, s);
  const count = sections[s].items.length;
  for (let i = 0; i < count; i++) {
    // Tab to the next item's answers, then press 1 (已落实).
    for (let guard = 0; guard < 40; guard++) {
      await page.keyboard.press('Tab');
      const ok = await page.evaluate((k) => {
        const el = document.activeElement;
        return !!el && el.type === 'radio' && el.closest('article').dataset.itemId === k;
      }, sections[s].items[i].id);
      if (ok) break;
    }
    await page.keyboard.press('1');
  }
  for (const item of sections[s].items) {
    await expect(card(page, item).getByRole('radio', { name: '已落实' })).toBeChecked();
  }
  const nav = page.getByRole('navigation', { name: '自查步骤' });
  await expect(nav.getByRole('button', { name: new RegExp(`${count}/${count}`) })).toBeVisible();
  // Keys 2-4 answer too, and Next is reachable by keyboard.
  await card(page, sections[s].items[0]).getByRole('radio', { name: '已落实' }).focus();
  await page.keyboard.press('4');
  await expect(card(page, sections[s].items[0]).getByRole('radio', { name: '不适用' })).toBeChecked();
  await page.keyboard.press('1');
  for (let guard = 0; guard < 80; guard++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.textContent === '下一步')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: sections[s + 1].title.zh })).toBeVisible();
});

test('when saving fails the user is warned and can download the draft', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('selfcheck.draft.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, k, v);
    };
  });
  await createAssessment(page, '白云乡人民政府');
  await answer(page, sections[0].items[0], 'done', '要下载保存的内容');
  const alert = page.getByRole('alert').filter({ hasText: '自动保存失败' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('存储空间已满');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: '下载草稿' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('2026年白云乡人民政府法治政府建设第一责任人履职自查.json'.replace('2026', String(defaultYear())));
  const text = await (await download.createReadStream()).toArray();
  const report = JSON.parse(Buffer.concat(text).toString('utf8'));
  expect(report.unit.name).toBe('白云乡人民政府');
  expect(report.answers[0].notes).toBe('要下载保存的内容');
  expect(report.answers[0].status).toBe('done');
});

test('a second tab on the same draft is detected and nothing is overwritten silently', async ({ page, context }) => {
  await createAssessment(page);
  await answer(page, sections[0].items[0], 'done', '第一个窗口');
  await waitSaved(page);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('alert').filter({ hasText: '另一个窗口' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '另一个窗口' })).toBeVisible();
  // The second tab's typing is not saved over the first's.
  await card(second, sections[0].items[0]).getByLabel('情况说明').fill('第二个窗口');
  await second.waitForTimeout(800);
  const stored = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('selfcheck.draft.'));
    return JSON.parse(localStorage.getItem(k)).assessment.answers;
  });
  expect(Object.values(stored)[0].notes).toBe('第一个窗口');
  // Leaving the paused window with what it could not save: the browser asks first (kept open here).
  const asked = second.waitForEvent('dialog');
  await second.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(second.isClosed()).toBe(false);
  // Keeping this window's version resumes saving.
  await second.getByRole('button', { name: '以本窗口内容为准继续保存' }).click();
  await expect(second.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
});

test('drafts are listed, duplicated and deleted with confirmation', async ({ page }) => {
  await createAssessment(page, '红岩镇人民政府');
  await answer(page, sections[0].items[0], 'done');
  await waitSaved(page);
  await page.getByRole('button', { name: '返回首页' }).click();
  const row = page.getByRole('row', { name: /红岩镇人民政府/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('%');
  await page.getByRole('button', { name: /^复制 红岩镇人民政府/ }).click();
  await expect(page.getByRole('row', { name: /红岩镇人民政府（副本）/ })).toHaveCount(1);
  await page.getByRole('button', { name: /^删除 红岩镇人民政府（副本）/ }).click();
  await expect(page.getByRole('alert')).toContainText('确定删除');
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByRole('row', { name: /副本/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^继续填写 红岩镇人民政府/ }).click();
  await expect(card(page, sections[0].items[0]).getByRole('radio', { name: '已落实' })).toBeChecked();
});

test('the walk works on a 390-pixel-wide phone without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  await createAssessment(page, '手机镇人民政府');
  await answer(page, sections[0].items[0], 'not_done', '在手机上填写');
  await waitSaved(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await goToSection(page, 6);
  await expect(page.getByRole('heading', { level: 1, name: sections[6].title.zh })).toBeVisible();
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '自查结果' }).click();
  await expect(page.getByTestId('grade')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

test('an evidence file is recorded by name, size and SHA-256 only, with or without WebCrypto', async ({ browser }) => {
  const crypto = await import('node:crypto');
  const content = Buffer.from('关于印发年度法治政府建设工作计划的通知\n'.repeat(5000));
  const sha = crypto.createHash('sha256').update(content).digest('hex');
  for (const withoutWebCrypto of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (withoutWebCrypto) {
      // A plain-HTTP intranet address: no crypto.subtle, the app hashes in WebAssembly.
      await page.addInitScript(() => {
        Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
      });
    }
    await createAssessment(page);
    const c = card(page, items[0]);
    await c.getByRole('radio', { name: LABEL.done }).check();
    await c.getByLabel('选择本机文件…').setInputFiles({ name: '工作计划.pdf', mimeType: 'application/pdf', buffer: content });
    const row = c.locator('.evidence-file');
    await expect(row).toContainText('工作计划.pdf');
    await expect(row.locator('code')).toHaveAttribute('title', sha);
    await context.close();
  }
});
