import {
  authorizeUrl,
  challengeOf,
  type FormPost,
  type HostedUi,
  logoutUrl,
  newState,
  newVerifier,
  readCallback,
  refreshRequest,
  revokeRequest,
  tokenRequest,
} from './pkce.js';

/**
 * Staff sign-in through the Cognito hosted UI (AWS). The verifier and state live in this tab's
 * sessionStorage between leaving for the hosted UI and coming back to /auth/callback; the token
 * is then kept exactly as the local sign-in keeps it (staff/session.ts).
 */
const pendingKey = 'aidflow.sign-in';

export const callbackPath = '/auth/callback';

export function hostedUi(config: { domain: string; clientId: string }): HostedUi {
  return {
    domain: config.domain,
    clientId: config.clientId,
    redirectUri: `${location.origin}${callbackPath}`,
  };
}

/** Leaves for the hosted UI; `returnTo` is the staff page to come back to. */
export async function startSignIn(ui: HostedUi, language: string, returnTo: string): Promise<void> {
  const verifier = newVerifier();
  const state = newState();
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }));
  location.assign(authorizeUrl(ui, { state, challenge: await challengeOf(verifier), language }));
}

export type SignInResult =
  | { ok: true; accessToken: string; expiresIn: number; refreshToken?: string; returnTo: string }
  /**
   * `error` is the OAuth error code (RFC 6749 §4.1.2.1, e.g. `access_denied`): the desk words it;
   * the service's own description is English and is not shown.
   */
  | { ok: false; reason: 'state' | 'denied' | 'network' | 'exchange'; error?: string };

/** On /auth/callback: checks the state, trades the code for tokens, forgets the verifier. */
export async function finishSignIn(ui: HostedUi, search: string): Promise<SignInResult> {
  let pending: { verifier: string; state: string; returnTo?: string } | undefined;
  try {
    pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') ?? undefined;
  } catch {
    pending = undefined;
  }
  sessionStorage.removeItem(pendingKey);
  const answer = readCallback(search, pending?.state);
  if (answer.kind === 'state_mismatch' || !pending) return { ok: false, reason: 'state' };
  if (answer.kind === 'error') return { ok: false, reason: 'denied', error: answer.error };
  const answered = await post(tokenRequest(ui, { code: answer.code, verifier: pending.verifier }));
  if (!answered) return { ok: false, reason: 'network' };
  const { res, body } = answered;
  if (!res.ok || !body.access_token)
    return { ok: false, reason: 'exchange', error: body.error ?? String(res.status) };
  return {
    ok: true,
    accessToken: body.access_token,
    expiresIn: body.expires_in ?? 3600,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    returnTo: pending.returnTo?.startsWith('/staff') ? pending.returnTo : '/staff',
  };
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  error?: string;
}

/** Sends a form POST; undefined when the network failed. */
async function post(request: FormPost): Promise<{ res: Response; body: TokenAnswer } | undefined> {
  let res: Response;
  try {
    res = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  } catch {
    return undefined;
  }
  return { res, body: (await res.json().catch(() => ({}))) as TokenAnswer };
}

/**
 * What renewing a sign-in came to: a new access token, or not — `refused` when the service said
 * no (`invalid_grant`: the refresh token expired or was revoked, the account disabled), which no
 * retry changes; otherwise the network or the service failed, and a later try may work.
 */
export type Renewal = { ok: true; accessToken: string; expiresIn: number } | { ok: false; refused: boolean };

/** Renews the sign-in at the hosted UI's token endpoint with its refresh token. */
export async function renewSignIn(ui: HostedUi, refreshToken: string): Promise<Renewal> {
  const answered = await post(refreshRequest(ui, refreshToken));
  if (!answered) return { ok: false, refused: false };
  const { res, body } = answered;
  if (res.ok && body.access_token)
    return { ok: true, accessToken: body.access_token, expiresIn: body.expires_in ?? 3600 };
  return { ok: false, refused: res.status === 400 || res.status === 401 };
}

/** Revokes the refresh token on signing out; best effort (the tab forgets it either way). */
export async function revokeSignIn(ui: HostedUi, refreshToken: string): Promise<void> {
  const request = revokeRequest(ui, refreshToken);
  await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    keepalive: true,
  }).catch(() => undefined);
}

export function signOutUrl(ui: HostedUi): string {
  return logoutUrl(ui, `${location.origin}/`);
}
