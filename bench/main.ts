/**
 * `npm run bench`: AidFlow against the limits of the machinery underneath, in one run, as ratios
 * to baselines measured in the same run (issue 7). Prints a table and writes bench-results.json.
 *
 * Environment: BENCH_CASES (end-to-end cases, default 1000), BENCH_E2E_WARM_CASES (cases driven
 * through first, not counted, default 100; 0 for none), BENCH_INIT_RUNS (fresh processes per
 * bundle, default 5), BENCH_INTAKE_ROUNDS (default 3 × 100 requests), BENCH_SKIP=ready,bundles,…
 * (section names: web, bundles, ready, runtime, intake, e2e (and all after it), appeals, report-scaling)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultForegroundFirst } from '../local/foreground-first.js';
import { type Runtime, startRuntime } from '../local/runtime.js';
import { chromiumPath } from '../test/e2e/browser.js';
import { ApiClient } from '../test/support/api-client.js';
import { buildWeb, webBuildIsStale } from '../web/build.js';
import { type BundleFigure, measureBundles, round1, round2 } from './bundles.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { prices } from './prices.js';
import { measureDynamoStart, measureReady } from './ready.js';
import { measureReportScaling } from './report-scaling.js';
import {
  appealWorkflowPresent,
  benchApplication,
  cpuWindow,
  driveAidCases,
  driveAppeals,
  measureIntake,
  measureStoreOpsPerSecond,
  memoryOf,
  Probe,
  reportRoutePresent,
} from './runtime-bench.js';
import type { WriterUse } from './store-writer.js';
import { measureWebLoad } from './web-load.js';
import { measureWebWeight } from './web-weight.js';

process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const root = resolve(import.meta.dirname, '..');
const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const cases = envInt('BENCH_CASES', 1000);
const initRuns = envInt('BENCH_INIT_RUNS', 5);
const intakeRounds = envInt('BENCH_INTAKE_ROUNDS', 3);
const e2eWarmCases = process.env.BENCH_E2E_WARM_CASES === '0' ? 0 : envInt('BENCH_E2E_WARM_CASES', 100);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const concurrency = 16;
const began = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

interface Results {
  intake: { p50Ratio: number; p99Ratio: number; concurrency: number } | null;
  transitionsPerAidCase: number | null;
  transitionsPerAppeal: number | null;
  costPer1000AidCasesUsd: number | null;
  bundles: Record<string, { kb: number; initMs: number; initRatio: number }> | null;
  reportScaling: { ratio10kTo1k: number | null };
  e2e: { casesPerSecond: number; opsPerCase: number; storeEfficiency: number } | null;
  ready: { ms: number } | null;
  web: {
    startPageGzipKb: number;
    wholeAppGzipKb: number;
    /** The start page's first visit on an emulated 2G link ÷ a one-heading page's on the same link. */
    startPage2gRatio: number | null;
  } | null;
  notes: Record<string, string>;
  details: Record<string, unknown>;
}

const results: Results = {
  intake: null,
  transitionsPerAidCase: null,
  transitionsPerAppeal: null,
  costPer1000AidCasesUsd: null,
  bundles: null,
  reportScaling: { ratio10kTo1k: null },
  e2e: null,
  ready: null,
  web: null,
  notes: {},
  details: { startedAt: new Date(began).toISOString(), cases, concurrency, prices },
};

interface CpuSpent {
  ops: number;
  cpu: { node: number; jvm: number };
  writers: readonly WriterUse[];
}

/**
 * CPU per op, bare against end to end. The writer thread that served the bare baseline is the
 * application database's (the baseline touches no other); any other `SQLiteQueue` thread is the
 * workflow journal's database. A figure the platform cannot give is null.
 */
