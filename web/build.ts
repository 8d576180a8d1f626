import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web app into web/dist when it is missing or older than its sources (web/src,
 * web/index.html, web/public, web/vite.config.ts and domain/, whose schemas the form shares).
 * `npm start` runs this first (prestart): a no-op when nothing changed, one Vite build otherwise.
 *
 *   node --import tsx web/build.ts            build if stale
 *   node --import tsx web/build.ts --force    always build
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(webRoot, '..');
const stampFile = resolve(webRoot, 'dist', '.built');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(stampFile) || !existsSync(resolve(webRoot, 'dist', 'index.html'))) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => resolve(webRoot, p));
  sources.push(resolve(projectRoot, 'domain'), resolve(projectRoot, 'package-lock.json'));
  const newestSource = Math.max(...sources.map(newestMtime));
  return newestSource > statSync(stampFile).mtimeMs;
}

export async function buildWeb(): Promise<number> {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: resolve(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  return Date.now() - started;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  if (force || webBuildIsStale()) {
    process.stdout.write('Building the web app (web/dist)… ');
    const ms = await buildWeb();
    process.stdout.write(`done in ${ms} ms\n`);
  }
}
