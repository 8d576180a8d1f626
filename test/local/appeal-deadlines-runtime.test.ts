import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates.js';
import { daysBetween } from '../../domain/deadlines.js';
import { clock } from '../../functions/lib/clock.js';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient } from '../support/api-client.js';

interface Receipt {
  reference: string;
  accessCode: string;
  dueDate: string;
}
interface ClockAnswer {
  now: string;
  schedules: { SweepAppealDeadlines: { escalated: Record<string, number> } };
}
interface Report {
  received: { total: number; byChannel: Record<string, number>; byTopic: Record<string, number> };
  overdue: number;
  answered: { total: number };
}

/**
 * A month passes on the embedded runtime: POST /local/clock moves the clock and runs the deadline
 * sweeper, which climbs the chase ladder of an unanswered appeal (department reminded → head told
 * → overdue); the appeals report, kept by the table stream, counts it.
 */
describe('appeal deadlines over a month, on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-deadlines-'));
  let runtime: Runtime;
  let api: ApiClient;
  let appeal: Receipt;

  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 600_000 });
    api = new ApiClient(runtime.url);
    const res = await api.request<Receipt>('POST', '/v1/appeals', {
      body: {
        applicant: { fullName: 'Мария Орлова', email: 'maria@example.org', preferredLanguage: 'ru' },
        kind: 'request',
        subject: 'Протекает крыша',
        text: 'Крыша над квартирой протекает с весны.',
        topic: 'housing',
      },
    });
    appeal = res.body;
    await runtime.settle();
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function advance(days: number): Promise<ClockAnswer> {
    const res = await api.request<ClockAnswer>('POST', '/local/clock', { body: { advanceDays: days } });
    expect(res.status).toBe(200);
    await runtime.settle();
    return res.body;
  }

  const daysLeft = () => daysBetween(toIsoDate(clock.now(), 'Europe/Moscow'), appeal.dueDate);

  it('reminds the department five days or fewer before the due date', async () => {
    const answer = await advance(daysLeft() - 4);

    expect(answer.schedules.SweepAppealDeadlines.escalated).toMatchObject({
      department_reminded: 1,
      head_told: 0,
    });
  });

  it('tells the head two days or fewer before, and does not remind the department twice', async () => {
    const answer = await advance(3);

    expect(answer.schedules.SweepAppealDeadlines.escalated).toEqual({
      department_reminded: 0,
      head_told: 1,
      overdue: 0,
    });
  });

  it('flags the appeal overdue once the due date has passed, beside its status', async () => {
    const answer = await advance(2);
    const view = await api.request<{
      status: string;
      overdue: boolean;
      timeline: { note?: string; noteCode?: string }[];
    }>('GET', `/v1/cases/${appeal.reference}`, { headers: { 'x-access-code': appeal.accessCode } });

    expect(answer.schedules.SweepAppealDeadlines.escalated.overdue).toBe(1);
    expect(view.body).toMatchObject({ status: 'in_progress', overdue: true });
    expect(view.body.timeline.at(-1)?.note).toContain('Overdue');
    expect(view.body.timeline.at(-1)?.noteCode).toBe('appeal_overdue');
  });

  it('counts the appeal in the report, received and overdue, from the stream-kept counters', async () => {
    const year = appeal.dueDate.slice(0, 4);
    const from = `${Number(year) - 1}-01-01`;
    const to = `${year}-12-31`;

    const json = await api.as<Report>('head', 'GET', `/v1/reports/appeals?from=${from}&to=${to}`);
    const csv = await api.request<string>('GET', `/v1/reports/appeals?from=${from}&to=${to}&format=csv`, {
      token: await api.signIn('finance'),
    });

    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      received: { total: 1, byChannel: { web: 1 }, byTopic: { housing: 1 } },
      overdue: 1,
      answered: { total: 0 },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('overdue,total,1\r\n');
  });

  it('refuses the report to a clerk and a period given backwards', async () => {
    const clerk = await api.as('clerk', 'GET', '/v1/reports/appeals?from=2026-01-01&to=2026-12-31');
    const backwards = await api.as('head', 'GET', '/v1/reports/appeals?from=2026-12-31&to=2026-01-01');

    expect(clerk.status).toBe(403);
    expect(backwards.status).toBe(400);
  });
});
