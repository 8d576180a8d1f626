import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, decodeJwt, decodeProtectedHeader, importJWK, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  demoPassword,
  demoStaff,
  hashPassword,
  InvalidCredentials,
  InvalidGrant,
  LocalIssuer,
  localClientId,
  memoryStaffDirectory,
  type StaffDirectory,
  verifyPassword,
} from '../../local/local-issuer.js';

const issuerUrl = 'http://127.0.0.1:3000/auth/local';

describe('the local issuer', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let directory: StaffDirectory;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aidflow-issuer-'));
    issuer = await LocalIssuer.open(dir, issuerUrl);
    directory = await memoryStaffDirectory([
      { username: 'clerk', groups: ['clerk'], password: demoPassword },
      { username: 'multi', groups: ['clerk', 'reviewer'], password: 'secret' },
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs an access token with the claims of a Cognito access token and verifies it again', async () => {
    const token = await issuer.sign({ username: 'multi', groups: ['clerk', 'reviewer'] });
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBe(issuer.jwks().keys[0]?.kid);

    const claims = await issuer.verify(token);
    expect(claims).toMatchObject({
      'cognito:groups': ['clerk', 'reviewer'],
      username: 'multi',
      token_use: 'access',
      client_id: localClientId,
      iss: issuerUrl,
    });
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(typeof claims.jti).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.aud).toBeUndefined();
  });

  it('gives a user the same subject in every token and another user another one', async () => {
    const a = decodeJwt(await issuer.sign({ username: 'clerk', groups: ['clerk'] }));
    const b = decodeJwt(await issuer.sign({ username: 'clerk', groups: ['clerk'] }));
    const c = decodeJwt(await issuer.sign({ username: 'head', groups: ['head'] }));
    expect(a.sub).toBe(b.sub);
    expect(a.jti).not.toBe(b.jti);
    expect(c.sub).not.toBe(a.sub);
  });

  it('keeps its key across reopening, so tokens stay valid after a restart', async () => {
    const token = await issuer.sign({ username: 'clerk', groups: ['clerk'] });
    const reopened = await LocalIssuer.open(dir, issuerUrl);
    await expect(reopened.verify(token)).resolves.toMatchObject({ username: 'clerk' });
    expect(reopened.jwks()).toEqual(issuer.jwks());
  });

  it('publishes only the public half of its key', () => {
    const [key] = issuer.jwks().keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(key).not.toHaveProperty('d');
    expect(key).not.toHaveProperty('p');
  });

  it('rejects an expired token', async () => {
    const token = await issuer.sign({ username: 'clerk', groups: ['clerk'] }, -60);
    await expect(issuer.verify(token)).rejects.toThrow(/expired/);
  });

  it('rejects a token signed by another key', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'aidflow-issuer-other-'));
    try {
      const other = await LocalIssuer.open(otherDir, issuerUrl);
      const token = await other.sign({ username: 'admin', groups: ['admin'] });
      await expect(issuer.verify(token)).rejects.toThrow(/signature/);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('rejects an unsigned token (alg none) carrying valid-looking claims', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = new UnsecuredJWT({
      client_id: localClientId,
      token_use: 'access',
      'cognito:groups': ['admin'],
    })
      .setIssuer(issuerUrl)
      .setSubject('someone')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .encode();
    await expect(issuer.verify(unsigned)).rejects.toThrow();
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const token = await issuer.sign({ username: 'clerk', groups: ['clerk'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? '')));
    claims['cognito:groups'] = ['admin'];
    const forged = [header, base64url.encode(JSON.stringify(claims)), signature].join('.');
    await expect(issuer.verify(forged)).rejects.toThrow(/signature/);
  });

  it('rejects a token from a foreign issuer even when our key signed it', async () => {
    const foreign = await LocalIssuer.open(
      dir,
      'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_other',
    );
    const token = await foreign.sign({ username: 'clerk', groups: ['clerk'] });
    await expect(issuer.verify(token)).rejects.toThrow(/claim/);
  });

  it('rejects a token issued to another app client', async () => {
    // Sign with the issuer's own key file, but for another client id.
    const stored = JSON.parse(readFileSync(join(dir, 'local-issuer-key.json'), 'utf8'));
    const key = await importJWK(stored.privateJwk, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ client_id: 'someone-else', token_use: 'access', username: 'clerk' })
      .setProtectedHeader({ alg: 'RS256', kid: stored.kid })
      .setIssuer(issuerUrl)
      .setSubject('x')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    await expect(issuer.verify(token)).rejects.toThrow(/another client/);
  });

  it('rejects garbage', async () => {
    await expect(issuer.verify('not-a-jwt')).rejects.toThrow(/malformed/);
  });

  it('issues a bearer token for the right password', async () => {
    const response = await issuer.issueToken(directory, 'clerk', demoPassword);
    expect(response).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    await expect(issuer.verify(response.access_token)).resolves.toMatchObject({
      username: 'clerk',
      'cognito:groups': ['clerk'],
    });
  });

  it('gives the same error for a wrong password and for an unknown user', async () => {
    const wrongPassword = await issuer.issueToken(directory, 'clerk', 'wrong').catch((e: unknown) => e);
    const unknownUser = await issuer.issueToken(directory, 'nobody', demoPassword).catch((e: unknown) => e);
    expect(wrongPassword).toBeInstanceOf(InvalidCredentials);
    expect(unknownUser).toBeInstanceOf(InvalidCredentials);
    expect((unknownUser as Error).message).toBe((wrongPassword as Error).message);
  });
});

