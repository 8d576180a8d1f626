import { useEffect, useState } from 'preact/hooks';
import type { Renewal } from '../auth/hosted-ui.js';

/** The signed-in staff member: the bearer token and what its claims say. Kept for this tab only. */
export interface Session {
  token: string;
  username: string;
  roles: string[];
  expiresAt: number;
  /** Renews the token before it ends (useSessionRenewal); for this tab only, like the token. */
  refreshToken?: string;
}

const key = 'aidflow.staff-session';
const listeners = new Set<() => void>();

function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function sessionFromToken(
  token: string,
  expiresIn: number,
  refreshToken?: string,
): Session | undefined {
  const claims = decodeClaims(token);
  if (!claims) return undefined;
  const groups = claims['cognito:groups'];
  return {
    token,
    username: typeof claims.username === 'string' ? claims.username : String(claims.sub ?? ''),
    roles: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    expiresAt: Date.now() + expiresIn * 1000,
    ...(refreshToken ? { refreshToken } : {}),
  };
}

/** The sign-in this tab keeps, whether or not its token has ended. */
function savedSession(): Session | undefined {
  try {
    const saved = sessionStorage.getItem(key);
    return saved ? (JSON.parse(saved) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function readSession(): Session | undefined {
  const s = savedSession();
  return s && s.expiresAt > Date.now() ? s : undefined;
}

export function writeSession(session: Session | undefined): void {
  try {
    if (session) sessionStorage.setItem(key, JSON.stringify(session));
    else sessionStorage.removeItem(key);
  } catch {
    // not fatal
  }
  for (const l of listeners) l();
}

export function useSession(): Session | undefined {
  const [s, setS] = useState(readSession);
  useEffect(() => {
    const update = () => setS(readSession());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return s;
}

/**
 * A sign-in that ended under an open page, found out by a request made in the background (a task
 * claim's renewal): said on the page, never acted on, so nobody is signed out while typing. The
 * next deliberate action (recording a decision) meets the 401 and signs in again.
 */
let endedToken: string | undefined;
const endedListeners = new Set<() => void>();
export function noteSessionEnded(session: Session): void {
  if (endedToken === session.token) return;
  endedToken = session.token;
  for (const l of endedListeners) l();
}

/** How long before a sign-in ends the desk warns, if it could not renew it (a token lives an hour). */
export const expiryWarningMs = 5 * 60_000;

/** A renewal starts this long before the token ends: before the warning, so a renewed desk never shows it. */
export const renewalLeadMs = 6 * 60_000;
/** A renewal the network or the service failed is tried again after this, until the token ends. */
const renewalRetryMs = 60_000;

/** The sign-in a renewal gives: only the same person's, with the same refresh token. */
function renewedSession(result: Renewal, previous: Session, refreshToken: string): Session | undefined {
  const next = result.ok ? sessionFromToken(result.accessToken, result.expiresIn, refreshToken) : undefined;
  return next?.username === previous.username ? next : undefined;
}

/**
 * Renews the sign-in with its refresh token a few minutes before the token ends, so a desk in use
 * all day asks for the password once: the sign-in still ends with the refresh token (12 hours in
 * AWS, from the sign-in: infra/constructs/auth.ts). A renewal refused (the refresh token expired or
 * revoked, the account removed) is not tried again, and the warning of {@link useSessionPhase}
 * then says what it always said. A timer a sleeping laptop held back fires on waking, and the
 * refresh token still renews a token that ended meanwhile.
 */
export function useSessionRenewal(
  session: Session | undefined,
  renew: (refreshToken: string) => Promise<Renewal>,
): void {
  useEffect(() => {
    const refreshToken = session?.refreshToken;
    if (!session || !refreshToken) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      const result = await renew(refreshToken);
      if (stopped) return;
      if (result.ok) {
        // Another person's token in this tab's session would be a service fault: keep the warning.
        const next = renewedSession(result, session, refreshToken);
        if (next) writeSession(next);
        return;
      }
      if (!result.refused) timer = setTimeout(() => void attempt(), renewalRetryMs);
    };
    timer = setTimeout(() => void attempt(), Math.max(0, session.expiresAt - renewalLeadMs - Date.now()));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [session?.token]);
}

/**
 * A sign-in whose token ended while the tab was away (a page reloaded after lunch) is renewed with
 * its refresh token before the desk asks for the password; true while that is under way. A refused
 * renewal forgets it, and the sign-in form shows as it always did.
 */
export function useResumedSession(
  session: Session | undefined,
  renew: (refreshToken: string) => Promise<Renewal>,
): boolean {
  const [stale] = useState(() => (session ? undefined : savedSession()));
  const [resuming, setResuming] = useState(() => Boolean(stale?.refreshToken));
  useEffect(() => {
    const refreshToken = stale?.refreshToken;
    if (!stale || !refreshToken) return;
    let current = true;
    void renew(refreshToken).then((result) => {
      if (!current) return;
      writeSession(renewedSession(result, stale, refreshToken));
      setResuming(false);
    });
    return () => {
      current = false;
    };
  }, []);
  return resuming;
}

/**
 * Where this sign-in is: 'live', 'ending' (the last minutes: warned) or 'ended' (its time is up,
 * or a background request was refused). Re-renders when the phase turns.
 */
export function useSessionPhase(session: Session): 'live' | 'ending' | 'ended' {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    endedListeners.add(rerender);
    const timers = [session.expiresAt - expiryWarningMs, session.expiresAt]
      .map((at) => at - Date.now())
      .filter((delay) => delay > 0)
      .map((delay) => setTimeout(rerender, Math.min(delay, 2 ** 31 - 1)));
    return () => {
      endedListeners.delete(rerender);
      for (const t of timers) clearTimeout(t);
    };
  }, [session.token, session.expiresAt]);
  const now = Date.now();
  if (endedToken === session.token || now >= session.expiresAt) return 'ended';
  return now >= session.expiresAt - expiryWarningMs ? 'ending' : 'live';
}

/**
 * What someone has typed in a decision, kept in the tab per person and task, so a sign-in that
 * ends under them (or a reload) loses none of it. Cleared once recorded, once the task is no
 * longer open, and on signing out.
 */
const draftPrefix = 'aidflow.decision-draft.';
const draftKey = (username: string, taskId: string) => `${draftPrefix}${username}.${taskId}`;

export function readDraft<T extends object>(username: string, taskId: string): Partial<T> | undefined {
  try {
    const saved = sessionStorage.getItem(draftKey(username, taskId));
    const parsed: unknown = saved ? JSON.parse(saved) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(username: string, taskId: string, draft: object | undefined): void {
  try {
    if (draft) sessionStorage.setItem(draftKey(username, taskId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(username, taskId));
  } catch {
    // not fatal: the draft is a convenience
  }
}

/** Signing out: what anyone typed goes with them. */
export function clearDrafts(): void {
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(draftPrefix)) sessionStorage.removeItem(k);
  } catch {
    // not fatal
  }
}
