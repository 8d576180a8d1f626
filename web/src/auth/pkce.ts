/**
 * The OAuth 2.0 authorization-code flow with PKCE (RFC 7636) against the Cognito hosted UI: the
 * web app is a public client (no secret), so the code is bound to a one-time verifier that only
 * this tab knows. Pure functions over Web Crypto, unit-tested in test/web/pkce.test.ts.
 */

export interface HostedUi {
  /** The hosted UI's base URL, e.g. https://aidflow-123.auth.eu-central-1.amazoncognito.com */
  domain: string;
  clientId: string;
  /** Where Cognito sends the browser back: `${origin}/auth/callback` (registered on the app client). */
  redirectUri: string;
  scopes?: readonly string[];
}

const defaultScopes = ['openid', 'email', 'profile'] as const;

/** Bytes as base64url without padding (RFC 4648 §5), the alphabet PKCE and OAuth state use. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier: 32 random bytes → 43 characters of [A-Za-z0-9-_] (RFC 7636 allows 43–128). */
export function newVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A random `state`, checked on the way back so a forged callback is refused (CSRF). */
export function newState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/** The S256 code challenge: base64url(SHA-256(ASCII(verifier))). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

const base = (domain: string) => domain.replace(/\/+$/, '');

/** The hosted UI's sign-in address for this client, verifier's challenge and state. */
export function authorizeUrl(
  ui: HostedUi,
  input: { state: string; challenge: string; language?: string },
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: ui.redirectUri,
    scope: (ui.scopes ?? defaultScopes).join(' '),
    state: input.state,
    code_challenge: input.challenge,
    code_challenge_method: 'S256',
  });
  // Cognito's managed login shows itself in this language when it has it.
  if (input.language) query.set('lang', input.language);
  return `${base(ui.domain)}/oauth2/authorize?${query}`;
}

/** A form POST to one of the hosted UI's OAuth endpoints; a public client sends no secret. */
export interface FormPost {
  url: string;
  body: string;
  headers: Record<string, string>;
}

function formPost(ui: HostedUi, endpoint: 'token' | 'revoke', fields: Record<string, string>): FormPost {
  return {
    url: `${base(ui.domain)}/oauth2/${endpoint}`,
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** The token request that trades the code (and the verifier) for tokens. */
export function tokenRequest(ui: HostedUi, input: { code: string; verifier: string }): FormPost {
  return formPost(ui, 'token', {
    grant_type: 'authorization_code',
    client_id: ui.clientId,
    code: input.code,
    redirect_uri: ui.redirectUri,
    code_verifier: input.verifier,
  });
}

/**
 * The token request that renews a sign-in with its refresh token (RFC 6749 §6): Cognito answers
 * with new access and ID tokens and, without rotation, no new refresh token.
 */
export function refreshRequest(ui: HostedUi, refreshToken: string): FormPost {
  return formPost(ui, 'token', {
    grant_type: 'refresh_token',
    client_id: ui.clientId,
    refresh_token: refreshToken,
  });
}

/** Revokes a refresh token on signing out (RFC 7009), so it renews nothing after the desk is left. */
export function revokeRequest(ui: HostedUi, refreshToken: string): FormPost {
  return formPost(ui, 'revoke', { token: refreshToken, client_id: ui.clientId });
}

/** The hosted UI's sign-out address: it ends the Cognito session and comes back to `logoutUri`. */
export function logoutUrl(ui: HostedUi, logoutUri: string): string {
  const query = new URLSearchParams({ client_id: ui.clientId, logout_uri: logoutUri });
  return `${base(ui.domain)}/logout?${query}`;
}

export type CallbackResult =
  | { kind: 'code'; code: string }
  | { kind: 'error'; error: string; description?: string }
  /** No pending sign-in, or the state does not match the one this tab sent: refuse the code. */
  | { kind: 'state_mismatch' };

/** Reads the hosted UI's answer from the callback's query string. */
export function readCallback(search: string, expectedState: string | undefined): CallbackResult {
  const query = new URLSearchParams(search);
  const state = query.get('state');
  if (!expectedState || state !== expectedState) return { kind: 'state_mismatch' };
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    return { kind: 'error', error, ...(description ? { description } : {}) };
  }
  const code = query.get('code');
  return code ? { kind: 'code', code } : { kind: 'error', error: 'invalid_request' };
}
