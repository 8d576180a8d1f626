import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 is a CDK policy-validation plugin: it runs when the app synthesizes, and any finding of
 * error level that is not acknowledged makes the synth fail (an exception in tests and with
 * `tsx infra/app.ts`, exit code 1 under the CDK CLI). Findings are acknowledged on a construct (and
 * everything below it) with `Validations.of(construct).acknowledge({ id, reason })`; a granular
 * finding such as an IAM wildcard carries its detail in the id: `AwsSolutions-IAM5[Resource::*]`.
 */
export function addNagChecks(app: App): AwsSolutionsChecks {
  // writeSuppressionsToCloudFormation: every acknowledgement and its reason also lands in the
  // template Metadata (cdk_nag.rules_to_suppress) as an audit trail for reviewers.
  const checks = new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}

/** Acknowledges a cdk-nag finding on `scope` and its descendants; the reason is mandatory. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`Acknowledgement of ${id} needs a specific reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/** The cdk-nag IAM5 finding id for a wildcard resource given as a (possibly tokenized) ARN. */
export function iamWildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}
