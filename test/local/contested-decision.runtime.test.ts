import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient, sampleApplication } from '../support/api-client.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string }[];
}
interface CaseView {
  status: string;
  timeline: { status: string; note?: string; noteCode?: string; noteArgs?: Record<string, string> }[];
  decision?: { outcome: string };
}

/**
 * Issue 4: "An appeal with relatedReference to an aid decision reopens that decision for review by
 * someone who took no part in it." Through the whole embedded runtime: a reviewer rejects, the
 * applicant complains, the case is reviewed again — not by the reviewer who rejected it.
 */
describe('an appeal contesting an aid decision', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-contest-'));
  let runtime: Runtime;
  let api: ApiClient;
  let people = 0;

  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function person() {
    people += 1;
    return {
      fullName: `Ольга Оспорина ${String.fromCharCode(1040 + people)}`,
      birthDate: '1954-09-17',
      phone: '+7 912 555-00-11',
      preferredLanguage: 'ru' as const,
    };
  }

  async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 80; i++) {
      const value = await read();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function task(username: string, reference: string, type: string) {
    return eventually(async () => {
      const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
      return body.items.find((t) => t.caseReference === reference && t.type === type);
    }, `${type} on ${reference}`);
  }

  async function view(receipt: Receipt) {
    const res = await api.request<CaseView>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    return res.body;
  }

  async function status(receipt: Receipt, expected: string) {
    return eventually(async () => {
      const v = await view(receipt);
      return v.status === expected ? v : undefined;
    }, `${receipt.reference} to be ${expected}`);
  }

  /** An application the reviewer `reviewer` rejects. */
  async function rejectedCase(applicant: ReturnType<typeof person>): Promise<Receipt> {
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication({ applicant }),
    });
    expect(res.status).toBe(201);
    await runtime.settle();
    const review = await task('reviewer', res.body.reference, 'review');
    const decided = await api.as('reviewer', 'POST', `/v1/tasks/${review.taskId}/decision`, {
      outcome: 'reject',
      comment: 'Доход выше прожиточного минимума',
    });
    expect(decided.status).toBe(200);
    await runtime.settle();
    await status(res.body, 'rejected');
    return res.body;
  }

  async function complain(applicant: ReturnType<typeof person>, relatedReference: string) {
    const res = await api.request<Receipt>('POST', '/v1/appeals', {
      body: {
        applicant,
        kind: 'complaint',
        topic: 'aid',
        subject: 'Не согласна с отказом',
        text: 'Доход посчитан неверно: пенсия мужа указана дважды.',
        relatedReference,
      },
    });
    expect(res.status).toBe(201);
    await runtime.settle();
    return res.body;
  }

  it('reopens a rejection the applicant contests, for a reviewer who took no part in it', async () => {
    // Arrange
    const applicant = person();
    const aid = await rejectedCase(applicant);

    // Act
    await complain(applicant, aid.reference);

    // Assert: the case is under review again, the rejection is no longer its answer…
    const reopened = await status(aid, 'in_review');
    expect(reopened.decision).toBeUndefined();
    expect(reopened.timeline.at(-1)?.note).toMatch(/^Reopened for review: appeal APL-/);
    expect(reopened.timeline.at(-1)).toMatchObject({
      noteCode: 'reopened_by_appeal',
      noteArgs: { appeal: expect.stringMatching(/^APL-/) },
    });
    // …the reviewer who rejected it may not review it again…
    const review = await task('reviewer2', aid.reference, 'review');
    const refused = await api.as<{ detail: string; code?: string }>(
      'reviewer',
      'POST',
      `/v1/tasks/${review.taskId}/decision`,
      {
        outcome: 'approve',
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(
      /took part \(review\) in the decision appeal APL-\d{4}-\d{6} contests/,
    );
    expect(refused.body).toMatchObject({
      code: 'took_part_in_contested',
      stage: 'review',
      appealReference: expect.stringMatching(/^APL-/),
    });
    // …and a colleague can, after which the case climbs the ladder as any other.
    const approved = await api.as('reviewer2', 'POST', `/v1/tasks/${review.taskId}/decision`, {
      outcome: 'approve',
    });
    expect(approved.status).toBe(200);
    await runtime.settle();
    await task('head', aid.reference, 'approve');
    expect((await view(aid)).status).toBe('awaiting_approval');
  });

  it('reopens a rejection its applicant contests under another spelling of her name', async () => {
    // Arrange: "Фёдорова Ольга" on the application, "Ольга Федорова" on the complaint.
    const applicant = { ...person(), fullName: `Фёдорова Ольга ${String.fromCharCode(1040 + people)}` };
    const aid = await rejectedCase(applicant);

    // Act
    await complain(
      { ...applicant, fullName: `Ольга ${String.fromCharCode(1040 + people)} Федорова` },
      aid.reference,
    );

    // Assert
    await status(aid, 'in_review');
  });

  it("does not reopen someone else's case", async () => {
    // Arrange
    const aid = await rejectedCase(person());

    // Act: a different person names that reference
    await complain(person(), aid.reference);

    // Assert
    await runtime.settle();
    expect((await view(aid)).status).toBe('rejected');
  });

  it('does not reopen a case still under review', async () => {
    // Arrange
    const applicant = person();
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication({ applicant }),
    });
    await runtime.settle();
    await task('reviewer', res.body.reference, 'review');

    // Act
    await complain(applicant, res.body.reference);

    // Assert
    await runtime.settle();
    expect((await view(res.body)).status).toBe('in_review');
  });
});
