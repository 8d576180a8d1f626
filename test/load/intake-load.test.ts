import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/dynamodb-local.js';
import { ApiClient, distinctApplication } from '../support/api-client.js';

const total = Number(process.env.LOAD_SUBMISSIONS ?? 2000);
const concurrency = Number(process.env.LOAD_CONCURRENCY ?? 50);

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}

/**
 * Invariant 1 under load: every acknowledged submission is in the table and has a workflow
 * execution. Runs against `npm start` as a separate process, on loopback only.
 */
describe(`${total} applications at concurrency ${concurrency} against npm start`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-load-'));
  let child: ChildProcess;
  let api: ApiClient;
  let sfnEndpoint = '';
  let stateMachineArn = '';

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      env: { ...process.env, PORT: String(port), AIDFLOW_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    child.stdout?.on('data', (d: Buffer) => {
      banner += d.toString();
    });
    const started = Date.now();
    while (!/Step Functions\s+(\S+)/.test(banner)) {
      if (child.exitCode !== null || Date.now() - started > 120_000)
        throw new Error(`runtime did not start:\n${banner}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    sfnEndpoint = /Step Functions\s+(\S+)/.exec(banner)?.[1] ?? '';
    api = new ApiClient(`http://localhost:${port}`);
    stateMachineArn = 'arn:aws:states:eu-central-1:000000000000:stateMachine:AidApplication';
  }, 150_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('acknowledges every submission, and every acknowledged one is stored and has its execution', async () => {
    const receipts: Receipt[] = [];
    const failures: string[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
          const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
            body: distinctApplication({ reason: `load ${i}` }),
            headers: { 'idempotency-key': `load-${i}-${dataDir.slice(-6)}` },
          });
          if (res.status === 201) receipts.push(res.body);
          else failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `load: ${receipts.length} acknowledged in ${seconds.toFixed(1)} s (${(receipts.length / seconds).toFixed(0)}/s), ${failures.length} failed`,
    );
    expect(failures).toEqual([]);
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(total);

    // Every acknowledged case is readable by its applicant…
    for (const r of receipts.filter((_, i) => i % 20 === 0)) {
      const view = await api.request('GET', `/v1/cases/${r.reference}`, {
        headers: { 'x-access-code': r.accessCode },
      });
      expect(view.status).toBe(200);
    }
    // …and has its workflow execution (the stream outbox may still be catching up: wait for it).
    const sfn = new SFNClient({
      endpoint: sfnEndpoint,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const executionArn = (caseId: string) =>
      `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${caseId}`;
    const deadline = Date.now() + 600_000;
    let missing = receipts.map((r) => r.caseId);
    while (missing.length > 0 && Date.now() < deadline) {
      const still: string[] = [];
      for (let i = 0; i < missing.length; i += 50) {
        const chunk = missing.slice(i, i + 50);
        const found = await Promise.all(
          chunk.map((id) =>
            sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) })).then(
              () => true,
              (error: Error) => {
                if (error.name !== 'ExecutionDoesNotExist') throw error;
                return false;
              },
            ),
          ),
        );
        chunk.forEach((id, j) => {
          if (!found[j]) still.push(id);
        });
      }
      missing = still;
      if (missing.length > 0) await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(
      `load: every execution present ${((Date.now() - started) / 1000).toFixed(1)} s after the first submission`,
    );
    expect(missing).toEqual([]);
  }, 900_000);
});