function cpuPerOpFigures(bare: readonly CpuSpent[], e2e: CpuSpent) {
  const app = bare[0]?.writers[0]?.tid;
  const appWriter = (spent: CpuSpent) => spent.writers.find((w) => w.tid === app);
  const bareWriters = bare.map(appWriter).filter((w) => w !== undefined);
  const e2eWriter = appWriter(e2e);
  const bareOps = bare.reduce((n, b) => n + b.ops, 0);
  const per = (ms: number, ops: number) => (Number.isFinite(ms) && ops > 0 ? round2(ms / ops) : null);
  const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
  const bareWritersKnown = bareWriters.length === bare.length && bare.length > 0;
  return {
    bare: {
      nodeMs: per(
        sum(bare, (b) => b.cpu.node),
        bareOps,
      ),
      jvmMs: per(
        sum(bare, (b) => b.cpu.jvm),
        bareOps,
      ),
      writerMs: bareWritersKnown
        ? per(
            sum(bareWriters, (w) => w.cpuMs),
            bareOps,
          )
        : null,
      writerBusyShare: bareWritersKnown ? round2(sum(bareWriters, (w) => w.busyShare) / bare.length) : null,
    },
    e2e: {
      nodeMs: per(e2e.cpu.node, e2e.ops),
      jvmMs: per(e2e.cpu.jvm, e2e.ops),
      writerMs: e2eWriter ? per(e2eWriter.cpuMs, e2e.ops) : null,
      writerBusyShare: e2eWriter ? round2(e2eWriter.busyShare) : null,
      journalWriterMs: e2eWriter
        ? per(
            sum(
              e2e.writers.filter((w) => w !== e2eWriter),
              (w) => w.cpuMs,
            ),
            e2e.ops,
          )
        : null,
    },
  };
}

