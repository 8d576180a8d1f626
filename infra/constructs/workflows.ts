import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  type FunctionName,
  type StateMachineName,
  stateMachines,
  workflowSubstitutions,
} from '../../functions/registry.js';
import { acknowledge } from '../nag.js';
import type { AppFunctions } from './functions.js';
import { repoRoot } from './functions.js';

/** The ASL placeholder through which a workflow refers to a step function: `${<Name>FunctionArn}`. */
export function functionArnPlaceholder(name: string): string {
  return `${name}FunctionArn`;
}

/**
 * The `definitionSubstitutions` keys of a state machine and the function each stands for: one
 * `<Name>FunctionArn` per step function the machine invokes (every step function when no machine
 * is named), from the registry's `workflowSubstitutions` (the same map the local runtime uses).
 * Pure (no CDK), so tests can compare it with the placeholders in the ASL files in both directions.
 */
export function definitionSubstitutionNames(
  machine?: StateMachineName,
): Readonly<Record<string, FunctionName>> {
  return workflowSubstitutions((f) => f.name, machine) as Record<string, FunctionName>;
}

export interface WorkflowsProps {
  readonly functions: AppFunctions;
  readonly logRetention: logs.RetentionDays;
}

/**
 * Step Functions STANDARD state machines from the registry: the ASL file as written (the same file
 * the local runtime runs), `${<Name>FunctionArn}` substituted with the deployed function ARNs,
 * logging at ALL without execution data (personal data), X-Ray tracing, and a role that may invoke
 * exactly the substituted functions.
 */
export class Workflows extends Construct {
  readonly machines: Readonly<Record<StateMachineName, sfn.StateMachine>>;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const machines: Partial<Record<StateMachineName, sfn.StateMachine>> = {};

    for (const machine of stateMachines) {
      const logGroup = new logs.LogGroup(this, `${machine.name}Logs`, {
        // The /aws/vendedlogs/ prefix keeps the CloudWatch Logs resource policy small.
        logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-${machine.name}`,
        retention: props.logRetention,
        removalPolicy: RemovalPolicy.RETAIN,
      });

      const substitutions = workflowSubstitutions(
        (f) => props.functions.fn(f.name).functionArn,
        machine.name,
      );
      const invoked = Object.values(substitutions);

      const sm = new sfn.StateMachine(this, machine.name, {
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromFile(`${repoRoot}${machine.file}`),
        definitionSubstitutions: substitutions,
        logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
        tracingEnabled: true,
        comment: `AidFlow ${machine.name} (${machine.file})`,
      });
      // Exactly the unqualified function ARNs the definition invokes (no `:*` version wildcard).
      sm.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'InvokeSteps',
          actions: ['lambda:InvokeFunction'],
          resources: invoked,
        }),
      );
      acknowledge(
        sm.role,
        'AwsSolutions-IAM5[Resource::*]',
        'Step Functions log delivery (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, ' +
          'DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) ' +
          'and X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) ' +
          'do not support resource-level permissions; CDK grants them on "*".',
      );
      machines[machine.name] = sm;
    }
    this.machines = machines as Record<StateMachineName, sfn.StateMachine>;
  }
}
