import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionSpec, functions } from '../functions/registry.js';
import { asInvocation } from './invocation-scope.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export const localAccountId = '000000000000';

/**
 * Plays Lambda: imports each function's module once (its cold start) and invokes its `handler`
 * with a Lambda-shaped context. Events and results go through JSON, as they do over the wire, so
 * a handler that returns something unserialisable fails here as it would in AWS.
 */
export class FunctionHost {
  private readonly modules = new Map<string, Promise<Handler>>();

  constructor(
    private readonly root: string,
    private readonly region: string,
    /** How a function's module is loaded: Node's import, or a stand-in in tests. */
    private readonly importModule: (url: string) => Promise<unknown> = (url) => import(url),
  ) {}

  arnOf(spec: FunctionSpec): string {
    return `arn:aws:lambda:${this.region}:${localAccountId}:function:aidflow-${spec.name}`;
  }

  /** Accepts a function name, a local ARN, or `aidflow-<Name>`. */
  specOf(nameOrArn: string): FunctionSpec {
    const name =
      nameOrArn
        .split(':')
        .at(-1)
        ?.replace(/^aidflow-/, '') ?? nameOrArn;
    const spec = functions.find((f) => f.name === name);
    if (!spec)
      throw Object.assign(new Error(`Function not found: ${nameOrArn}`), {
        name: 'ResourceNotFoundException',
      });
    return spec;
  }

  private load(spec: FunctionSpec): Promise<Handler> {
    let loading = this.modules.get(spec.name);
    if (!loading) {
      const url = pathToFileURL(resolve(this.root, spec.entry)).href;
      loading = (this.importModule(url) as Promise<{ handler?: Handler }>).then((m) => {
        if (typeof m.handler !== 'function') throw new Error(`${spec.entry} exports no handler`);
        return m.handler;
      });
      this.modules.set(spec.name, loading);
    }
    return loading;
  }

  /** Imports every handler now, so the first request does not pay for it. */
  async warm(): Promise<void> {
    await Promise.all(functions.map((f) => this.load(f)));
  }

  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const spec = this.specOf(nameOrArn);
    const handler = await this.load(spec);
    const deadline = Date.now() + (spec.timeoutSeconds ?? 30) * 1000;
    const context = {
      functionName: `aidflow-${spec.name}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: this.arnOf(spec),
      memoryLimitInMB: String(spec.memoryMb ?? 512),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/aidflow-${spec.name}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    const input = JSON.parse(JSON.stringify(event ?? null));
    const result = await asInvocation(context.awsRequestId, () => handler(input, context));
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }
}
