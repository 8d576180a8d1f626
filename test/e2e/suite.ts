import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { type Browser, launchBrowser } from './browser.js';
import { staffDesk } from './staff-desk.js';

export interface Suite {
  runtime: Runtime;
  browser: Browser;
  desk: ReturnType<typeof staffDesk>;
}

/**
 * A browser suite's world: the whole system on a fresh data folder and a browser, started before
 * the file's tests and stopped after them. Read its fields inside tests (they are set by then).
 */
export function browserSuite(name: string): Suite {
  const suite = {} as Suite;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `aidflow-e2e-${name}-`));
    [suite.runtime, suite.browser] = await Promise.all([startRuntime({ port: 0, dataDir }), launchBrowser()]);
    suite.desk = staffDesk(suite.runtime.url, suite.browser, () => suite.runtime.settle());
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.runtime?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return suite;
}
