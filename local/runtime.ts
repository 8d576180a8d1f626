import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { routes } from '../functions/http/routes.js';
import { resetClientsForTests } from '../functions/lib/clients.js';
import { clock } from '../functions/lib/clock.js';
import { resetConfigForTests } from '../functions/lib/config.js';
import { mailboxKeys } from '../functions/lib/notify/mailbox-notifier.js';
import { withoutSdkLogFilter } from '../functions/lib/sdk-log-filter.js';
import { tableSpec } from '../functions/lib/table-spec.js';
import {
  consumerOf,
  type FunctionSpec,
  functions,
  stateMachines,
  streamConsumerSettings,
  workflowSubstitutions,
} from '../functions/registry.js';
import { webPageNotFound, webRoutes } from '../web/serve.js';
import {
  type DynamoDbLocal,
  freePort,
  journalCredentials,
  localCredentials,
  localRegion,
  mailboxCredentials,
  startDynamoDbLocal,
} from './dynamodb-local.js';
import { ForegroundFirst, type ForegroundFirstOptions } from './foreground-first.js';
import { FunctionHost, localAccountId } from './function-host.js';
import { createLocalHttpServer } from './http-server.js';
import { LocalIssuer, localClientId } from './local-issuer.js';
import { mailboxRoute } from './mailbox.js';
import { migrateNameKeys } from './name-key-migration.js';
import { moveItemsToOwnDatabase } from './own-database-moves.js';
import { type RuntimeInfo, runtimeInfoFile } from './runtime-info.js';
import { seedDemoData } from './seed.js';
import { journalKeyPrefix } from './sfn/dynamo-journal.js';
import { LocalStepFunctions } from './sfn/engine.js';
import { DynamoJournal } from './sfn/journal.js';
import { createStepFunctionsHandler } from './sfn/server.js';
import { startLocalQueues } from './sqs-endpoint.js';
import { dynamoStaffDirectory, seedDemoStaff } from './staff-directory.js';
import { fanOut, localStreamShards } from './stream-consumers.js';
import { StreamPoller } from './stream-poller.js';
import { ensureAppTable, ensureKeyValueTable } from './table-bootstrap.js';
import { localTtlMarker, TtlEmulator } from './ttl-emulator.js';

export const appTableName = 'aidflow';
export const runtimeTableName = 'aidflow-local-runtime';
/** The local Step Functions engine's journal, in the journal's database (journalCredentials). */
export const journalTableName = 'aidflow-local-journal';
/** What was "sent" to applicants (SES and SNS stand in), in the mailbox's database (mailboxCredentials). */
export const mailboxTableName = 'aidflow-local-mailbox';

export interface RuntimeOptions {
  readonly port: number;
  /** Where DynamoDB Local keeps its files and the runtime its keys and checkpoints. */
  readonly dataDir: string;
  readonly reset?: boolean;
  readonly root?: string;
  readonly log?: (line: string) => void;
  /** How often callback deadlines are checked against the clock. */
  readonly timerIntervalMs?: number;
  /** The people-first rule's settings (foreground-first.ts); its defaults otherwise. */
  readonly priority?: Partial<ForegroundFirstOptions>;
}

