import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamodb-local.js';

/** `npm start` as a person runs it: a separate process with its own port and data folder. */
function startProcess(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...process.env, PORT: String(port), AIDFLOW_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitHealthy(port: number, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`runtime exited early:\n${output}`);
    try {
      const res = await fetch(`http://localhost:${port}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`runtime not healthy in ${timeoutMs} ms:\n${output}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((r) => child.once('exit', (code) => r(code)));
}

function jvmPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start as a process', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs two runtimes side by side and leaves no Java process behind after SIGTERM', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const [dirA, dirB] = [
      mkdtempSync(join(tmpdir(), 'aidflow-a-')),
      mkdtempSync(join(tmpdir(), 'aidflow-b-')),
    ];
    dirs.push(dirA, dirB);
    const a = startProcess(portA, dirA);
    const b = startProcess(portB, dirB);
    children.push(a, b);
    await Promise.all([waitHealthy(portA, a), waitHealthy(portB, b)]);
    const [jvmA, jvmB] = [jvmPid(dirA), jvmPid(dirB)];
    expect(jvmA).not.toBe(jvmB);

    a.kill('SIGTERM');
    b.kill('SIGTERM');
    expect(await exited(a)).toBe(0);
    expect(await exited(b)).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(jvmA)).toBe(false);
    expect(alive(jvmB)).toBe(false);
    expect(existsSync(join(dirA, 'dynamodb', 'dynamodb-local.pid'))).toBe(false);
  }, 180_000);

  it('ends the JVM a SIGKILLed runtime left behind when it starts again on the same data', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'aidflow-k-'));
    dirs.push(dir);
    const first = startProcess(port, dir);
    children.push(first);
    await waitHealthy(port, first);
    const orphan = jvmPid(dir);
    first.kill('SIGKILL');
    await exited(first);

    const second = startProcess(port, dir);
    children.push(second);
    await waitHealthy(port, second);
    expect(alive(orphan)).toBe(false);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 180_000);
});
