import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { routes } from '../functions/http/routes.js';
import { dynamo } from '../functions/lib/clients.js';
import { withoutSdkLogFilter } from '../functions/lib/sdk-log-filter.js';
import { type FunctionSpec, functions, stateMachines } from '../functions/registry.js';
import { localCredentials, localRegion } from '../local/dynamodb-local.js';
import { appTableName, type Runtime } from '../local/runtime.js';
import { ApiClient, sampleApplication } from '../test/support/api-client.js';
import { countOperations, diffTally, emptyTally, type OpTally, snapshot } from './dynamo-counter.js';
import { percentile, runConcurrently } from './stats.js';
import { sampleWriters, type WriterUse, writerUse } from './store-writer.js';

/**
 * runtime.settle(), repeated while the stream poller reports it could not drain in time: on a
 * loaded machine a batch of hundreds of workflows may take longer than one settle allows.
 */
export async function settle(runtime: Runtime, attempts = 10): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await runtime.settle();
      return;
    } catch (error) {
      if (i >= attempts || !/did not drain/.test((error as Error).message)) throw error;
    }
  }
}

export interface InvocationTally {
  count: number;
  totalMs: number;
  /** Sum of per-invocation durations rounded up to 1 ms (Lambda's billing granularity). */
  billedMs: number;
}

/** Instruments a started runtime: DynamoDB ops of the handlers, Lambda invocations and durations. */
export class Probe {
  readonly ops: OpTally = emptyTally();
  readonly invocations = new Map<string, InvocationTally>();
  httpRequests = 0;

  private readonly caller = new AsyncLocalStorage<string>();

  constructor(readonly runtime: Runtime) {
    countOperations(dynamo(), this.ops, () => this.caller.getStore());
    const host = runtime.host;
    const invoke = host.invoke.bind(host);
    host.invoke = async (nameOrArn: string, event: unknown) => {
      const spec = host.specOf(nameOrArn);
      const t = performance.now();
      try {
        return await this.caller.run(spec.name, () => invoke(nameOrArn, event));
      } finally {
        const ms = performance.now() - t;
        const tally = this.invocations.get(spec.name) ?? { count: 0, totalMs: 0, billedMs: 0 };
        tally.count++;
        tally.totalMs += ms;
        tally.billedMs += Math.max(1, Math.ceil(ms));
        this.invocations.set(spec.name, tally);
        if (spec.trigger === 'http') this.httpRequests++;
      }
    };
  }

  mark(): { ops: OpTally; invocations: Map<string, InvocationTally>; http: number } {
    return {
      ops: snapshot(this.ops),
      invocations: new Map([...this.invocations].map(([k, v]) => [k, { ...v }])),
      http: this.httpRequests,
    };
  }

  since(mark: ReturnType<Probe['mark']>) {
    const invocations = new Map<string, InvocationTally>();
    for (const [name, v] of this.invocations) {
      const before = mark.invocations.get(name) ?? { count: 0, totalMs: 0, billedMs: 0 };
      const d = {
        count: v.count - before.count,
        totalMs: v.totalMs - before.totalMs,
        billedMs: v.billedMs - before.billedMs,
      };
      if (d.count > 0) invocations.set(name, d);
    }
    return { ops: diffTally(this.ops, mark.ops), invocations, http: this.httpRequests - mark.http };
  }
}

let applicants = 0;

/** A distinct applicant per case (a person with paid aid may not be eligible again the same year). */
export function benchApplication(): Record<string, unknown> {
  const base = sampleApplication({ requestedAmount: { currency: 'RUB', minor: 100_000 } });
  const n = ++applicants;
  const applicant = base.applicant as Record<string, unknown>;
  return { ...base, applicant: { ...applicant, fullName: `${String(applicant.fullName)} ${toLetters(n)}` } };
}

function toLetters(n: number): string {
  let out = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) out = String.fromCharCode(1072 + ((v - 1) % 26)) + out;
  return out;
}

/**
 * A bare client on the same DynamoDB Local, without the handlers' code around it: the floor. As
 * lean as the handlers' client (no SDK log filter), so the floor is not flattered.
 */
