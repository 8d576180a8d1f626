/**
 * esbuild import substitutions for the Lambda bundles, shared by the NodejsFunction settings
 * (infra/constructs/functions.ts) and the bundle benchmark (bench/bundles.ts). Paths are relative
 * to the repository root, esbuild's working directory when CDK bundles.
 */
export const lambdaBundleAliases: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './infra/lambda-env-credentials.ts',
  '@smithy/core/event-streams': './infra/no-event-streams.ts',
};
