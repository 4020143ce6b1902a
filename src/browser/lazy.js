// Loads the on-demand WebAssembly modules (today: the reviewer desk) the first
// time they are needed. The hosted app finds their hashed file names on the
// boot script (data-modules, written by scripts/post-build.mjs); the
// single-file edition carries them inline (window.selfcheckModules and a
// base64 block), so it still needs no network. ES2020.
const loading = {};
let deskWanted = false;

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

// Shows the desk (loading and mounting it the first time) beside the app's root.
export function show_desk(lang) {
  deskWanted = true;
  return load_module('desk').then((desk) => {
    let root = document.getElementById('desk-root');
    if (!root) {
      root = document.createElement('div');
      root.id = 'desk-root';
      root.hidden = true;
      document.body.appendChild(root);
      desk.mount(root, lang);
    } else {
      desk.show(lang);
    }
    // The user may have left the desk while it loaded.
    root.hidden = !deskWanted;
    document.body.classList.toggle('desk-open', deskWanted);
  });
}

export function hide_desk() {
  deskWanted = false;
  const root = document.getElementById('desk-root');
  if (root) root.hidden = true;
  document.body.classList.remove('desk-open');
}
