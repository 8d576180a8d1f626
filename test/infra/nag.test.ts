import type { PolicyViolation } from 'aws-cdk-lib';
import { Validations } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesizeAidFlow } from './support.js';

let s: Synthesized;
beforeAll(() => {
  // As `cdk synth` does it: cdk-nag and CDK's built-in CloudFormation validation. Throws on failure.
  s = synthesizeAidFlow({ cloudFormationValidation: true });
});

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

function acknowledgements(): Acknowledgement[] {
  return s.app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

const describeViolation = (v: PolicyViolation) =>
  `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId).join(', ')}`;

describe('cdk-nag AWS Solutions checks', () => {
  it('synthesize the app with the built-in CloudFormation validation and cdk-nag without failing', () => {
    expect(s.template.toJSON().Resources).toBeDefined();
  });

  it('leave zero unacknowledged errors', () => {
    const report = s.checks.validateScope(s.app);
    const errors = report.violations.filter((v) => v.severity === 'error').map(describeViolation);
    expect(errors).toEqual([]);
  });

  it('leave no warnings either', () => {
    const report = s.checks.validateScope(s.app);
    expect(report.violations.map(describeViolation)).toEqual([]);
  });

  it('are acknowledged only with a specific reason', () => {
    const acks = acknowledgements().filter((a) => a.id.startsWith('AwsSolutions-'));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.trim().length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('acknowledge IAM wildcards one finding at a time, never the whole rule', () => {
    const iam5 = acknowledgements().filter((a) => a.id.startsWith('AwsSolutions-IAM5'));
    expect(iam5.length).toBeGreaterThan(0);
    for (const ack of iam5) expect(ack.id, ack.path).toMatch(/^AwsSolutions-IAM5\[(Resource|Action)::.+\]$/);
  });

  it('acknowledge nothing at the stack or app level', () => {
    const broad = acknowledgements().filter(
      (a) => a.id.startsWith('AwsSolutions-') && (a.path === '' || a.path === s.stack.node.path),
    );
    expect(broad).toEqual([]);
  });

  it('write every acknowledgement with its reason into the template as an audit trail', () => {
    const resources = Object.values(s.template.toJSON().Resources) as Array<{
      Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } };
    }>;
    const written = resources.flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(written.length).toBeGreaterThan(0);
    for (const rule of written) expect(rule.reason.length, rule.id).toBeGreaterThanOrEqual(40);
  });
});
