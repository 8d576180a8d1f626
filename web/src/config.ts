/**
 * What the app learns at run time about where it runs. In AWS the deployment serves `/config.json`
 * (infra/constructs/web.ts) naming the Cognito hosted UI; locally there is none, and staff sign in
 * with the local token endpoint. One request per page load, shared by every caller.
 */
export interface RuntimeConfig {
  /** `local`: POST /auth/local/token; `cognito`: the hosted UI (authorization code with PKCE). */
  auth: { kind: 'local' } | { kind: 'cognito'; domain: string; clientId: string };
}

const local: RuntimeConfig = { auth: { kind: 'local' } };

/** The parsed /config.json, or the local configuration for anything that is not one. */
export function parseConfig(value: unknown): RuntimeConfig {
  if (typeof value !== 'object' || value === null) return local;
  const auth = (value as { auth?: { kind?: unknown; domain?: unknown; clientId?: unknown } }).auth;
  if (
    auth?.kind === 'cognito' &&
    typeof auth.domain === 'string' &&
    /^https:\/\/[^/\s]+$/.test(auth.domain) &&
    typeof auth.clientId === 'string' &&
    auth.clientId.length > 0
  ) {
    return { auth: { kind: 'cognito', domain: auth.domain, clientId: auth.clientId } };
  }
  return local;
}

let loading: Promise<RuntimeConfig> | undefined;

export function runtimeConfig(): Promise<RuntimeConfig> {
  loading ??= fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-store' })
    .then(async (res) => (res.ok ? parseConfig(await res.json()) : local))
    .catch(() => local);
  return loading;
}
