// Hosting under a sub-path: the app built with Trunk's --public-url is served
// under /intranet/fazhi-zicha/ on a server whose root is another site, as on a
// county's shared intranet server. Start, autosave, the service worker's scope
// and an offline reload, all under the sub-path.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { playwrightDriver } from './adapter.js';
import { createAssessment, answer, waitSaved, sections, article, expectChecked } from './journeys.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PREFIX = '/intranet/fazhi-zicha/';
const DIST = path.join(ROOT, 'target/dist-subpath');
export const BUILD = ['build', '--release', '--offline', '--public-url', PREFIX, '--dist', DIST];

test.beforeAll(() => {
  // scripts/test builds it just before; a lone run builds it when missing.
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    test.setTimeout(600_000);
    execFileSync('trunk', BUILD, { cwd: ROOT, stdio: 'inherit' });
  }
});

test('under a sub-path: start, autosave, service worker scope, offline reload with the draft', async ({ browser }) => {
  // The server's root holds another site.
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'selfcheck-other-site-'));
  fs.writeFileSync(path.join(other, 'index.html'), '<!doctype html><title>县政府门户</title><h1>县政府门户网站</h1>');
  const port = 8800 + Math.floor(Math.random() * 400);
  const server = spawn('node', [path.join(ROOT, 'tests/e2e/serve.mjs'), other, String(port), `${PREFIX}=${DIST}`], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const requests = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const page = await context.newPage();
    for (let i = 0; i < 100; i++) {
      try { await page.goto(`${origin}/`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    await expect(page.getByRole('heading', { name: '县政府门户网站' })).toBeVisible();
    requests.length = 0;

    const d = playwrightDriver(page, { baseURL: origin });
    await createAssessment(d, '子路径镇人民政府', `${origin}${PREFIX}`);
    const [first, second] = sections[0].items;
    await answer(d, first, 'done', '部署在子路径下填写');
    await answer(d, second, 'not_done');
    await waitSaved(d);
    // Every file the app asked for is under the sub-path, none at the server's root.
    const stray = requests.filter((p) => !p.startsWith(PREFIX));
    expect(stray).toEqual([]);
    expect(requests).toContain(`${PREFIX}sw.js`);

    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
    const scopes = await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => r.scope)));
    expect(scopes).toEqual([`${origin}${PREFIX}`]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`${origin}${PREFIX}sw.js`);

    // Autosave: a reload finds the answers.
    await page.reload();
    await expectChecked(d, first, 'done');
    await expect(page.getByRole('article', { name: first.duty.zh, exact: true }).getByLabel('情况说明')).toHaveValue('部署在子路径下填写');

    // Offline: the service worker serves the app under the sub-path, with the draft.
    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('/').then(() => 'online', () => 'offline'))).toBe('offline');
    await page.reload();
    await expectChecked(d, first, 'done');
    await expectChecked(d, second, 'not_done');
    expect(await d.field('责任人', article(d, second)).value()).toBe('张伟');
    // And a new draft can be started and saved while offline.
    await page.getByRole('button', { name: '返回首页' }).click();
    await expect(page.getByRole('row', { name: /子路径镇人民政府/ })).toHaveCount(1);
  } finally {
    await context.close();
    server.kill();
  }
});
