// One small driver interface over two automation libraries, so the same journey
// script (journeys.js) runs in Playwright's Chromium and in Debian's Firefox ESR
// through puppeteer-core (WebDriver BiDi). Elements are found by ARIA role and
// accessible name, or by the label of a form field, as a user (or a screen
// reader) finds them; CSS selectors only for counting rows.
//
//   const d = playwrightDriver(page, { baseURL });
//   const d = puppeteerDriver(page, { baseURL, downloadDir });
//   await d.role('button', '新建自查').click();
//   await d.field('情况说明', d.role('article', duty)).fill('…');
//
// Every element is resolved lazily and retried until TIMEOUT, like Playwright's
// locators; `until` polls any value for a condition and fails with the last one.
import fs from 'node:fs';
import path from 'node:path';

export const TIMEOUT = Number(process.env.E2E_TIMEOUT || 15_000);

/** Serves dist/ on loopback for the scripts that drive browsers themselves; resolves once it answers. */
export async function serveDist(root, port) {
  const { spawn } = await import('node:child_process');
  const server = spawn('node', [path.join(root, 'tests/e2e/serve.mjs'), path.join(root, 'dist'), String(port)],
    { stdio: 'ignore' });
  for (let i = 0; ; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); return server; } catch (e) {
      if (i > 100) { server.kill(); throw e; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `read()` until `ok(value)`; throws with the last value after `timeout`. */
export async function until(what, read, ok, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}; last value: ${error ? error.message : JSON.stringify(last)}`);
    }
    await sleep(50);
  }
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const absolute = (base, url) => (/^[a-z]+:/.test(url) ? url : new URL(url, base).href);

// ---------------------------------------------------------------------------
// Playwright (Chromium)

export function playwrightDriver(page, { baseURL } = {}) {
  const caps = { pageMarginBoxes: true };
  const wrap = (loc) => ({
    loc,
    click: () => loc.first().click(),
    fill: (v) => loc.first().fill(v),
    check: () => loc.first().check(),
    focus: () => loc.first().focus(),
    checked: () => loc.first().isChecked(),
    value: () => loc.first().inputValue(),
    text: () => loc.first().textContent({ timeout: TIMEOUT }),
    attr: (name) => loc.first().getAttribute(name),
    count: () => loc.count(),
    visible: () => loc.first().isVisible(),
    texts: () => loc.allTextContents(),
    attrs: (name) => loc.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name),
    setFiles: (files) => loc.first().setInputFiles(files),
    screenshot: (file) => loc.first().screenshot({ path: file }),
    selectIndex: (i) => loc.first().selectOption({ index: i }),
  });
  const scopeOf = (within) => (within ? within.loc.first() : page);
  const nameOpt = (name) => (name === undefined ? {} : { name, exact: typeof name === 'string' });
  return {
    name: 'chromium',
    page,
    caps,
    goto: (url) => page.goto(absolute(baseURL, url)),
    reload: () => page.reload(),
    role: (role, name, within, extra = {}) => wrap(scopeOf(within).getByRole(role, { ...nameOpt(name), ...extra })),
    // getByLabel reads the label's text, which includes the required-field
    // star the app hides from screen readers (aria-hidden " *").
    field: (label, within) => wrap(scopeOf(within).getByLabel(new RegExp(`^${escapeRe(label)}(\\s*\\*)?$`))),
    css: (selector, within) => wrap(scopeOf(within).locator(selector)),
    press: (key) => page.keyboard.press(key),
    eval: (fn, arg) => page.evaluate(fn, arg),
    initScript: (fn) => page.addInitScript(fn),
    onErrors(errors) {
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
    },
    async download(trigger, dir) {
      const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
      const file = path.join(dir, d.suggestedFilename());
      await d.saveAs(file);
      return file;
    },
    async pdf(file) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: file, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
    },
    newPage: async () => playwrightDriver(await page.context().newPage(), { baseURL }),
    close: () => page.close({ runBeforeUnload: true }),
  };
}

// ---------------------------------------------------------------------------
// puppeteer-core (Firefox over WebDriver BiDi; Chromium over CDP)

const quote = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function ariaSelector(role, name) {
  let s = '';
  if (typeof name === 'string') s += `[name=${quote(name)}]`;
  if (role) s += `[role=${quote(role)}]`;
  return `::-p-aria(${s})`;
}

export function puppeteerDriver(page, { baseURL, downloadDir, browserName = 'firefox' } = {}) {
  // A query returns every matching handle, resolved from its scope each time.
  const make = (query) => {
    const all = () => query();
    const one = async () => (await until('an element', all, (hs) => hs.length > 0))[0];
    // Puppeteer scrolls an element only just into view, where the app's sticky
    // top bar can cover it and take the click: centre it first.
    const click = async () => {
      const h = await one();
      await h.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
      await h.click();
    };
    return {
      all,
      one,
      click,
      async fill(v) {
        const h = await one();
        // A date field is not typed: Firefox orders its parts by the system
        // locale (mm/dd/yyyy here). Its value is set and an input event sent,
        // as Playwright's fill does.
        const typed = await h.evaluate((e, value) => {
          e.focus();
          if (e.tagName === 'INPUT' && /^(date|time|datetime-local|month|week)$/.test(e.type)) {
            e.value = value;
            e.dispatchEvent(new Event('input', { bubbles: true }));
            e.dispatchEvent(new Event('change', { bubbles: true }));
            return false;
          }
          // Otherwise replace the text through the browser's editing commands,
          // which fire real input events, as Playwright's fill does (typing key
          // by key over BiDi takes a round trip per character).
          if (e.select) e.select();
          document.execCommand(value === '' ? 'delete' : 'insertText', false, value);
          return e.value !== value;
        }, v);
        if (typed) {
          // The editing command was refused: clear it and type key by key.
          await h.evaluate((e) => { e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true })); });
          if (v !== '') await h.type(v);
        }
        await until(`the field to hold ${JSON.stringify(v)}`, () => h.evaluate((e) => e.value), (x) => x === v, 5000);
      },
      check: async () => {
        const h = await one();
        if (!(await h.evaluate((e) => e.checked))) await click();
        await until('the control to be checked', () => h.evaluate((e) => e.checked), (v) => v === true, 5000);
      },
      focus: async () => (await one()).focus(),
      checked: async () => (await one()).evaluate((e) => e.checked),
      value: async () => (await one()).evaluate((e) => e.value),
      text: async () => (await one()).evaluate((e) => e.textContent),
      attr: async (name) => (await one()).evaluate((e, n) => e.getAttribute(n), name),
      count: async () => (await all()).length,
      visible: async () => {
        const hs = await all();
        return hs.length > 0 && hs[0].evaluate((e) => {
          const s = getComputedStyle(e);
          return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0;
        });
      },
      texts: async () => Promise.all((await all()).map((h) => h.evaluate((e) => e.textContent))),
      attrs: async (name) => Promise.all((await all()).map((h) => h.evaluate((e, n) => e.getAttribute(n), name))),
      setFiles: async (files) => (await one()).uploadFile(...[].concat(files)),
      screenshot: async (file) => (await one()).screenshot({ path: file }),
      selectIndex: async (i) => (await one()).evaluate((e, n) => {
        e.selectedIndex = n;
        e.dispatchEvent(new Event('change', { bubbles: true }));
        e.dispatchEvent(new Event('input', { bubbles: true }));
      }, i),
    };
  };
  const roots = async (within) => (within ? within.all().then((hs) => hs.slice(0, 1)) : [page]);
  const under = (within, selector) => make(async () => {
    const out = [];
    for (const r of await roots(within)) out.push(...(await r.$$(selector)));
    return out;
  });
  const d = {
    name: browserName,
    page,
    // Firefox prints no CSS @page margin boxes (the page number and fingerprint footers).
    caps: { pageMarginBoxes: browserName !== 'firefox' },
    goto: (url) => page.goto(absolute(baseURL, url)),
    reload: () => page.reload(),
    role(role, name, within) {
      if (name === undefined || typeof name === 'string') return under(within, ariaSelector(role, name));
      // A pattern: the accessible name is not readable here, so match the text
      // (or aria-label) of every element with that role.
      return make(async () => {
        const out = [];
        for (const r of await roots(within)) {
          for (const h of await r.$$(ariaSelector(role))) {
            const label = await h.evaluate((e) => e.getAttribute('aria-label') || e.textContent);
            if (name.test(label.trim())) out.push(h);
          }
        }
        return out;
      });
    },
    field(label, within) {
      // The form control named by `label`. Firefox's accessibility tree also
      // names the <label> element itself (resolved here to its control), and
      // does not expose a visually hidden <input type=file> inside its label by
      // that name at all: then the control is found through the <label> whose
      // text is `label`, as getByLabel does.
      return make(async () => {
        const out = [];
        for (const r of await roots(within)) {
          for (const h of await r.$$(ariaSelector(undefined, label))) {
            const control = await h.evaluateHandle((e) => (e.tagName === 'LABEL' ? e.control : e));
            const ok = await control.evaluate((e) => !!e && /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
            if (ok) out.push(control.asElement());
          }
          if (out.length === 0) {
            for (const h of await r.$$('label')) {
              const control = await h.evaluateHandle((e, name) => (e.textContent.trim() === name ? e.control : null), label);
              if (await control.evaluate((e) => !!e && e.type === 'file')) out.push(control.asElement());
            }
          }
        }
        return out;
      });
    },
    css: (selector, within) => under(within, selector),
    press: (key) => page.keyboard.press(key),
    eval: (fn, arg) => page.evaluate(fn, arg),
    initScript: (fn) => page.evaluateOnNewDocument(fn),
    onErrors(errors) {
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
    },
    async download(trigger, dir) {
      // Firefox saves into the download folder set by the launch prefs; the new
      // file is the download once Firefox has renamed it from its .part name.
      const before = new Set(fs.readdirSync(downloadDir));
      await trigger();
      const name = await until('a finished download', () => fs.readdirSync(downloadDir)
        .filter((f) => !before.has(f)), (fresh) => fresh.length === 1 && !fresh.some((f) => f.endsWith('.part'))
        && !fs.existsSync(path.join(downloadDir, `${fresh[0]}.part`)));
      const src = path.join(downloadDir, name[0]);
      await until('the download to stop growing', async () => {
        const a = fs.statSync(src).size;
        await sleep(100);
        return a === fs.statSync(src).size && a > 0;
      }, (x) => x);
      const file = path.join(dir, name[0]);
      fs.renameSync(src, file);
      return file;
    },
    async pdf(file) {
      // Firefox's BiDi print applies the print stylesheet itself (media emulation needs CDP).
      const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      fs.writeFileSync(file, bytes);
    },
    newPage: async () => puppeteerDriver(await page.browserContext().newPage(), { baseURL, downloadDir, browserName }),
    close: () => page.close({ runBeforeUnload: true }),
  };
  return d;
}
