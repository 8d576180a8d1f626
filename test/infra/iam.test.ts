import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionSpec, functions, stateMachines, stepsOf } from '../../functions/registry.js';
import { stepFunctionsActions, tableActions } from '../../infra/constructs/functions.js';
import {
  actionsOf,
  logicalId,
  resourcesOf,
  type Statement,
  type Synthesized,
  statementsOfRole,
  synthesizeAidFlow,
} from './support.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesizeAidFlow();
});

const specs: readonly FunctionSpec[] = functions;
const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
const callbackActions = stepFunctionsActions.taskCallbacks;

function statementsOf(name: string): Statement[] {
  const role = s.stack.functions.fn(name).role!;
  return statementsOfRole(s.template, logicalId(role));
}
function actionsOfFunction(name: string): Set<string> {
  return new Set(statementsOf(name).flatMap(actionsOf));
}
function allPolicyStatements(): Statement[] {
  return Object.values(s.template.findResources('AWS::IAM::Policy')).flatMap(
    (p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
  );
}
const tableArn = () => ({ 'Fn::GetAtt': [logicalId(s.stack.data.table), 'Arn'] });
/** Every registry state machine's ARN, as the template refers to it. */
const machineArns = () =>
  stateMachines.map((m) => JSON.stringify({ Ref: logicalId(s.stack.workflows.machines[m.name]) })).sort();
const resourceSet = (statements: Statement[]) =>
  [...new Set(statements.flatMap(resourcesOf).map((r) => JSON.stringify(r)))].sort();

describe('IAM least privilege', () => {
  it('grants no wildcard action anywhere (no dynamodb:*, states:*, …) and attaches no managed policy', () => {
    const actions = allPolicyStatements().flatMap(actionsOf);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    for (const role of Object.values(s.template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('gives every function exactly the table actions of its registry access level, on the table', () => {
    for (const spec of specs) {
      const onTable = statementsOf(spec.name)
        .filter((st) => resourcesOf(st).some((r) => JSON.stringify(r) === JSON.stringify(tableArn())))
        .flatMap(actionsOf)
        .filter((a) => a.startsWith('dynamodb:'));
      expect(onTable.sort(), spec.name).toEqual([...tableActions[spec.table].table].sort());
    }
  });

  it('lets the GSIs (by name, no index/* wildcard) only be queried', () => {
    for (const spec of specs) {
      const onIndexes = statementsOf(spec.name).filter((st) =>
        resourcesOf(st).some((r) => JSON.stringify(r).includes('/index/')),
      );
      expect(onIndexes.flatMap(actionsOf), spec.name).toEqual(['dynamodb:Query']);
      const indexResources = onIndexes.flatMap(resourcesOf).map((r) => JSON.stringify(r));
      expect(indexResources.some((r) => r.includes('/index/*'))).toBe(false);
      expect(indexResources.filter((r) => /\/index\/gsi[12]"/.test(r))).toHaveLength(2);
    }
  });

  it('gives a read function no write action at all', () => {
    const readers = specs.filter((f) => f.table === 'read');
    expect(readers.length).toBeGreaterThan(0);
    for (const spec of readers) {
      const actions = actionsOfFunction(spec.name);
      for (const write of writeActions) expect(actions.has(write), `${spec.name} ${write}`).toBe(false);
      expect(actions.has('kms:Encrypt') || actions.has('kms:GenerateDataKey'), spec.name).toBe(false);
    }
  });

  it('lets the table key be used only through DynamoDB', () => {
    const keyArn = JSON.stringify({ 'Fn::GetAtt': [logicalId(s.stack.data.tableKey), 'Arn'] });
    for (const spec of specs) {
      const keyStatements = statementsOf(spec.name).filter(
        (st) => st.Sid === 'TableKey' && resourcesOf(st).some((r) => JSON.stringify(r) === keyArn),
      );
      expect(keyStatements, spec.name).toHaveLength(1);
      expect(JSON.stringify(keyStatements[0]!.Condition)).toContain('kms:ViaService');
      expect(actionsOf(keyStatements[0]!).sort()).toEqual([...tableActions[spec.table].key].sort());
    }
  });

  it('lets only TableStream start workflow executions', () => {
    const starters = specs
      .filter((f) => actionsOfFunction(f.name).has('states:StartExecution'))
      .map((f) => f.name);
    expect(starters).toEqual(['TableStream']);
    expect(starters).toEqual(
      specs.filter((f) => f.stepFunctions?.includes('startExecution')).map((f) => f.name),
    );
    const grants = statementsOf('TableStream').filter((st) =>
      actionsOf(st).includes('states:StartExecution'),
    );
    expect(resourceSet(grants)).toEqual(machineArns());
  });

  it('lets only the functions with taskCallbacks send task success, failure and heartbeat, on the machine only', () => {
    const withCallbacks = specs.filter((f) => f.stepFunctions?.includes('taskCallbacks')).map((f) => f.name);
    expect(withCallbacks.length).toBeGreaterThan(0);
    for (const spec of specs) {
      const statements = statementsOf(spec.name).filter((st) =>
        actionsOf(st).some((a) => callbackActions.includes(a)),
      );
      const granted = new Set(statements.flatMap(actionsOf).filter((a) => callbackActions.includes(a)));
      if (withCallbacks.includes(spec.name)) {
        expect([...granted].sort(), spec.name).toEqual([...callbackActions].sort());
        expect(resourceSet(statements), spec.name).toEqual(machineArns());
      } else {
        expect(granted.size, spec.name).toBe(0);
      }
    }
  });

  it('lets no function use any Step Functions action its registry entry does not list', () => {
    for (const spec of specs) {
      const allowed = new Set((spec.stepFunctions ?? []).flatMap((k) => stepFunctionsActions[k]));
      const used = [...actionsOfFunction(spec.name)].filter((a) => a.startsWith('states:'));
      expect(
        used.filter((a) => !allowed.has(a)),
        spec.name,
      ).toEqual([]);
    }
  });

  it.each(stateMachines.map((m) => m.name))(
    'lets the %s state machine role invoke exactly its own step functions, unqualified',
    (name) => {
      const role = s.stack.workflows.machines[name].role;
      const invokes = statementsOfRole(s.template, logicalId(role)).filter((st) =>
        actionsOf(st).includes('lambda:InvokeFunction'),
      );
      const resources = invokes.flatMap(resourcesOf).map((r) => JSON.stringify(r));
      expect(resources.sort()).toEqual(
        stepsOf(name)
          .map((f) => JSON.stringify({ 'Fn::GetAtt': [logicalId(s.stack.functions.fn(f.name)), 'Arn'] }))
          .sort(),
      );
    },
  );

  it('lets each function write only to its own log group', () => {
    for (const spec of specs) {
      const fn = s.template.toJSON().Resources[logicalId(s.stack.functions.fn(spec.name))];
      const ownLogGroup = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      const logStatements = statementsOf(spec.name).filter((st) =>
        actionsOf(st).some((a) => a.startsWith('logs:')),
      );
      expect(logStatements.flatMap(resourcesOf), spec.name).toEqual([{ 'Fn::GetAtt': [ownLogGroup, 'Arn'] }]);
    }
  });

  it('grants on "*" only actions that have no resource-level permissions', () => {
    const allowedOnStar = new Set([
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
      'dynamodb:ListStreams',
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
      // SMS straight to a phone number has no ARN; every SNS ARN is denied to it (see below).
      'sns:Publish',
    ]);
    const onStar = allPolicyStatements()
      .filter((st) => st.Effect === 'Allow' && resourcesOf(st).includes('*'))
      .flatMap(actionsOf);
    expect(onStar.filter((a) => !allowedOnStar.has(a))).toEqual([]);
    for (const spec of specs.filter((f) => f.trigger !== 'stream')) {
      expect(actionsOfFunction(spec.name).has('dynamodb:ListStreams'), spec.name).toBe(false);
    }
  });
});

describe('IAM for messages to applicants', () => {
  const messengers = () => specs.filter((f) => (f.messaging ?? []).length > 0).map((f) => f.name);
  const denyStatementsOf = (name: string): Statement[] => {
    const roleId = logicalId(s.stack.functions.fn(name).role!);
    return Object.values(s.template.findResources('AWS::IAM::Policy')).flatMap((p) => {
      const props = p.Properties as {
        Roles: Array<{ Ref?: string }>;
        PolicyDocument: { Statement: Statement[] };
      };
      return props.Roles.some((r) => r.Ref === roleId)
        ? props.PolicyDocument.Statement.filter((st) => st.Effect === 'Deny')
        : [];
    });
  };

  it('lets only DeliverNotification send e-mail or SMS (InformStream only queues)', () => {
    expect(messengers()).toEqual(['DeliverNotification']);
    for (const spec of specs) {
      const actions = actionsOfFunction(spec.name);
      const sends = actions.has('ses:SendEmail') || actions.has('sns:Publish');
      expect(sends, spec.name).toBe(messengers().includes(spec.name));
    }
  });

  it('lets it send e-mail only from the configured identity and sender address', () => {
    const statements = statementsOf('DeliverNotification').filter((st) =>
      actionsOf(st).includes('ses:SendEmail'),
    );
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0]!)).toEqual(['ses:SendEmail']);
    const resource = JSON.stringify(resourcesOf(statements[0]!));
    expect(resource).toContain(':identity/aidflow.example.org');
    expect(resource).not.toContain('*');
    expect(statements[0]!.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'no-reply@aidflow.example.org' },
    });
  });

  it('lets it publish SMS to phone numbers but to no SNS topic or endpoint', () => {
    const denies = denyStatementsOf('DeliverNotification');
    expect(denies.flatMap(actionsOf)).toEqual(['sns:Publish']);
    expect(JSON.stringify(denies.flatMap(resourcesOf))).toContain(':sns:*:*:*');
  });

  it('tells it where to send from and which web origin to link to', () => {
    const fnId = logicalId(s.stack.functions.fn('DeliverNotification'));
    const env = (s.template.toJSON().Resources[fnId].Properties.Environment.Variables ?? {}) as Record<
      string,
      unknown
    >;
    expect(env).toMatchObject({
      NOTIFIER: 'aws',
      NOTIFY_EMAIL_FROM: 'no-reply@aidflow.example.org',
      PUBLIC_WEB_URL: 'https://aidflow.example.org',
    });
  });

  it("paces each of the queue's two consumers to half the account's send rates", () => {
    const fnId = logicalId(s.stack.functions.fn('DeliverNotification'));
    const env = (s.template.toJSON().Resources[fnId].Properties.Environment.Variables ?? {}) as Record<
      string,
      unknown
    >;
    expect(env).toMatchObject({ NOTIFY_EMAIL_SENDS_PER_SECOND: '7', NOTIFY_SMS_SENDS_PER_SECOND: '10' });
  });
});

describe('the staff directory (identities as applicants)', () => {
  it('lets GET /v1/staff/{username}/identity only read the table, while its PUT writes it', () => {
    const getter = actionsOfFunction('GetStaffIdentity');
    const putter = actionsOfFunction('PutStaffIdentity');

    expect(functions.find((f) => f.name === 'GetStaffIdentity')?.table).toBe('read');
    expect(getter.has('dynamodb:GetItem')).toBe(true);
    for (const write of writeActions) expect(getter.has(write), write).toBe(false);
    expect(getter.has('kms:Encrypt') || getter.has('kms:GenerateDataKey')).toBe(false);
    expect(putter.has('dynamodb:PutItem')).toBe(true);
  });

  it('routes the GET and the PUT of one path to their own functions, both behind the authorizer', () => {
    const routes = Object.values(s.template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties as { RouteKey: string; AuthorizationType?: string; Target: unknown },
    );
    const fnArn = (name: string) =>
      JSON.stringify({ 'Fn::GetAtt': [logicalId(s.stack.functions.fn(name)), 'Arn'] });
    const integrations = s.template.findResources('AWS::ApiGatewayV2::Integration');
    const targetOf = (routeKey: string) => {
      const route = routes.find((r) => r.RouteKey === routeKey);
      expect(route, routeKey).toBeDefined();
      expect(route?.AuthorizationType, routeKey).toBe('JWT');
      const id = Object.keys(integrations).find((i) => JSON.stringify(route?.Target).includes(i));
      return JSON.stringify(integrations[id ?? '']?.Properties.IntegrationUri);
    };

    expect(targetOf('GET /v1/staff/{username}/identity')).toBe(fnArn('GetStaffIdentity'));
    expect(targetOf('PUT /v1/staff/{username}/identity')).toBe(fnArn('PutStaffIdentity'));
  });
});
