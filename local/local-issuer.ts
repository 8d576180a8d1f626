import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The local runtime's stand-in for Cognito (it issues access tokens) and for API Gateway's JWT
 * authorizer (it verifies them). Tokens carry the claims a Cognito user-pool access token carries,
 * so handlers read identity and roles exactly as they do in AWS.
 */

/** The app client id; API Gateway's JWT authorizer checks an access token's `client_id` against its audience. */
export const localClientId = 'aidflow-local';

/** API Gateway tolerates a little clock skew; anything beyond a few seconds is an expired token. */
const clockToleranceSeconds = 5;

const keyFileName = 'local-issuer-key.json';
/** Refresh tokens ended by signing out, by `jti` with their expiry (seconds), kept across restarts. */
const revokedFileName = 'local-issuer-revoked.json';

/** Namespace for the name-based `sub` (uuid v5): the same username always gets the same subject. */
const subjectNamespace = '5b0e7a52-3c1d-4f0e-9a6b-2d7c41f0a1d0';

export interface StaffMember {
  readonly username: string;
  readonly groups: readonly string[];
}

export interface StaffDirectory {
  find(username: string): Promise<{ username: string; groups: string[]; passwordHash: string } | undefined>;
}

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  /** With the password grant only, as Cognito answers (no rotation): it renews the access token. */
  readonly refresh_token?: string;
}

/**
 * How long a sign-in lasts with its renewals: the web app client's refresh token validity in
 * AWS (infra/constructs/auth.ts), a working day. Counted from the sign-in, not from a renewal.
 */
export const refreshTtlSeconds = 12 * 3600;

/** Same error for an unknown user and a wrong password: the answer must not tell which it was. */
export class InvalidCredentials extends Error {
  override readonly name = 'InvalidCredentials';
  constructor() {
    super('Unknown username or wrong password');
  }
}

/** A refresh token that renews nothing (expired, not ours, or its member is gone): OAuth's `invalid_grant`. */
export class InvalidGrant extends Error {
  override readonly name = 'InvalidGrant';
}

/** A token the authorizer refuses; `message` is safe to show (it never echoes the token). */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

/** The demo staff of API.md ("Local sign-in"); the seed gives each the password {@link demoPassword}. */
export const demoStaff: readonly StaffMember[] = [
  { username: 'clerk', groups: ['clerk'] },
  { username: 'reviewer', groups: ['reviewer'] },
  { username: 'reviewer2', groups: ['reviewer'] },
  { username: 'head', groups: ['head'] },
  { username: 'commission1', groups: ['commission'] },
  { username: 'commission2', groups: ['commission'] },
  { username: 'commission3', groups: ['commission'] },
  // Substitutes: a reconsideration is voted by members who took no part in the first round.
  { username: 'commission4', groups: ['commission'] },
  { username: 'commission5', groups: ['commission'] },
  { username: 'finance', groups: ['finance'] },
  { username: 'finance2', groups: ['finance'] },
  { username: 'admin', groups: ['admin'] },
  { username: 'auditor', groups: ['auditor'] },
];

export const demoPassword = 'demo';

