// Loads the on-demand WebAssembly modules the first time they are needed:
// "bureau" (the county Justice Bureau's tools: the reviewer desk, the
// checklist tools), "office" (the Word writer) and "sheets" (the desk's
// Excel writer). The hosted app finds their
// hashed file names on the boot script (data-modules, written by
// scripts/post-build.mjs); the single-file edition carries them inline
// (window.selfcheckModules and a base64 block), so it still needs no
// network. ES2020.
const loading = {};
let shown = null;

function bytesOf(id) {
  const bin = atob(document.getElementById(id).textContent.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function fetchModule(name) {
  const boot = document.getElementById('boot');
  const files = boot && JSON.parse(boot.getAttribute('data-modules') || '{}')[name];
  if (!files) return Promise.reject(new Error(`module ${name} is not in this build`));
  const base = new URL(boot.getAttribute('data-js'), document.baseURI);
  const [js, wasm] = files.map((f) => new URL(f, base).href);
  return import(js).then((glue) => glue.default({ module_or_path: wasm }).then(() => glue));
}

export function load_module(name) {
  if (!loading[name]) {
    const inline = window.selfcheckModules && window.selfcheckModules[name];
    loading[name] = (inline
      ? inline.init({ module_or_path: bytesOf(`${name}-wasm-base64`) }).then(() => inline)
      : fetchModule(name)
    ).catch((e) => {
      delete loading[name];
      throw e;
    });
  }
  return loading[name];
}

// Calls `fn` of module `name` with `args`, loading the module first.
export function call_module(name, fn, args) {
  return load_module(name).then((m) => m[fn](...args));
}

// Shows one of the bureau's tools ("desk", "county") beside the app's root,
// loading and mounting it the first time; the others are hidden.
export function show_tool(tool, lang) {
  shown = tool;
  return load_module('bureau').then((bureau) => {
    let root = document.getElementById(`${tool}-root`);
    if (!root) {
      root = document.createElement('div');
      root.id = `${tool}-root`;
      root.className = 'tool-root';
      root.hidden = true;
      document.body.appendChild(root);
      bureau.mount(root, tool, lang);
    } else {
      bureau.show(tool, lang);
    }
    // The user may have left the tool while it loaded.
    root.hidden = shown !== tool;
    document.body.classList.toggle('tool-open', shown !== null);
  });
}

export function hide_tools() {
  shown = null;
  for (const root of document.querySelectorAll('.tool-root')) root.hidden = true;
  document.body.classList.remove('tool-open');
}