export function bareClient(runtime: Runtime): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    withoutSdkLogFilter(
      new DynamoDBClient({
        endpoint: runtime.dynamoEndpoint,
        region: localRegion,
        credentials: localCredentials,
      }),
    ),
    { marshallOptions: { removeUndefinedValues: true } },
  );
}

/** An item the size and shape of a stored aid case (the record intake writes), under bench keys. */
function caseSizedItem(i: number): Record<string, unknown> {
  const app = sampleApplication();
  const at = new Date().toISOString();
  const caseId = randomUUID();
  return {
    pk: `BENCH#${caseId}`,
    sk: 'CASE',
    type: 'BenchCase',
    caseId,
    kind: 'aid',
    reference: `AID-2099-${String(i).padStart(6, '0')}`,
    year: 2099,
    status: 'submitted',
    version: 1,
    submittedAt: at,
    updatedAt: at,
    ...app,
    // A person key's size under another name: personKey and aidType are the person index's keys
    // (gsi3), and this baseline writes no index entry, as it did before there was one.
    benchPersonKey: 'x'.repeat(64),
    accessCodeHash: 'y'.repeat(120),
    ruleSet: { id: 'cash', version: 1, hash: 'z'.repeat(64) },
    deciders: [],
    timeline: [{ at, status: 'submitted' }],
  };
}

/** CPU time in ms: this process (the runtime's Node side and the bench's clients) and the JVM's. */
function cpuNow(runtime: Runtime): { node: number; jvm: number } {
  const own = process.cpuUsage();
  let jvm = Number.NaN;
  try {
    // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${runtime.dynamoPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    jvm = (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    // Not Linux, or no JVM: the JVM's share is unknown (NaN, written as null).
  }
  return { node: (own.user + own.system) / 1000, jvm };
}

/**
 * Starts measuring both processes' CPU and the CPU of DynamoDB Local's writer threads; the
 * returned function gives what each spent since.
 */
export function cpuWindow(
  runtime: Runtime,
): () => { cpu: { node: number; jvm: number }; writers: WriterUse[] } {
  const writers = sampleWriters(runtime.dynamoPid);
  const cpu = cpuNow(runtime);
  return () => {
    const now = cpuNow(runtime);
    return {
      cpu: { node: now.node - cpu.node, jvm: now.jvm - cpu.jvm },
      writers: writerUse(writers, sampleWriters(runtime.dynamoPid)),
    };
  };
}

/** Sums both processes' CPU over measured runs of requests, to give it per request. */
class CpuTally {
  private node = 0;
  private jvm = 0;
  private requests = 0;

  constructor(private readonly runtime: Runtime) {}

  async measure(work: () => Promise<number[]>): Promise<number[]> {
    const before = cpuNow(this.runtime);
    const durations = await work();
    const after = cpuNow(this.runtime);
    this.node += after.node - before.node;
    this.jvm += after.jvm - before.jvm;
    this.requests += durations.length;
    return durations;
  }

  perRequest(): { nodeMs: number | null; jvmMs: number | null } {
    const per = (ms: number) => (Number.isFinite(ms) ? Math.round((ms / this.requests) * 100) / 100 : null);
    return { nodeMs: per(this.node), jvmMs: per(this.jvm) };
  }
}

export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly count: number;
}

function figures(durations: number[]): LatencyFigures {
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), count: durations.length };
}

/**
 * Intake latency at a given concurrency, against a bare PutItem of a case-sized item at the same
 * concurrency on the same DynamoDB Local. Rounds alternate so machine drift hits both alike.
 */
