// Regenerates the README's screenshots from the built app (run after `trunk build --release`):
//   node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const port = Number(process.env.E2E_PORT || 8197);
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('button', { name: '新建自查' }).click();
  await page.getByLabel('单位名称').fill('X县青山镇人民政府');
  await page.getByLabel('第一责任人姓名').fill('李明');
  await page.getByLabel('第一责任人职务').fill('镇长');
  await page.getByRole('button', { name: '开始自查' }).click();
  const cards = page.getByRole('article');
  await cards.nth(0).getByRole('radio', { name: '已落实' }).check();
  await cards.nth(0).getByLabel('情况说明').fill('重大事项均先由法律顾问出具意见，再提交党委会、镇长办公会研究。');
  await cards.nth(1).getByRole('radio', { name: '部分落实' }).check();
  await cards.nth(1).getByLabel('存在问题').fill('个别事项未充分听取群众意见。');
  await cards.nth(1).getByLabel('措施').fill('重要事项决策前召开座谈会，征求意见记录归档。');
  await cards.nth(1).getByLabel('责任人').fill('张伟（分管副镇长）');
  await cards.nth(1).getByRole('radio', { name: '长期坚持' }).check();
  await cards.nth(1).getByLabel('措施').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/walk.png' });
  // The finish step of a nearly complete draft: one item left, and the 已落实 answers without
  // notes or evidence warned about below it.
  const sideNav = page.getByRole('navigation', { name: '自查步骤' });
  const sectionCount = await sideNav.locator('.nav-part ol > li').count();
  for (let s = 0; s < sectionCount; s++) {
    await sideNav.locator('.nav-part ol > li').nth(s).getByRole('button').click();
    const all = page.getByRole('article');
    for (let i = 0; i < await all.count(); i++) {
      if (s === 0 && i < 3) continue;
      await all.nth(i).getByRole('radio', { name: '已落实' }).check();
    }
  }
  await sideNav.getByRole('button', { name: '检查并完成' }).click();
  await page.screenshot({ path: 'docs/screenshots/finish.png' });

  // English: the same walk, as an English-speaking reviewer sees it.
  await page.getByRole('navigation', { name: '自查步骤' }).getByRole('button', { name: /^（一）以法治思维/ }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/english.png' });
  await page.getByRole('button', { name: '中文' }).click();

  // The printed report: page 1 of the sample, as PDF and as a picture.
  const paper = await browser.newPage({ locale: 'zh-CN' });
  await paper.goto(`http://127.0.0.1:${port}/`);
  await paper.getByLabel('选择报告文件…').first().setInputFiles('docs/sample-report.json');
  await paper.getByRole('button', { name: '打印预览' }).first().click();
  await paper.emulateMedia({ media: 'print' });
  await paper.pdf({ path: '/tmp/selfcheck-sample-report.pdf', preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile',
    '/tmp/selfcheck-sample-report.pdf', 'docs/screenshots/report-page1']);
  // A page of the item table with rectifications: each measure with its 责任人 and 完成时限.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', '-singlefile',
    '/tmp/selfcheck-sample-report.pdf', 'docs/screenshots/report-items']);

  // The reviewer desk's first view (总体情况) on a generated set, reviewed as of 1 September 2027.
  const set = 'target/desk-set';
  if (!fs.existsSync(set)) execFileSync('cargo', ['run', '--quiet', '--example', 'gen_reports', '--', set, '60'], { stdio: 'inherit' });
  const desk = await browser.newPage({ viewport: { width: 1280, height: 1500 }, locale: 'zh-CN' });
  await desk.clock.setSystemTime(new Date('2027-09-01T10:00:00'));
  await desk.goto(`http://127.0.0.1:${port}/`);
  await desk.getByRole('button', { name: '进入汇总审阅' }).click();
  await desk.getByLabel('选择报告文件（可多选）…').setInputFiles(fs.readdirSync(set).map((f) => `${set}/${f}`));
  await desk.getByTestId('desk-ms').waitFor();
  await desk.getByRole('tab', { name: '总体情况' }).scrollIntoViewIfNeeded();
  await desk.screenshot({ path: 'docs/screenshots/desk-overview.png' });

  // The county's tools: a 考核细则 table previewed before it is kept, and the
  // start page of the county edition made from it (as a unit opens it).
  const county = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  await county.goto(`http://127.0.0.1:${port}/`);
  await county.getByLabel('载入检查清单（表格或 JSON 文件）…').setInputFiles('examples/county-table.xlsx');
  await county.getByRole('heading', { name: '各方面分值' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await county.evaluate(() => window.scrollBy(0, -40));
  await county.screenshot({ path: 'docs/screenshots/county-preview.png' });
  await county.getByRole('button', { name: '保留此检查清单' }).click();
  await county.getByRole('button', { name: '知道了' }).click();
  await county.getByRole('button', { name: /^生成本县分发版/ }).click();
  await county.getByLabel('分发单位').fill('X县司法局');
  const [edition] = await Promise.all([county.waitForEvent('download'), county.getByRole('button', { name: '生成并下载' }).click()]);
  await edition.saveAs('/tmp/selfcheck-county-edition.html');
  const unit = await browser.newPage({ viewport: { width: 1280, height: 620 }, locale: 'zh-CN' });
  await unit.goto('file:///tmp/selfcheck-county-edition.html');
  await unit.getByRole('button', { name: '新建自查' }).waitFor();
  await unit.screenshot({ path: 'docs/screenshots/county-edition.png' });
} finally {
  await browser.close();
  server.kill();
}
