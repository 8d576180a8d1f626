import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates.js';
import { deadlinePolicies, dueDateFor } from '../../domain/deadlines.js';
import { clock } from '../../functions/lib/clock.js';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { ApiClient } from '../support/api-client.js';

interface AppealReceipt {
  caseId: string;
  reference: string;
  accessCode: string;
  status: string;
  dueDate: string;
  priority: boolean;
  repeatOf?: string;
  repeatCount: number;
}
interface AppealView {
  kind: string;
  status: string;
  overdue: boolean;
  dueDate: string;
  extended: boolean;
  channel: string;
  timeline: { status: string; note?: string; noteCode?: string; noteArgs?: Record<string, string> }[];
  forwardedTo?: string;
  answer?: { text: string; delivery: string };
  feedbackRequested: boolean;
  feedback?: { rating: number };
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string; dueAt: string; allowedOutcomes: string[] }[];
}

/** A complaint phoned in by a war veteran: two departments must answer (ramp to a block of flats). */
function phonedComplaint(overrides: Record<string, unknown> = {}) {
  return {
    applicant: {
      fullName: 'Пётр Сидоров',
      birthDate: '1948-02-11',
      phone: '+7 912 000-11-22',
      address: 'ул. Мира, 5, кв. 2',
      preferredLanguage: 'ru',
    },
    categories: ['war_veteran'],
    kind: 'complaint',
    subject: 'Нет пандуса у подъезда',
    text: 'Третий месяц не могу выйти из дома на коляске: у подъезда нет пандуса.',
    topic: 'accessibility',
    channel: 'phone',
    receivedAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
    ...overrides,
  };
}

/**
 * Appeals through the whole embedded runtime: intake (web and a clerk's phone registration),
 * the appeal workflow (parallel department answers, consolidation, the head's sign-off, extension,
 * forwarding), the applicant's view and rating, and the head's list of repeat appellants.
 */
