// Playwright runs the built app (dist/) in Debian's Chromium; it never downloads a browser.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8181);

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
