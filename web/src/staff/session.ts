import { useEffect, useState } from 'preact/hooks';

/** The signed-in staff member: the bearer token and what its claims say. Kept for this tab only. */
export interface Session {
  token: string;
  username: string;
  roles: string[];
  expiresAt: number;
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

export function sessionFromToken(token: string, expiresIn: number): Session | undefined {
  const claims = decodeClaims(token);
  if (!claims) return undefined;
  const groups = claims['cognito:groups'];
  return {
    token,
    username: typeof claims.username === 'string' ? claims.username : String(claims.sub ?? ''),
    roles: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    expiresAt: Date.now() + expiresIn * 1000,
  };
}

export function readSession(): Session | undefined {
  try {
    const saved = sessionStorage.getItem(key);
    if (!saved) return undefined;
    const s = JSON.parse(saved) as Session;
    return s.expiresAt > Date.now() ? s : undefined;
  } catch {
    return undefined;
  }
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
