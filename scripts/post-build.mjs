// Trunk post-build hook (see Trunk.toml): runs on Trunk's staging directory.
//  1. names the on-demand modules (the reviewer desk, desk-*.js and its wasm)
//     on index.html's boot script (data-modules), for src/browser/lazy.js;
//  2. writes sw.js with the list of every built file and a version derived
//     from their content, so a new deploy is a new service worker (the
//     on-demand modules are precached too: offline after one visit);
//  3. writes selfcheck-standalone.html: the whole app in one file (CSS, JS
//     glue and the wasm as base64 inlined, the desk's module too) that runs
//     from file:// with no network, under a CSP that allows no connection at all.
//     Its empty <script type="application/json" id="county-edition"> is the
//     slot a county edition (本县分发版) fills with its checklist, in the
//     browser (src/model/edition.rs): a data block is never executed, so
//     filling it changes none of the script hashes in the CSP;
//  4. writes .gz and .br copies of the larger files, for servers that send
//     precompressed files (see the end of this file).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

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

// The on-demand modules are the binaries index.html builds as "worker": Trunk
// leaves them unhashed (desk.js, desk_bg.wasm). Name each after its content,
// as Trunk names the app, so a new deploy is never served an old module from
// an HTTP cache.
const MODULES = fs.readdirSync(dir)
  .map((f) => /^(\w+)_bg\.wasm$/.exec(f)?.[1])
  .filter((m) => m && fs.existsSync(path.join(dir, `${m}.js`)))
  .sort();
for (const m of MODULES) {
  const [js, wasm] = [`${m}.js`, `${m}_bg.wasm`].map((f) => path.join(dir, f));
  const h = sha256(Buffer.concat([fs.readFileSync(js), fs.readFileSync(wasm)])).slice(0, 16);
  fs.renameSync(js, path.join(dir, `${m}-${h}.js`));
  fs.renameSync(wasm, path.join(dir, `${m}-${h}_bg.wasm`));
}

const files = walk(dir).map((p) => path.relative(dir, p).split(path.sep).join('/'))
  .filter((f) => !/\.(gz|br)$/.test(f))
  .filter((f) => f !== 'sw.js' && f !== STANDALONE).sort();
const named = (re) => {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`no built file matches ${re}`);
  return f;
};

// 1. The on-demand modules' file names, for the hosted app.
const modules = Object.fromEntries(MODULES.map((m) => [m,
  [named(new RegExp(`^${m}-[0-9a-f]+\\.js$`)), named(new RegExp(`^${m}-[0-9a-f]+_bg\\.wasm$`))]]));
const indexPath = path.join(dir, 'index.html');
const index = fs.readFileSync(indexPath, 'utf8').replace(/ data-modules='[^']*'/g, '');
if (!index.includes('<script id="boot" ')) throw new Error('index.html has no boot script');
fs.writeFileSync(indexPath, index.replace('<script id="boot" ',
  `<script id="boot" data-modules='${JSON.stringify(modules)}' `));

