import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { config } from './config.js';
import { UnauthorizedError } from './errors.js';
import type { Principal } from './http.js';
import { parseGroupsClaim } from './jwt-claims.js';

/**
 * Verifies the bearer token of a route that is public at the gateway but lets staff add fields
 * (POST /v1/appeals: a clerk sends the channel and the date received). API Gateway cannot make a
 * JWT authorizer optional, so such routes reach the handler unauthenticated and the handler checks
 * the token itself, exactly as the authorizer would: RS256 by the issuer's published keys, `iss`,
 * `exp`, an access token of our app client.
 */

type KeySet = ReturnType<typeof createRemoteJWKSet>;
let keySet: { url: string; jwks: KeySet } | undefined;

/** One key set per JWKS URL and process: jose caches the keys and refetches on an unknown `kid`. */
function jwksFor(url: string): KeySet {
  if (!keySet || keySet.url !== url) keySet = { url, jwks: createRemoteJWKSet(new URL(url)) };
  return keySet.jwks;
}

export function resetStaffKeysForTests(): void {
  keySet = undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The signed-in caller, or undefined when no Authorization header was sent. A header that is sent
 * but does not verify is a 401: someone who meant to act as staff must not silently become an
 * anonymous citizen.
 */
export async function optionalStaffPrincipal(
  authorization: string | undefined,
): Promise<Principal | undefined> {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const token = bearer(authorization);
  if (!token) throw new UnauthorizedError('Send the staff token as "Authorization: Bearer <token>".');
  const { STAFF_JWKS_URL, STAFF_JWT_ISSUER, STAFF_JWT_CLIENT_ID } = config();
  if (!STAFF_JWKS_URL || !STAFF_JWT_ISSUER) {
    // Misconfiguration, not the caller's fault; but accepting an unverifiable token would be worse.
    throw new Error('STAFF_JWKS_URL and STAFF_JWT_ISSUER must be configured to accept staff tokens');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwksFor(STAFF_JWKS_URL), {
      algorithms: ['RS256'],
      issuer: STAFF_JWT_ISSUER,
      clockTolerance: 5,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch {
    throw new UnauthorizedError('The staff token is not valid (expired, or not issued by this office).');
  }
  if (payload.token_use !== 'access') throw new UnauthorizedError('Send an access token, not an ID token.');
  if (STAFF_JWT_CLIENT_ID && payload.client_id !== STAFF_JWT_CLIENT_ID) {
    throw new UnauthorizedError('The staff token was issued to another application.');
  }
  const sub = String(payload.sub);
  const username = String(payload.username ?? payload['cognito:username'] ?? sub);
  return { sub, username, roles: parseGroupsClaim(payload['cognito:groups']) };
}