export interface Runtime {
  readonly url: string;
  readonly port: number;
  readonly dynamoEndpoint: string;
  /** DynamoDB Local's JVM process id. */
  readonly dynamoPid: number | undefined;
  readonly sfnEndpoint: string;
  readonly engine: LocalStepFunctions;
  readonly stateMachineArns: Record<string, string>;
  readonly host: FunctionHost;
  /** People's requests first: background invocations yield while one is in flight. */
  readonly priority: ForegroundFirst;
  readonly seeded: boolean;
  readonly readyMs: number;
  /** Waits until streams are drained and every workflow is finished or waiting on a person. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** A secret generated on first start and kept with the data (the local stand-in for Secrets Manager). */
function localSecret(dataDir: string, name: string): string {
  const file = resolve(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolvePort((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
}

/** A client of DynamoDB Local for one database (one access key), and its document client. */
function localClients(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const client = withoutSdkLogFilter(new DynamoDBClient({ endpoint, region: localRegion, credentials }));
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, doc };
}

/**
 * The embedded runtime: DynamoDB Local, the local Step Functions endpoint running the same ASL,
 * the stream poller and the HTTP server, all invoking the same handler modules as AWS Lambda.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const root = options.root ?? process.cwd();
  const dataDir = resolve(options.dataDir);
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const accessCodePepper = localSecret(dataDir, 'access-code-pepper');
  // Settings that do not depend on an address: set before any handler module is imported, since
  // Powertools reads its log level at import.
  Object.assign(process.env, {
    TABLE_NAME: appTableName,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    ACCESS_CODE_PEPPER: accessCodePepper,
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
  });

  // DynamoDB Local's JVM start is the floor of the ready time: everything that does not need the
  // database (handler imports, ASL validation, the Step Functions endpoint) happens meanwhile.
  const dynamoEndpoint = `http://127.0.0.1:${await freePort()}`;
  const dynamoStarting = startDynamoDbLocal({ dataDir, port: Number(new URL(dynamoEndpoint).port), log });
  let dynamo: DynamoDbLocal | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const host = new FunctionHost(root, localRegion);
    const warming = host.warm();
    // Every invocation goes through the priority rule: HTTP routes as foreground, the rest behind.
    const priority = new ForegroundFirst(options.priority);
    const inBackground = (name: string, event: unknown) =>
      priority.background(() => host.invoke(name, event));
    const { client, doc } = localClients(dynamoEndpoint, localCredentials);
    // The engine's journal in a database of its own (local/dynamodb-local.ts).
    const { client: journalClient, doc: journalDoc } = localClients(dynamoEndpoint, journalCredentials);
    const { client: mailboxClient, doc: mailboxDoc } = localClients(dynamoEndpoint, mailboxCredentials);

    const journal = new DynamoJournal(journalDoc, journalTableName);
    const engine = new LocalStepFunctions({
      journal,
      invokeFunction: inBackground,
      now: () => clock.now(),
      region: localRegion,
      accountId: localAccountId,
      log: (msg, data) => log(`[sfn] ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`),
    });
    const stateMachineArns: Record<string, string> = {};
    const substitutions = workflowSubstitutions((f) => host.arnOf(f));
    for (const machine of stateMachines) {
      let text = readFileSync(resolve(root, machine.file), 'utf8');
      for (const [name, value] of Object.entries(substitutions)) text = text.replaceAll(`\${${name}}`, value);
      stateMachineArns[machine.name] = engine.registerStateMachine(machine.name, JSON.parse(text));
    }
    const sfnServer = createServer(createStepFunctionsHandler(engine));
    const sfnPort = await listen(sfnServer, 0);
    cleanups.push(() => close(sfnServer));
    const sfnEndpoint = `http://127.0.0.1:${sfnPort}`;

    dynamo = await dynamoStarting;
    const dynamoRef = dynamo;
    cleanups.push(() => dynamoRef.stop());
    await ensureAppTable(client, appTableName);
    await migrateNameKeys(client, appTableName, accessCodePepper);
    await ensureKeyValueTable(client, runtimeTableName);
    await ensureKeyValueTable(journalClient, journalTableName);
    await ensureKeyValueTable(mailboxClient, mailboxTableName);
    // A data folder from before the journal and the mailbox had databases of their own: their
    // items leave the runtime table of the application's database, once.
    for (const move of [
      {
        what: 'journal items',
        marker: 'journal-in-own-database',
        keyPrefix: journalKeyPrefix,
        doc: journalDoc,
        tableName: journalTableName,
      },
      {
        what: 'mailbox messages',
        marker: 'mailbox-in-own-database',
        keyPrefix: mailboxKeys.partition,
        doc: mailboxDoc,
        tableName: mailboxTableName,
      },
    ]) {
      const moved = await moveItemsToOwnDatabase({
        markerFile: resolve(dataDir, 'dynamodb', move.marker),
        keyPrefix: move.keyPrefix,
        from: { doc, tableName: runtimeTableName },
        to: { doc: move.doc, tableName: move.tableName },
      });
      if (moved > 0) log(`moved ${moved} ${move.what} into a database of their own`);
    }
    // SQS and its event source mappings: the notification queue feeds DeliverNotification. Started
    // after DynamoDB, so that it stops before: a batch in flight still finds the table.
    const localQueues = await startLocalQueues({
      region: localRegion,
      accountId: localAccountId,
      consume: (queue, event) => inBackground(consumerOf(queue).name, event),
      log: (line) => log(`[queue] ${line}`),
    });
    cleanups.push(() => localQueues.stop());

    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SFN_ENDPOINT: sfnEndpoint,
      SQS_ENDPOINT: localQueues.endpoint,
      ...localQueues.environment,
      AID_STATE_MACHINE_ARN: stateMachineArns.AidApplication,
      APPEAL_STATE_MACHINE_ARN: stateMachineArns.Appeal,
    });
    resetConfigForTests();
    resetClientsForTests();

    // DynamoDB Local does not expire items: the sweep deletes them as TTL does in AWS (retention).
    const ttl = new TtlEmulator({
      doc,
      tableName: appTableName,
      attribute: tableSpec.ttlAttribute,
      now: () => clock.now(),
      log,
    });

    const seeded = await seedDemoData(doc, appTableName, { year: clock.now().getUTCFullYear() });
    await seedDemoStaff(doc, runtimeTableName);

    // Every stream function of the registry (the workflow outbox, the notifier), side by side.
    const streamFunctions: readonly FunctionSpec[] = functions.filter((f) => f.trigger === 'stream');
    const streamConsumers = fanOut(
      streamFunctions.map((f) => f.name),
      inBackground,
      {
        shards: localStreamShards,
        batchSize: streamConsumerSettings.batchSize,
        filtersOf: (name) => streamFunctions.find((f) => f.name === name)?.streamFilters,
      },
    );
    const poller = new StreamPoller({
      endpoint: dynamo.endpoint,
      region: localRegion,
      credentials: localCredentials,
      tableName: appTableName,
      handler: (event) => {
        // The TTL emulator learns new expiries from the stream instead of scanning for them.
        ttl.observe(event.Records);
        return streamConsumers(event);
      },
      checkpointFile: resolve(dataDir, 'stream-checkpoint.json'),
      ttlMarker: localTtlMarker,
      // One read feeds every lane: up to a batch per lane (stream-consumers.ts).
      batchSize: streamConsumerSettings.batchSize * localStreamShards,
      maxRetryAttempts: streamConsumerSettings.retryAttempts,
      log: (line: string) => log(`[streams] ${line}`),
    });

    // Port 0 means "any": pick it now, so the token issuer names the address it is really at.
    const port = options.port === 0 ? await freePort() : options.port;
    const issuer = await LocalIssuer.open(dataDir, `http://localhost:${port}/auth/local`);
    // Routes public at the gateway that accept a staff token (POST /v1/appeals) verify it in the
    // handler against the issuer's published keys, as they do against Cognito's in AWS.
    Object.assign(process.env, {
      STAFF_JWKS_URL: `${issuer.issuerUrl}/.well-known/jwks.json`,
      STAFF_JWT_ISSUER: issuer.issuerUrl,
      STAFF_JWT_CLIENT_ID: localClientId,
      // Messages to applicants land in the local mailbox (GET /local/mailbox), linking back here.
      NOTIFIER: 'local-mailbox',
      LOCAL_MAILBOX_TABLE: mailboxTableName,
      LOCAL_MAILBOX_ACCESS_KEY_ID: mailboxCredentials.accessKeyId,
      PUBLIC_WEB_URL: `http://localhost:${port}`,
    });
    resetConfigForTests();

    // The local stand-in for EventBridge: runs every registry function with trigger 'schedule'
    // (the appeal deadline sweeper) with an EventBridge-shaped event; one run at a time.
    let scheduling: Promise<Record<string, unknown>> | undefined;
    const runSchedules = (): Promise<Record<string, unknown>> => {
      scheduling ??= (async () => {
        const results: Record<string, unknown> = {};
        for (const spec of functions.filter((f) => f.trigger === 'schedule')) {
          results[spec.name] = await inBackground(spec.name, {
            source: 'aws.events',
            'detail-type': 'Scheduled Event',
            time: clock.nowIso(),
            detail: {},
          });
        }
        return results;
      })().finally(() => {
        scheduling = undefined;
      });
      return scheduling;
    };
    let ready = false;
    const httpServer = createLocalHttpServer({
      routes,
      invoke: async (fn, event) => (await priority.foreground(() => host.invoke(fn, event))) as object,
      issuer,
      directory: dynamoStaffDirectory(doc, runtimeTableName),
      healthy: () => ready,
      log: (line) => log(`[http] ${line}`),
      pageNotFound: webPageNotFound(root),
      extraRoutes: [
        // The web app (web/dist): `/`, its deep links and assets.
        ...webRoutes(root),
        mailboxRoute(mailboxDoc, mailboxTableName),
        {
          method: 'POST',
          path: '/local/clock',
          handle: async (_req, body) => {
            const { advanceDays } = JSON.parse(body.toString() || '{}') as { advanceDays?: number };
            if (typeof advanceDays !== 'number' || !Number.isFinite(advanceDays) || advanceDays < 0) {
              return {
                statusCode: 400,
                headers: { 'content-type': 'application/problem+json' },
                body: JSON.stringify({
                  type: 'about:blank',
                  title: 'Bad request',
                  status: 400,
                  detail: 'Send { "advanceDays": n } with n ≥ 0.',
                }),
              };
            }
            clock.advance(advanceDays * 86_400_000);
            await engine.checkTimeouts();
            // A run already under way started before the clock moved: wait for it, then sweep anew.
            await scheduling?.catch(() => undefined);
            const schedules = await runSchedules();
            const expired = await ttl.sweep();
            return {
              statusCode: 200,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                now: clock.nowIso(),
                offsetDays: clock.offsetMs() / 86_400_000,
                schedules,
                expired,
              }),
            };
          },
        },
      ],
    });
    const actualPort = await listen(httpServer, port);
    cleanups.push(() => close(httpServer));

    await warming;
    poller.start();
    cleanups.push(() => poller.stop());
    await engine.recover();
    cleanups.push(async () => engine.close());
    const timer = setInterval(() => {
      engine.checkTimeouts().catch((error: Error) => log(`[sfn] timeout check failed: ${error.message}`));
      runSchedules().catch((error: Error) => log(`[schedule] run failed: ${error.message}`));
    }, options.timerIntervalMs ?? 5_000);
    timer.unref();
    cleanups.push(async () => clearInterval(timer));
    // A whole-table scan, so once a minute at most (AWS's TTL takes up to days), and only when an
    // item is due (ttl-emulator.ts): the first sweep learns the table's earliest expiry, the stream
    // the new ones. POST /local/clock sweeps at once.
    const sweepFailed = (error: Error) => log(`[ttl] sweep failed: ${error.message}`);
    ttl.sweep().catch(sweepFailed);
    const ttlTimer = setInterval(() => {
      ttl.sweepIfDue().catch(sweepFailed);
    }, 60_000);
    ttlTimer.unref();
    cleanups.push(async () => {
      clearInterval(ttlTimer);
      await ttl.whenIdle();
    });
    ready = true;
    // Where tools outside the process (npm run audit:verify) find this runtime's table.
    const runtimeFile = resolve(dataDir, runtimeInfoFile);
    writeFileSync(
      runtimeFile,
      JSON.stringify({
        dynamoEndpoint,
        tableName: appTableName,
        url: `http://localhost:${actualPort}`,
      } satisfies RuntimeInfo),
    );
    cleanups.push(async () => rmSync(runtimeFile, { force: true }));

    const runtime: Runtime = {
      url: `http://localhost:${actualPort}`,
      port: actualPort,
      dynamoEndpoint,
      dynamoPid: dynamoRef.pid,
      sfnEndpoint,
      engine,
      stateMachineArns,
      host,
      priority,
      seeded,
      readyMs: Date.now() - started,
      async settle() {
        // A stream record may start a workflow whose step writes a record again: loop to a fixpoint.
        for (let i = 0; i < 20; i++) {
          await poller.drain();
          await engine.whenIdle();
          await poller.drain();
          // Deliveries write the notifications' new status: then the stream has records again.
          const delivered = await localQueues.drain();
          if (!delivered && !(await poller.hasPending?.())) break;
        }
      },
      async stop() {
        ready = false;
        for (const cleanup of cleanups.reverse()) {
          await cleanup().catch((error: Error) => log(`stop: ${error.message}`));
        }
      },
    };
    return runtime;
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    if (!dynamo) await dynamoStarting.then((d) => d.stop()).catch(() => undefined);
    throw error;
  }
}
