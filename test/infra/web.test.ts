import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalId, type Synthesized, synthesizeAidFlow } from './support.js';

/**
 * The CloudFront Function in front of the web app: deep links to index.html, and /config.json,
 * which tells the app in AWS to sign staff in through the Cognito hosted UI (web/src/config.ts).
 * The function's code is resolved with stand-ins for the deploy-time values and run here.
 */
let s: Synthesized;
let handler: (event: { request: { uri: string } }) => Record<string, unknown>;
let clientRef: string;

beforeAll(() => {
  s = synthesizeAidFlow();
  const functions = s.template.findResources('AWS::CloudFront::Function');
  const [fn] = Object.values(functions) as { Properties: { FunctionCode: unknown } }[];
  clientRef = logicalId(s.stack.auth.webClient);
  const code = resolve(fn?.Properties.FunctionCode);
  handler = new Function(`${code}\nreturn handler;`)() as typeof handler;
});

/** Fn::Join of strings and Refs → a string, with stand-ins for the values known at deploy time. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { 'Fn::Join'?: [string, unknown[]]; Ref?: string };
  if (v['Fn::Join']) return v['Fn::Join'][1].map(resolve).join(v['Fn::Join'][0]);
  if (v.Ref === clientRef) return 'client-123';
  if (v.Ref === 'AWS::Region') return 'eu-central-1';
  if (v.Ref) return 'aidflow-test';
  throw new Error(`unexpected value in the function code: ${JSON.stringify(value)}`);
}

describe('the web distribution', () => {
  it('answers /config.json with the hosted UI domain and the public app client', () => {
    // Act
    const response = handler({ request: { uri: '/config.json' } }) as {
      statusCode: number;
      headers: Record<string, { value: string }>;
      body: { data: string };
    };

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']?.value).toBe('application/json');
    expect(response.headers['cache-control']?.value).toBe('no-store');
    expect(JSON.parse(response.body.data)).toEqual({
      auth: {
        kind: 'cognito',
        domain: 'https://aidflow-test.auth.eu-central-1.amazoncognito.com',
        clientId: 'client-123',
      },
    });
  });

  it('serves index.html for the app paths, the staff pages and the sign-in callback', () => {
    for (const uri of ['/', '/apply', '/staff/cases', '/staff/cases/abc', '/auth/callback']) {
      expect(handler({ request: { uri } }), uri).toEqual({ uri: '/index.html' });
    }
  });

  it('serves index.html for any other page address, so the app says "page not found" itself', () => {
    for (const uri of ['/apply/', '/Apply', '/nope', '/staff/a/b/c']) {
      expect(handler({ request: { uri } }), uri).toEqual({ uri: '/index.html' });
    }
  });

  it('leaves the assets and the public files alone', () => {
    for (const uri of ['/assets/index.js', '/favicon.svg', '/robots.txt']) {
      expect(handler({ request: { uri } }), uri).toEqual({ uri });
    }
  });

  it('registers the callback the app uses with the app client (authorization code with PKCE, no secret)', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [Match.stringLikeRegexp('/auth/callback$')],
    });
  });
});
