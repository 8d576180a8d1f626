import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as decide } from '../../../functions/http/decide-task.js';
import { handler as getCase } from '../../../functions/http/get-case.js';
import { handler as getCaseAudit } from '../../../functions/http/get-case-audit.js';
import { handler as searchCases } from '../../../functions/http/search-cases.js';
import { handler as submitAid } from '../../../functions/http/submit-aid-application.js';
import { handler as submitAppeal } from '../../../functions/http/submit-appeal.js';
import { keys } from '../../../functions/lib/store/keys.js';
import type { NotificationRecord } from '../../../functions/lib/store/notification-records.js';
import { writeAidNotification } from '../../../functions/use-cases/notifications/aid-notifications.js';
import { claimDelivery } from '../../../functions/use-cases/notifications/deliver-notification.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { sampleApplication } from '../../support/api-client.js';
import { notificationsOfCase } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, httpEvent, lambdaContext, staffClaims } from '../../support/handler-env.js';

type Result = APIGatewayProxyStructuredResultV2 & { body: string };
type Json = Record<string, unknown> & { items?: Record<string, unknown>[]; cursor?: string; detail?: string };

const as = (username: string, role: string) => staffClaims(username, [role]);

async function call(
  handler: (event: never, context: never) => Promise<unknown>,
  input: Parameters<typeof httpEvent>[0],
): Promise<{ status: number; body: Json }> {
  const res = (await handler(httpEvent(input) as never, lambdaContext as never)) as Result;
  return { status: res.statusCode ?? 200, body: JSON.parse(res.body) as Json };
}

const search = (query: Record<string, string>, claims = as('reviewer', 'reviewer')) =>
  call(searchCases, { method: 'GET', path: '/v1/cases', query, claims });

const fullCase = (caseId: string, claims = as('reviewer', 'reviewer')) =>
  call(getCase, { method: 'GET', path: `/v1/cases/by-id/${caseId}`, pathParameters: { caseId }, claims });

const audit = (caseId: string, query: Record<string, string> = {}, claims = as('auditor', 'auditor')) =>
  call(getCaseAudit, {
    method: 'GET',
    path: `/v1/cases/by-id/${caseId}/audit`,
    pathParameters: { caseId },
    query,
    claims,
  });

