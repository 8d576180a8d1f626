/*
 * AidFlow's service worker: the app opens with no connection (a bus out of the district, a
 * village with one bar of signal). What it keeps is code, never data:
 *
 * - A page (a navigation): always asked of the network first, so a connected phone gets the
 *   release as it is now; a copy of the last page that came is kept, and shown when the network
 *   cannot be reached. Every app address serves the same index.html, so one copy serves them all.
 * - The app's files under /assets/ (their names carry their content's hash): kept once fetched and
 *   answered from the copy; the most recent ones only, so old releases do not pile up.
 * - Nothing else: API answers, /config.json and sign-in requests go to the network as they would
 *   without this worker; nobody's case ever lands in the cache.
 *
 * Not bundled (a worker's address must stay the same from release to release); served with
 * `no-cache`, so the browser checks it on every visit.
 */

const shellCache = 'aidflow-shell-v1';
const assetCache = 'aidflow-assets-v1';
const shellKey = '/';
/** About two releases' worth of scripts, styles and language chunks. */
const assetLimit = 120;

self.addEventListener('install', (event) => {
  // Nothing in this worker depends on the release, so a new one can take over at once.
  event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([shellCache, assetCache]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith('/assets/');

async function keepAsset(request, response) {
  const cache = await caches.open(assetCache);
  await cache.put(request, response);
  const keys = await cache.keys();
  // Oldest first (the order they were put in).
  for (const old of keys.slice(0, Math.max(0, keys.length - assetLimit))) await cache.delete(old);
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: assetCache });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await keepAsset(request, response.clone());
  return response;
}

/** The app's page (any app address serves the same index.html); a 404 or an error page is not it. */
const isAppPage = (response) =>
  response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/html');

async function keepPage(response) {
  await (await caches.open(shellCache)).put(shellKey, response);
}

async function page(request) {
  try {
    const response = await fetch(request);
    if (isAppPage(response)) await keepPage(response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(shellKey, { cacheName: shellCache });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (isAsset(url)) event.respondWith(asset(request));
});

/**
 * The page that registered the worker says what it had already loaded before the worker ran
 * (its own index.html, its scripts, its language): kept now, so the next visit without a
 * connection finds them.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      for (const href of data.urls) {
        if (typeof href !== 'string') continue;
        const url = new URL(href, self.location.origin);
        if (!isAsset(url) || (await caches.match(url.href, { cacheName: assetCache }))) continue;
        try {
          const response = await fetch(url.href);
          if (response.ok) await keepAsset(url.href, response);
        } catch {
          // Offline again: kept the next time the file is fetched.
        }
      }
      try {
        const response = await fetch(shellKey);
        if (isAppPage(response)) await keepPage(response);
      } catch {
        // As above.
      }
    })(),
  );
});
