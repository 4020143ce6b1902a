// Shared helpers for the journeys: the checklist as data, and the steps a user takes.
import fs from 'node:fs';
import { expect } from '@playwright/test';

export const checklist = JSON.parse(
  fs.readFileSync(new URL('../../content/builtin-checklist.json', import.meta.url), 'utf8'));
export const sections = checklist.parts.flatMap((p) => p.groups);
export const items = sections.flatMap((g) => g.items);

export const LABEL = { done: '已落实', partial: '部分落实', not_done: '未落实', not_applicable: '不适用' };

/** The 自查年度 a new assessment defaults to: last year until the end of March. */
export function defaultYear(now = new Date()) {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** From the start screen: fill the unit form and start. */
export async function createAssessment(page, unit = '青山镇人民政府') {
  await page.goto('/');
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('单位名称').fill(unit);
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByLabel('填报人').fill('王芳');
  await page.getByRole('button', { name: '开始自查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: sections[0].title.zh })).toBeVisible();
}

/** The card of one item, found by its duty text as a screen reader names it. */
export function card(page, item) {
  return page.getByRole('article', { name: item.duty.zh, exact: true });
}

/** Answers one item completely (with the follow-up fields its answer needs). */
export async function answer(page, item, status, note = '') {
  const c = card(page, item);
  await c.getByRole('radio', { name: LABEL[status] }).check();
  if (note) await c.getByLabel('情况说明').fill(note);
  if (status === 'partial' || status === 'not_done') {
    await c.getByLabel('存在问题').fill('制度执行不到位');
    await c.getByLabel('措施').fill('完善制度并按季度检查');
    await c.getByLabel('责任人').fill('张伟');
    await c.getByLabel('完成时限').fill('2027-06-30');
  }
  if (status === 'not_applicable') {
    await c.getByLabel('不适用理由').fill('本年度无此类事项');
  }
}

export async function goToSection(page, index) {
  await page.getByRole('navigation', { name: '自查步骤' })
    .getByRole('button', { name: new RegExp('^' + escapeRe(sections[index].title.zh)) }).click();
  await expect(page.getByRole('heading', { level: 1, name: sections[index].title.zh })).toBeVisible();
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function waitSaved(page) {
  await expect(page.getByRole('status').filter({ hasText: '已自动保存' })).toBeVisible();
}
