import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type FunctionSpec, functions } from '../functions/registry.js';
import { lambdaBundleAliases } from '../infra/bundling.js';
import { median } from './stats.js';

/**
 * The esbuild settings of NodejsFunction in infra/constructs/functions.ts, applied through the
 * esbuild API: `--bundle --platform=node --target=node22 --format=esm --minify --sourcemap
 * --sources-content=false --main-fields=module,main` with the createRequire banner, no externals
 * (the pinned SDK is bundled) and the aliases of infra/bundling.ts. Keep the two in step.
 */
const banner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

async function bundle(
  root: string,
  entry: string | { contents: string; resolveDir: string },
  outDir: string,
): Promise<{ bytes: number; file: string }> {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : {
          stdin: {
            contents: entry.contents,
            resolveDir: entry.resolveDir,
            sourcefile: 'floor.ts',
            loader: 'ts',
          },
        }),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: banner },
    alias: { ...lambdaBundleAliases },
    absWorkingDir: root,
    outfile: file,
    logLevel: 'error',
  });
  return { bytes: statSync(file).size, file };
}

/** A handler that does nothing but construct the AWS SDK clients the function uses: the floor. */
function floorSource(withSfn: boolean): string {
  return [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    withSfn ? "import { SFNClient } from '@aws-sdk/client-sfn';" : '',
    'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });',
    withSfn ? 'const sfn = new SFNClient({});' : 'const sfn = undefined;',
    'export const handler = async () => ({ ok: doc !== undefined, sfn: sfn !== undefined });',
  ].join('\n');
}

/** Lambda-like environment for a cold start (what infra gives every function). */
const lambdaEnv: Record<string, string> = {
  AWS_REGION: 'eu-central-1',
  AWS_LAMBDA_FUNCTION_NAME: 'aidflow-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  POWERTOOLS_SERVICE_NAME: 'aidflow',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_METRICS_NAMESPACE: 'AidFlow',
  POWERTOOLS_METRICS_DISABLED: 'true',
  TABLE_NAME: 'aidflow',
  NODE_OPTIONS: '--enable-source-maps',
};

/**
 * Module initialisation of one bundle in a fresh Node process: the CPU time (user + system) of
 * `await import()`, and its wall time. CPU time is what the init costs; the wall time on a shared,
 * loaded 2-core machine mostly measures who else is running, so ratios use CPU time.
 */
function initOnce(file: string): { cpuMs: number; wallMs: number } {
  const script = `const c = process.cpuUsage(); const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)}); const w = performance.now() - t; const u = process.cpuUsage(c); if (typeof m.handler !== 'function') throw new Error('no handler'); process.stdout.write(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, wallMs: w }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...lambdaEnv },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as { cpuMs: number; wallMs: number };
}

export interface BundleFigure {
  readonly kb: number;
  /** Median CPU time of the module initialisation. */
  readonly initMs: number;
  readonly initWallMs: number;
  readonly initRatio: number;
  readonly floorInitMs: number;
  readonly floorKb: number;
}

export async function measureBundles(options: {
  root: string;
  workDir: string;
  runs: number;
  log: (line: string) => void;
}): Promise<Record<string, BundleFigure>> {
  const { root, workDir, runs, log } = options;
  const floors = new Map<boolean, { bytes: number; file: string }>();
  for (const withSfn of [false, true]) {
    const contents = floorSource(withSfn);
    floors.set(
      withSfn,
      await bundle(root, { contents, resolveDir: root }, join(workDir, `floor-${withSfn ? 'sfn' : 'ddb'}`)),
    );
  }
  const built: { spec: FunctionSpec; bytes: number; file: string }[] = [];
  for (const spec of functions as readonly FunctionSpec[]) {
    const out = await bundle(root, resolve(root, spec.entry), join(workDir, spec.name));
    built.push({ spec, ...out });
  }
  // Warm the file cache once, then interleave function and floor runs so drift hits both alike.
  for (const f of [...floors.values(), ...built]) initOnce(f.file);
  const results: Record<string, BundleFigure> = {};
  for (const b of built) {
    const floor = floors.get((b.spec.stepFunctions ?? []).length > 0)!;
    const own: number[] = [];
    const ownWall: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      const o = initOnce(b.file);
      own.push(o.cpuMs);
      ownWall.push(o.wallMs);
      base.push(initOnce(floor.file).cpuMs);
    }
    const initMs = median(own);
    const floorInitMs = median(base);
    results[b.spec.name] = {
      kb: Math.round(b.bytes / 1024),
      initMs: round1(initMs),
      initWallMs: round1(median(ownWall)),
      initRatio: round2(initMs / floorInitMs),
      floorInitMs: round1(floorInitMs),
      floorKb: Math.round(floor.bytes / 1024),
    };
    log(
      `  bundle ${b.spec.name}: ${results[b.spec.name]?.kb} KB, init ${round1(initMs)} ms (floor ${round1(floorInitMs)} ms)`,
    );
  }
  return results;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;
