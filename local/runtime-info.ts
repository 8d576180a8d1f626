import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What a running local runtime tells tools outside its process (npm run audit:verify): written to
 * its data directory once it is ready, removed when it stops.
 */
export interface RuntimeInfo {
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly url: string;
}

export const runtimeInfoFile = 'runtime.json';

/** The running runtime's info in `dataDir`, or undefined when none is running there. */
export function readRuntimeInfo(dataDir: string): RuntimeInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(resolve(dataDir, runtimeInfoFile), 'utf8')) as Partial<RuntimeInfo>;
    return typeof info.dynamoEndpoint === 'string' && typeof info.tableName === 'string'
      ? { dynamoEndpoint: info.dynamoEndpoint, tableName: info.tableName, url: String(info.url ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}
