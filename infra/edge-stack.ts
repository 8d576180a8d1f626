import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Firewall } from './constructs/firewall.js';
import type { AidFlowSettings } from './settings.js';

export interface AidFlowEdgeStackProps extends StackProps {
  readonly settings: AidFlowSettings;
}

/**
 * What must live in us-east-1 whatever the main stack's region: the CLOUDFRONT-scope WAF web ACL
 * in front of the web app and the API. Deployed first (`cdk deploy AidFlowEdge`); its output
 * `CloudFrontWebAclArn` is passed to the main stack as context `cloudFrontWebAclArn`. A plain
 * output rather than a cross-region reference keeps `cdk synth` environment-agnostic (cross-region
 * references need an account fixed at synth time).
 */
export class AidFlowEdgeStack extends Stack {
  readonly firewall: Firewall;

  constructor(scope: Construct, id: string, props: AidFlowEdgeStackProps) {
    super(scope, id, props);
    this.firewall = new Firewall(this, 'EdgeFirewall', {
      scope: 'CLOUDFRONT',
      rateLimitPer5Minutes: props.settings.wafRateLimitPer5Minutes,
      logRetention: props.settings.logRetention,
    });
    new CfnOutput(this, 'CloudFrontWebAclArn', {
      value: this.firewall.webAcl.attrArn,
      description: 'Pass to the main stack: -c cloudFrontWebAclArn=<this>',
    });
  }
}
