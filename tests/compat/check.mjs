// Proves that what we ship runs on old office browsers (Chromium 80+, Firefox 78 ESR):
//  - every .wasm in dist/ validates with only WebAssembly MVP + mutable globals + sign extension;
//  - every .js parses as ES2020 (boot.js, which must run everywhere, as ES5 script);
//  - no API newer than Chromium 80 is used without a fallback.
// Negative controls show each check can fail. Prints TAP lines ("ok N - ...").
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { validatesOnOldEngine, wat } from './old-engine.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
let n = 0;
let failed = 0;
const report = (ok, what, detail) => {
  n += 1;
  console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${what}`);
  if (!ok) { failed += 1; if (detail) console.log(`# ${String(detail).split('\n').join('\n# ')}`); }
};

function files(dir, ext) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

function parses(code, ecmaVersion, sourceType) {
  try {
    acorn.parse(code, { ecmaVersion, sourceType });
    return null;
  } catch (e) {
    return e.message;
  }
}

const wasmFiles = files(dist, '.wasm');
report(wasmFiles.length > 0, `dist has a .wasm file (${wasmFiles.length})`);
for (const f of wasmFiles) {
  const err = validatesOnOldEngine(fs.readFileSync(f));
  report(err === null, `${path.relative(dist, f)} is MVP + mutable-globals + sign-extension only`, err);
}
// Negative controls: modules an old engine must reject.
report(validatesOnOldEngine(wat('(module (func (param externref)))', { reference_types: true })) !== null,
  'control: a module using reference types is rejected');
report(validatesOnOldEngine(wat('(module (memory 1) (func (memory.copy (i32.const 0) (i32.const 1) (i32.const 1))))',
  { bulk_memory: true })) !== null, 'control: a module using bulk memory is rejected');
report(validatesOnOldEngine(wat('(module (func (result i32 i32) (i32.const 1) (i32.const 2)))',
  { multi_value: true })) !== null, 'control: a module using multi-value is rejected');
report(validatesOnOldEngine(wat('(module (func (param i64) (result i64) (i64.extend8_s (local.get 0))))', {})) === null,
  'control: a module using sign extension is accepted');

const jsFiles = files(dist, '.js');
report(jsFiles.length >= 3, `dist has our scripts (${jsFiles.length})`);
for (const f of jsFiles) {
  const code = fs.readFileSync(f, 'utf8');
  const classic = path.basename(f) === 'boot.js';
  const err = classic ? parses(code, 5, 'script') : parses(code, 2020, 'module');
  report(err === null, `${path.relative(dist, f)} parses as ${classic ? 'ES5 script (so even IE shows the floor message)' : 'ES2020 module'}`, err);
  // APIs Chromium 80 lacks; FinalizationRegistry is allowed only behind wasm-bindgen's typeof check.
  const newer = ['structuredClone', 'replaceAll', '.at(', 'Promise.any', 'WeakRef(', 'AggregateError', 'Object.hasOwn']
    .filter((api) => code.includes(api));
  const fr = code.includes('FinalizationRegistry') && !code.includes("typeof FinalizationRegistry === 'undefined'");
  report(newer.length === 0 && !fr, `${path.relative(dist, f)} uses no API newer than Chromium 80`, newer.join(', ') + (fr ? ' FinalizationRegistry' : ''));
}
// Inline scripts of the single-file edition: the boot script as ES5, the app and each
// on-demand module (the reviewer desk) as an ES2020 module.
for (const f of files(dist, '.html').filter((x) => !x.endsWith('index.html'))) {
  const page = fs.readFileSync(f, 'utf8');
  // An on-demand module's script names it (data-module="bureau").
  const inline = [...page.matchAll(/<script( type="module"(?: data-module="\w+")?)?>([\s\S]*?)<\/script>/g)];
  const classic = inline.filter(([, module]) => !module).length;
  const onDemand = fs.readdirSync(dist).filter((x) => /^(?!selfcheck-)\w+-[0-9a-f]+_bg\.wasm$/.test(x)).length;
  report(onDemand >= 1 && classic === 1 && inline.length === 2 + onDemand,
    `${path.relative(dist, f)} has its inline scripts: boot, app and ${onDemand} on-demand module(s) (${classic} + ${inline.length - classic})`);
  for (const [, module, code] of inline) {
    const err = module ? parses(code, 2020, 'module') : parses(code, 5, 'script');
    report(err === null, `${path.relative(dist, f)} inline ${module ? 'module parses as ES2020' : 'script parses as ES5'}`, err);
  }
}
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
report(!/<script[^>]*>\s*\S/.test(html.replace(/<script[^>]*src=[^>]*><\/script>/g, '')),
  'index.html has no inline script (Trunk\'s default loader uses top-level await)');
report(parses('const x = a ?? b; a?.b;', 2020, 'module') === null, 'control: ES2020 syntax is accepted');
report(parses('a ??= b;', 2020, 'module') !== null, 'control: ES2021 syntax is rejected');
report(parses('await import("x");', 2020, 'module') !== null, 'control: top-level await is rejected');

const css = files(dist, '.css').map((f) => fs.readFileSync(f, 'utf8')).join('\n')
  .replace(/\/\*[\s\S]*?\*\//g, '');
const newerCss = [':has(', 'inset:', 'dvh', '@container', 'aspect-ratio', ':is(', ':where(']
  .filter((x) => css.includes(x));
report(newerCss.length === 0, 'CSS uses nothing newer than Chromium 80', newerCss.join(', '));

console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
