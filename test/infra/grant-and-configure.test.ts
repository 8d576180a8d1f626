import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { type FunctionSpec, type StateMachineName, stateMachines } from '../../functions/registry.js';
import { Data } from '../../infra/constructs/data.js';
import { AppFunctions, grantAndConfigure } from '../../infra/constructs/functions.js';
import { actionsOf, resourcesOf, statementsOfRole } from './support.js';

/** A small stack with one function of the given spec and a stand-in for each registry state machine. */
function build(spec: FunctionSpec) {
  const app = new App({
    context: { '@aws-cdk/aws-iam:minimizePolicies': true },
    builtinCloudFormationValidation: false,
  });
  const stack = new Stack(app, 'Probe');
  const data = new Data(stack, 'Data');
  const functions = new AppFunctions(stack, 'Functions', {
    skipBundling: true,
    logRetention: logs.RetentionDays.ONE_WEEK,
    logLevel: 'INFO',
    specs: [spec],
  });
  const machines = Object.fromEntries(
    stateMachines.map((m) => [
      m.name,
      new sfn.StateMachine(stack, `${m.name}Machine`, {
        definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, `${m.name}Pass`)),
      }),
    ]),
  ) as Record<StateMachineName, sfn.StateMachine>;
  const fn = functions.fn(spec.name);
  const grant = () =>
    grantAndConfigure(fn, spec, {
      table: data.table,
      tableKey: data.tableKey,
      stateMachines: machines,
      environment: { JURISDICTION: 'ru' },
    });
  return { stack, fn, grant };
}

describe('grantAndConfigure', () => {
  it('refuses Step Functions access for a workflow step function (it would be a dependency cycle)', () => {
    const { grant } = build({
      name: 'StepThatStarts',
      entry: 'functions/steps/none.ts',
      trigger: 'step',
      description: 'probe',
      table: 'read',
      stepFunctions: ['startExecution'],
    });
    expect(grant).toThrow(/dependency cycle/);
  });

  it('refuses queue access when it is not given that queue', () => {
    const { grant } = build({
      name: 'Sender',
      entry: 'functions/streams/none.ts',
      trigger: 'stream',
      description: 'probe',
      table: 'read',
      queues: { notifications: 'send' },
    });
    expect(grant).toThrow(/uses the notifications queue/);
  });

  it('scopes describeExecution to the executions of the registry state machine, acknowledged for cdk-nag', () => {
    const { stack, fn, grant } = build({
      name: 'Describer',
      entry: 'functions/http/none.ts',
      trigger: 'http',
      description: 'probe',
      table: 'read',
      stepFunctions: ['describeExecution'],
    });
    grant();
    const template = Template.fromStack(stack);
    const role = stack.getLogicalId(fn.role!.node.defaultChild as never);
    const describe = statementsOfRole(template, role).filter((st) =>
      actionsOf(st).includes('states:DescribeExecution'),
    );
    // One resource per state machine, each scoped to that machine's executions.
    const resources = describe.flatMap(resourcesOf).map((r) => JSON.stringify(r));
    expect(resources).toHaveLength(stateMachines.length);
    for (const resource of resources) {
      expect(resource).toContain(':execution:');
      expect(resource).toContain(':*');
    }
    const fnProps = template.toJSON().Resources[stack.getLogicalId(fn.node.defaultChild as never)].Properties;
    expect(fnProps.Environment.Variables.AID_STATE_MACHINE_ARN).toBeDefined();

    const violations = new AwsSolutionsChecks().validateScope(fn.role!).violations;
    expect(violations.map((v) => v.ruleName)).toEqual([]);
  });
});
