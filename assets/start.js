// Loads the wasm-bindgen glue and the app, then keeps the offline copy fresh.
// A module script (ES2020, no top-level await) so that Chromium 80 and
// Firefox 78 ESR can parse it.
const boot = document.getElementById('boot');

import(boot.getAttribute('data-js'))
  .then((glue) => glue.default({ module_or_path: boot.getAttribute('data-wasm') }))
  .then((wasm) => {
    window.dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    // Only once the app runs: precaching downloads every file again, which on
    // a first visit competed with the page's own download and compile.
    setTimeout(registerServiceWorker, 0);
  })
  .catch((e) => window.selfcheckFloor(e));

// Offline after the first visit: a service worker precaches every file.
// A new deploy installs beside the old one and waits until the user accepts it.
function offerUpdate(worker) {
  if (document.getElementById('update-banner')) return;
  const en = localStorage.getItem('selfcheck.lang') === '"en"';
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner';
  bar.setAttribute('role', 'alert');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.textContent = en ? 'A new version is available — click to refresh' : '新版本可用，点击刷新';
  button.addEventListener('click', () => {
    window.selfcheckUpdating = true;
    worker.postMessage('skip-waiting');
  });
  bar.appendChild(button);
  document.body.appendChild(bar);
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(boot.getAttribute('data-sw')).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
    });
    // Look for a new deploy whenever the user comes back to the page.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reg.update().catch(() => {});
    });
  }).catch(() => {});
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The draft is already saved: autosave runs on every change and when the page hides.
    if (window.selfcheckUpdating) location.reload();
  });
}
