import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Staff roles (API.md): the `cognito:groups` claim carries them; handlers decide from it. */
export const staffGroups = [
  { name: 'clerk', description: 'Registers appeals received by post, e-mail, phone or in person' },
  { name: 'reviewer', description: 'Specialist review of aid applications and appeals' },
  { name: 'head', description: 'Head of department: approves aid up to the limit per aid type' },
  { name: 'commission', description: 'Commission member: votes on aid above the head approval limit' },
  { name: 'finance', description: 'Finance desk: payment batches, settlement, budgets (read)' },
  { name: 'admin', description: 'Administration: budgets, catalogue, rule sets' },
  { name: 'auditor', description: 'Read-only: audit trails and reports' },
] as const;

export interface AuthProps {
  /** The web app's origin: the app client's callback and sign-out URLs live under it. */
  readonly webOrigin: string;
  /** Hosted-UI domain prefix (globally unique). */
  readonly domainPrefix?: string;
}

/**
 * Staff identity: a Cognito user pool without self sign-up (staff are invited), TOTP MFA required,
 * a strong password policy, Plus feature plan with threat protection enforced, one group per role,
 * and a public web app client using the authorization-code grant with PKCE.
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 12,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus plan: threat protection (compromised credentials, adaptive authentication) enforced.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const group of staffGroups) {
      new cognito.UserPoolGroup(this, `Group-${group.name}`, {
        userPool: this.userPool,
        groupName: group.name,
        description: group.description,
      });
    }

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'aidflow-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.webOrigin}/auth/callback`],
        logoutUrls: [`${props.webOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(60),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
    });

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `aidflow-${Aws.ACCOUNT_ID}-${Aws.REGION}` },
    });
  }
}
