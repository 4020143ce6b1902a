// The reviewer desk is a second WebAssembly module (src/bin/desk.rs), loaded
// only when a reviewer opens it: a unit's first visit never downloads it; once
// loaded it keeps the reviewer's files while hidden; a module that cannot be
// loaded gets a clear message and the rest of the app works on; after one
// visit it is precached and opens offline.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { createAssessment, sections } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SMALL = path.join(ROOT, 'target/desk-set-small');
const deskFiles = () => fs.readdirSync(SMALL).map((f) => path.join(SMALL, f));
const isDesk = (url) => /\/bureau-[0-9a-f]+(_bg\.wasm|\.js)$/.test(url);

test('a unit\'s visit never downloads the desk; opening the desk does', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto('/');
  await createAssessment(page, '某某镇人民政府');
  await page.getByRole('button', { name: '返回首页' }).click();
  expect(fetched.filter(isDesk)).toEqual([]);
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '汇总审阅' })).toBeVisible();
  expect(fetched.filter(isDesk).map((u) => path.basename(u)).sort())
    .toEqual([expect.stringMatching(/^bureau-[0-9a-f]+\.js$/), expect.stringMatching(/^bureau-[0-9a-f]+_bg\.wasm$/)]);
  // One main landmark and one h1 on the desk screen.
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('the desk keeps its files across the start screen and follows the language', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(deskFiles());
  const counts = page.getByTestId('desk-counts');
  await expect(counts).toContainText('共20份文件');
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await expect(page.getByRole('button', { name: '进入汇总审阅' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '汇总审阅' })).toBeHidden();
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await expect(counts).toContainText('共20份文件');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviewer desk' })).toBeVisible();
  await expect(counts).toContainText('20 files');
});

test.describe('as on a first visit, with no service worker', () => {
  // A service worker that controls the page would answer from its cache, past the blocked route.
  test.use({ serviceWorkers: 'block' });
test('a desk module that cannot be loaded says so; the app works on and a later try succeeds', async ({ page }) => {
  await page.route(/\/bureau-[0-9a-f]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await expect(page.getByRole('alert')).toContainText('县司法局工具（汇总审阅、检查清单工具）未能载入');
  await expect(page.getByRole('alert')).toContainText('自查填写、下载和打印不受影响');
  await page.getByRole('button', { name: '返回', exact: true }).click();
  // The unit's own work goes on in the same page.
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('单位名称').fill('断网镇人民政府');
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByRole('button', { name: '开始自查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: sections[0].title.zh })).toBeVisible();
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.unroute(/\/bureau-[0-9a-f]+\.js$/);
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '汇总审阅' })).toBeVisible();
});
});

test('after one visit the desk opens with the network off', async ({ page, context }) => {
  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles(deskFiles());
  await expect(page.getByTestId('desk-counts')).toContainText('共20份文件');
});