describe('staff case search, the full case and its audit trail', () => {
  let table: TestTable;
  let applications = 0;

  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  async function apply(): Promise<{ caseId: string; reference: string }> {
    const body = sampleApplication({
      applicant: {
        fullName: 'Ганна Іванівна Коваль',
        birthDate: `19${40 + applications++}-04-02`,
        phone: '+380 44 123 45 67',
        preferredLanguage: 'uk',
      },
    });
    const res = await call(submitAid, {
      method: 'POST',
      path: '/v1/aid-applications',
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return { caseId: String(res.body.caseId), reference: String(res.body.reference) };
  }

  /** Moves a submitted case to review with its task and has a reviewer approve it. */
  async function reviewAndApprove(caseId: string): Promise<void> {
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.case(caseId),
        UpdateExpression: 'SET #status = :s, gsi2pk = :g',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':s': 'in_review', ':g': 'CASES#aid#in_review' },
      }),
    );
    const { taskId } = await openTask({
      caseId,
      type: 'review',
      taskToken: `token-${caseId}`,
      now: new Date(),
    });
    const res = await call(decide, {
      method: 'POST',
      path: `/v1/tasks/${taskId}/decision`,
      pathParameters: { taskId },
      body: JSON.stringify({ outcome: 'approve', comment: 'Документи в порядку.' }),
      claims: as('reviewer', 'reviewer'),
    });
    expect(res.status).toBe(200);
  }

  describe('GET /v1/cases', () => {
    it('lists the cases in a status newest first, a page at a time, without repeating one', async () => {
      // Arrange
      const first = await apply();
      const second = await apply();
      const third = await apply();

      // Act
      const pages: Record<string, unknown>[][] = [];
      let cursor: string | undefined;
      do {
        const res = await search({ status: 'submitted', limit: '2', ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        pages.push(res.body.items ?? []);
        cursor = res.body.cursor;
      } while (cursor);

      // Assert
      const references = pages.flat().map((i) => i.reference);
      expect(references.slice(0, 3)).toEqual([third.reference, second.reference, first.reference]);
      expect(new Set(references).size).toBe(references.length);
      expect(pages.flat()[0]).toMatchObject({
        caseId: third.caseId,
        kind: 'aid',
        status: 'submitted',
        applicantName: 'Ганна Іванівна Коваль',
        aidType: 'cash',
      });
    });

    it('finds one case by its reference, in any letter case, and none for an unknown one', async () => {
      const { reference, caseId } = await apply();
      const found = await search({ reference: reference.toLowerCase() });
      const unknown = await search({ reference: 'AID-2020-999999' });
      expect(found.body.items?.map((i) => i.caseId)).toEqual([caseId]);
      expect(unknown).toMatchObject({ status: 200, body: { items: [] } });
    });

    it('finds appeals by their own statuses', async () => {
      const res = await call(submitAppeal, {
        method: 'POST',
        path: '/v1/appeals',
        body: JSON.stringify({
          applicant: { fullName: 'Іван Сірко', email: 'sirko@example.org' },
          kind: 'complaint',
          subject: 'Вуличне освітлення',
          text: 'Не світить ліхтар біля школи.',
          topic: 'housing',
        }),
      });
      const listed = await search({ status: String(res.body.status) });
      expect(listed.body.items?.map((i) => i.reference)).toContain(res.body.reference);
      expect(listed.body.items?.[0]).toMatchObject({ kind: 'appeal', appealKind: 'complaint' });
    });

    it("finds a caller's aid cases and appeals by name and date of birth, the name in any case and spacing, and nobody else's", async () => {
      // Arrange: two people of the same name, born on different days; the first also appealed.
      const theirs = await apply();
      const namesake = await apply();
      const born = String(
        ((await fullCase(theirs.caseId)).body.applicant as { birthDate?: string } | undefined)?.birthDate,
      );
      const appeal = await call(submitAppeal, {
        method: 'POST',
        path: '/v1/appeals',
        body: JSON.stringify({
          applicant: { fullName: 'Ганна Іванівна Коваль', birthDate: born, phone: '+380 44 123 45 67' },
          kind: 'complaint',
          subject: 'Довго немає рішення',
          text: 'Заява подана давно.',
          topic: 'aid',
        }),
      });
      expect(appeal.status).toBe(201);

      // Act
      const found = await search({ fullName: '  ганна   іванівна КОВАЛЬ ', birthDate: born });
      const incomplete = await search({ fullName: 'Ганна Іванівна Коваль' });

      // Assert
      const references = found.body.items?.map((i) => i.reference);
      expect(found.status).toBe(200);
      expect(references).toEqual(expect.arrayContaining([theirs.reference, appeal.body.reference]));
      expect(references).not.toContain(namesake.reference);
      expect(incomplete.status).toBe(400);
    });

    it('answers 400 for a search with neither status nor reference, a status of the other kind, or a foreign cursor', async () => {
      const neither = await search({});
      const mismatch = await search({ kind: 'appeal', status: 'in_review' });
      const foreign = await search({
        status: 'submitted',
        cursor: Buffer.from(
          JSON.stringify({ pk: 'BUDGET#2026', sk: 'x', gsi2pk: 'x', gsi2sk: 'y' }),
        ).toString('base64url'),
      });
      expect([neither.status, mismatch.status, foreign.status]).toEqual([400, 400, 400]);
      expect(neither.body.errors).toEqual([expect.objectContaining({ path: 'status' })]);
    });
  });

  describe('GET /v1/cases/by-id/{caseId}', () => {
    it('shows staff the whole case with its tasks, and never the access-code hash or the person key', async () => {
      const { caseId, reference } = await apply();
      await reviewAndApprove(caseId);

      const res = await fullCase(caseId, as('auditor', 'auditor'));

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        caseId,
        reference,
        status: 'awaiting_approval',
        applicant: { fullName: 'Ганна Іванівна Коваль' },
        reason: sampleApplication().reason,
        tasks: [{ type: 'review', status: 'decided', decidedBy: 'reviewer', outcome: 'approve' }],
      });
      for (const secret of ['accessCodeHash', 'personKey', 'pk', 'sk', 'gsi1pk', 'gsi2pk']) {
        expect(res.body).not.toHaveProperty(secret);
      }
    });

    it('shows what the applicant was told and whether it went out, a claimed but unconfirmed send included, without the address', async () => {
      // Arrange: the message about the new application was claimed for sending, and the delivery
      // died before the provider answered (at most once: it is never sent again on its own).
      const { caseId } = await apply();
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.case(caseId), ConsistentRead: true }),
      );
      await writeAidNotification(undefined, Item as never);
      const [written] = await notificationsOfCase(table, caseId);
      const claim = await claimDelivery(written as NotificationRecord);

      // Act
      const res = await fullCase(caseId);

      // Assert
      expect(claim.kind).toBe('claimed');
      expect(res.body.messages).toEqual([
        expect.objectContaining({ event: 'submitted', channel: 'sms', status: 'sending', language: 'uk' }),
      ]);
      const [message] = res.body.messages as Record<string, unknown>[];
      expect(message?.claimedAt).toEqual(expect.any(String));
      expect(String(message?.text)).toContain(String(res.body.reference));
      expect(JSON.stringify(res.body.messages)).not.toContain('123 45 67');
    });

    it('answers 404 for an unknown case id and for something that is not a case id', async () => {
      expect((await fullCase('7d1f0b4e-6a0e-4c1b-9a43-3f1f0c7a2b11')).status).toBe(404);
      expect((await fullCase('BUDGET#2026')).status).toBe(404);
    });
  });

  describe('GET /v1/cases/by-id/{caseId}/audit', () => {
    it('gives the audit events in chain order with when, who, what, before, after and their links', async () => {
      // Arrange
      const { caseId, reference } = await apply();
      await reviewAndApprove(caseId);

      // Act
      const res = await audit(caseId, {}, as('head', 'head'));

      // Assert
      expect(res.status).toBe(200);
      const items = res.body.items ?? [];
      expect(items.map((e) => e.action)).toEqual(['case.submitted', 'task.review.approve']);
      expect(items[0]).toMatchObject({
        actor: { kind: 'applicant' },
        after: { status: 'submitted', reference },
      });
      expect(items[1]).toMatchObject({
        actor: { kind: 'staff', username: 'reviewer', roles: ['reviewer'] },
        before: { status: 'in_review' },
        after: { status: 'awaiting_approval' },
      });
      const times = items.map((e) => String(e.at));
      expect(times).toEqual(times.toSorted());
      expect(items.map((e) => e.seq)).toEqual([1, 2]);
      expect(items[0]?.prevHash).toBe('0'.repeat(64));
      expect(items[1]?.prevHash).toBe(items[0]?.hash);
      expect(String(items[1]?.hash)).toMatch(/^[0-9a-f]{64}$/);
    });

    it('checks the whole chain for the auditor: intact, then the event someone edited named', async () => {
      // Arrange
      const { caseId } = await apply();
      await reviewAndApprove(caseId);
      const intact = await audit(caseId, { check: 'true' });

      // Act: someone with write access to the table changes what the first event says.
      await table.doc.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: keys.audit(caseId, 1),
          UpdateExpression: 'SET #after.#status = :s',
          ExpressionAttributeNames: { '#after': 'after', '#status': 'status' },
          ExpressionAttributeValues: { ':s': 'approved' },
        }),
      );
      const edited = await audit(caseId, { check: 'true' });

      // Assert
      expect(intact.body).toMatchObject({ verified: true, events: 2, headSeq: 2, problems: [] });
      expect(edited.body).toMatchObject({ verified: false, events: 2 });
      expect(edited.body.problems).toEqual(['event 1 was edited (its content does not match its hash)']);
      expect(edited.body.findings).toEqual([{ kind: 'edited', seq: 1 }]);
    });

    it('gives the whole trail as CSV, one event a row with its links', async () => {
      const { caseId, reference } = await apply();
      await reviewAndApprove(caseId);

      const res = (await getCaseAudit(
        httpEvent({
          method: 'GET',
          path: `/v1/cases/by-id/${caseId}/audit`,
          pathParameters: { caseId },
          query: { format: 'csv' },
          claims: as('auditor', 'auditor'),
        }) as never,
        lambdaContext as never,
      )) as Result;

      const lines = res.body.trim().split('\r\n');
      expect(res.headers?.['content-disposition']).toContain(`audit-${reference}.csv`);
      expect(lines[0]).toBe('seq,at,who,roles,action,before,after,prevHash,hash');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^2,.*,reviewer,reviewer,task\.review\.approve,/);
    });

    it('pages through the trail with limit and cursor, giving the same events as one page', async () => {
      const { caseId } = await apply();
      await reviewAndApprove(caseId);
      const whole = (await audit(caseId)).body.items ?? [];

      const paged: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const page = await audit(caseId, { limit: '1', ...(cursor ? { cursor } : {}) });
        paged.push(...(page.body.items ?? []));
        cursor = page.body.cursor;
      } while (cursor);

      expect(whole.length).toBeGreaterThanOrEqual(2);
      expect(paged).toEqual(whole);
    });

    it("answers 404 for an unknown case and 400 for another case's cursor", async () => {
      const a = await apply();
      const b = await apply();
      const page = await audit(a.caseId, { limit: '1' });
      expect(page.body.cursor).toBeDefined();

      const unknown = await audit('7d1f0b4e-6a0e-4c1b-9a43-3f1f0c7a2b11');
      const crossed = await audit(b.caseId, { cursor: String(page.body.cursor) });

      expect(unknown.status).toBe(404);
      expect(crossed.status).toBe(400);
    });
  });
});
