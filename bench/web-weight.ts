import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  readonly kb: number;
  readonly gzipKb: number;
}

export interface WebWeight {
  /**
   * What a phone fetches before the start page shows: the entry script and what it imports
   * statically, the style sheet, and the heaviest language's chunk (Russian and Ukrainian: two
   * bytes a letter).
   */
  readonly startPage: Weight & { readonly files: readonly string[] };
  /** Every script and style sheet of the app: what every page fetched before the split. */
  readonly wholeApp: Weight;
  /** Each file under assets/, by its name without the hash. */
  readonly chunks: Readonly<Record<string, Weight>>;
}

const languageChunk = /^(en|uk|ru|zh)-[\w-]+\.js$/;

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`); `import(…)` is not one. */
export function staticImports(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`]\.\/([\w.-]+\.js)["'`]/g)) {
    if (m[1]) found.add(m[1]);
  }
  return [...found];
}

/**
 * The web app's weight from its build (web/dist), in KB as sent and as gzip at level 9 (what a
 * CDN's compression gives, near enough). Files are read, not fetched: the figure is the app's, not
 * the network's.
 */
export function measureWebWeight(dist: string): WebWeight {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? '',
  );
  if (!referenced.some((f) => f.endsWith('.js'))) throw new Error(`${dist}/index.html names no entry script`);
  // Each file read and compressed once; a set of files is the sum of its members.
  const files = new Map<string, { text: string; raw: number; gzip: number }>();
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const b = readFileSync(join(assets, name));
    files.set(name, { text: b.toString('utf8'), raw: b.length, gzip: gzipSync(b, { level: 9 }).length });
  }
  const weight = (names: Iterable<string>): Weight => {
    let raw = 0;
    let gzip = 0;
    for (const name of names) {
      const file = files.get(name);
      if (!file) throw new Error(`assets/${name} is named but not built`);
      raw += file.raw;
      gzip += file.gzip;
    }
    return { kb: round1(raw / 1024), gzipKb: round1(gzip / 1024) };
  };
  const closure = (start: readonly string[]): string[] => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      if (name.endsWith('.js')) for (const dep of staticImports(files.get(name)?.text ?? '')) visit(dep);
    };
    for (const name of start) visit(name);
    return [...seen];
  };
  const languages = [...files.keys()].filter((n) => languageChunk.test(n));
  const heaviest = languages.sort((a, b) => (files.get(b)?.gzip ?? 0) - (files.get(a)?.gzip ?? 0))[0];
  const startFiles = closure([...referenced, ...(heaviest ? [heaviest] : [])]);
  return {
    startPage: { ...weight(startFiles), files: startFiles.map(chunkName) },
    wholeApp: weight(files.keys()),
    chunks: Object.fromEntries([...files.keys()].sort().map((n) => [chunkName(n), weight([n])])),
  };
}

/** `apply-n_38ARzl.js` → `apply.js`: Vite's name before the hash. */
function chunkName(file: string): string {
  return file.replace(/-[\w-]{8}(\.\w+)$/, '$1');
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function webDistPresent(dist: string): boolean {
  return existsSync(join(dist, 'index.html')) && existsSync(join(dist, 'assets'));
}