export async function measureIntake(
  runtime: Runtime,
  options: { concurrency: number; perRound: number; rounds: number; log: (line: string) => void },
) {
  const api = new ApiClient(runtime.url);
  const bare = bareClient(runtime);
  const post = async () => {
    const res = await api.request('POST', '/v1/aid-applications', {
      body: benchApplication(),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  const put = async (i: number) => {
    await bare.send(new PutCommand({ TableName: appTableName, Item: caseSizedItem(i) }));
  };
  // The intake's own DynamoDB requests alone, with no handler code around them: what the design
  // costs. Its transaction's items as intake writes them (the case with its index keys and the hash
  // of the request its key answers, the open-application lock, the first audit event), and the reference
  // counter's write on one intake in six (reference-blocks.ts: 0.17 per intake under a burst).
  const TableName = appTableName;
  const counter = async () => {
    await bare.send(
      new UpdateCommand({
        TableName,
        Key: { pk: 'BENCH#COUNTER', sk: 'COUNTER' },
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
  };
  const intakeRequests = async (i: number) => {
    if (i % 6 === 0) await counter();
    // As intake writes it: its personKey (with aidType) is the person index's keys.
    const { benchPersonKey: _, ...item } = caseSizedItem(i);
    const pk = String(item.pk);
    const at = String(item.submittedAt);
    const person = `BENCHPERSON#${randomUUID()}`;
    const fresh = { ConditionExpression: 'attribute_not_exists(pk)' };
    await bare.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: {
                ...item,
                gsi1pk: `REF#${String(item.reference)}`,
                gsi1sk: 'CASE',
                gsi2pk: 'CASES#bench#submitted',
                gsi2sk: at,
                personKey: person,
                requestHash: 'r'.repeat(43),
              },
              ...fresh,
            },
          },
          {
            Put: {
              TableName,
              Item: { pk: person, sk: 'OPEN#cash', type: 'BenchLock', caseId: item.caseId, openedAt: at },
              ...fresh,
            },
          },
          {
            Put: {
              TableName,
              Item: { pk, sk: 'AUDIT#0000000001', action: 'case.submitted', hash: 'h'.repeat(43), at },
              ...fresh,
            },
          },
        ],
      }),
    );
  };
  // Warm all three paths (connection pools, the handler's lazily created clients, and above all
  // DynamoDB Local's JIT) before measuring. Its C2 compiler works for tens of seconds on one of the
  // machine's two cores and settles the bare PutItem's path long before the transaction's: the
  // JVM's CPU per intake fell from 12.6–13.5 ms over the first 400 intakes to 5.5–6 ms after two
  // thousand transactions, while a PutItem's was 2–3 ms throughout (docs/performance.md §13). With
  // 32 warm-up intakes the first rounds measured the JIT as much as the design. The intake's own
  // transaction (the design floor's requests) warms the same paths without starting workflows.
  for (let i = 0; i < 10; i++) {
    await runConcurrently(100, options.concurrency, put);
    await runConcurrently(200, options.concurrency, intakeRequests);
  }
  for (let i = 0; i < 2; i++) {
    await runConcurrently(100, options.concurrency, post);
    await settle(runtime);
  }
  const intake: number[] = [];
  const bareDurations: number[] = [];
  const floorDurations: number[] = [];
  const heldDurations: number[] = [];
  // CPU per request of each kind, during its rounds only (a round's workflows settle after it).
  const cpu = {
    bare: new CpuTally(runtime),
    floor: new CpuTally(runtime),
    intake: new CpuTally(runtime),
    held: new CpuTally(runtime),
  };
  const round = (n: number, work: (i: number) => Promise<void>) => () =>
    runConcurrently(n, options.concurrency, work);
  for (let r = 0; r < options.rounds; r++) {
    bareDurations.push(...(await cpu.bare.measure(round(options.perRound, put))));
    floorDurations.push(...(await cpu.floor.measure(round(options.perRound, intakeRequests))));
    intake.push(...(await cpu.intake.measure(round(options.perRound, post))));
    // The submitted cases start workflows through the stream: let them finish before the next round,
    // so the background work of one round does not land in the other's measurement.
    await settle(runtime);
    // The same intake with the stream consumers held until the round is over: the route without
    // the workflows its own requests start, which in the round above share the machine with it.
    heldDurations.push(
      ...(await holdingStreams(runtime, () => cpu.held.measure(round(options.perRound, post)))),
    );
    await settle(runtime);
    options.log(`  intake round ${r + 1}/${options.rounds}`);
  }
  bare.destroy();
  return {
    intake: figures(intake),
    bare: figures(bareDurations),
    intakeRequests: figures(floorDurations),
    intakeWithoutWorkflows: figures(heldDurations),
    cpuPerRequest: {
      barePutItem: cpu.bare.perRequest(),
      intakeRequests: cpu.floor.perRequest(),
      intake: cpu.intake.perRequest(),
      intakeWithoutWorkflows: cpu.held.perRequest(),
    },
  };
}

