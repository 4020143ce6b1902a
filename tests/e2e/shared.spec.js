// The journeys of journeys.js, driven in Chromium through Playwright. The same
// script runs in Firefox ESR through puppeteer-core (firefox.mjs).
import { test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { playwrightDriver } from './adapter.js';
import * as journeys from './journeys.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SET = path.join(ROOT, 'target/desk-set-small');
const VALID = 10;

test.beforeAll(() => {
  if (!fs.existsSync(SET) || fs.readdirSync(SET).length !== VALID + 10) {
    fs.rmSync(SET, { recursive: true, force: true });
    execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', SET, String(VALID)], { cwd: ROOT, stdio: 'inherit' });
  }
});

const run = (journey) => async ({ page, baseURL }) => journey(playwrightDriver(page, { baseURL }));

test.describe('shared journeys (Chromium)', () => {
  test('walk: mouse and keyboard sections, reload, finish list, results, JSON checked and reopened', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await run(journeys.walk)({ page, baseURL });
  });
  test('print: the report as an A4 PDF with every duty and the fingerprint, QR code decoded', run(journeys.print));
  test('tab guard: re-opened, reloaded, closed and reopened never pauses; a real second tab does, and resumes', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    await run(journeys.tabGuard)({ page, baseURL });
  });
  test('single file from file://: answer, autosave, download, print, reopen', run(journeys.singleFile));
  test('reviewer desk on a small set', ({ page, baseURL }) => run(journeys.desk(SET, VALID))({ page, baseURL }));
  test('reviewer desk without WebCrypto', ({ page, baseURL }) =>
    run(journeys.desk(SET, VALID, { webCrypto: false }))({ page, baseURL }));
});