describe('citizen appeals end to end on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-appeals-'));
  let runtime: Runtime;
  let api: ApiClient;
  let complaint: AppealReceipt;

  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const view = (r: AppealReceipt) =>
    api.request<AppealView>('GET', `/v1/cases/${r.reference}`, {
      headers: { 'x-access-code': r.accessCode },
    });

  async function tasksOf(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks?limit=100');
    return body.items.filter((t) => t.caseReference === reference && t.type === type);
  }

  async function decide(username: string, taskId: string | undefined, body: Record<string, unknown>) {
    const res = await api.as(username, 'POST', `/v1/tasks/${taskId}/decision`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await runtime.settle();
    return res;
  }

  it("registers a clerk's phoned-in complaint with the priority clock of 59-FZ policy", async () => {
    const token = await api.signIn('clerk');

    const res = await api.request<AppealReceipt>('POST', '/v1/appeals', { body: phonedComplaint(), token });

    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^APL-\d{4}-\d{6}$/);
    expect(res.body.accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const today = toIsoDate(clock.now(), 'Europe/Moscow');
    const expected = dueDateFor({
      policy: deadlinePolicies.ru,
      registeredOn: today,
      categories: ['war_veteran'],
    });
    expect(res.body).toMatchObject({
      status: 'registered',
      dueDate: expected.dueDate,
      priority: true,
      repeatCount: 1,
    });
    complaint = res.body;
  });

  it('refuses the staff-only fields from a citizen (403) and from a forged token (401)', async () => {
    const anonymous = await api.request('POST', '/v1/appeals', { body: phonedComplaint() });
    const forged = await api.request('POST', '/v1/appeals', { body: phonedComplaint(), token: 'not.a.jwt' });
    const reviewer = await api.request('POST', '/v1/appeals', {
      body: phonedComplaint(),
      token: await api.signIn('reviewer'),
    });

    expect(anonymous.status).toBe(403);
    expect(String(anonymous.body.detail)).toContain('clerk');
    expect(forged.status).toBe(401);
    expect(reviewer.status).toBe(403);
  });

  it('registers an appeal with no way to answer as not_answerable, and its workflow ends there', async () => {
    const res = await api.request<AppealReceipt>('POST', '/v1/appeals', {
      body: {
        applicant: {},
        kind: 'proposal',
        subject: 'Скамейки',
        text: 'Поставьте скамейки у почты.',
        topic: 'housing',
      },
    });
    await runtime.settle();

    expect(res.status).toBe(201);
    expect(res.body.status).toBe('not_answerable');
    const execution = await runtime.engine.describeExecution(
      `${runtime.stateMachineArns.Appeal?.replace(':stateMachine:', ':execution:')}:${res.body.caseId}`,
    );
    expect(execution.status).toBe('SUCCEEDED');
  });

  it('routes the complaint to both departments, each with a task due before the case', async () => {
    await runtime.settle();

    const status = await view(complaint);
    const answers = await tasksOf('reviewer', complaint.reference, 'department_answer');

    expect(status.body).toMatchObject({
      kind: 'appeal',
      status: 'in_progress',
      channel: 'phone',
      overdue: false,
    });
    expect(answers).toHaveLength(2);
    for (const task of answers) {
      expect(task.allowedOutcomes).toEqual(['answer']);
      expect(task.dueAt.slice(0, 10) < complaint.dueDate).toBe(true);
    }
    // Each task page names its department: the two would otherwise read the same.
    const departments = await Promise.all(
      answers.map(
        async (task) =>
          (await api.as<{ department?: string }>('reviewer', 'GET', `/v1/tasks/${task.taskId}`)).body
            .department,
      ),
    );
    expect(new Set(departments).size).toBe(2);
    expect(departments.every((d) => typeof d === 'string' && d.length > 0)).toBe(true);
  });

  it('consolidates both answers into one, which the head signs off before the applicant sees it', async () => {
    for (const task of await tasksOf('reviewer', complaint.reference, 'department_answer')) {
      await decide('reviewer', task.taskId, {
        outcome: 'answer',
        answer: `Ответ отдела по задаче ${task.taskId}`,
      });
    }
    const [consolidate] = await tasksOf('clerk', complaint.reference, 'consolidate_answer');
    await decide('clerk', consolidate?.taskId, {
      outcome: 'answer',
      answer: 'Пандус будет установлен до конца месяца.',
    });
    const beforeSignOff = await view(complaint);
    const [signOff] = await tasksOf('head', complaint.reference, 'sign_off_answer');

    await decide('head', signOff?.taskId, { outcome: 'approve' });
    const after = await view(complaint);

    expect(beforeSignOff.body.status).toBe('in_progress');
    expect(beforeSignOff.body.answer).toBeUndefined();
    expect(after.body).toMatchObject({
      status: 'answered',
      feedbackRequested: true,
      answer: { text: 'Пандус будет установлен до конца месяца.', delivery: 'sms' },
    });
    const execution = await runtime.engine.describeExecution(
      `${runtime.stateMachineArns.Appeal?.replace(':stateMachine:', ':execution:')}:${complaint.caseId}`,
    );
    expect(execution.status).toBe('SUCCEEDED');
    // Billed state transitions of a two-department complaint on the happy path.
    expect(await runtime.engine.transitions(execution.executionArn)).toBe(12);
  });

  it("closes the appeal with the applicant's rating, once", async () => {
    const path = `/v1/cases/${complaint.reference}/feedback`;
    const headers = { 'x-access-code': complaint.accessCode };

    const first = await api.request('POST', path, { body: { rating: 5, comment: 'Спасибо!' }, headers });
    const second = await api.request('POST', path, { body: { rating: 1 }, headers });
    const bad = await api.request('POST', path, { body: { rating: 6 }, headers });

    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(bad.status).toBe(400);
    expect((await view(complaint)).body).toMatchObject({ status: 'closed', feedback: { rating: 5 } });
  });

  it('links a repeat appeal on the same topic and lists the person for the head only', async () => {
    const res = await api.request<AppealReceipt>('POST', '/v1/appeals', {
      body: phonedComplaint({ channel: undefined, receivedAt: undefined, subject: 'Пандуса всё нет' }),
    });
    const forHead = await api.as<{
      items: { fullName: string; repeatAppeals: number; lastReference: string }[];
    }>('head', 'GET', '/v1/appeals/repeat-appellants');
    const forClerk = await api.as('clerk', 'GET', '/v1/appeals/repeat-appellants');

    expect(res.body).toMatchObject({ repeatOf: complaint.reference, repeatCount: 2 });
    expect(forHead.body.items).toContainEqual(
      expect.objectContaining({
        fullName: 'Пётр Сидоров',
        repeatAppeals: 1,
        lastReference: res.body.reference,
      }),
    );
    expect(forClerk.status).toBe(403);
  });

  it('forwards an appeal outside the office’s competence and tells the applicant where', async () => {
    const res = await api.request<AppealReceipt>('POST', '/v1/appeals', {
      body: phonedComplaint({
        channel: undefined,
        receivedAt: undefined,
        categories: [],
        applicant: { fullName: 'Ирина Павлова', email: 'irina@example.org', preferredLanguage: 'ru' },
        kind: 'request',
        topic: 'pension',
      }),
    });
    await runtime.settle();

    const status = await view(res.body);

    expect(status.body.status).toBe('forwarded');
    expect(status.body.forwardedTo).toBe('Социальный фонд России (пенсии)');
  });

  it("extends the deadline once with the head's approval, and the applicant sees the new date", async () => {
    const res = await api.request<AppealReceipt>('POST', '/v1/appeals', {
      body: phonedComplaint({
        channel: undefined,
        receivedAt: undefined,
        categories: [],
        applicant: { fullName: 'Олег Ким', email: 'oleg@example.org', preferredLanguage: 'ru' },
        kind: 'request',
        topic: 'housing',
      }),
    });
    await runtime.settle();
    const [answer] = await tasksOf('reviewer', res.body.reference, 'department_answer');
    await decide('reviewer', answer?.taskId, { outcome: 'answer', answer: 'Нужна экспертиза дома.' });
    const [consolidate] = await tasksOf('clerk', res.body.reference, 'consolidate_answer');
    await decide('clerk', consolidate?.taskId, { outcome: 'extend', comment: 'Нужна экспертиза дома' });
    const [approval] = await tasksOf('head', res.body.reference, 'approve_extension');

    await decide('head', approval?.taskId, { outcome: 'approve' });
    const status = await view(res.body);
    const [again] = await tasksOf('clerk', res.body.reference, 'consolidate_answer');
    const second = await api.as('clerk', 'POST', `/v1/tasks/${again?.taskId}/decision`, {
      outcome: 'extend',
      comment: 'Ещё раз',
    });

    expect(status.body.extended).toBe(true);
    expect(status.body.dueDate > res.body.dueDate).toBe(true);
    expect(status.body.timeline.at(-1)?.note).toContain(status.body.dueDate);
    // The applicant's page words it in their language from the code, with the day and the reason.
    expect(status.body.timeline.at(-1)).toMatchObject({
      noteCode: 'deadline_extended',
      noteArgs: { dueDate: status.body.dueDate },
    });
    expect(second.status).toBe(409);
  });
});
