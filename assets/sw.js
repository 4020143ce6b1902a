// Service worker: precaches every built file so the app works offline after
// one visit. scripts/post-build.mjs fills in VERSION and ASSETS from Trunk's
// hashed output. ES2020; no network access beyond this origin.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `selfcheck-${VERSION}`;
const scoped = (p) => new URL(p, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('selfcheck-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks the new version to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(req, { ignoreSearch: true })
    .then((hit) => {
      if (hit) return hit;
      if (req.mode === 'navigate') {
        return cache.match(scoped('./')).then((index) => index || fetch(req));
      }
      return fetch(req);
    })));
});