async function runtimeSections(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-bench-'));
  let runtime: Runtime | undefined;
  const withdraw = cleanUpOnInterrupt(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  try {
    log('starting the embedded runtime');
    runtime = await startRuntime({
      port: 0,
      dataDir,
      timerIntervalMs: 600_000,
      // Only to compare settings of the people-first rule (local/foreground-first.ts).
      priority: {
        backgroundWhileBusy: envInt(
          'BENCH_BACKGROUND_WHILE_BUSY',
          defaultForegroundFirst.backgroundWhileBusy,
        ),
        maxWaitMs: envInt('BENCH_BACKGROUND_MAX_WAIT_MS', defaultForegroundFirst.maxWaitMs),
      },
    });
    const probe = new Probe(runtime);

    if (!skip.has('intake')) {
      log(`intake: ${intakeRounds} rounds × 100 POSTs vs bare PutItem, concurrency ${concurrency}`);
      const m = await measureIntake(runtime, { concurrency, perRound: 100, rounds: intakeRounds, log });
      results.intake = {
        p50Ratio: round2(m.intake.p50 / m.bare.p50),
        p99Ratio: round2(m.intake.p99 / m.bare.p99),
        concurrency,
      };
      results.details.intake = {
        intakeMs: { p50: round1(m.intake.p50), p99: round1(m.intake.p99), n: m.intake.count },
        barePutItemMs: { p50: round1(m.bare.p50), p99: round1(m.bare.p99), n: m.bare.count },
        // The intake's own DynamoDB requests with no handler around them, ÷ the bare PutItem.
        designFloor: {
          intakeRequests: {
            p50Ratio: round2(m.intakeRequests.p50 / m.bare.p50),
            p99Ratio: round2(m.intakeRequests.p99 / m.bare.p99),
            what: 'TransactWrite (case with its index keys and request hash, open-application lock, audit event) + UpdateItem (counter) on 1 in 6',
          },
        },
        // The route with the workflows of its own round held back until the round is over, ÷ the
        // bare PutItem: what is left of intake.p50Ratio without the contention of those workflows.
        withoutWorkflows: {
          p50Ratio: round2(m.intakeWithoutWorkflows.p50 / m.bare.p50),
          p99Ratio: round2(m.intakeWithoutWorkflows.p99 / m.bare.p99),
          intakeMs: { p50: round1(m.intakeWithoutWorkflows.p50), p99: round1(m.intakeWithoutWorkflows.p99) },
        },
        // CPU per request during each kind's rounds: this process (runtime and bench clients) and
        // DynamoDB Local's JVM. Where the machine is saturated, the latency ratio follows it.
        cpuPerRequest: m.cpuPerRequest,
        // Background invocations the people-first rule held back so far, and their wait in all.
        backgroundDelayed: { ...runtime.priority.stats, waitedMs: round1(runtime.priority.stats.waitedMs) },
      };
    }

    // BENCH_SKIP=e2e: the intake figures alone (what follows needs the end-to-end run).
    if (skip.has('e2e')) return;
    if (skip.has('intake')) {
      // A fresh JVM serves a fraction of its warm rate until the JIT has compiled its hot paths
      // (8 s passes on a fresh runtime: 34, 68, 101, 95 ops/s): without the intake section to warm
      // it, the baseline would be measured cold and the end-to-end run would look better than it is.
      log('warming DynamoDB Local (the intake section, which would have, was skipped)');
      await measureStoreOpsPerSecond(runtime, 16, concurrency);
    }
    // The JIT compiles what a workload runs. The baseline's mix is compiled by the time it is
    // measured; the end-to-end paths (transactions, queries, stream reads) were not, and a
    // 300-case run spent 20 s of CPU in the JIT compiler threads, a quarter of a core (§14). A
    // short pass of the same flow first, not counted, measures both sides warm.
    if (e2eWarmCases > 0) {
      log(`warming the end-to-end paths: ${e2eWarmCases} aid cases, not counted`);
      await driveAidCases(runtime, probe, { cases: e2eWarmCases, concurrency, log: () => undefined });
    }
    log('bare DynamoDB Local throughput (before the end-to-end run)');
    const storeBefore = await measureStoreOpsPerSecond(runtime, 8, concurrency);
    log(`end to end: ${cases} aid cases, submission → paid disbursement`);
    const e2eSpent = cpuWindow(runtime);
    const e2e = await driveAidCases(runtime, probe, { cases, concurrency, log });
    const e2eCpu = e2eSpent();
    log('bare DynamoDB Local throughput (after)');
    const storeAfter = await measureStoreOpsPerSecond(runtime, 8, concurrency);
    const storeOpsPerSecond = (storeBefore.opsPerSecond + storeAfter.opsPerSecond) / 2;
    const cpuPerOp = cpuPerOpFigures([storeBefore, storeAfter], { ops: e2e.ops.ops, ...e2eCpu });
    log(
      `  CPU per op, bare | per counted end-to-end op (ms): this process ${cpuPerOp.bare.nodeMs} | ${cpuPerOp.e2e.nodeMs}, ` +
        `the JVM ${cpuPerOp.bare.jvmMs} | ${cpuPerOp.e2e.jvmMs}, of it the store's writer thread ` +
        `${cpuPerOp.bare.writerMs} | ${cpuPerOp.e2e.writerMs} (busy ${cpuPerOp.bare.writerBusyShare} | ${cpuPerOp.e2e.writerBusyShare})`,
    );

    const casesPerSecond = e2e.cases / e2e.seconds;
    const opsPerCase = e2e.ops.ops / e2e.cases;
    results.e2e = {
      casesPerSecond: round2(casesPerSecond),
      opsPerCase: round1(opsPerCase),
      storeEfficiency: round2((casesPerSecond * opsPerCase) / storeOpsPerSecond),
    };
    results.transitionsPerAidCase = round1(e2e.transitions / e2e.cases);

    // Lambda durations for the cost model come from a solo pass (one case at a time): in this
    // single process, concurrent invocations share one event loop, and their wall time would
    // include waiting for each other, which a Lambda instance (one request at a time) never does.
    // Each case runs from submission to payment before the next starts: driven as one wave of
    // ten, the ten cases' workflow steps ran side by side in each settle and every step's time
    // included the others' (OpenTask 126 ms "solo" against 20 ms for a decision).
    const soloCases = Math.min(10, cases);
    log(`solo pass: ${soloCases} cases, each alone from submission to payment, for per-invocation durations`);
    const soloMark = probe.mark();
    for (let i = 0; i < soloCases; i++) {
      await driveAidCases(runtime, probe, { cases: 1, concurrency: 1, log: () => {} });
    }
    const solo = probe.since(soloMark);

    // Cost model, per case, from what this run counted and timed.
    const per = (n: number) => n / e2e.cases;
    let gbSeconds = 0;
    let lambdaRequests = 0;
    const lambdaDetail: Record<
      string,
      { perCase: number; soloAvgMs: number; loadedAvgMs: number; memoryMb: number }
    > = {};
    for (const [name, t] of e2e.invocations) {
      const mem = memoryOf(name);
      const s = solo.invocations.get(name);
      const billedMsEach = s ? s.billedMs / s.count : t.billedMs / t.count;
      gbSeconds += ((t.count * billedMsEach) / 1000) * (mem / 1024);
      lambdaRequests += t.count;
      lambdaDetail[name] = {
        perCase: round2(per(t.count)),
        soloAvgMs: round1(s ? s.totalMs / s.count : Number.NaN),
        loadedAvgMs: round1(t.totalMs / t.count),
        memoryMb: mem,
      };
    }
    const sfnUsd = per(e2e.transitions) * prices.stepFunctionsPerTransition;
    const lambdaUsd =
      per(gbSeconds) * prices.lambdaArmPerGbSecond + per(lambdaRequests) * prices.lambdaPerRequest;
    const dynamoUsd = per(e2e.ops.wru) * prices.dynamoPerWru + per(e2e.ops.rru) * prices.dynamoPerRru;
    const apiUsd = per(e2e.http) * prices.httpApiPerRequest;
    const total = sfnUsd + lambdaUsd + dynamoUsd + apiUsd;
    results.costPer1000AidCasesUsd = Math.round(total * 1000 * 10_000) / 10_000;

    // Notifications: one message per applicant-visible status change of a case (timeline entries).
    const api = new ApiClient(runtime.url);
    const probeCase = await api.request<{ reference: string; accessCode: string }>(
      'POST',
      '/v1/aid-applications',
      {
        body: benchApplication(),
      },
    );
    const statusChanges = 7; // submitted, in_review, awaiting_approval, approved, funds_reserved, payment_authorised, disbursed
    results.details.cost = {
      per1000: {
        stepFunctions: round4(sfnUsd * 1000),
        lambda: round4(lambdaUsd * 1000),
        dynamodb: round4(dynamoUsd * 1000),
        apiGateway: round4(apiUsd * 1000),
      },
      perCase: {
        transitions: round1(per(e2e.transitions)),
        lambdaInvocations: round2(per(lambdaRequests)),
        lambdaGbSeconds: round4(per(gbSeconds)),
        dynamoOps: round1(per(e2e.ops.ops)),
        wru: round1(per(e2e.ops.wru)),
        rru: round1(per(e2e.ops.rru)),
        apiRequests: round2(per(e2e.http)),
      },
      dynamoByCommandPerCase: Object.fromEntries(
        Object.entries(e2e.ops.byCommand).map(([k, v]) => [k.replace(/Command$/, ''), round2(per(v))]),
      ),
      capacityUnreportedRequests: e2e.ops.unreported,
      dynamoByCallerPerCase: Object.fromEntries(
        Object.entries(e2e.ops.byCaller)
          .sort((a, b) => b[1].wru - a[1].wru)
          .map(([k, v]) => [
            k,
            { ops: round2(per(v.ops)), wru: round1(per(v.wru)), rru: round1(per(v.rru)) },
          ]),
      ),
      dynamoFailedPerCase: Object.fromEntries(
        Object.entries(e2e.ops.failed).map(([k, v]) => [k, round2(per(v))]),
      ),
      lambda: lambdaDetail,
      notificationsPer1000Usd: {
        messagesPerCase: statusChanges,
        emailOnly: round4(statusChanges * prices.sesPerEmail * 1000),
        smsOnly: round4(statusChanges * prices.smsPerMessage * 1000),
      },
      probeCaseStatus: probeCase.status,
    };
    results.details.e2e = {
      seconds: round1(e2e.seconds),
      finishedCaseItemBytes: e2e.caseItemBytes,
      storeOpsPerSecond: Math.round(storeOpsPerSecond),
      storeOpsPerSecondBeforeAfter: [
        Math.round(storeBefore.opsPerSecond),
        Math.round(storeAfter.opsPerSecond),
      ],
      // Where storeEfficiency comes from (performance.md §15): CPU per bare op against CPU per
      // counted end-to-end op, of this process, of the JVM, and of the JVM's SQLite writer thread
      // of the application's database (the store's serial part), with the share of the time that
      // thread was on a core or waiting for one; the journal's writer apart.
      cpuPerOp,
      phases: e2e.phases,
      stepInvocations: e2e.stepInvocations,
      warmUpCases: e2eWarmCases,
    };
    results.notes.e2e =
      'opsPerCase counts the requests the handlers send to DynamoDB (what AWS would bill); the local ' +
      "runtime's own journal and stream polling are not counted. Staff task listings are included, amortised.";

    if (skip.has('appeals')) {
      results.notes.transitionsPerAppeal = 'Skipped (BENCH_SKIP=appeals).';
    } else if (appealWorkflowPresent()) {
      try {
        log('appeals: 3 complaints on the happy path (two departments, consolidation, sign-off)');
        const before = probe.mark();
        results.transitionsPerAppeal = round1(await driveAppeals(runtime, 3));
        const used = probe.since(before);
        results.details.appeal = {
          perAppeal: {
            dynamoOps: round1(used.ops.ops / 3),
            wru: round1(used.ops.wru / 3),
            rru: round1(used.ops.rru / 3),
            lambdaInvocations: round1([...used.invocations.values()].reduce((n, t) => n + t.count, 0) / 3),
            apiRequests: round1(used.http / 3),
          },
        };
        results.notes.transitionsPerAppeal =
          'Complaint phoned in by a clerk, answered by two departments, consolidated, signed off by the head.';
      } catch (error) {
        results.notes.transitionsPerAppeal = `The appeal path could not be driven: ${(error as Error).message}`;
      }
    } else {
      results.notes.transitionsPerAppeal =
        'No appeal workflow in functions/registry.ts when this run started (issue 4).';
    }
    if (skip.has('report-scaling')) {
      results.notes.reportScaling = 'Skipped (BENCH_SKIP=report-scaling).';
    } else if (reportRoutePresent()) {
      const large = envInt('BENCH_REPORT_CASES', 10_000);
      const small = Math.max(1, Math.round(large / 10));
      log(`report scaling: aid-usage report with ${large} paid cases ÷ with ${small}`);
      const scaling = await measureReportScaling(runtime, { small, large, requests: 40, concurrency, log });
      results.reportScaling = { ratio10kTo1k: scaling.ratio10kTo1k };
      results.details.reportScaling = scaling;
      results.notes.reportScaling =
        "Paid cases counted by the stream consumer's own aggregation over case items written directly; the two years' reports requested alternately through the local HTTP server.";
    } else {
      results.notes.reportScaling =
        'GET /v1/reports/aid-usage does not exist when this run started (the aid-usage report is being built).';
    }
  } finally {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    withdraw();
  }
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

async function main(): Promise<void> {
  if (!skip.has('web')) {
    log('web: what the start page fetches, from the build (web/dist)');
    if (webBuildIsStale()) await buildWeb();
    const weight = measureWebWeight(resolve(root, 'web', 'dist'));
    log(
      `  start page ${weight.startPage.kb} KB (${weight.startPage.gzipKb} KB gzip: ${weight.startPage.files.join(', ')}); ` +
        `the whole app ${weight.wholeApp.kb} KB (${weight.wholeApp.gzipKb} KB gzip)`,
    );
    let load: Awaited<ReturnType<typeof measureWebLoad>> | undefined;
    if (existsSync(chromiumPath)) {
      log('  the start page in Chromium on emulated phone links (5 fresh loads each)');
      load = await measureWebLoad({ dist: resolve(root, 'web', 'dist'), chromiumPath, runs: 5 });
      for (const [name, f] of Object.entries(load)) {
        log(
          `  ${name}: first visit ${f.firstVisitMs} ms (first paint ${f.firstPaintMs} ms), again ${f.repeatVisitMs} ms; ` +
            `a one-heading page ${f.floorMs} ms (${f.ratio} ×)`,
        );
      }
    } else {
      results.notes.web = `No Chromium at ${chromiumPath} (CHROMIUM_PATH): the load on a phone's link was not measured.`;
    }
    results.web = {
      startPageGzipKb: weight.startPage.gzipKb,
      wholeAppGzipKb: weight.wholeApp.gzipKb,
      startPage2gRatio: load?.['2G/EDGE']?.ratio ?? null,
    };
    results.details.web = { weight, load: load ?? null };
  }
  if (!skip.has('bundles')) {
    log(`bundles: esbuild as NodejsFunction, init in fresh Node processes (${initRuns} runs each)`);
    const workDir = mkdtempSync(join(tmpdir(), 'aidflow-bench-bundles-'));
    const withdraw = cleanUpOnInterrupt(() => rmSync(workDir, { recursive: true, force: true }));
    try {
      const figures: Record<string, BundleFigure> = await measureBundles({
        root,
        workDir,
        runs: initRuns,
        log,
      });
      results.bundles = Object.fromEntries(
        Object.entries(figures).map(([k, v]) => [k, { kb: v.kb, initMs: v.initMs, initRatio: v.initRatio }]),
      );
      results.details.bundleFloors = Object.fromEntries(
        Object.entries(figures).map(([k, v]) => [
          k,
          {
            floorKb: v.floorKb,
            floorInitCpuMs: v.floorInitMs,
            initWallMs: v.initWallMs,
            initRatioPaired: v.initRatioPaired,
          },
        ]),
      );
    } finally {
      rmSync(workDir, { recursive: true, force: true });
      withdraw();
    }
  }
  if (!skip.has('ready')) {
    log('ready: npm start → /health (twice), and the DynamoDB Local JVM alone');
    const attempt = () =>
      measureReady(root).catch(async (error: Error) => {
        log(`  ready: ${error.message.split('\n')[0]}; trying once more`);
        return measureReady(root);
      });
    const readies = [await attempt(), await attempt()];
    const jvm = [await measureDynamoStart(), await measureDynamoStart()];
    results.ready = { ms: Math.round(Math.min(...readies)) };
    results.details.ready = {
      runsMs: readies.map(Math.round),
      dynamoDbLocalStartMs: jvm.map(Math.round),
      ratioToJvm: round2(Math.min(...readies) / Math.min(...jvm)),
    };
  }
  save();
  if (!skip.has('runtime')) {
    try {
      await runtimeSections();
    } catch (error) {
      results.notes.runtime = `The runtime sections stopped: ${(error as Error).message}`;
      log(results.notes.runtime);
      process.exitCode = 1;
    }
  }

  save();
  printTable();
  log(`done; wrote bench-results.json`);
}

/** Written after every section, so a failure late in the run keeps what was measured. */
function save(): void {
  writeFileSync(resolve(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

function printTable(): void {
  const rows: [string, string, string, string][] = [];
  const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? 'pass' : 'MISS');
  const add = (name: string, value: number | null | undefined, goal: string, ok: (v: number) => boolean) =>
    rows.push([
      name,
      value === null || value === undefined ? 'n/a' : String(value),
      goal,
      verdict(value == null ? null : ok(value)),
    ]);
  add('intake.p50Ratio', results.intake?.p50Ratio, '≤ 2.5', (v) => v <= 2.5);
  add('intake.p99Ratio', results.intake?.p99Ratio, '≤ 2.5', (v) => v <= 2.5);
  add('transitionsPerAidCase', results.transitionsPerAidCase, '≤ 14', (v) => v <= 14);
  add('transitionsPerAppeal', results.transitionsPerAppeal, '—', () => true);
  add('costPer1000AidCasesUsd', results.costPer1000AidCasesUsd, '≤ 0.40', (v) => v <= 0.4);
  for (const [name, b] of Object.entries(results.bundles ?? {})) {
    add(`bundles.${name}.kb`, b.kb, '≤ 300', (v) => v <= 300);
    add(`bundles.${name}.initRatio`, b.initRatio, '≤ 1.3', (v) => v <= 1.3);
  }
  add('reportScaling.ratio10kTo1k', results.reportScaling.ratio10kTo1k, '≤ 1.2', (v) => v <= 1.2);
  add('e2e.casesPerSecond', results.e2e?.casesPerSecond, '—', () => true);
  add('e2e.opsPerCase', results.e2e?.opsPerCase, '—', () => true);
  add('e2e.storeEfficiency', results.e2e?.storeEfficiency, '≥ 0.6', (v) => v >= 0.6);
  add('ready.ms', results.ready?.ms, 'JVM floor', () => true);
  add('web.startPageGzipKb', results.web?.startPageGzipKb, '—', () => true);
  add('web.wholeAppGzipKb', results.web?.wholeAppGzipKb, '—', () => true);
  add('web.startPage2gRatio', results.web?.startPage2gRatio, '—', () => true);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), 6));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(w[i] ?? 0)).join('  ');
  console.log(`\n${line(['figure', 'value', 'goal', 'result'])}\n${w.map((n) => '-'.repeat(n)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  for (const [k, v] of Object.entries(results.notes)) console.log(`note ${k}: ${v}`);
  console.log('');
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
