import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { ExtraRoute, ExtraRouteResult } from '../local/http-server.js';

/**
 * Serves the built web app (web/dist) from the local runtime, as S3 + CloudFront do in AWS.
 *
 * The app's own paths (the deep links) are listed one by one rather than with a catch-all: the
 * local server tries these routes before the API's route table, so a catch-all would shadow it.
 * Every app path answers with index.html and the browser-side router picks the page.
 */
export const appPaths = [
  '/',
  '/apply',
  '/appeal',
  '/status',
  '/staff',
  '/staff/{page}',
  '/staff/{page}/{id}',
  // The Cognito hosted UI sends staff back here (the app client's callback URL, infra/constructs/auth.ts).
  '/auth/callback',
] as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The browser may talk only to this origin; no inline script or style, no framing. */
const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function webDistDir(root: string): string {
  return resolve(root, 'web', 'dist');
}

function notBuilt(): ExtraRouteResult {
  return {
    statusCode: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AidFlow: web app not built</title></head>
<body><main><h1>The web app is not built yet</h1>
<p>Run <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it when needed) and reload this page.
The API works meanwhile: <a href="/openapi.json">/openapi.json</a>.</p></main></body></html>`,
  };
}

function fileResult(file: string, cacheControl: string): ExtraRouteResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      ...securityHeaders,
    },
    body: readFileSync(file),
  };
}

/** An app path, with or without a trailing slash (`/apply/` as `/apply`, as CloudFront's function). */
const appPathPatterns = appPaths.map((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}/?$`));

/**
 * Any other page address: index.html, so the app shows its own "page not found" in the person's
 * language with a way back (404 unless it is an app path with a trailing slash).
 */
export function webPageNotFound(root: string): ExtraRoute['handle'] {
  const dist = webDistDir(root);
  return async (_req, _body, url) => {
    const index = resolve(dist, 'index.html');
    if (!existsSync(index)) return notBuilt();
    const page = fileResult(index, 'no-cache');
    return appPathPatterns.some((re) => re.test(url.pathname)) ? page : { ...page, statusCode: 404 };
  };
}

/** Routes for the local HTTP server: the app's pages, its hashed assets and its public files. */
export function webRoutes(root: string): ExtraRoute[] {
  const dist = webDistDir(root);
  const page = async (): Promise<ExtraRouteResult> => {
    const index = resolve(dist, 'index.html');
    // Read on every request: a rebuild (npm run build:web) shows without a restart.
    return existsSync(index) ? fileResult(index, 'no-cache') : notBuilt();
  };
  const asset = (immutable: boolean) => async (_req: unknown, _body: Buffer, url: URL) => {
    const file = resolve(dist, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return {
        statusCode: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Not Found' }),
      };
    }
    return fileResult(file, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  };
  const serviceWorker = async (): Promise<ExtraRouteResult> => {
    const file = resolve(dist, 'sw.js');
    return existsSync(file) ? fileResult(file, 'no-cache') : notBuilt();
  };
  return [
    ...appPaths.map((path) => ({ method: 'GET', path, handle: page })),
    { method: 'GET', path: '/assets/{file}', handle: asset(true) },
    { method: 'GET', path: '/favicon.svg', handle: asset(false) },
    // The service worker: checked on every visit, so a new one takes over at once (CloudFront: the
    // upload gives it `no-cache` with the rest of what is not under assets/).
    { method: 'GET', path: '/sw.js', handle: serviceWorker },
  ];
}