/** Runs `work` with the runtime's stream consumers waiting until it is done (nothing is lost). */
async function holdingStreams<T>(runtime: Runtime, work: () => Promise<T>): Promise<T> {
  const host = runtime.host;
  const invoke = host.invoke;
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  host.invoke = async (nameOrArn: string, event: unknown) => {
    if (host.specOf(nameOrArn).trigger === 'stream') await held;
    return invoke.call(host, nameOrArn, event);
  };
  try {
    return await work();
  } finally {
    host.invoke = invoke;
    release();
  }
}

/**
 * Bare DynamoDB Local throughput: case-sized PutItem and GetItem, alternating, at a concurrency,
 * for a fixed time (so a loaded machine lengthens nothing).
 */
export async function measureStoreOpsPerSecond(runtime: Runtime, seconds: number, concurrency: number) {
  const bare = bareClient(runtime);
  const keys: { pk: string; sk: string }[] = [];
  await runConcurrently(100, concurrency, async (i) => {
    const item = caseSizedItem(i);
    keys.push({ pk: String(item.pk), sk: 'CASE' });
    await bare.send(new PutCommand({ TableName: appTableName, Item: item }));
  });
  const spent = cpuWindow(runtime);
  const t = performance.now();
  const until = t + seconds * 1000;
  let done = 0;
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const i = issued++;
        if (i % 2 === 0) await bare.send(new PutCommand({ TableName: appTableName, Item: caseSizedItem(i) }));
        else await bare.send(new GetCommand({ TableName: appTableName, Key: keys[i % keys.length] }));
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const { cpu, writers } = spent();
  bare.destroy();
  return { opsPerSecond: done / elapsed, ops: done, cpu, writers };
}