interface StoredKey {
  readonly kid: string;
  readonly privateJwk: JWK;
}

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export class LocalIssuer {
  private constructor(
    readonly issuerUrl: string,
    private readonly kid: string,
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    private readonly publicJwk: JWK,
    private readonly revokedFile: string,
    /** `jti` → `exp` of each refresh token revoked and not yet expired. */
    private readonly revoked: Map<string, number>,
  ) {}

  /** Revocations are written one after another, so two sign-outs at once both stay written. */
  private revocationWrites: Promise<void> = Promise.resolve();

  /**
   * Loads the signing key from `<dataDir>/local-issuer-key.json`, or makes and keeps one, so
   * tokens stay valid across restarts of `npm start`.
   */
  static async open(dataDir: string, issuerUrl: string): Promise<LocalIssuer> {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, keyFileName);
    const stored = (await readStoredKey(file)) ?? (await createStoredKey(file));
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, ...publicJwk } = stored.privateJwk;
    const privateKey = await importJWK(stored.privateJwk, 'RS256');
    const publicKey = await importJWK(publicJwk, 'RS256');
    const revokedFile = join(dataDir, revokedFileName);
    const revoked = await readRevoked(revokedFile);
    return new LocalIssuer(issuerUrl, stored.kid, privateKey, publicKey, publicJwk, revokedFile, revoked);
  }

  /** An access token shaped like Cognito's (no `aud`; the app client is in `client_id`). */
  async sign(member: StaffMember, ttlSeconds = 3600): Promise<string> {
    if (!Number.isFinite(ttlSeconds)) throw new RangeError('ttlSeconds must be a finite number');
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      username: member.username,
      token_use: 'access',
      client_id: localClientId,
      scope: 'aws.cognito.signin.user.admin',
      auth_time: now,
      origin_jti: randomUUID(),
      event_id: randomUUID(),
    };
    // Cognito leaves the claim out altogether for a user in no group.
    if (member.groups.length > 0) claims['cognito:groups'] = [...member.groups];
    return this.signClaims(claims, member.username, now, ttlSeconds);
  }

  /** Our key's signature over `claims`, with the subject, issuer, times and id every token carries. */
  private signClaims(claims: JWTPayload, username: string, now: number, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setSubject(subjectFor(username))
      .setIssuer(this.issuerUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + Math.trunc(ttlSeconds))
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /**
   * A token's payload once our key's RS256 signature, the issuer and the required claims check out;
   * throws jose's error otherwise. Pinning the algorithm list refuses `alg: none` and any HMAC
   * trick with the public key.
   */
  private async verifiedPayload(token: string, clockTolerance: number): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      algorithms: ['RS256'],
      issuer: this.issuerUrl,
      clockTolerance,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return payload;
  }

  /**
   * Verifies as API Gateway's JWT authorizer does: RS256 signature by our key, `iss`, `exp`
   * (little skew), and the app client. Anything else throws {@link InvalidToken}.
   */
  async verify(token: string): Promise<Record<string, unknown>> {
    let payload: JWTPayload;
    try {
      payload = await this.verifiedPayload(token, clockToleranceSeconds);
    } catch (error) {
      throw new InvalidToken(describeJoseError(error));
    }
    if (payload.client_id !== localClientId) throw new InvalidToken('the token was issued to another client');
    if (payload.token_use !== 'access') throw new InvalidToken('not an access token');
    return { ...payload };
  }

  /** The JSON Web Key Set served at `/auth/local/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk, kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  /** The password grant of the local sign-in (`POST /auth/local/token`). */
  async issueToken(
    directory: StaffDirectory,
    username: string,
    password: string,
    ttlSeconds = 3600,
  ): Promise<TokenResponse> {
    const member = await directory.find(username);
    if (!member) {
      // Spend the same scrypt work as for a real account, so timing does not reveal who exists.
      await verifyPassword(password, unknownUserHash);
      throw new InvalidCredentials();
    }
    if (!(await verifyPassword(password, member.passwordHash))) throw new InvalidCredentials();
    return {
      ...(await this.accessTokenFor(member, ttlSeconds)),
      refresh_token: await this.signRefresh(member.username),
    };
  }

  private async accessTokenFor(member: StaffMember, ttlSeconds: number): Promise<TokenResponse> {
    const accessToken = await this.sign({ username: member.username, groups: member.groups }, ttlSeconds);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: Math.trunc(ttlSeconds) };
  }

  /**
   * A refresh token: signed like an access token but `token_use: refresh`, which {@link verify}
   * refuses, so it renews a sign-in and never authorises a request itself.
   */
  async signRefresh(username: string, ttlSeconds = refreshTtlSeconds): Promise<string> {
    const claims = { username, token_use: 'refresh', client_id: localClientId };
    return this.signClaims(claims, username, Math.floor(Date.now() / 1000), ttlSeconds);
  }

  /**
   * The refresh grant: a new access token for the member the refresh token names, with the groups
   * the directory gives them now (a role taken away ends with the next renewal, as in Cognito).
   * No new refresh token: the sign-in still ends when the first one does.
   */
  async renewToken(
    directory: StaffDirectory,
    refreshToken: string,
    ttlSeconds = 3600,
  ): Promise<TokenResponse> {
    let payload: JWTPayload;
    try {
      payload = await this.verifiedPayload(refreshToken, 0);
    } catch {
      throw new InvalidGrant('The refresh token is not valid or has expired.');
    }
    if (
      payload.token_use !== 'refresh' ||
      payload.client_id !== localClientId ||
      typeof payload.username !== 'string'
    )
      throw new InvalidGrant('Not a refresh token of this client.');
    if (typeof payload.jti === 'string' && this.revoked.has(payload.jti))
      throw new InvalidGrant('The sign-in was ended.');
    const member = await directory.find(payload.username);
    if (!member) throw new InvalidGrant('The account no longer exists.');
    return this.accessTokenFor(member, ttlSeconds);
  }

  /**
   * Signing out (`POST /auth/local/revoke`, as Cognito's `/oauth2/revoke`): the refresh token
   * renews nothing from now on, across restarts too. Access tokens it gave live out their hour,
   * as behind API Gateway's JWT authorizer in AWS. A token that is not a live refresh token of
   * ours is ignored without an error (RFC 7009 §2.2): there is nothing to end.
   */
  async revoke(refreshToken: string): Promise<void> {
    let payload: JWTPayload;
    try {
      payload = await this.verifiedPayload(refreshToken, 0);
    } catch {
      return;
    }
    if (payload.token_use !== 'refresh' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number')
      return;
    this.revoked.set(payload.jti, payload.exp);
    const write = this.revocationWrites.then(() => this.writeRevoked());
    this.revocationWrites = write.catch(() => undefined);
    await write;
  }

  /** The list as this process knows it and as the file has it, without the expired ones. */
  private async writeRevoked(): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    for (const [jti, exp] of await readRevoked(this.revokedFile)) this.revoked.set(jti, exp);
    for (const [jti, exp] of this.revoked) if (exp < now) this.revoked.delete(jti);
    // Written aside and renamed into place: a crash never leaves half a list.
    const tmp = `${this.revokedFile}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(tmp, JSON.stringify(Object.fromEntries(this.revoked)), { mode: 0o600 });
    await rename(tmp, this.revokedFile);
  }
}

/** A directory held in memory (tests; the seed's source list). Passwords are hashed on the way in. */
export async function memoryStaffDirectory(
  members: ReadonlyArray<StaffMember & { readonly password: string }>,
): Promise<StaffDirectory> {
  const byName = new Map<string, { username: string; groups: string[]; passwordHash: string }>();
  for (const member of members) {
    byName.set(member.username, {
      username: member.username,
      groups: [...member.groups],
      passwordHash: await hashPassword(member.password),
    });
  }
  return {
    async find(username) {
      const found = byName.get(username);
      return found ? { ...found, groups: [...found.groups] } : undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Passwords: scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash` (base64url parts).

const scryptParams = { N: 16_384, r: 8, p: 1 } as const;
const hashBytes = 32;
/** Refuse stored parameters that would make one check cost more than this much memory. */
const maxScryptMemory = 64 * 1024 * 1024;

/**
 * A well-formed hash of no password anyone has: checking against it costs what a real check
 * costs. A fixed string, so the first unknown-user request is not slower than the rest.
 */
const unknownUserHash =
  'scrypt$16384$8$1$bm8tc3VjaC11c2VyLXNhbHQ$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(
      password.normalize('NFC'),
      salt,
      hashBytes,
      { N, r, p, maxmem: Math.max(32 * 1024 * 1024, 256 * N * r * p) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParams;
  const hash = await scrypt(password, salt, N, r, p);
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Constant-time check; a malformed stored hash is a mismatch, never an exception. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const validParams =
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N > 1 &&
    (N & (N - 1)) === 0 &&
    r > 0 &&
    p > 0 &&
    128 * N * r * p <= maxScryptMemory;
  if (!validParams) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length === 0 || expected.length !== hashBytes) return false;
  const actual = await scrypt(password, salt, N, r, p);
  return timingSafeEqual(actual, expected);
}

