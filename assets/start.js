// Loads the wasm-bindgen glue and the app. A module script (ES2020, no
// top-level await) so that Chromium 80 and Firefox 78 ESR can parse it.
const boot = document.getElementById('boot');

import(boot.getAttribute('data-js'))
  .then((glue) => glue.default({ module_or_path: boot.getAttribute('data-wasm') }))
  .then((wasm) => {
    window.dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  })
  .catch((e) => window.selfcheckFloor(e));
