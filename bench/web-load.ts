import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../test/e2e/browser.js';
import { median } from './stats.js';

/** Network and CPU of a phone on a poor connection, as Chromium's DevTools emulate them. */
export interface PhoneProfile {
  readonly name: string;
  readonly latencyMs: number;
  readonly downloadKbitPerS: number;
  readonly uploadKbitPerS: number;
  readonly cpuSlowdown: number;
}

export const phoneProfiles: readonly PhoneProfile[] = [
  { name: '2G/EDGE', latencyMs: 400, downloadKbitPerS: 250, uploadKbitPerS: 100, cpuSlowdown: 4 },
  { name: '3G', latencyMs: 150, downloadKbitPerS: 1000, uploadKbitPerS: 500, cpuSlowdown: 4 },
];

export interface WebLoadFigure {
  /** Navigation to the start page (`/?lang=ru`) until its title is on screen, a fresh browser cache. */
  readonly firstVisitMs: number;
  /** The same first visit until something is painted (the placeholder of index.html: the service's name). */
  readonly firstPaintMs: number;
  /** The same page again in the same tab: the chunks from the cache, `index.html` asked again. */
  readonly repeatVisitMs: number;
  /** A page of one heading from the same server and link: connection and HTML alone, the floor. */
  readonly floorMs: number;
  readonly ratio: number;
}

const floorPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><h1 id="page-title">AidFlow</h1></body></html>';

/**
 * Serves web/dist as CloudFront would: gzip, the hashed assets immutable, index.html for the app's
 * paths, `no-cache` on it; the API answers 404 (the start page does not wait for it).
 */
function serve(dist: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    if (path === '/__floor') return send(res, 'text/html; charset=utf-8', Buffer.from(floorPage), 'no-cache');
    if (path.startsWith('/v1/') || path === '/config.json') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const asset = path.startsWith('/assets/') || path === '/favicon.svg';
    const file = normalize(join(dist, asset ? path : 'index.html'));
    if (!file.startsWith(dist + sep) || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.css')
        ? 'text/css'
        : file.endsWith('.svg')
          ? 'image/svg+xml'
          : 'text/html; charset=utf-8';
    send(res, type, readFileSync(file), asset ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

function send(
  res: import('node:http').ServerResponse,
  type: string,
  body: Buffer,
  cacheControl: string,
): void {
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': cacheControl });
  res.end(gzipSync(body, { level: 9 }));
}

/**
 * The start page on a phone's connection, in a real Chromium (DevTools network and CPU emulation),
 * against the floor of the same connection: what the applicant waits, as a ratio.
 */
export async function measureWebLoad(options: {
  dist: string;
  chromiumPath: string;
  runs: number;
}): Promise<Record<string, WebLoadFigure>> {
  const { url, server } = await serve(options.dist);
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: [...chromiumArgs],
  });
  try {
    const figures: Record<string, WebLoadFigure> = {};
    for (const profile of phoneProfiles) {
      const first: number[] = [];
      const paint: number[] = [];
      const repeat: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        for (const [path, times] of [
          ['/?lang=ru', [first, repeat]],
          ['/__floor', [floor]],
        ] as const) {
          // Without the app's service worker: DevTools' network emulation slows the page's own
          // requests, not the worker's, so a visit through it would be timed on an unthrottled link.
          const context = await browser.newContext({ serviceWorkers: 'block' });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: profile.latencyMs,
            downloadThroughput: (profile.downloadKbitPerS * 1000) / 8,
            uploadThroughput: (profile.uploadKbitPerS * 1000) / 8,
          });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
          for (const bucket of times) {
            await page.goto(`${url}${path}`, { waitUntil: 'commit' });
            await page.locator('#page-title').waitFor({ timeout: 60_000 });
            bucket.push(await page.evaluate(() => performance.now()));
            if (bucket === first) {
              paint.push(
                await page.evaluate(
                  () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
                ),
              );
            }
          }
          await context.close();
        }
      }
      const firstVisitMs = Math.round(median(first));
      const floorMs = Math.round(median(floor));
      figures[profile.name] = {
        firstVisitMs,
        firstPaintMs: Math.round(median(paint)),
        repeatVisitMs: Math.round(median(repeat)),
        floorMs,
        ratio: Math.round((firstVisitMs / floorMs) * 100) / 100,
      };
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}
