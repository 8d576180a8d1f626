import { App } from 'aws-cdk-lib';
import { AidFlowStack } from './aidflow-stack.js';
import { AidFlowEdgeStack } from './edge-stack.js';
import { addNagChecks } from './nag.js';
import { readSettings } from './settings.js';

/**
 * CDK entry (`cdk synth` / `npm run synth`). The stack is environment-agnostic unless the CLI
 * provides CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION. cdk-nag's AWS Solutions pack validates the
 * whole app while it synthesizes: an unacknowledged error-level finding fails the synth.
 */
const app = new App();
const settings = readSettings(app.node);
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

const stackName: string = app.node.tryGetContext('stackName') ?? 'AidFlow';
// WAF for CloudFront exists only in us-east-1, whatever region the rest runs in.
new AidFlowEdgeStack(app, `${stackName}Edge`, {
  description: 'AidFlow edge: the WAF web ACL in front of CloudFront (deploy first, in us-east-1)',
  env: { ...(account ? { account } : {}), region: 'us-east-1' },
  settings,
});
new AidFlowStack(app, stackName, {
  description: 'AidFlow: appeals and aid applications for a municipal social-protection office',
  ...(account || region ? { env: { account, region } } : {}),
  settings,
});
addNagChecks(app);
app.synth();
