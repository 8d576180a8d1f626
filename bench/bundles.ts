import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type FunctionSpec, functions, type MessagingAccess } from '../functions/registry.js';
import { lambdaEsbuildOptions } from '../infra/bundling.js';
import { median } from './stats.js';

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
    // NodejsFunction's settings (infra/bundling.ts): no externals, the pinned SDK is bundled.
    ...lambdaEsbuildOptions,
    absWorkingDir: root,
    outfile: file,
    logLevel: 'error',
  });
  return { bytes: statSync(file).size, file };
}

/** The SDK client each registry `messaging` channel is sent through (functions/lib/notify/aws-notifier.ts). */
const messagingClients: Readonly<Record<MessagingAccess, { import: string; construct: string }>> = {
  email: { import: "import { SESClient } from '@aws-sdk/client-ses';", construct: 'new SESClient({})' },
  sms: { import: "import { SNSClient } from '@aws-sdk/client-sns';", construct: 'new SNSClient({})' },
};

/** The SDK clients a function constructs, from its registry entry: what its floor constructs too. */
function floorClients(spec: FunctionSpec): {
  sfn: boolean;
  sqs: boolean;
  messaging: readonly MessagingAccess[];
} {
  return {
    sfn: (spec.stepFunctions ?? []).length > 0,
    // A queue's consumer is handed its messages by the event source mapping: only senders build a client.
    sqs: Object.values(spec.queues ?? {}).includes('send'),
    messaging: [...(spec.messaging ?? [])].sort(),
  };
}

/** A handler that does nothing but construct the AWS SDK clients the function uses: the floor. */
function floorSource(clients: ReturnType<typeof floorClients>): string {
  const extra = [
    ...(clients.sqs
      ? [{ import: "import { SQSClient } from '@aws-sdk/client-sqs';", construct: 'new SQSClient({})' }]
      : []),
    ...clients.messaging.map((m) => messagingClients[m]),
  ];
  return [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    clients.sfn ? "import { SFNClient } from '@aws-sdk/client-sfn';" : '',
    ...extra.map((c) => c.import),
    'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });',
    clients.sfn ? 'const sfn = new SFNClient({});' : 'const sfn = undefined;',
    `const others = [${extra.map((c) => c.construct).join(', ')}];`,
    'export const handler = async () => ({ ok: doc !== undefined, sfn: sfn !== undefined, others: others.length });',
  ].join('\n');
}

function floorName(clients: ReturnType<typeof floorClients>): string {
  return [
    'floor-ddb',
    ...(clients.sfn ? ['sfn'] : []),
    ...(clients.sqs ? ['sqs'] : []),
    ...clients.messaging,
  ].join('-');
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
  /**
   * The median of each run's own ratio to the floor run beside it: a second estimator, kept beside
   * the ratio of medians to see which holds steadier from run to run on a loaded machine.
   */
  readonly initRatioPaired: number;
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
  // One floor per distinct set of clients (DynamoDB; + SFN; + SQS; + SES/SNS), named after the clients.
  const floors = new Map<string, { bytes: number; file: string }>();
  const floorOf = (spec: FunctionSpec) => floors.get(floorName(floorClients(spec)))!;
  const built: { spec: FunctionSpec; bytes: number; file: string }[] = [];
  for (const spec of functions as readonly FunctionSpec[]) {
    const clients = floorClients(spec);
    const name = floorName(clients);
    if (!floors.has(name)) {
      const contents = floorSource(clients);
      floors.set(name, await bundle(root, { contents, resolveDir: root }, join(workDir, name)));
    }
    const out = await bundle(root, resolve(root, spec.entry), join(workDir, spec.name));
    built.push({ spec, ...out });
  }
  // Warm the file cache once, then interleave function and floor runs so drift hits both alike.
  for (const f of [...floors.values(), ...built]) initOnce(f.file);
  const results: Record<string, BundleFigure> = {};
  for (const b of built) {
    const floor = floorOf(b.spec);
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
      initRatioPaired: round2(median(own.map((o, i) => o / (base[i] ?? o)))),
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
