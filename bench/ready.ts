import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDynamoDbLocal } from '../local/dynamodb-local.js';
import { cleanUpOnInterrupt } from './interrupt.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `npm start` in a child process on a fresh temporary data dir, timed from spawn to the first
 * 200 from /health; the process group is ended afterwards. Loopback only.
 */
export async function measureReady(root: string, timeoutMs = 90_000): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-bench-ready-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), AIDFLOW_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const withdraw = cleanUpOnInterrupt(() => {
    if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  try {
    for (;;) {
      if (exited) throw new Error(`npm start exited before it was healthy:\n${stderr}`);
      if (performance.now() - started > timeoutMs) throw new Error('npm start was not healthy in time');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await delay(25);
    }
  } finally {
    if (!exited && child.pid) {
      const gone = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && !exited && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    withdraw();
  }
}

/** The floor of the ready time: DynamoDB Local's JVM alone, from spawn to its first answer. */
export async function measureDynamoStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-bench-ddb-'));
  const withdraw = cleanUpOnInterrupt(() => rmSync(dataDir, { recursive: true, force: true }));
  const t = performance.now();
  const ddb = await startDynamoDbLocal({ dataDir });
  const ms = performance.now() - t;
  await ddb.stop();
  rmSync(dataDir, { recursive: true, force: true });
  withdraw();
  return ms;
}