// 2. The service worker.
const version = sha256(files.map((f) => `${f}:${sha256(fs.readFileSync(path.join(dir, f)))}`).join('\n')).slice(0, 16);
const assets = ['./', ...files.filter((f) => f !== 'index.html')];
const sw = fs.readFileSync(path.join(ROOT, 'assets/sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(assets));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);

// 3. The single-file edition.
const find = (re) => fs.readFileSync(path.join(dir, named(re)));
const css = files.filter((f) => f.endsWith('.css')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
const wasm = find(/^selfcheck-[0-9a-f]+_bg\.wasm$/);
// A glue with its snippets (our own JS modules) inlined in place of their
// imports: each snippet once, in a function scope of its own that returns
// its exports, whether the glue imports names from it or the whole module.
function inlined(file) {
  const snippets = new Map();
  const take = (snippet) => {
    if (!snippets.has(snippet)) {
      const exported = [];
      const code = fs.readFileSync(path.join(dir, snippet), 'utf8')
        .replace(/^export ((?:async )?function\*?|const|let|class) (\w+)/gm, (_, kind, name) => {
          exported.push(name);
          return `${kind} ${name}`;
        });
      if (/^export /m.test(code)) throw new Error(`${snippet}: an export post-build cannot inline`);
      const id = `__snippet${snippets.size}`;
      snippets.set(snippet, { id, code: `// ${snippet}\nconst ${id} = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();` });
    }
    return snippets.get(snippet).id;
  };
  const glue = fs.readFileSync(path.join(dir, file), 'utf8')
    .replace(/^import \{([^}]*)\} from ['"]\.\/(snippets\/[^'"]+)['"];?\n/gm, (_, names, snippet) =>
      `const { ${names.replace(/(\w+) as (\w+)/g, '$1: $2')} } = ${take(snippet)};\n`)
    .replace(/^import \* as (\w+) from ['"]\.\/(snippets\/[^'"]+)['"];?\n/gm, (_, ns, snippet) =>
      `const ${ns} = ${take(snippet)};\n`);
  if (/^import /m.test(glue)) throw new Error(`${file} imports something that was not inlined`);
  return `${[...snippets.values()].map((s) => s.code).join('\n')}\n${glue}`;
}
const glue = inlined(named(/^selfcheck-[0-9a-f]+\.js$/));
// An on-demand module's glue, run as an inline module script that only
// registers its functions (window.selfcheckModules); lazy.js starts it from
// the base64 block when it is first needed.
function onDemand(name, [js]) {
  const exported = [];
  const code = inlined(js)
    .replace(/^export function (\w+)/gm, (_, fn) => { exported.push(fn); return `function ${fn}`; })
    .replace(/^export \{[^}]*\};?\s*$/m, '');
  if (/^export /m.test(code)) throw new Error(`${js} exports something lazy.js cannot register`);
  return `${code}
window.selfcheckModules = window.selfcheckModules || {};
window.selfcheckModules[${JSON.stringify(name)}] = { init: __wbg_init, ${exported.join(', ')} };
`;
}
const lazy = MODULES.map((m) => ({
  name: m,
  script: onDemand(m, modules[m]),
  wasm: fs.readFileSync(path.join(dir, modules[m][1])),
}));
const boot = fs.readFileSync(path.join(ROOT, 'assets/boot.js'), 'utf8');
const start = `${glue}
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
  `script-src ${hash(boot)} ${hash(start)} ${lazy.map((l) => hash(l.script)).join(' ')} 'wasm-unsafe-eval' 'unsafe-eval'`,
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
${lazy.map((l) => `<script type="application/octet-stream" id="${l.name}-wasm-base64">
${l.wasm.toString('base64').replace(/(.{120})/g, '$1\n')}
</script>
<script type="module" data-module="${l.name}">${l.script}</script>`).join('\n')}
<script>${boot}</script>
<script type="module">${start}</script>
</head>
<body>
<noscript>本工具需要启用 JavaScript 才能运行。This tool needs JavaScript.</noscript>
</body>
</html>
`;
fs.writeFileSync(path.join(dir, STANDALONE), html);

// 4. Precompressed copies for servers that send them as they are (nginx
//    gzip_static / brotli_static, Apache, IIS; README "Distributing it"):
//    FILE.gz (gzip -9) and FILE.br (Brotli, quality 11) beside each text or
//    wasm file over 1 KB, so the server spends no time compressing and the
//    browser gets the smallest bytes. Never listed for the service worker:
//    the browser asks for FILE, the server picks the copy.
const COMPRESSIBLE = /\.(wasm|js|css|html|svg|json|webmanifest)$/;
let copies = 0;
for (const f of [...files, 'sw.js', STANDALONE]) {
  const file = path.join(dir, f);
  const data = fs.readFileSync(file);
  if (!COMPRESSIBLE.test(f) || data.length < 1024) continue;
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }));
  copies++;
}
console.log(`post-build: sw.js (${assets.length} files, version ${version}), ${STANDALONE} (${Math.round(html.length / 1024)} KB), ${copies} files precompressed (.gz, .br)`);
