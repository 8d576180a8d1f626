import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultWebOrigin, readSettings } from '../../infra/settings.js';
import { type Synthesized, synthesizeAidFlow } from './support.js';

const settingsWith = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  readSettings(new App({ context }).node, env);

describe('deploy settings', () => {
  it('default to the example web origin, Russian jurisdiction, roubles, INFO logs and no bundling skip', () => {
    expect(settingsWith({})).toMatchObject({
      webOrigin: defaultWebOrigin,
      jurisdiction: 'ru',
      currency: 'RUB',
      logLevel: 'INFO',
      skipBundling: false,
      apiThrottle: { rateLimit: 50, burstLimit: 100 },
    });
  });

  it('skip bundling with the aidflow:skipBundling context or AIDFLOW_SKIP_BUNDLING=1', () => {
    expect(settingsWith({ 'aidflow:skipBundling': true }).skipBundling).toBe(true);
    expect(settingsWith({ 'aidflow:skipBundling': 'true' }).skipBundling).toBe(true);
    expect(settingsWith({}, { AIDFLOW_SKIP_BUNDLING: '1' }).skipBundling).toBe(true);
    expect(settingsWith({}, { AIDFLOW_SKIP_BUNDLING: '0' }).skipBundling).toBe(false);
  });

  it('accept only a bare https origin (or http on localhost) as webOrigin', () => {
    expect(settingsWith({ webOrigin: 'https://portal.example.gov' }).webOrigin).toBe(
      'https://portal.example.gov',
    );
    expect(settingsWith({ webOrigin: 'http://localhost:5173' }).webOrigin).toBe('http://localhost:5173');
    for (const bad of [
      '*',
      'http://portal.example.gov',
      'https://portal.example.gov/',
      'https://x.org/app',
      'nope',
    ]) {
      expect(() => settingsWith({ webOrigin: bad }), bad).toThrow(/webOrigin/);
    }
  });

  it("take the account's e-mail and SMS send rates from the context, new-account figures by default", () => {
    expect(settingsWith({}).messaging).toMatchObject({ emailSendsPerSecond: 14, smsSendsPerSecond: 20 });
    expect(settingsWith({ emailSendsPerSecond: '200', smsSendsPerSecond: 2.5 }).messaging).toMatchObject({
      emailSendsPerSecond: 200,
      smsSendsPerSecond: 2.5,
    });
    for (const bad of ['0', '-1', 'fast']) {
      expect(() => settingsWith({ emailSendsPerSecond: bad }), bad).toThrow(/emailSendsPerSecond/);
    }
    expect(() => settingsWith({ smsSendsPerSecond: 0 })).toThrow(/smsSendsPerSecond/);
  });

  it('reject an unknown jurisdiction, a malformed currency and a retention CloudWatch does not offer', () => {
    expect(() => settingsWith({ jurisdiction: 'de' })).toThrow(/jurisdiction/);
    expect(() => settingsWith({ currency: 'rub' })).toThrow(/currency/);
    expect(() => settingsWith({ logRetentionDays: 42 })).toThrow(/logRetentionDays/);
  });
});

describe('a stack synthesized with another webOrigin', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesizeAidFlow({
      context: { webOrigin: 'https://portal.example.gov', jurisdiction: 'ua', currency: 'UAH' },
    });
  });

  it('allows CORS from that origin only and redirects sign-in back to it', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://portal.example.gov'] },
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://portal.example.gov/auth/callback'],
      LogoutURLs: ['https://portal.example.gov/'],
    });
  });

  it('configures the functions for that jurisdiction and currency', () => {
    const fns = Object.values(s.template.findResources('AWS::Lambda::Function'));
    for (const fn of fns) {
      expect(fn.Properties.Environment.Variables).toMatchObject({ JURISDICTION: 'ua', CURRENCY: 'UAH' });
    }
  });
});
