import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killJvmsUnder } from '../../bench/interrupt.js';
import { startDynamoDbLocal } from '../../local/dynamodb-local.js';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'aidflow-interrupt-test-'));

/** A bench-like process: registers cleanups, says it is ready, and waits to be killed. */
function benchLike(script: string) {
  const file = join(work, `child-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';\nimport { cleanUpOnInterrupt } from ${JSON.stringify(join(root, 'bench/interrupt.ts'))};\n${script}\nconsole.log('ready');\nsetInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((r) =>
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && r()),
  );
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, ready, exited };
}

describe('cleanUpOnInterrupt', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs the pending cleanups on SIGTERM and exits 143', async () => {
    // Arrange
    const marker = join(work, 'cleaned');
    const { child, ready, exited } = benchLike(
      `cleanUpOnInterrupt(async () => { await new Promise((r) => setTimeout(r, 50)); writeFileSync(${JSON.stringify(marker)}, 'yes'); });`,
    );
    await ready;

    // Act
    child.kill('SIGTERM');

    // Assert
    expect(await exited).toBe(143);
    expect(readFileSync(marker, 'utf8')).toBe('yes');
  });

  it('does not run a cleanup its section already withdrew', async () => {
    // Arrange
    const marker = join(work, 'withdrawn');
    const { child, ready, exited } = benchLike(
      `const done = cleanUpOnInterrupt(() => writeFileSync(${JSON.stringify(marker)}, 'no'));\ndone();`,
    );
    await ready;

    // Act
    child.kill('SIGINT');

    // Assert
    expect(await exited).toBe(130);
    expect(existsSync(marker)).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'ends a DynamoDB Local whose data is under the directory, and no other',
    async () => {
      // Arrange
      const ours = mkdtempSync(join(work, 'ddb-'));
      const ddb = await startDynamoDbLocal({ dataDir: ours });
      const alive = (pid: number) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        // Act
        killJvmsUnder(join(work, 'elsewhere'));
        const afterOther = alive(ddb.pid ?? 0);
        killJvmsUnder(ours);
        await new Promise((r) => setTimeout(r, 500));

        // Assert
        expect(ddb.pid).toBeGreaterThan(0);
        expect(afterOther).toBe(true);
        expect(alive(ddb.pid ?? 0)).toBe(false);
      } finally {
        await ddb.stop().catch(() => undefined);
      }
    },
  );
});
