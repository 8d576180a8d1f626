import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LocalStepFunctions } from '../../../local/sfn/engine.js';
import { type Journal, MemoryJournal } from '../../../local/sfn/journal.js';
import { createStepFunctionsHandler } from '../../../local/sfn/server.js';

/** Fake Lambda handlers by function name, counting their invocations. */
export class FakeFunctions {
  readonly calls: { functionName: string; payload: unknown }[] = [];
  private readonly handlers = new Map<string, (payload: unknown) => unknown>();

  on(functionName: string, handler: (payload: unknown) => unknown): this {
    this.handlers.set(functionName, handler);
    return this;
  }

  count(functionName: string): number {
    return this.calls.filter((call) => call.functionName === functionName).length;
  }

  payloads(functionName: string): unknown[] {
    return this.calls.filter((call) => call.functionName === functionName).map((call) => call.payload);
  }

  readonly invoke = async (functionName: string, payload: unknown): Promise<unknown> => {
    this.calls.push({ functionName, payload });
    const handler = this.handlers.get(functionName);
    if (!handler) throw new Error(`No fake handler for ${functionName}`);
    return handler(payload);
  };
}

/** A clock that moves only when told to. */
export class ManualClock {
  private current: number;
  constructor(start = '2026-03-01T09:00:00.000Z') {
    this.current = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.current);
  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}

/** asl-validator is off unless asked for: it costs ~0.7 s per distinct definition. */
export function newEngine(
  functions: FakeFunctions,
  options: { journal?: Journal; clock?: ManualClock; aslValidation?: boolean } = {},
): LocalStepFunctions {
  return new LocalStepFunctions({
    journal: options.journal ?? new MemoryJournal(),
    invokeFunction: functions.invoke,
    ...(options.clock ? { now: options.clock.now } : {}),
    region: 'eu-central-1',
    accountId: '123456789012',
    aslValidation: options.aslValidation ?? false,
  });
}

export const functionArn = (name: string) =>
  `arn:aws:lambda:eu-central-1:123456789012:function:aidflow-${name}`;

/** The real aid application workflow, its `${XFunctionArn}` placeholders filled with functionArn(X). */
export function aidApplicationDefinition(): unknown {
  const text = readFileSync(
    resolve(import.meta.dirname, '../../../workflows/aid-application.asl.json'),
    'utf8',
  );
  return JSON.parse(text.replace(/\$\{(\w+)FunctionArn\}/g, (_match, name: string) => functionArn(name)));
}

export function taskTokenOf(payload: unknown): string {
  if (
    typeof payload === 'object' &&
    payload !== null &&
    'taskToken' in payload &&
    typeof payload.taskToken === 'string'
  ) {
    return payload.taskToken;
  }
  throw new Error(`No taskToken in ${JSON.stringify(payload)}`);
}

/** The engine behind the Step Functions JSON protocol on an ephemeral port, with a real SDK client. */
export async function serveEngine(
  engine: LocalStepFunctions,
): Promise<{ client: SFNClient; close(): Promise<void> }> {
  const server: Server = createServer(createStepFunctionsHandler(engine));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const client = new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    client,
    async close() {
      client.destroy();
      await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
    },
  };
}

/** A one-state machine around a single Task, for focused tests. */
export function singleTask(task: Record<string, unknown>): Record<string, unknown> {
  return { StartAt: 'Work', States: { Work: { Type: 'Task', End: true, ...task } } };
}
