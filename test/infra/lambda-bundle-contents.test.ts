import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functions } from '../../functions/registry.js';
import { lambdaEsbuildOptions } from '../../infra/bundling.js';

/**
 * What esbuild puts into a Lambda bundle follows the imports, and a module-level value it cannot
 * prove unused (a call, a zod chain) keeps its whole module in. These bundles are built with the
 * Lambdas' settings and their inputs listed, so that a convenient import does not quietly bring the
 * four-language catalogue seed or the aid application's schema back into handlers that never use
 * them (issue 7: bundles ≤ 300 KB).
 */
const repoRoot = resolve(import.meta.dirname, '../..');

async function bundledModules(functionName: string): Promise<string[]> {
  const spec = functions.find((f) => f.name === functionName);
  if (!spec) throw new Error(`no function ${functionName} in the registry`);
  const result = await build({
    ...lambdaEsbuildOptions,
    entryPoints: [resolve(repoRoot, spec.entry)],
    absWorkingDir: repoRoot,
    outfile: resolve(repoRoot, '.bundle-contents-test/index.mjs'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => !file.endsWith('.map'));
  return Object.keys(output?.[1].inputs ?? {});
}

describe('Lambda bundle contents', () => {
  it('gives the catalogue seed (its names in four languages) to GET /v1/catalogue', async () => {
    expect(await bundledModules('GetCatalogue')).toContain('domain/catalogue-seed.ts');
  });

  it.each(['SubmitAidApplication', 'ListTasks', 'DecideTask', 'TableStream'])(
    'keeps the catalogue seed out of %s, which goes by codes and the stored catalogue',
    async (name) => {
      expect(await bundledModules(name)).not.toContain('domain/catalogue-seed.ts');
    },
  );

  it.each(['ListTasks', 'DecideTask', 'SubmitAppeal'])(
    "keeps the aid application's schema and the OpenAPI-only payment shapes out of %s",
    async (name) => {
      const modules = await bundledModules(name);

      expect(modules).not.toContain('domain/aid-application.ts');
      expect(modules).not.toContain('domain/payment-responses.ts');
    },
  );
});
