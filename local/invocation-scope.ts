import { AsyncLocalStorage } from 'node:async_hooks';
import { InvokeStoreBase } from '@aws/lambda-invoke-store';

type Context = Record<string | symbol, unknown>;

/**
 * The invoke store of a Lambda environment that runs several invocations at once (Lambda Managed
 * Instances): each invocation's values live in its own async context. Powertools reads it from
 * `globalThis.awslambda.InvokeStore`, where the Lambda runtime puts it.
 */
class ConcurrentInvokeStore extends InvokeStoreBase {
  private readonly als = new AsyncLocalStorage<Context>();

  getContext(): Context | undefined {
    return this.als.getStore();
  }

  hasContext(): boolean {
    return this.als.getStore() !== undefined;
  }

  get<T = unknown>(key: string | symbol): T | undefined {
    return this.als.getStore()?.[key] as T | undefined;
  }

  set<T = unknown>(key: string | symbol, value: T): void {
    if (this.isProtectedKey(key))
      throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
    const store = this.als.getStore();
    if (!store) throw new Error('No context available');
    store[key] = value;
  }

  run<T>(context: Context, fn: () => T): T {
    return this.als.run(context, fn);
  }
}

let installed: ConcurrentInvokeStore | undefined;

/**
 * One process runs every handler here, many invocations at a time. The handlers share one
 * Powertools logger, which keeps each invocation's Lambda context (function name, request id)
 * apart only when the environment says invocations are concurrent and each one runs inside the
 * runtime's invoke store — as Lambda Managed Instances do. Without it, a warning of one invocation
 * carried the request id and function name of whichever invocation set its context last.
 */
function concurrentStore(): ConcurrentInvokeStore {
  if (!installed) {
    // Set by the Lambda runtime when an environment runs invocations concurrently; Powertools
    // reads it on every access, so setting it before the first invocation is enough.
    process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';
    installed = new ConcurrentInvokeStore();
    // Replaces a one-at-a-time store an earlier SDK request may have put there: that one keeps a
    // single current context for the whole process.
    const global = globalThis as { awslambda?: Record<string, unknown> };
    global.awslambda = { ...global.awslambda, InvokeStore: installed };
  }
  return installed;
}

/** Runs `fn` as the invocation `requestId`: what it logs carries its own Lambda context. */
export function asInvocation<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return concurrentStore().run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, fn);
}
