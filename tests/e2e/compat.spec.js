// The app on an "old engine": WebAssembly that rejects anything beyond MVP +
// mutable globals + sign extension (validated by wabt in Node), and a browser
// without WebAssembly at all, which must get the floor message, not a blank page.
import { test, expect } from '@playwright/test';
import { validatesOnOldEngine, wat } from '../compat/old-engine.mjs';
import { createAssessment, answer, sections, watchErrors } from './helpers.js';

async function oldEngine(page) {
  await page.exposeFunction('__oldEngineValidate', (bytes) => validatesOnOldEngine(Uint8Array.from(bytes)));
  await page.addInitScript(() => {
    const W = window.WebAssembly;
    const realInstantiate = W.instantiate.bind(W);
    const realCompile = W.compile.bind(W);
    window.__oldEngineValidated = 0;
    const check = async (src) => {
      const bytes = new Uint8Array(src.buffer ? src.buffer.slice(src.byteOffset, src.byteOffset + src.byteLength) : src);
      const err = await window.__oldEngineValidate(Array.from(bytes));
      if (err) throw new W.CompileError(`old engine: ${err}`);
      window.__oldEngineValidated += 1;
    };
    // Old engines have no streaming compilation: force the byte path through the check.
    delete W.instantiateStreaming;
    delete W.compileStreaming;
    W.instantiate = async (src, imports) => {
      if (src instanceof W.Module) return realInstantiate(src, imports);
      await check(src);
      return realInstantiate(src, imports);
    };
    W.compile = async (src) => { await check(src); return realCompile(src); };
  });
}

test('the app works on an engine limited to WebAssembly MVP + mutable globals + sign extension', async ({ page }) => {
  const errors = watchErrors(page);
  await oldEngine(page);
  await createAssessment(page);
  expect(await page.evaluate(() => window.__oldEngineValidated)).toBeGreaterThan(0);
  await answer(page, sections[0].items[0], 'done', '旧内核浏览器中填写');
  await answer(page, sections[0].items[1], 'not_done');
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: '自查结果' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载自查报告（JSON）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/法治政府建设第一责任人履职自查\.json$/);
  expect(errors).toEqual([]);
});

test('the injected old engine really rejects newer WebAssembly', async ({ page }) => {
  await oldEngine(page);
  await page.goto('/');
  const refTypes = Array.from(wat('(module (func (param externref)))', { reference_types: true }));
  const outcome = await page.evaluate(async (bytes) => {
    try {
      await WebAssembly.instantiate(new Uint8Array(bytes), {});
      return 'accepted';
    } catch (e) {
      return e.message;
    }
  }, refTypes);
  expect(outcome).toContain('old engine');
});

test('without WebAssembly the page explains which browser to use', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  const floor = page.getByRole('alert');
  await expect(floor).toContainText('请使用 Chromium 80 及以上内核的浏览器');
  await expect(floor).toContainText('Firefox 78 ESR');
  await expect(page.getByRole('button', { name: '新建自查' })).toHaveCount(0);
});

test('if the app fails to start, the floor message appears instead of a blank page', async ({ page }) => {
  await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from([0, 97, 115, 109, 9, 9]) }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('本系统无法在当前浏览器中运行');
});
