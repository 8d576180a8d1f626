import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64Url,
  challengeOf,
  type HostedUi,
  logoutUrl,
  newState,
  newVerifier,
  readCallback,
  refreshRequest,
  revokeRequest,
  tokenRequest,
} from '../../web/src/auth/pkce.js';
import { parseConfig } from '../../web/src/config.js';

const ui: HostedUi = {
  domain: 'https://aidflow-123.auth.eu-central-1.amazoncognito.com/',
  clientId: 'client-abc',
  redirectUri: 'https://aid.example.org/auth/callback',
};

describe('PKCE for the Cognito hosted UI', () => {
  it('derives the S256 challenge of RFC 7636 appendix B from its verifier', async () => {
    // Arrange
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

    // Act
    const challenge = await challengeOf(verifier);

    // Assert
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, different every time', () => {
    // Act
    const verifiers = Array.from({ length: 20 }, newVerifier);

    // Assert
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifiers).size).toBe(20);
    expect(newState()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('encodes bytes as base64url without padding', () => {
    expect(base64Url(new Uint8Array([251, 255, 254]))).toBe('-__-');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('sends the browser to the authorize endpoint with the code flow, the challenge and the state', () => {
    // Act
    const url = new URL(authorizeUrl(ui, { state: 'st4te', challenge: 'ch4llenge', language: 'uk' }));

    // Assert
    expect(url.origin + url.pathname).toBe(
      'https://aidflow-123.auth.eu-central-1.amazoncognito.com/oauth2/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-abc',
      redirect_uri: 'https://aid.example.org/auth/callback',
      scope: 'openid email profile',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
      lang: 'uk',
    });
  });

  it('trades the code with the verifier in a form POST and no client secret', () => {
    // Act
    const request = tokenRequest(ui, { code: 'the-code', verifier: 'the-verifier' });

    // Assert
    expect(request.url).toBe('https://aidflow-123.auth.eu-central-1.amazoncognito.com/oauth2/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const body = new URLSearchParams(request.body);
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client-abc',
      code: 'the-code',
      redirect_uri: 'https://aid.example.org/auth/callback',
      code_verifier: 'the-verifier',
    });
    expect(body.has('client_secret')).toBe(false);
  });

  it('renews a sign-in with the refresh token in a form POST and no client secret', () => {
    const request = refreshRequest(ui, 'the-refresh-token');

    expect(request.url).toBe('https://aidflow-123.auth.eu-central-1.amazoncognito.com/oauth2/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-abc',
      refresh_token: 'the-refresh-token',
    });
  });

  it('revokes the refresh token at the revocation endpoint on signing out', () => {
    const request = revokeRequest(ui, 'the-refresh-token');

    expect(request.url).toBe('https://aidflow-123.auth.eu-central-1.amazoncognito.com/oauth2/revoke');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      token: 'the-refresh-token',
      client_id: 'client-abc',
    });
  });

  it('signs out through the hosted UI and comes back to the given page', () => {
    const url = new URL(logoutUrl(ui, 'https://aid.example.org/'));
    expect(url.pathname).toBe('/logout');
    expect(url.searchParams.get('client_id')).toBe('client-abc');
    expect(url.searchParams.get('logout_uri')).toBe('https://aid.example.org/');
  });

  it('takes the code from the callback only when the state is the one this tab sent', () => {
    expect(readCallback('?code=abc&state=s1', 's1')).toEqual({ kind: 'code', code: 'abc' });
    expect(readCallback('?code=abc&state=forged', 's1')).toEqual({ kind: 'state_mismatch' });
    expect(readCallback('?code=abc&state=s1', undefined)).toEqual({ kind: 'state_mismatch' });
    expect(readCallback('?error=access_denied&error_description=No+MFA&state=s1', 's1')).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'No MFA',
    });
  });
});

describe('the runtime configuration', () => {
  it('uses the hosted UI when /config.json names a Cognito domain and client', () => {
    expect(
      parseConfig({
        auth: { kind: 'cognito', domain: 'https://x.auth.eu-central-1.amazoncognito.com', clientId: 'c' },
      }),
    ).toEqual({
      auth: { kind: 'cognito', domain: 'https://x.auth.eu-central-1.amazoncognito.com', clientId: 'c' },
    });
  });

  it('falls back to the local sign-in for anything else', () => {
    expect(parseConfig(undefined)).toEqual({ auth: { kind: 'local' } });
    expect(parseConfig('<html>')).toEqual({ auth: { kind: 'local' } });
    expect(parseConfig({ auth: { kind: 'cognito', domain: 'http://insecure', clientId: 'c' } })).toEqual({
      auth: { kind: 'local' },
    });
    expect(parseConfig({ auth: { kind: 'cognito', domain: 'https://x', clientId: '' } })).toEqual({
      auth: { kind: 'local' },
    });
  });
});
