// The reviewer desk and resubmissions: a set in which units resubmit —
// genuine reports with altered second copies, corrections, an altered copy
// claiming to be newer, identical copies, altered / unsealed / inconsistent
// single reports, invalid files, a checklist not loaded (examples/gen_reports
// --resubmissions, with a manifest of what must be concluded, written by
// construction). Picked in several orders and in two selections, with and
// without WebCrypto: the same report counts for every unit and year, every
// file has every verdict, and the CSV files are byte-identical.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const SET = path.join(ROOT, 'target/desk-resub');
const MANIFEST = `${SET}.expected.json`;

test.beforeAll(() => {
  if (!fs.existsSync(MANIFEST)) {
    execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', '--resubmissions', SET], { cwd: ROOT, stdio: 'inherit' });
  }
});

const expected = () => JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
const names = () => fs.readdirSync(SET).sort();

/** A seeded shuffle (the same order every run). */
function shuffled(xs, seed) {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function readDownload(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-')), d.suggestedFilename());
  await d.saveAs(out);
  return fs.readFileSync(out);
}

/** Opens the desk and picks `order` in `picks` selections. */
async function pick(page, order, picks) {
  await page.goto('/');
  await page.getByRole('button', { name: '进入汇总审阅' }).click();
  const size = Math.ceil(order.length / picks);
  for (let i = 0; i < order.length; i += size) {
    const before = await page.getByTestId('desk-counts').textContent();
    await page.getByLabel('选择报告文件（可多选）…').setInputFiles(order.slice(i, i + size).map((f) => path.join(SET, f)));
    await expect(page.getByTestId('desk-counts')).toContainText(`共${Math.min(i + size, order.length)}份文件`);
    expect(before).not.toContain(`共${Math.min(i + size, order.length)}份文件`);
  }
}

/** What the page says: the counted file of every unit and year (every checklist group), every file's findings. */
async function observe(page) {
  const counted = {};
  const groups = page.getByLabel('检查清单版本');
  const n = (await groups.count()) ? await groups.locator('option').count() : 1;
  await page.getByRole('tab', { name: '单位一览' }).click();
  for (let g = 0; g < n; g++) {
    if (n > 1) await groups.selectOption({ index: g });
    const rows = await page.locator('.units-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th').firstChild.textContent.trim(), tr.cells[3].textContent.trim(), tr.dataset.file]));
    for (const [unit, year, file] of rows) counted[`${unit}|${year}`] = file;
  }
  if (n > 1) await groups.selectOption({ index: 0 });
  const findings = {};
  const add = (file, kinds) => {
    if (kinds.length === 0) return;
    findings[file] = [...new Set([...(findings[file] || []), ...kinds])].sort();
  };
  await page.getByRole('tab', { name: /问题文件/ }).click();
  for (const [file, kinds] of await page.locator('.problems tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.file, [...tr.querySelectorAll('li[data-kind]')].map((li) => li.dataset.kind)]))) add(file, kinds);
  await page.getByRole('tab', { name: /多份报告/ }).click();
  for (const [file, kinds] of await page.locator('section.slot tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.file, [...tr.querySelectorAll('li[data-kind]')].map((li) => li.dataset.kind)]))) add(file, kinds);
  return { counted, findings };
}

function check(seen, want) {
  const counted = Object.fromEntries(want.counted.map((c) => [`${c.unit}|${c.year}`, c.file]));
  expect(seen.counted).toEqual(counted);
  const findings = Object.fromEntries(Object.entries(want.findings).filter(([, k]) => k.length > 0));
  expect(seen.findings).toEqual(findings);
}

for (const webCrypto of [true, false]) {
  test(`every unit's counted report and every verdict, in several orders${webCrypto ? '' : ', without WebCrypto'}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (!webCrypto) {
      await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
    }
    const want = expected();
    const all = names();
    expect(all.length).toBeGreaterThan(40);
    const orders = webCrypto
      ? [[all, 1], [[...all].reverse(), 2], [shuffled(all, 7), 3]]
      : [[shuffled(all, 11), 2]];
    let csv = null;
    for (const [order, picks] of orders) {
      await pick(page, order, picks);
      expect(await page.evaluate(() => typeof crypto.subtle)).toBe(webCrypto ? 'object' : 'undefined');
      const counts = await page.getByTestId('desk-counts').textContent();
      expect(counts).toContain(`共${all.length}份文件：采用${want.counted.length}份`);
      check(await observe(page), want);
      const files = [
        await readDownload(page, () => page.getByRole('button', { name: '导出单位一览（CSV）' }).click()),
        await readDownload(page, () => page.getByRole('button', { name: '导出履职矩阵（CSV）' }).click()),
        await readDownload(page, () => page.getByRole('button', { name: '导出整改清单（CSV）' }).click()),
        await readDownload(page, () => page.getByRole('button', { name: '导出文件核验清单（CSV）' }).click()),
      ];
      // The file checks' 读取 column records which selection and when each file
      // was read: the one column that depends on how the files were picked.
      files[3] = Buffer.from(files[3].toString('utf8').replace(/,第\d+次选择，\d\d:\d\d:\d\d,/g, ',,'), 'utf8');
      expect(files[3].toString('utf8').split('\r\n')[0]).toContain('报告文件,读取,');
      if (csv) files.forEach((f, i) => expect(f.equals(csv[i]), `CSV ${i} identical in every order`).toBe(true));
      csv = files;
    }
    // The file checks CSV names every file once, with its verdict.
    const rows = csv[3].toString('utf8').split('\r\n').filter((l) => l !== '');
    expect(rows.length).toBe(all.length + 1);
  });
}

test('the newest report fails verification: the reviewer chooses, the choice shows in the CSV and outlives 清空', async ({ page }) => {
  test.setTimeout(120_000);
  const want = expected();
  const { unit, newest, counted } = want.awaiting;
  await pick(page, names(), 1);
  const note = page.getByRole('note').filter({ hasText: '最新的报告未通过核验' });
  await expect(note).toContainText('有1个单位');
  await note.getByRole('button', { name: '去确认' }).click();
  await expect(page.getByRole('tab', { name: /多份报告/ })).toHaveAttribute('aria-selected', 'true');
  const slot = page.getByRole('region', { name: new RegExp(unit) });
  await expect(slot).toContainText(`最新的一份“${newest}”未通过核验`);
  await expect(slot.getByRole('row', { name: new RegExp(counted.replace(/[().]/g, '\\$&')) })).toContainText('采用');
  await slot.getByRole('button', { name: `改用“${newest}”` }).click();
  await expect(note).toHaveCount(0);
  await expect(slot).toContainText('审阅人选定（共2份）');
  const units = (await readDownload(page, () => page.getByRole('button', { name: '导出单位一览（CSV）' }).click())).toString('utf8');
  const line = units.split('\r\n').find((l) => l.startsWith(unit));
  expect(line.endsWith(`,${newest},审阅人选定（共2份）`)).toBe(true);
  // 清空 and the same files again, in another order: the choice holds for the session.
  await page.getByRole('button', { name: '清空' }).click();
  await expect(page.getByTestId('desk-counts')).toContainText('共0份文件');
  await page.getByLabel('选择报告文件（可多选）…').setInputFiles([...names()].reverse().map((f) => path.join(SET, f)));
  await expect(page.getByTestId('desk-counts')).toContainText(`共${names().length}份文件`);
  await page.getByRole('tab', { name: '单位一览' }).click();
  await expect(page.locator('.units-table tbody tr').filter({ hasText: unit })).toHaveAttribute('data-file', newest);
});

test('an altered report opened with 查看 looks altered on screen and on every printed page; the list is kept', async ({ page }) => {
  test.setTimeout(120_000);
  const want = expected();
  // An altered report that counts for its unit (no other report of its unit
  // and year), left out of the figures.
  const file = Object.entries(want.findings).find(([f, k]) => k.join() === 'altered,left_out'
    && want.counted.some((c) => c.file === f))[0];
  const unit = want.counted.find((c) => c.file === file).unit;
  const stated = JSON.parse(fs.readFileSync(path.join(SET, file), 'utf8')).integrity.digest;
  await pick(page, names(), 1);
  await page.getByRole('tab', { name: '单位一览' }).click();
  await page.getByLabel('查找（单位、第一责任人、文件名）').fill(unit);
  await page.getByRole('button', { name: `查看 ${unit}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `报告（只读，未通过核验） · ${unit}` })).toBeVisible();
  const doc = page.getByRole('article', { name: '打印预览' });
  await expect(doc.getByRole('note')).toContainText('文件内容与数字指纹不符，可能已被修改');
  await expect(doc).toContainText(`${stated}（为报告文件所载的数字指纹，与文件内容不符）`);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-')), 'altered.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  expect(pages).toBeGreaterThan(2);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const footer = `文件内容与数字指纹不符，可能已被修改 · 文件所载数字指纹 ${stated.slice(0, 16)}`;
  expect(text.split(footer).length - 1, 'the verdict in every page footer').toBe(pages);
  expect(text.replace(/\s+/g, '')).toContain(stated);
  // Back to the list it came from: the tab, the filter, the set.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('tab', { name: '单位一览' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('查找（单位、第一责任人、文件名）')).toHaveValue(unit);
  await expect(page.getByRole('button', { name: `查看 ${unit}` })).toBeFocused();
  await expect(page.getByTestId('desk-counts')).toContainText(`共${names().length}份文件`);
});
