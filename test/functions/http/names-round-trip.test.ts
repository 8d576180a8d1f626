import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterCount } from '../../../domain/schema-helpers.js';
import { handler as getCase } from '../../../functions/http/get-case.js';
import { handler as getCaseStatus } from '../../../functions/http/get-case-status.js';
import { handler as submitAid } from '../../../functions/http/submit-aid-application.js';
import { handler as submitAppeal } from '../../../functions/http/submit-appeal.js';
import { sampleApplication } from '../../support/api-client.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

/**
 * Names and texts in any script go in through the public intake and come back exactly as sent,
 * through the handlers and DynamoDB Local.
 *
 * Decision: stored as given, not normalised (no NFC). A name is what the person wrote; NFC would
 * silently rewrite some of it (CJK compatibility ideographs such as 﨑 U+FA11 become other code
 * points), and a letter sent back to the applicant must carry the bytes they typed. Where the
 * system compares names (one person's applications) it normalises for the comparison only.
 * The only change is trimming surrounding whitespace. Lengths count characters (code points).
 */

type Result = APIGatewayProxyStructuredResultV2 & { body: string };

const runs = Number(process.env.NAMES_RUNS ?? 25);

// Units that are each one or more code points, in the scripts applicants write in.
const cyrillic = [...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
const ukrainian = [...'ЇїЄєҐґІі', 'ʼ', '’', "'"];
const chinese = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', '𠜎', '𪚥', '𰻞', '﨑'];
const emoji = ['😀', '🇺🇦', '👩‍👩‍👧', '👍🏽', '❤️', '🧑‍⚕️'];
const combining = ['е\u0301', 'и\u0306', 'a\u0308', 'n\u0303', 'й', 'й'];
const rtl = [...'مُحَمَّد', ...'שָׂרָה', '\u200f', '\u200e'];
const other = [...'ÀÉçßøĞış', '-', '.'];
const unit = fc.constantFrom(...cyrillic, ...ukrainian, ...chinese, ...emoji, ...combining, ...rtl, ...other);

const word = fc.array(unit, { minLength: 1, maxLength: 8 }).map((u) => u.join(''));
/** Words with single spaces between them: no surrounding whitespace, which intake trims. */
const phrase = (maxWords: number) =>
  fc.array(word, { minLength: 1, maxLength: maxWords }).map((w) => w.join(' '));

/** Exactly `n` characters (code points), none of them whitespace at either end. */
const exactly = (n: number) =>
  fc
    .array(
      fc.constantFrom(...[...cyrillic, ...chinese, ...'😀𠜎ʼїє'].filter((c) => characterCount(c) === 1)),
      {
        minLength: n,
        maxLength: n,
      },
    )
    .map((chars) => chars.join(''));

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('hex');

describe('names and texts in any script through the public intake', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  async function apply(application: Record<string, unknown>) {
    const res = (await submitAid(
      httpEvent({ method: 'POST', path: '/v1/aid-applications', body: JSON.stringify(application) }),
      lambdaContext,
    )) as Result;
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  }

  async function appeal(body: Record<string, unknown>) {
    const res = (await submitAppeal(
      httpEvent({ method: 'POST', path: '/v1/appeals', body: JSON.stringify(body) }),
      lambdaContext,
    )) as Result;
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  }

  /** The staff desk's view of the case (GET /v1/cases/by-id/{caseId}) as a reviewer. */
  async function staffView(caseId: string) {
    const res = (await getCase(
      httpEvent({
        method: 'GET',
        path: `/v1/cases/by-id/${caseId}`,
        pathParameters: { caseId },
        claims: staffClaims('reviewer', ['reviewer']),
      }),
      lambdaContext,
    )) as Result;
    expect(res.statusCode).toBe(200);
    return JSON.parse(res.body) as {
      applicant: { fullName?: string; address?: string };
      reason?: string;
      payout?: { accountHolder?: string };
      subject?: string;
      text?: string;
    };
  }

  /** The applicant's view (GET /v1/cases/{reference} with the access code). */
  async function applicantView(reference: string, accessCode: string) {
    const res = (await getCaseStatus(
      httpEvent({
        method: 'GET',
        path: `/v1/cases/${reference}`,
        pathParameters: { reference },
        headers: { 'x-access-code': accessCode },
      }),
      lambdaContext,
    )) as Result;
    expect(res.statusCode).toBe(200);
    return JSON.parse(res.body) as { subject?: string };
  }

  /**
   * A new birth date for every application: the same name and birth date are one person, whose
   * second open application of a type is refused (shrinking re-runs the same name).
   */
  let applications = 0;
  const nextBirthDate = () =>
    new Date(Date.UTC(1930, 0, 1) + applications++ * 86_400_000).toISOString().slice(0, 10);

  const application = (name: string, reason: string, address = 'вул. Шевченка, 1') =>
    sampleApplication({
      applicant: { fullName: name, birthDate: nextBirthDate(), address, preferredLanguage: 'uk' },
      reason,
      payout: { method: 'bank_transfer', accountHolder: name, iban: 'DE89370400440532013000' },
    });

  it('accepts an aid application with any name and reason and shows staff exactly what was sent', async () => {
    await fc.assert(
      fc.asyncProperty(phrase(6), phrase(40), phrase(8), async (name, reason, address) => {
        // Act
        const res = await apply(application(name, reason, address));

        // Assert
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const view = await staffView(String(res.body.caseId));
        expect(utf8(view.applicant.fullName ?? '')).toBe(utf8(name));
        expect(utf8(view.payout?.accountHolder ?? '')).toBe(utf8(name));
        expect(utf8(view.applicant.address ?? '')).toBe(utf8(address));
        expect(utf8(view.reason ?? '')).toBe(utf8(reason));
      }),
      { numRuns: runs },
    );
  });

  it('accepts an appeal in any script and shows it to staff, and its subject to the applicant, as sent', async () => {
    await fc.assert(
      fc.asyncProperty(phrase(6), phrase(10), phrase(60), async (name, subject, text) => {
        // Act
        const res = await appeal({
          applicant: { fullName: name, email: 'someone@example.org', preferredLanguage: 'zh' },
          kind: 'complaint',
          subject,
          text,
          topic: 'housing',
        });

        // Assert
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const view = await staffView(String(res.body.caseId));
        expect(utf8(view.applicant.fullName ?? '')).toBe(utf8(name));
        expect(utf8(view.subject ?? '')).toBe(utf8(subject));
        expect(utf8(view.text ?? '')).toBe(utf8(text));
        const own = await applicantView(String(res.body.reference), String(res.body.accessCode));
        expect(utf8(own.subject ?? '')).toBe(utf8(subject));
      }),
      { numRuns: runs },
    );
  });

  it('accepts a name and reason at their length limits in characters, emoji and 𠜎 counting one each', async () => {
    await fc.assert(
      fc.asyncProperty(exactly(200), exactly(4000), async (name, reason) => {
        const res = await apply(application(name, reason));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const view = await staffView(String(res.body.caseId));
        expect(view.applicant.fullName).toBe(name);
        expect(view.reason).toBe(reason);
      }),
      { numRuns: 5 },
    );
  });

  it('refuses a name one character over the limit, naming the field', async () => {
    const res = await apply(application('😀'.repeat(201), 'Ліки'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({
      path: 'applicant.fullName',
      message: 'Full name must be at most 200 characters long.',
    });
  });

  it('accepts an appeal subject and text at their limits', async () => {
    const subject = '𠜎'.repeat(200);
    const text = 'ї😀'.repeat(10_000);
    const res = await appeal({
      applicant: { email: 'someone@example.org' },
      kind: 'proposal',
      subject,
      text,
      topic: 'housing',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await staffView(String(res.body.caseId));
    expect(view.subject).toBe(subject);
    expect(view.text).toBe(text);
  });

  it('keeps a decomposed (NFD) name decomposed and a composed (NFC) one composed', async () => {
    const nfd = 'Олексій Йосипович Ковалéнко'.normalize('NFD');
    const nfc = nfd.normalize('NFC');
    expect(nfd).not.toBe(nfc);
    const a = await apply(application(nfd, 'Ліки'));
    const b = await apply(application(nfc, 'Ліки'));
    expect((await staffView(String(a.body.caseId))).applicant.fullName).toBe(nfd);
    expect((await staffView(String(b.body.caseId))).applicant.fullName).toBe(nfc);
  });

  it('trims whitespace around a name and nothing else', async () => {
    const res = await apply(application('\u3000 Тарас Шевченко\u00a0 ', 'Ліки'));
    expect(res.status).toBe(201);
    expect((await staffView(String(res.body.caseId))).applicant.fullName).toBe('Тарас Шевченко');
  });

  it('refuses half of an emoji (a lone surrogate) with 400 instead of storing a replacement character', async () => {
    // JSON can escape a lone surrogate; UTF-8 cannot encode it, so it would not come back as sent.
    const body = JSON.stringify(application('Анна', 'Ліки')).replace('"Анна"', '"Анна \\ud83d"');
    const res = (await submitAid(
      httpEvent({ method: 'POST', path: '/v1/aid-applications', body }),
      lambdaContext,
    )) as Result;
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors).toContainEqual(
      expect.objectContaining({ path: 'applicant.fullName' }),
    );
  });
});
