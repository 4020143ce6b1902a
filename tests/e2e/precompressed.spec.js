// The precompressed copies in dist/ (FILE.gz, FILE.br, written by
// scripts/post-build.mjs) served by real servers with the configurations the
// README gives (docs/servers/): nginx with gzip_static and brotli_static, and
// Apache httpd 2.4. For each: the app starts in Chromium and the browser
// received the precompressed bytes (their size on the wire is the .gz
// copy's), the wasm as application/wasm; a request that accepts Brotli gets
// the .br copy, which decompresses to the file itself.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = path.join(ROOT, 'dist');
const SERVERS = path.join(ROOT, 'docs/servers');

const wasmFile = () => fs.readdirSync(DIST).find((f) => /^selfcheck-[0-9a-f]+_bg\.wasm$/.test(f));

/** The documented server block, listening on `port` and serving dist/. */
function nginxConf(dir, port) {
  const site = fs.readFileSync(path.join(SERVERS, 'nginx.conf'), 'utf8')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/srv\/fazhi-zicha;/, `root ${DIST};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`).join('\n  ');
  return `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
${process.getuid() === 0 ? 'user root;' : ''}
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${temp}
${site}
}
`;
}

/** The documented <Directory> block, in a minimal httpd.conf serving dist/ on `port`. */
function apacheConf(dir, port) {
  const block = fs.readFileSync(path.join(SERVERS, 'apache.conf'), 'utf8').replaceAll('/srv/fazhi-zicha', DIST);
  const mod = (m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`;
  return `${['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite', 'headers', 'setenvif'].map(mod).join('\n')}
ServerName localhost
Listen 127.0.0.1:${port}
DefaultRuntimeDir ${dir}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
TypesConfig /etc/mime.types
${process.getuid() === 0 ? 'User www-data\nGroup www-data' : ''}
DocumentRoot ${DIST}
${block}
`;
}

const SERVER_KINDS = {
  nginx: { port: 8193, conf: nginxConf, cmd: (file) => ['/usr/sbin/nginx', ['-c', file, '-p', path.dirname(file)]] },
  apache: { port: 8194, conf: apacheConf, cmd: (file) => ['/usr/sbin/apache2', ['-f', file, '-DFOREGROUND']] },
};

async function start(kind) {
  const { port, conf, cmd } = SERVER_KINDS[kind];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${kind}-`));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, `${kind}.conf`);
  fs.writeFileSync(file, conf(dir, port));
  const [bin, args] = cmd(file);
  const server = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  for (let i = 0; ; i++) {
    try {
      await get(`http://127.0.0.1:${port}/`, {});
      return { server, base: `http://127.0.0.1:${port}/`, dir };
    } catch (e) {
      if (i > 100 || server.exitCode !== null) {
        server.kill();
        const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
        throw new Error(`${kind} did not start: ${stderr}${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A GET with these request headers: status, headers and the raw (still encoded) body. */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('dist/ carries a .gz and a .br copy of each larger file, smaller than the file', () => {
  const wasm = wasmFile();
  for (const f of [wasm, 'index.html', fs.readdirSync(DIST).find((x) => /^selfcheck-[0-9a-f]+\.js$/.test(x))]) {
    const data = fs.readFileSync(path.join(DIST, f));
    const gz = fs.readFileSync(path.join(DIST, `${f}.gz`));
    const br = fs.readFileSync(path.join(DIST, `${f}.br`));
    expect(zlib.gunzipSync(gz).equals(data), f).toBe(true);
    expect(zlib.brotliDecompressSync(br).equals(data), f).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(gz.length).toBeLessThan(data.length);
  }
  // The service worker never precaches the copies: the browser asks for the file itself.
  expect(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8')).not.toMatch(/\.(gz|br)"/);
});

for (const kind of Object.keys(SERVER_KINDS)) {
  test(`${kind} with the README's configuration sends the precompressed copies, and the app starts`, async ({ browser }) => {
    test.setTimeout(60_000);
    const { server, base } = await start(kind);
    try {
      const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
      const page = await context.newPage();
      const wasm = wasmFile();
      const got = page.waitForResponse((r) => r.url().endsWith(wasm));
      await page.goto(base);
      await expect(page.getByRole('button', { name: '新建自查' })).toBeVisible();
      const response = await got;
      const headers = await response.allHeaders();
      expect(headers['content-type']).toMatch(/^application\/wasm/);
      const encoding = headers['content-encoding'];
      expect(['gzip', 'br']).toContain(encoding);
      // What came over the wire is the precompressed copy, byte for byte in size.
      const sizes = await response.request().sizes();
      const copy = fs.statSync(path.join(DIST, `${wasm}.${encoding === 'br' ? 'br' : 'gz'}`)).size;
      expect(sizes.responseBodySize).toBe(copy);
      await context.close();

      // Asked with Brotli, then with gzip only, then with neither.
      const url = `${base}${wasm}`;
      const original = fs.readFileSync(path.join(DIST, wasm));
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/^application\/wasm/);
      expect(br.body.equals(fs.readFileSync(path.join(DIST, `${wasm}.br`)))).toBe(true);
      expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);
      const plain = await get(url, {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
      // The page itself, and its Cache-Control.
      const index = await get(base, { 'accept-encoding': 'br' });
      expect(index.headers['content-encoding']).toBe('br');
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      expect(index.headers['cache-control']).toBe('no-cache');
    } finally {
      server.kill();
    }
  });
}