/** The authorised disbursements of the given cases (the finance desk's list, every page). */
async function authorisedDisbursements(api: ApiClient, references: Set<string>) {
  const found: { disbursementId: string }[] = [];
  let cursor: string | undefined;
  do {
    const q = `/v1/disbursements?status=authorised&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api.as<{ items: { disbursementId: string; caseReference: string }[]; cursor?: string }>(
      'finance',
      'GET',
      q,
    );
    if (res.status !== 200) throw new Error(`list disbursements: ${res.status} ${JSON.stringify(res.body)}`);
    for (const d of res.body.items) if (references.has(d.caseReference)) found.push(d);
    cursor = res.body.cursor;
  } while (cursor);
  return found;
}

interface TaskItem {
  taskId: string;
  type: string;
  caseReference: string;
}

async function openTasks(api: ApiClient, user: string, type: string, references: Set<string>) {
  const found: TaskItem[] = [];
  let cursor: string | undefined;
  do {
    const q = `/v1/tasks?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api.as<{ items: TaskItem[]; cursor?: string }>(user, 'GET', q);
    if (res.status !== 200)
      throw new Error(`list tasks as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    for (const t of res.body.items) if (t.type === type && references.has(t.caseReference)) found.push(t);
    cursor = res.body.cursor;
  } while (cursor);
  return found;
}

/**
 * Settles the runtime after a phase's requests and logs how long the requests took (since
 * `startedAt`) and the workflows and streams after them; returns when the phase ended.
 */
async function settlePhase(
  runtime: Runtime,
  log: (line: string) => void,
  phases: E2ePhase[],
  what: string,
  startedAt: number,
) {
  const requestsDone = performance.now();
  await settle(runtime);
  const now = performance.now();
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const phase = {
    what,
    requestsSeconds: seconds(requestsDone - startedAt),
    settleSeconds: seconds(now - requestsDone),
  };
  phases.push(phase);
  log(`  e2e: ${what} (requests ${phase.requestsSeconds} s, then settled in ${phase.settleSeconds} s)`);
  return now;
}

/**
 * One phase of the end-to-end run: its requests, then the workflows, streams and deliveries they
 * set going. A long settle after a phase that notifies is the delivery's pace (performance.md §16).
 */
export interface E2ePhase {
  readonly what: string;
  readonly requestsSeconds: number;
  readonly settleSeconds: number;
}

/**
 * N aid cases from submission to a paid disbursement through the public API, with scripted staff
 * decisions (reviewer approves, head approves from the regional budget, finance authorises and
 * records the settlement).
 */
export async function driveAidCases(
  runtime: Runtime,
  probe: Probe,
  options: { cases: number; concurrency: number; log: (line: string) => void },
) {
  const api = new ApiClient(runtime.url);
  for (const user of ['reviewer', 'head', 'finance']) await api.signIn(user);
  await settle(runtime);
  const mark = probe.mark();
  const sfnBefore = runtime.engine.stats();
  const started = performance.now();
  const references = new Set<string>();
  const caseIds: string[] = [];
  await runConcurrently(options.cases, options.concurrency, async () => {
    const res = await api.request<{ reference: string; caseId: string }>('POST', '/v1/aid-applications', {
      body: benchApplication(),
      headers: { 'idempotency-key': randomUUID() },
    });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
    references.add(res.body.reference);
    caseIds.push(res.body.caseId);
  });
  const phases: E2ePhase[] = [];
  let phaseStart = await settlePhase(
    runtime,
    options.log,
    phases,
    `${options.cases} submitted, in review`,
    started,
  );
  const steps: [user: string, type: string, decision: Record<string, unknown>][] = [
    ['reviewer', 'review', { outcome: 'approve' }],
    ['head', 'approve', { outcome: 'approve', fundingSource: 'regional_budget' }],
    ['finance', 'authorise_payment', { outcome: 'approve' }],
  ];
  for (const [user, type, decision] of steps) {
    const tasks = await openTasks(api, user, type, references);
    if (tasks.length !== options.cases) {
      throw new Error(`expected ${options.cases} open ${type} tasks for ${user}, found ${tasks.length}`);
    }
    await runConcurrently(tasks.length, options.concurrency, async (i) => {
      const task = tasks[i]!;
      const res = await api.as(user, 'POST', `/v1/tasks/${task.taskId}/decision`, decision);
      if (res.status !== 200) throw new Error(`${type} decision: ${res.status} ${JSON.stringify(res.body)}`);
    });
    phaseStart = await settlePhase(
      runtime,
      options.log,
      phases,
      `${type} decided on ${tasks.length} cases`,
      phaseStart,
    );
  }
  // The workflow ends at the settlement ("Create the disbursement" waits for it): finance records
  // every payment as paid, as the bank's statement would say.
  const payments = await authorisedDisbursements(api, references);
  if (payments.length !== options.cases) {
    throw new Error(`expected ${options.cases} authorised disbursements, found ${payments.length}`);
  }
  await runConcurrently(payments.length, options.concurrency, async (i) => {
    const path = `/v1/disbursements/${payments[i]!.disbursementId}/settlement`;
    const res = await api.as('finance', 'POST', path, { status: 'paid' });
    if (res.status !== 200) throw new Error(`settlement: ${res.status} ${JSON.stringify(res.body)}`);
  });
  await settlePhase(runtime, options.log, phases, `${payments.length} payments settled`, phaseStart);
  const seconds = (performance.now() - started) / 1000;
  const used = probe.since(mark);
  const machineArn = runtime.stateMachineArns.AidApplication ?? '';
  const executionArn = (caseId: string) => `${machineArn.replace(':stateMachine:', ':execution:')}:${caseId}`;
  let transitions = 0;
  let succeeded = 0;
  for (const caseId of caseIds) {
    transitions += await runtime.engine.transitions(executionArn(caseId));
    if ((await runtime.engine.describeExecution(executionArn(caseId))).status === 'SUCCEEDED') succeeded++;
  }
  if (succeeded !== options.cases) throw new Error(`only ${succeeded}/${options.cases} executions succeeded`);
  const sfnAfter = runtime.engine.stats();
  // The size of a finished case item: every write of it is billed by its full size, per index.
  const bare = bareClient(runtime);
  const { Item } = await bare.send(
    new GetCommand({ TableName: appTableName, Key: { pk: `CASE#${caseIds[0]}`, sk: 'CASE' } }),
  );
  bare.destroy();
  return {
    caseItemBytes: Item ? itemBytes(Item) : 0,
    cases: options.cases,
    seconds,
    transitions,
    stepInvocations: sfnAfter.invocations - sfnBefore.invocations,
    phases,
    ...used,
  };
}

/** DynamoDB's item size rule, approximately: UTF-8 bytes of attribute names plus values. */
function itemBytes(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(value).length / 2) + 1;
  if (typeof value === 'boolean') return 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + itemBytes(v), 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>).reduce(
      (n, [k, v]) => n + 1 + Buffer.byteLength(k) + itemBytes(v),
      0,
    )
  );
}

