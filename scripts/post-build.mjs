// Trunk post-build hook (see Trunk.toml): runs on Trunk's staging directory.
//  1. writes sw.js with the list of every built file and a version derived
//     from their content, so a new deploy is a new service worker;
//  2. writes selfcheck-standalone.html: the whole app in one file (CSS, JS
//     glue and the wasm as base64 inlined) that runs from file:// with no
//     network, under a CSP that allows no connection at all.
//     Its empty <script type="application/json" id="county-edition"> is the
//     slot a county edition (本县分发版) fills with its checklist, in the
//     browser (src/model/edition.rs): a data block is never executed, so
//     filling it changes none of the script hashes in the CSP.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set (run from trunk build)');
export const STANDALONE = 'selfcheck-standalone.html';

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const sha256 = (data, enc = 'hex') => crypto.createHash('sha256').update(data).digest(enc);
const files = walk(dir).map((p) => path.relative(dir, p).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js' && f !== STANDALONE).sort();

// 1. The service worker.
const version = sha256(files.map((f) => `${f}:${sha256(fs.readFileSync(path.join(dir, f)))}`).join('\n')).slice(0, 16);
const assets = ['./', ...files.filter((f) => f !== 'index.html')];
const sw = fs.readFileSync(path.join(ROOT, 'assets/sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(assets));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);

// 2. The single-file edition.
const find = (re) => {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`no built file matches ${re}`);
  return fs.readFileSync(path.join(dir, f));
};
const css = files.filter((f) => f.endsWith('.css')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
const wasm = find(/_bg\.wasm$/);
let glue = find(/^selfcheck-[0-9a-f]+\.js$/).toString('utf8');
// Snippets (our own JS modules) are inlined in place of their imports.
const snippets = [];
glue = glue.replace(/^import \{([^}]*)\} from '\.\/(snippets\/[^']+)';\n/gm, (_, names, file) => {
  const code = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^export /gm, '');
  snippets.push(`// ${file}\n${code}`);
  return '';
});
if (/^import /m.test(glue)) throw new Error('the glue imports something that was not inlined');
const boot = fs.readFileSync(path.join(ROOT, 'assets/boot.js'), 'utf8');
const start = `${snippets.join('\n')}
${glue}
// Start from the inlined module: no fetch, so nothing needs the network or a server.
const b64 = document.getElementById('wasm-base64').textContent.replace(/\\s+/g, '');
const bin = atob(b64);
const bytes = new Uint8Array(bin.length);
for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
__wbg_init({ module_or_path: bytes })
  .then((wasm) => window.dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } })))
  .catch((e) => window.selfcheckFloor(e));
`;
const hash = (code) => `'sha256-${sha256(code, 'base64')}'`;
const icon = `data:image/svg+xml,${encodeURIComponent(fs.readFileSync(path.join(ROOT, 'assets/icon.svg'), 'utf8').trim())}`;
const csp = [
  "default-src 'none'",
  // 'unsafe-eval' only because Chromium 80–96 compile WebAssembly under a CSP only with it;
  // newer engines use 'wasm-unsafe-eval'. No code of ours calls eval.
  `script-src ${hash(boot)} ${hash(start)} 'wasm-unsafe-eval' 'unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>法治政府建设第一责任人履职自查（单文件版）</title>
<link rel="icon" href="${icon}">
<style>
${css}
</style>
<script type="application/octet-stream" id="wasm-base64">
${wasm.toString('base64').replace(/(.{120})/g, '$1\n')}
</script>
<script type="application/json" id="county-edition"></script>
<script>${boot}</script>
<script type="module">${start}</script>
</head>
<body>
<noscript>本工具需要启用 JavaScript 才能运行。This tool needs JavaScript.</noscript>
</body>
</html>
`;
fs.writeFileSync(path.join(dir, STANDALONE), html);
console.log(`post-build: sw.js (${assets.length} files, version ${version}), ${STANDALONE} (${Math.round(html.length / 1024)} KB)`);
