import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AidFlowEdgeStack } from '../../infra/edge-stack.js';
import { readSettings } from '../../infra/settings.js';
import { cdkJsonContext, type Synthesized, synthesizeAidFlow } from './support.js';

const edgeAclArn =
  'arn:aws:wafv2:us-east-1:123456789012:global/webacl/AidFlowEdge/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';

describe('the WAF in front of AidFlow', () => {
  let main: Synthesized;
  let edge: Template;
  beforeAll(() => {
    main = synthesizeAidFlow({ context: { cloudFrontWebAclArn: edgeAclArn } });
    const app = new App({ context: cdkJsonContext() });
    edge = Template.fromStack(
      new AidFlowEdgeStack(app, 'AidFlowEdge', {
        env: { region: 'us-east-1' },
        settings: readSettings(app.node, {}),
      }),
    );
  });

  it('puts a CLOUDFRONT web ACL with the managed rule groups and a rate limit in the edge stack', () => {
    const acls = edge.findResources('AWS::WAFv2::WebACL');
    const [acl] = Object.values(acls) as { Properties: { Scope: string; Rules: { Name: string }[] } }[];
    expect(acl?.Properties.Scope).toBe('CLOUDFRONT');
    expect(acl?.Properties.Rules.map((r) => r.Name)).toEqual([
      'RateLimitPerIp',
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ]);
    edge.hasOutput('CloudFrontWebAclArn', {});
  });

  it('lets bodies up to the API limit through (the common rule set would block over 8 KB)', () => {
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AWSManagedRulesCommonRuleSet',
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({
              RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
            }),
          },
        }),
      ]),
    });
  });

  it('redacts credentials from the WAF logs', () => {
    edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: Match.arrayWith([
        { SingleHeader: { Name: 'authorization' } },
        { SingleHeader: { Name: 'x-access-code' } },
      ]),
    });
  });

  it('attaches the edge web ACL to the CloudFront distribution when its ARN is given', () => {
    main.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: edgeAclArn }),
    });
  });

  it('protects the staff sign-in (Cognito) with a regional web ACL', () => {
    main.template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL' });
    main.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AuthStaffPool'), 'Arn'] },
    });
  });

  it('refuses a web ACL ARN that is not a CLOUDFRONT one in us-east-1', () => {
    expect(() =>
      synthesizeAidFlow({
        context: { cloudFrontWebAclArn: 'arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/x/y' },
      }),
    ).toThrow(/us-east-1/);
  });
});
