import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'aidflow-interrupt-test-'));

/** A bench-like process: registers cleanups, says it is ready, and waits to be killed. */
function benchLike(script: string) {
  const file = join(work, `child-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    file,
    [
      "import { writeFileSync, rmSync } from 'node:fs';",
      `import { cleanUpOnInterrupt } from ${JSON.stringify(join(root, 'bench/interrupt.ts'))};`,
      `import { startDynamoDbLocal } from ${JSON.stringify(join(root, 'local/dynamodb-local.ts'))};`,
      script,
      "console.log('ready');",
      'setInterval(() => {}, 1000);',
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const ready = new Promise<string>((r) =>
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('ready')) r(stdout);
    }),
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
    'leaves no DynamoDB Local running and no data behind when a run that started one is killed',
    async () => {
      // Arrange: a section that started DynamoDB Local on a temporary data directory.
      const dataDir = mkdtempSync(join(work, 'ddb-'));
      const { child, ready, exited } = benchLike(
        [
          `const ddb = await startDynamoDbLocal({ dataDir: ${JSON.stringify(dataDir)} });`,
          `cleanUpOnInterrupt(() => rmSync(${JSON.stringify(dataDir)}, { recursive: true, force: true }));`,
          "console.log('jvm', ddb.pid);",
        ].join('\n'),
      );
      const jvm = Number(/jvm (\d+)/.exec(await ready)?.[1]);
      // A killed JVM whose parent is gone may stay a zombie until PID 1 reaps it: not running.
      const alive = (pid: number) => {
        try {
          return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
        } catch {
          return false;
        }
      };
      expect(alive(jvm)).toBe(true);

      // Act
      child.kill('SIGTERM');

      // Assert
      expect(await exited).toBe(143);
      await new Promise((r) => setTimeout(r, 500));
      expect(alive(jvm)).toBe(false);
      expect(existsSync(dataDir)).toBe(false);
    },
  );
});
