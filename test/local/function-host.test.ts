import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { functions } from '../../functions/registry.js';
import { FunctionHost } from '../../local/function-host.js';

interface LogLine {
  message: string;
  function_name?: string;
  function_request_id?: string;
}

function captureLogLines(): LogLine[] {
  const lines: LogLine[] = [];
  const keep = (chunk: string | Uint8Array) => {
    for (const text of String(chunk).split('\n')) {
      if (text.includes('"message"')) lines.push(JSON.parse(text) as LogLine);
    }
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  return lines;
}

/** A handler built as the real ones are (middy, the shared logger's Lambda context first). */
function handlerThatWarnsAfter(logger: Logger, gate: Promise<void>, requestIds: string[]) {
  return middy<unknown, null, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (_event, context) => {
      requestIds.push(context.awsRequestId);
      await gate;
      logger.warn(`warning of ${context.functionName}`);
      return null;
    });
}

describe('the local function host', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('keeps the Lambda context of concurrent invocations apart in what they log', async () => {
    // Arrange: two functions whose handlers share the one logger, as every handler here does;
    // the first logs only after the second has started (and set its context). The logger is
    // imported afresh at the runtime's level (the suite's is SILENT).
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'WARN');
    vi.resetModules();
    const { logger } = await import('../../functions/lib/logger.js');
    const [first, second] = functions;
    if (!first || !second) throw new Error('the registry has fewer than two functions');
    let openFirst = () => {};
    const firstGate = new Promise<void>((resolve) => {
      openFirst = resolve;
    });
    const requestIds: string[] = [];
    const modules = new Map<string, unknown>([
      [first.entry, { handler: handlerThatWarnsAfter(logger, firstGate, requestIds) }],
      [second.entry, { handler: handlerThatWarnsAfter(logger, Promise.resolve(), requestIds) }],
    ]);
    const host = new FunctionHost('/app', 'eu-central-1', async (url) => {
      const entry = [...modules.keys()].find((e) => url.endsWith(e.replace(/^\.\//, '')));
      if (!entry) throw new Error(`unexpected module ${url}`);
      return modules.get(entry);
    });
    const lines = captureLogLines();

    // Act
    const firstRun = host.invoke(first.name, {});
    await vi.waitFor(() => expect(requestIds).toHaveLength(1));
    await host.invoke(second.name, {});
    openFirst();
    await firstRun;

    // Assert: each warning names its own function and its own request.
    vi.restoreAllMocks();
    const [firstId, secondId] = requestIds;
    expect(lines.map((l) => [l.message, l.function_name, l.function_request_id])).toEqual([
      [`warning of aidflow-${second.name}`, `aidflow-${second.name}`, secondId],
      [`warning of aidflow-${first.name}`, `aidflow-${first.name}`, firstId],
    ]);
  });
});