describe('renewing a sign-in (the refresh grant)', () => {
  let dir: string;
  let issuer: LocalIssuer;
  const members = [
    { username: 'clerk', groups: ['clerk'], password: demoPassword },
    { username: 'leaver', groups: ['reviewer'], password: demoPassword },
  ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aidflow-issuer-refresh-'));
    issuer = await LocalIssuer.open(dir, issuerUrl);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a new access token for the refresh token of a password sign-in, and no new refresh token', async () => {
    // Arrange
    const directory = await memoryStaffDirectory(members);
    const signedIn = await issuer.issueToken(directory, 'clerk', demoPassword);

    // Act
    const renewed = await issuer.renewToken(directory, signedIn.refresh_token ?? '');

    // Assert
    expect(renewed).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(renewed.refresh_token).toBeUndefined();
    expect(renewed.access_token).not.toBe(signedIn.access_token);
    await expect(issuer.verify(renewed.access_token)).resolves.toMatchObject({
      username: 'clerk',
      'cognito:groups': ['clerk'],
    });
  });

  it('lasts a working day from the sign-in', async () => {
    const directory = await memoryStaffDirectory(members);
    const { refresh_token } = await issuer.issueToken(directory, 'clerk', demoPassword);

    const claims = decodeJwt(refresh_token ?? '');

    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(12 * 3600);
    expect(claims.token_use).toBe('refresh');
  });

  it('gives the groups the directory has now, and nothing to a member who has left', async () => {
    // Arrange: signed in as a reviewer; then the account is gone.
    const before = await memoryStaffDirectory(members);
    const { refresh_token } = await issuer.issueToken(before, 'leaver', demoPassword);
    const after = await memoryStaffDirectory([
      { username: 'clerk', groups: ['clerk'], password: demoPassword },
    ]);

    // Act
    const refused = await issuer.renewToken(after, refresh_token ?? '').catch((e: unknown) => e);

    // Assert
    expect(refused).toBeInstanceOf(InvalidGrant);
  });

  it('refuses an expired refresh token, an access token, and one signed by another key', async () => {
    const directory = await memoryStaffDirectory(members);
    const otherDir = mkdtempSync(join(tmpdir(), 'aidflow-issuer-other-'));
    try {
      const other = await LocalIssuer.open(otherDir, issuerUrl);
      const tokens = [
        await issuer.signRefresh('clerk', -60),
        await issuer.sign({ username: 'clerk', groups: ['clerk'] }),
        await other.signRefresh('clerk'),
        'not-a-jwt',
      ];
      for (const token of tokens)
        await expect(issuer.renewToken(directory, token)).rejects.toBeInstanceOf(InvalidGrant);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('renews nothing with a refresh token once signed out, also after a restart', async () => {
    // Arrange: two sign-ins of the same person (two computers); one signs out.
    const directory = await memoryStaffDirectory(members);
    const office = await issuer.issueToken(directory, 'clerk', demoPassword);
    const home = await issuer.issueToken(directory, 'clerk', demoPassword);

    // Act
    await issuer.revoke(office.refresh_token ?? '');
    const restarted = await LocalIssuer.open(dir, issuerUrl);

    // Assert: that sign-in is over on both; the other one still renews; its access token lives its hour.
    for (const running of [issuer, restarted]) {
      await expect(running.renewToken(directory, office.refresh_token ?? '')).rejects.toThrow(
        'The sign-in was ended.',
      );
      await expect(running.renewToken(directory, home.refresh_token ?? '')).resolves.toMatchObject({
        token_type: 'Bearer',
      });
    }
    await expect(issuer.verify(office.access_token)).resolves.toMatchObject({ username: 'clerk' });
  });

  it('keeps both of two sign-outs at once, and forgets revocations whose tokens have expired', async () => {
    // Arrange
    const directory = await memoryStaffDirectory(members);
    const [a, b] = await Promise.all([
      issuer.issueToken(directory, 'clerk', demoPassword),
      issuer.issueToken(directory, 'leaver', demoPassword),
    ]);
    const spent = await issuer.signRefresh('clerk', 1);
    const spentId = decodeJwt(spent).jti ?? '';
    await issuer.revoke(spent);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2_000 });

    // Act
    try {
      await Promise.all([issuer.revoke(a.refresh_token ?? ''), issuer.revoke(b.refresh_token ?? '')]);
    } finally {
      vi.useRealTimers();
    }

    // Assert
    const kept = JSON.parse(readFileSync(join(dir, 'local-issuer-revoked.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(Object.keys(kept)).toEqual(
      expect.arrayContaining([decodeJwt(a.refresh_token ?? '').jti, decodeJwt(b.refresh_token ?? '').jti]),
    );
    expect(Object.keys(kept)).not.toContain(spentId);
  });

  it('ignores a revocation of what is not a live refresh token of its own', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'aidflow-issuer-other-'));
    try {
      const other = await LocalIssuer.open(otherDir, issuerUrl);
      for (const token of [
        'not-a-jwt',
        await issuer.sign({ username: 'clerk', groups: ['clerk'] }),
        await other.signRefresh('clerk'),
        await issuer.signRefresh('clerk', -60),
      ])
        await expect(issuer.revoke(token)).resolves.toBeUndefined();
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('makes a refresh token that authorises no request', async () => {
    const refresh = await issuer.signRefresh('clerk');

    await expect(issuer.verify(refresh)).rejects.toThrow(/not an access token/);
  });
});

describe('password hashes', () => {
  it('are salted scrypt hashes in the scrypt$N$r$p$salt$hash format', async () => {
    const a = await hashPassword('demo');
    const b = await hashPassword('demo');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('demo', a)).toBe(true);
    expect(await verifyPassword('demo', b)).toBe(true);
    expect(await verifyPassword('Demo', a)).toBe(false);
  });

  it('treat a malformed or absurdly expensive stored hash as a mismatch', async () => {
    expect(await verifyPassword('demo', 'plain-text')).toBe(false);
    expect(await verifyPassword('demo', 'scrypt$3$8$1$c2FsdA$AAAA')).toBe(false);
    expect(
      await verifyPassword(
        'demo',
        'scrypt$1073741824$8$1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBe(false);
  });
});

describe('the demo staff', () => {
  it('lists every user of API.md with their group', () => {
    expect(Object.fromEntries(demoStaff.map((m) => [m.username, m.groups]))).toEqual({
      clerk: ['clerk'],
      reviewer: ['reviewer'],
      reviewer2: ['reviewer'],
      head: ['head'],
      commission1: ['commission'],
      commission2: ['commission'],
      commission3: ['commission'],
      commission4: ['commission'],
      commission5: ['commission'],
      finance: ['finance'],
      finance2: ['finance'],
      admin: ['admin'],
      auditor: ['auditor'],
    });
    expect(demoPassword).toBe('demo');
  });
});