// ---------------------------------------------------------------------------------------------

/** A name-based UUID (version 5, RFC 9562): Cognito's `sub` is a UUID that never changes for a user. */
function subjectFor(username: string): string {
  const namespace = Buffer.from(subjectNamespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(username, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A file's text, or undefined when there is no such file yet. */
async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readStoredKey(file: string): Promise<StoredKey | undefined> {
  const text = await readIfThere(file);
  if (text === undefined) return undefined;
  const parsed = JSON.parse(text) as Partial<StoredKey>;
  if (typeof parsed.kid !== 'string' || typeof parsed.privateJwk !== 'object' || parsed.privateJwk === null) {
    throw new Error(
      `${file} is not a local issuer key; delete it to make a new one (signed-in users sign in again)`,
    );
  }
  return { kid: parsed.kid, privateJwk: parsed.privateJwk };
}

async function readRevoked(file: string): Promise<Map<string, number>> {
  const text = await readIfThere(file);
  if (text === undefined) return new Map();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file} is not a list of revoked refresh tokens; delete it to forget the revocations`);
  return new Map(
    Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

async function createStoredKey(file: string): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(privateJwk);
  const stored: StoredKey = { kid, privateJwk };
  // Written aside and linked into place: a crash never leaves half a key, and if another
  // process got there first (link fails with EEXIST) everybody uses its key.
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
  try {
    await link(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readStoredKey(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await rm(tmp, { force: true });
  }
  return stored;
}

function describeJoseError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is invalid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token signing algorithm is not allowed';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `the token's claims are not valid (${error instanceof Error ? error.message : 'claim check failed'})`;
    default:
      return 'the token is malformed';
  }
}