/** Per-function configured memory (MB), as infra gives it. */
export function memoryOf(name: string): number {
  const spec = (functions as readonly FunctionSpec[]).find((f) => f.name === name);
  return spec?.memoryMb ?? 512;
}

export function appealWorkflowPresent(): boolean {
  return (stateMachines as readonly { name: string }[]).some((m) => /appeal/i.test(m.name));
}

export function reportRoutePresent(): boolean {
  return (routes as readonly { path: string }[]).some((r) => r.path === '/v1/reports/aid-usage');
}

/** A phoned-in complaint two departments must answer (the appeal runtime test's happy path). */
function benchComplaint(n: number): Record<string, unknown> {
  return {
    applicant: {
      fullName: `Пётр Сидоров ${toLetters(n)}`,
      birthDate: '1948-02-11',
      phone: '+7 912 000-11-22',
      address: 'ул. Мира, 5, кв. 2',
      preferredLanguage: 'ru',
    },
    categories: ['war_veteran'],
    kind: 'complaint',
    subject: 'Нет пандуса у подъезда',
    text: `Третий месяц не могу выйти из дома на коляске: у подъезда нет пандуса (${n}).`,
    topic: 'accessibility',
    channel: 'phone',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  };
}

/**
 * Appeals on their happy path, one at a time: a clerk registers a complaint, both departments
 * answer, the clerk consolidates, the head signs off. Returns billed transitions per appeal.
 */
export async function driveAppeals(runtime: Runtime, count: number): Promise<number> {
  const api = new ApiClient(runtime.url);
  const machineArn = runtime.stateMachineArns.Appeal;
  if (!machineArn) throw new Error('no Appeal state machine');
  const tasksOf = async (user: string, reference: string, type: string) => {
    const found: TaskItem[] = [];
    let cursor: string | undefined;
    do {
      const q = `/v1/tasks?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await api.as<{ items: TaskItem[]; cursor?: string }>(user, 'GET', q);
      found.push(...res.body.items.filter((t) => t.caseReference === reference && t.type === type));
      cursor = res.body.cursor;
    } while (cursor);
    return found;
  };
  const decide = async (user: string, taskId: string | undefined, body: Record<string, unknown>) => {
    const res = await api.as(user, 'POST', `/v1/tasks/${taskId}/decision`, body);
    if (res.status !== 200)
      throw new Error(`appeal decision by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    await settle(runtime);
  };
  let transitions = 0;
  for (let n = 1; n <= count; n++) {
    const res = await api.request<{ caseId: string; reference: string }>('POST', '/v1/appeals', {
      body: benchComplaint(n),
      token: await api.signIn('clerk'),
    });
    if (res.status !== 201)
      throw new Error(`appeal intake answered ${res.status}: ${JSON.stringify(res.body)}`);
    await settle(runtime);
    const { reference, caseId } = res.body;
    for (const task of await tasksOf('reviewer', reference, 'department_answer')) {
      await decide('reviewer', task.taskId, { outcome: 'answer', answer: `Ответ отдела ${task.taskId}` });
    }
    const [consolidate] = await tasksOf('clerk', reference, 'consolidate_answer');
    await decide('clerk', consolidate?.taskId, { outcome: 'answer', answer: 'Пандус будет установлен.' });
    const [signOff] = await tasksOf('head', reference, 'sign_off_answer');
    await decide('head', signOff?.taskId, { outcome: 'approve' });
    const arn = `${machineArn.replace(':stateMachine:', ':execution:')}:${caseId}`;
    const status = (await runtime.engine.describeExecution(arn)).status;
    if (status !== 'SUCCEEDED') throw new Error(`appeal execution ${status}`);
    transitions += await runtime.engine.transitions(arn);
  }
  return transitions / count;
}
