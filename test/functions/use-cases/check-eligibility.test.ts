import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aidApplicationSchema } from '../../../domain/aid-application.js';
import { demoPolicy } from '../../../domain/eligibility-demo.js';
import { personKey, personNameKey } from '../../../functions/lib/access-codes.js';
import type { Principal } from '../../../functions/lib/http.js';
import { storedExplanation } from '../../../functions/lib/store/eligibility-records.js';
import { keys } from '../../../functions/lib/store/keys.js';
import { getCase } from '../../../functions/lib/store/reads.js';
import { viewCaseAsApplicant } from '../../../functions/use-cases/case-status.js';
import { checkEligibility } from '../../../functions/use-cases/check-eligibility.js';
import { openTask } from '../../../functions/use-cases/open-task.js';
import { caseForStaff } from '../../../functions/use-cases/staff-cases.js';
import { taskDetail } from '../../../functions/use-cases/staff-tasks.js';
import { submitAidApplication } from '../../../functions/use-cases/submit-aid-application.js';
import { distinctApplicant, sampleApplication } from '../../support/api-client.js';
import { aidCaseItem } from '../../support/case-items.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable } from '../../support/handler-env.js';

const reviewer: Principal = { sub: 'sub-reviewer', username: 'reviewer', roles: ['reviewer'] };

