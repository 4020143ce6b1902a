// Offline after the first visit, updates that keep the draft, the single-file
// edition from file://, and the browser-enforced privacy guarantee.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createAssessment, answer, sections, card, waitSaved } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = path.join(ROOT, 'dist');

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

test('after one visit the app loads and works with the network off', async ({ page, context }) => {
  await page.goto('/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await createAssessment(page, '离线镇人民政府');
  await answer(page, sections[0].items[0], 'done', '断网状态下填写');
  await waitSaved(page);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载草稿' }).click()]);
  expect(d.suggestedFilename()).toContain('离线镇人民政府');
  await page.reload();
  await expect(card(page, sections[0].items[0]).getByLabel('情况说明')).toHaveValue('断网状态下填写');
});

test('a new deploy is offered as an update and the draft survives it', async ({ browser }) => {
  // Serve a copy of dist/ that can be "redeployed" while the page is open.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-site-'));
  fs.cpSync(DIST, site, { recursive: true });
  const port = 8300 + Math.floor(Math.random() * 500);
  const server = spawn('node', [path.join(ROOT, 'tests/e2e/serve.mjs'), site, String(port)], { stdio: 'ignore' });
  try {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN' });
    const page = await context.newPage();
    for (let i = 0; i < 50; i++) {
      try { await page.goto('/'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    await controlled(page);
    await createAssessment(page, '更新镇人民政府');
    await answer(page, sections[0].items[0], 'not_done');
    await waitSaved(page);
    const oldKeys = await page.evaluate(() => caches.keys());
    // Redeploy: a new build has a new service worker version.
    const sw = path.join(site, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const offer = page.getByRole('button', { name: '新版本可用，点击刷新' });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await Promise.all([page.waitForEvent('load'), offer.click()]);
    await expect(card(page, sections[0].items[0]).getByRole('radio', { name: '未落实' })).toBeChecked();
    await expect(card(page, sections[0].items[0]).getByLabel('责任人')).toHaveValue('张伟');
    const newKeys = await page.evaluate(() => caches.keys());
    expect(newKeys).toHaveLength(1);
    expect(newKeys[0]).toMatch(/-next$/);
    expect(oldKeys).not.toContain(newKeys[0]);
    await context.close();
  } finally {
    server.kill();
  }
});

test('the single file works from file:// with every network request refused', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const file = `file://${path.join(DIST, 'selfcheck-standalone.html')}`;
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(file);
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('单位名称').fill('U盘镇人民政府');
  await page.getByLabel('第一责任人姓名').fill('赵强');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByRole('button', { name: '开始自查' }).click();
  await answer(page, sections[0].items[0], 'partial', '单文件版中填写');
  await waitSaved(page);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载草稿' }).click()]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-')), d.suggestedFilename());
  await d.saveAs(saved);
  expect(JSON.parse(fs.readFileSync(saved, 'utf8')).unit.name).toBe('U盘镇人民政府');
  // Printing works from the file too.
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '打印预览' }).click();
  await expect(page.getByRole('article', { name: '打印预览' }).getByRole('heading', { level: 1 }))
    .toContainText('U盘镇人民政府');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf();
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.close();
  // Double-clicking the same file again finds the draft where it was left.
  const again = await context.newPage();
  await again.goto(file);
  // It reopens where the user left it (the print preview); the answers are there.
  await expect(again.getByRole('heading', { level: 2, name: '打印预览' })).toBeVisible();
  await again.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: new RegExp(`^${sections[0].title.zh.replace(/[（）]/g, '.')}`) }).click();
  await expect(card(again, sections[0].items[0]).getByLabel('情况说明')).toHaveValue('单文件版中填写');
  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

async function recordPrivacy(context, page, origin) {
  const offOrigin = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
    window.print = () => { window.__printed = (window.__printed || 0) + 1; };
  });
  return offOrigin;
}

test('a whole journey sends nothing anywhere and violates no content security policy', async ({ page, context, baseURL }) => {
  const offOrigin = await recordPrivacy(context, page, baseURL);
  await createAssessment(page, '隐私镇人民政府');
  await answer(page, sections[0].items[0], 'done', '只保存在本机');
  await answer(page, sections[0].items[1], 'not_done');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '自查结果' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载自查报告（JSON）' }).click()]);
  await page.getByRole('button', { name: '打印预览' }).first().click();
  await page.getByRole('button', { name: '打印 / 另存为 PDF' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(os.tmpdir(), 'selfcheck-privacy.pdf') });
  expect(offOrigin).toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test('the policy really blocks connections to other origins (control)', async ({ page, context, baseURL }) => {
  const offOrigin = await recordPrivacy(context, page, baseURL);
  await page.goto('/');
  const outcome = await page.evaluate(() => fetch('https://example.com/collect', { method: 'POST', body: 'x' })
    .then(() => 'sent', (e) => `blocked: ${e.message}`));
  expect(outcome).toMatch(/^blocked/);
  await expect.poll(() => page.evaluate(() => window.__csp)).toContain('connect-src https://example.com/collect');
  expect(offOrigin).toEqual([]);
});
