import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { AidFlowStack } from '../../infra/aidflow-stack.js';
import { addNagChecks } from '../../infra/nag.js';
import { readSettings } from '../../infra/settings.js';

/** The context of `cdk.json` (feature flags, webOrigin): tests synthesize what `cdk synth` would. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface Synthesized {
  readonly app: App;
  readonly stack: AidFlowStack;
  readonly template: Template;
  readonly checks: AwsSolutionsChecks;
}

export interface SynthOptions {
  /** Extra CDK context (overrides cdk.json). */
  readonly context?: Record<string, unknown>;
  /**
   * Also run CDK's built-in CloudFormation template validation, as `cdk synth` does. It costs about
   * 6 s per synth, so only the file that checks the synth as a whole turns it on.
   */
  readonly cloudFormationValidation?: boolean;
}

/**
 * The AidFlow app as `infra/app.ts` builds it (cdk-nag included), with bundling skipped: functions
 * get an inline stub, so neither esbuild nor the handler files are needed. Synthesizing runs the
 * cdk-nag validation: an unacknowledged error-level finding makes this throw.
 */
export function synthesizeAidFlow(options: SynthOptions = {}): Synthesized {
  const app = new App({
    context: { ...cdkJsonContext(), 'aidflow:skipBundling': true, ...options.context },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  });
  const stack = new AidFlowStack(app, 'AidFlow', { settings: readSettings(app.node, {}) });
  Validations.of(stack).acknowledge({
    id: 'Annotation::aidflow:bundlingSkipped',
    reason: 'Tests synthesize with bundling skipped on purpose; the template is never deployed.',
  });
  Validations.of(stack).acknowledge({
    id: 'Annotation::aidflow:noCloudFrontWebAcl',
    reason:
      'Tests synthesize the main stack without the edge stack; test/infra/firewall.test.ts attaches one.',
  });
  const checks = addNagChecks(app);
  const template = Template.fromStack(stack);
  return { app, stack, template, checks };
}

/** The CloudFormation logical id of a construct's default resource. */
export function logicalId(construct: IConstruct): string {
  const stack = construct.node.scopes.find((s): s is AidFlowStack => s instanceof AidFlowStack);
  if (!stack) throw new Error(`${construct.node.path} is not in an AidFlow stack`);
  const child = construct.node.defaultChild;
  if (!child) throw new Error(`${construct.node.path} has no default resource`);
  return stack.getLogicalId(child as never);
}

export interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, unknown>;
  readonly Sid?: string;
}

/** All Allow statements of the IAM policies attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  const statements: Statement[] = [];
  for (const policy of Object.values(policies)) {
    const props = policy.Properties as {
      Roles: Array<{ Ref?: string }>;
      PolicyDocument: { Statement: Statement[] };
    };
    if (!props.Roles.some((r) => r.Ref === roleLogicalId)) continue;
    statements.push(...props.PolicyDocument.Statement.filter((s) => s.Effect === 'Allow'));
  }
  return statements;
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function resourcesOf(statement: Statement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}