describe('the eligibility check', () => {
  let table: TestTable;
  let caseId: string;
  const now = new Date();

  beforeAll(async () => {
    table = await handlerTable();
    const application = aidApplicationSchema.parse(
      sampleApplication({ applicant: { ...distinctApplicant(), preferredLanguage: 'uk' } }),
    );
    ({ caseId } = await submitAidApplication({ application, now }));
  });
  afterAll(async () => table.drop());

  it('keeps on the case the verdict and each rule’s outcome; the reasons in all four languages and the facts beside it', async () => {
    // Act
    await checkEligibility(caseId, now);

    // Assert: every later write of the case pays for what it carries, and nothing reads these
    // from the case (the status page and the staff desk read the explanation beside it).
    const stored = await getCase(caseId);
    const explanation = await storedExplanation(caseId);
    expect(explanation?.rules.length).toBeGreaterThan(0);
    expect(stored?.eligibility).toEqual({
      verdict: explanation?.verdict,
      asOf: explanation?.asOf,
      language: 'uk',
      rules: explanation?.rules.map(({ code, passed, mandatory }) => ({ code, passed, mandatory })),
    });
    for (const rule of explanation?.rules ?? []) {
      expect(Object.keys(rule.messages).sort()).toEqual(['en', 'ru', 'uk', 'zh']);
      expect(rule.message).toBe(rule.messages.uk);
    }
    expect(explanation?.facts.householdSize).toBeGreaterThan(0);
    expect(explanation?.rules.every((r) => r.factsUsed !== undefined)).toBe(true);
  });

  it('shows the applicant each reason in their language, and in every language for a page read in another', async () => {
    // Arrange
    const application = aidApplicationSchema.parse(
      sampleApplication({ applicant: { ...distinctApplicant(), preferredLanguage: 'uk' } }),
    );
    const receipt = await submitAidApplication({ application, now });
    await checkEligibility(receipt.caseId, now);

    // Act
    const view = await viewCaseAsApplicant({
      reference: receipt.reference,
      accessCode: receipt.accessCode,
      sourceIp: '192.0.2.1',
      now,
    });

    // Assert
    const explanation = await storedExplanation(receipt.caseId);
    const shown = 'eligibility' in view ? view.eligibility?.rules : undefined;
    expect(shown).toEqual(
      explanation?.rules.map((r) => ({
        code: r.code,
        passed: r.passed,
        message: r.messages.uk,
        messages: r.messages,
      })),
    );
    expect(shown?.every((r) => r.messages?.en && r.messages.en !== r.messages.uk)).toBe(true);
    expect(shown?.every((r) => r.message.length > 0)).toBe(true);
  });

  it("finds the person's earlier cash aid through the person index, and not other aid types", async () => {
    // Arrange: the same person was paid cash aid three months ago, and food aid last month.
    const applicant = distinctApplicant();
    const person = personKey(applicant as { fullName: string; birthDate: string });
    const earlier = (aidType: string, decidedAt: string) => {
      const submittedAt = '2020-01-01T10:00:00.000Z';
      return aidCaseItem({
        aidType,
        status: 'paid',
        personKey: person,
        submittedAt,
        decision: { outcome: 'approved', decidedAt },
      });
    };
    // At noon UTC, so the date is the same in the policy's time zone.
    const daysAgo = (days: number) => {
      const at = new Date(now);
      at.setUTCDate(at.getUTCDate() - days);
      at.setUTCHours(12, 0, 0, 0);
      return at.toISOString();
    };
    const paidCash = daysAgo(90);
    const paidFood = daysAgo(30);
    for (const item of [earlier('cash', paidCash), earlier('food', paidFood)])
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const application = aidApplicationSchema.parse(sampleApplication({ applicant, aidType: 'cash' }));
    const { caseId: again } = await submitAidApplication({ application, now });

    // Act
    await checkEligibility(again, now);

    // Assert
    const facts = (await storedExplanation(again))?.facts;
    expect(facts?.receivedCashAidBefore).toBe(true);
    expect(facts?.lastCashAidDate).toBe(paidCash.slice(0, 10));
  });

  it('shows the staff desk the reasons in every language, in the task and in the case', async () => {
    // Arrange
    const { taskId } = await openTask({ caseId, type: 'review', taskToken: `token-${caseId}`, now });

    // Act
    const task = await taskDetail({ taskId, principal: reviewer, now });
    const view = (await caseForStaff(caseId)) as { eligibility?: { rules: { messages?: unknown }[] } };

    // Assert
    const expected = (await storedExplanation(caseId))?.rules;
    expect(task.eligibility?.rules).toEqual(expected);
    expect(view.eligibility?.rules).toEqual(expected);
  });

  describe('finds the same person under another spelling of their name or national id', () => {
    const birthDate = '1956-04-07';
    const paidAt = () => {
      const at = new Date(now);
      at.setUTCDate(at.getUTCDate() - 60);
      at.setUTCHours(12, 0, 0, 0);
      return at.toISOString();
    };
    /** An earlier cash aid case, stored under the key its own applicant gives. */
    async function earlierCase(applicant: { fullName: string; nationalId?: string }, status: string) {
      const person = { ...applicant, birthDate };
      const item = aidCaseItem({
        aidType: 'cash',
        status,
        applicant: { ...person, preferredLanguage: 'ru' },
        personKey: personKey(person),
        nameKey: personNameKey(person),
        submittedAt: '2020-01-01T10:00:00.000Z',
        ...(status === 'paid' ? { decision: { outcome: 'approved', decidedAt: paidAt() } } : {}),
      });
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
      return item.reference;
    }
    async function checkedApplication(applicant: { fullName: string; nationalId?: string }) {
      const application = aidApplicationSchema.parse(
        sampleApplication({
          aidType: 'cash',
          applicant: { ...distinctApplicant(), ...applicant, birthDate },
        }),
      );
      const { caseId: checked } = await submitAidApplication({ application, now });
      await checkEligibility(checked, now);
      return storedExplanation(checked);
    }

    it('counts cash aid paid to "Кузьмин Пётр Ильич" for "Петр Ильич Кузьмин"', async () => {
      // Arrange
      await earlierCase({ fullName: 'Кузьмин Пётр Ильич' }, 'paid');

      // Act
      const explanation = await checkedApplication({ fullName: 'Петр Ильич Кузьмин' });

      // Assert
      expect(explanation?.facts.receivedCashAidBefore).toBe(true);
      expect(explanation?.facts.lastCashAidDate).toBe(paidAt().slice(0, 10));
    });

    it('counts cash aid paid under the national id, though this application gives none', async () => {
      // Arrange
      await earlierCase({ fullName: 'Соколова Вера Андреевна', nationalId: '123-456-789 01' }, 'paid');

      // Act
      const explanation = await checkedApplication({ fullName: 'Соколова Вера Андреевна' });

      // Assert
      expect(explanation?.facts.receivedCashAidBefore).toBe(true);
    });

    it('counts cash aid paid under the name and birth date, though this application gives a national id', async () => {
      // Arrange
      await earlierCase({ fullName: 'Громова Вера Андреевна' }, 'paid');

      // Act
      const explanation = await checkedApplication({
        fullName: 'Громова Вера Андреевна',
        nationalId: '55555555555',
      });

      // Assert
      expect(explanation?.facts.receivedCashAidBefore).toBe(true);
    });

    it('does not count the cash aid of a namesake born the same day with another national id', async () => {
      // Arrange
      await earlierCase({ fullName: 'Орлов Иван Иванович', nationalId: '111-111-111 11' }, 'paid');

      // Act
      const explanation = await checkedApplication({
        fullName: 'Орлов Иван Иванович',
        nationalId: '22222222222',
      });

      // Assert
      expect(explanation?.facts.receivedCashAidBefore).toBe(false);
    });

    it('sends to a person an application while another for the same aid is open under another spelling', async () => {
      // Arrange
      const open = await earlierCase({ fullName: 'Семёнова Алёна' }, 'in_review');

      // Act
      const explanation = await checkedApplication({ fullName: 'Алена Семенова' });

      // Assert
      const flagged = explanation?.rules.find((r) => r.code === 'other_open_application');
      expect(explanation?.verdict).toBe('needs_review');
      expect(flagged).toMatchObject({
        passed: false,
        mandatory: false,
        factsUsed: { otherOpenApplications: [open] },
      });
      expect(flagged?.messages.ru).toContain(open);
    });

    it('finds an application sent a moment before under another spelling, both through intake', async () => {
      // Arrange
      const first = aidApplicationSchema.parse(
        sampleApplication({
          aidType: 'cash',
          applicant: { ...distinctApplicant(), fullName: 'Фёдоров Артём', birthDate },
        }),
      );
      const { reference } = await submitAidApplication({ application: first, now });

      // Act
      const explanation = await checkedApplication({ fullName: 'Артем Федоров' });

      // Assert
      expect(explanation?.rules.at(-1)?.factsUsed).toEqual({ otherOpenApplications: [reference] });
    });

    it('does not hold up an application for a closed one of the same person', async () => {
      // Arrange
      await earlierCase({ fullName: 'Белова Нина' }, 'withdrawn');

      // Act
      const explanation = await checkedApplication({ fullName: 'Нина Белова' });

      // Assert
      expect(explanation?.rules.map((r) => r.code)).not.toContain('other_open_application');
    });
  });

  it("uses the subsistence minimum in force on the office's day of submission: 01:30 in Moscow on 1 January is the new year's", async () => {
    // Arrange: a higher minimum from 1 January 2027, and an application sent at 22:30 UTC on
    // 31 December, which is 01:30 on 1 January in Moscow (the default jurisdiction).
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.policy('subsistence-minimum', '2027-01-01'),
          type: 'Policy',
          value: {
            ...demoPolicy,
            id: 'subsistence-minimum-2027',
            effectiveFrom: '2027-01-01',
            subsistenceMinimumMinor: 1_700_000,
          },
        },
      }),
    );
    const application = aidApplicationSchema.parse(sampleApplication({ applicant: distinctApplicant() }));
    const newYearsNight = new Date('2026-12-31T22:30:00Z');
    const { caseId: sentAtNight } = await submitAidApplication({ application, now: newYearsNight });

    // Act
    await checkEligibility(sentAtNight, newYearsNight);

    // Assert
    const facts = (await storedExplanation(sentAtNight))?.facts;
    expect(facts?.subsistenceMinimumMinor).toBe(1_700_000);
  });
});
