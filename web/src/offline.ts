/**
 * Lets the app open with no connection (web/public/sw.js keeps its code, never anyone's data).
 * Registered once the page has loaded, so it never competes with the page's own files on a slow
 * link; the worker is then told what the page fetched before it ran, to keep those too.
 */
export function keepAppForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  // A page the worker served is in its copies already, with its files: nothing to hand over.
  const servedByWorker = navigator.serviceWorker.controller !== null;
  const register = () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (servedByWorker) return;
        const urls = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith('/assets/'));
        registration.active?.postMessage({ type: 'keep', urls });
      })
      // Not fatal: a browser that refuses workers (private mode, http) just needs the network.
      .catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
