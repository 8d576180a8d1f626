import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface FirewallProps {
  /** REGIONAL protects a regional resource (the Cognito user pool); CLOUDFRONT must live in us-east-1. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Requests per client IP in any 5-minute window before the IP is blocked for a while. */
  readonly rateLimitPer5Minutes: number;
  readonly logRetention: logs.RetentionDays;
}

/**
 * A WAF web ACL with AWS managed rule groups and a per-IP rate limit.
 *
 * Managed groups: the common rule set (OWASP-style exploits), known bad inputs (Log4Shell,
 * exploit paths) and Amazon's IP reputation list. The common set's `SizeRestrictions_BODY` blocks
 * bodies over 8 KB; AidFlow's own limit is 64 KiB (an application with a long reason is legitimate),
 * so that rule counts instead of blocking and the API answers oversize bodies with its own 413.
 * Blocked requests are logged to CloudWatch (WAF requires the `aws-waf-logs-` prefix); the log
 * redacts the Authorization header and the X-Access-Code header, which are credentials.
 */
export class Firewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: FirewallProps) {
    super(scope, id);
    const metric = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${Stack.of(this).stackName}-${id}-${name}`.replace(/[^A-Za-z0-9-]/g, ''),
    });
    const managed = (
      priority: number,
      name: string,
      overrides: readonly string[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(overrides.length > 0
            ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: metric(name),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: props.scope,
      defaultAction: { allow: {} },
      description: 'AidFlow: managed rule groups and a per-IP rate limit',
      visibilityConfig: metric('WebAcl'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP' },
          },
          visibilityConfig: metric('RateLimitPerIp'),
        },
        managed(1, 'AWSManagedRulesAmazonIpReputationList'),
        managed(2, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(3, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
      ],
    });

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${Stack.of(this).stackName}-${id}`.toLowerCase(),
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [
        { singleHeader: { Name: 'authorization' } },
        { singleHeader: { Name: 'x-access-code' } },
      ],
    });
  }
}
