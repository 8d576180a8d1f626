import type { BuildOptions } from 'esbuild';

/**
 * esbuild import substitutions for the Lambda bundles, shared by the NodejsFunction settings
 * (infra/constructs/functions.ts) and the bundle benchmark (bench/bundles.ts). Paths are relative
 * to the repository root, esbuild's working directory when CDK bundles.
 */
export const lambdaBundleAliases: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './infra/lambda-env-credentials.ts',
  '@smithy/core/event-streams': './infra/no-event-streams.ts',
  // AidFlow calls DynamoDB's regional endpoint and never enables endpoint discovery; the package
  // still brought its endpoint cache (mnemonist) into every bundle. The stand-in keeps discovery
  // off and throws if a setting turns it on.
  '@aws-sdk/middleware-endpoint-discovery': './infra/no-endpoint-discovery.ts',
};

/** CommonJS dependencies inside an ESM bundle may still call require(). */
export const lambdaBundleBanner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * The esbuild settings of every Lambda bundle as esbuild API options: what NodejsFunction runs in
 * infra/constructs/functions.ts (`--bundle --platform=node --target=node22 --format=esm --minify
 * --sourcemap --sources-content=false --main-fields=module,main --charset=utf8`, the banner, no
 * externals, the aliases above). The bundle benchmark (bench/bundles.ts) and the bundled-Lambda
 * test (test/infra/bundling.test.ts) build with these; keep functions.ts in step.
 */
export const lambdaEsbuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // esbuild escapes non-ASCII by default: a Cyrillic letter (2 bytes in UTF-8) became `\uXXXX`
  // (6 bytes) in every message template and catalogue name. Node reads ES modules as UTF-8.
  charset: 'utf8',
  banner: { js: lambdaBundleBanner },
  alias: { ...lambdaBundleAliases },
} satisfies BuildOptions;
