import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Runtime, startRuntime } from '../../local/runtime.js';
import { demoBudgets } from '../../local/seed.js';
import { ApiClient, sampleApplication } from '../support/api-client.js';

interface Receipt {
  caseId: string;
  reference: string;
  accessCode: string;
}
interface TaskList {
  items: { taskId: string; type: string; caseReference: string; allowedOutcomes: string[] }[];
}
interface CaseView {
  status: string;
  timeline: { status: string; note?: string }[];
  infoRequest?: { question: string; dueAt: string; answeredAt?: string };
  decision?: { outcome: string; reasons: { code: string; message: string }[] };
}

/**
 * The review ladder through the whole embedded runtime: requests for information (answered, and
 * left unanswered past the deadline), approval by the head within the ladder's limit, and a
 * commission vote above it with its minutes.
 */
describe('the review ladder on the embedded runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aidflow-ladder-'));
  let runtime: Runtime;
  let api: ApiClient;
  let applicants = 0;

  // DynamoDB Local's JVM start dominates; on a loaded machine it can take more than a minute.
  beforeAll(async () => {
    runtime = await startRuntime({ port: 0, dataDir, timerIntervalMs: 60_000 });
    api = new ApiClient(runtime.url);
  }, 180_000);
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Moves the runtime's clock by whole days. When that crosses into a new year, the office gives
   * the new year its budget lines first, as an administrator would at the year's turn: money is
   * reserved from the line of the year of approval, and without one an approved case waits for
   * funds (which these tests do not exercise). Run in December, two moves of 15 days cross it.
   */
  async function moveClock(days: number) {
    const moved = await api.request<{ now: string }>('POST', '/local/clock', { body: { advanceDays: days } });
    const now = Date.parse(moved.body.now);
    const year = new Date(now).getUTCFullYear();
    if (year === new Date(now - days * 86_400_000).getUTCFullYear()) return moved;
    for (const [source, minor] of Object.entries(demoBudgets)) {
      const res = await api.as('admin', 'PUT', `/v1/budgets/${source}/${year}`, {
        allocated: { currency: 'RUB', minor },
      });
      if (res.status !== 200)
        throw new Error(`budget ${source} ${year}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return moved;
  }

  /** A new applicant each time: cash aid is limited to once a year per person. */
  async function apply(minor: number): Promise<Receipt> {
    applicants += 1;
    const res = await api.request<Receipt>('POST', '/v1/aid-applications', {
      body: sampleApplication({
        applicant: {
          fullName: `Мария Ладдер ${String.fromCharCode(1040 + applicants)}`,
          birthDate: '1951-05-03',
          phone: '+7 912 000-00-00',
          preferredLanguage: 'ru',
        },
        requestedAmount: { currency: 'RUB', minor },
      }),
    });
    expect(res.status).toBe(201);
    await runtime.settle();
    return res.body;
  }

  async function taskOf(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
    return body.items.find((t) => t.caseReference === reference && t.type === type);
  }

  /**
   * The task once the workflow has opened it: settle() can return while a step invoked by the
   * stream is still writing, so an expected task is polled for a few seconds.
   */
  async function expectTask(username: string, reference: string, type: string) {
    for (let i = 0; i < 50; i++) {
      const task = await taskOf(username, reference, type);
      if (task) return task;
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    throw new Error(`no open ${type} task for ${username} on ${reference}`);
  }

  async function expectTasks(username: string, reference: string, type: string, count: number) {
    for (let i = 0; i < 50; i++) {
      const tasks = await tasksOf(username, reference, type);
      if (tasks.length >= count) return tasks;
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    return tasksOf(username, reference, type);
  }

  async function expectStatus(receipt: Receipt, status: string) {
    for (let i = 0; i < 50 && (await view(receipt)).status !== status; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
    }
    expect((await view(receipt)).status).toBe(status);
  }

  async function tasksOf(username: string, reference: string, type: string) {
    const { body } = await api.as<TaskList>(username, 'GET', '/v1/tasks');
    return body.items.filter((t) => t.caseReference === reference && t.type === type);
  }

  async function decide(username: string, taskId: string | undefined, decision: Record<string, unknown>) {
    const res = await api.as(username, 'POST', `/v1/tasks/${taskId}/decision`, decision);
    await runtime.settle();
    return res;
  }

  async function view(receipt: Receipt) {
    const res = await api.request<CaseView>('GET', `/v1/cases/${receipt.reference}`, {
      headers: { 'x-access-code': receipt.accessCode },
    });
    return res.body;
  }

  function answer(receipt: Receipt, text: string) {
    return api.request('POST', `/v1/cases/${receipt.reference}/responses`, {
      body: { text },
      headers: { 'x-access-code': receipt.accessCode },
    });
  }

  /** Finance records the bank's "paid" for the case's disbursement: the workflow's last wait. */
  async function settlePaid(receipt: Receipt) {
    await runtime.settle();
    const list = await api.as<{ items: { disbursementId: string; caseReference: string }[] }>(
      'finance',
      'GET',
      '/v1/disbursements?status=authorised&limit=100',
    );
    const mine = list.body.items.find((d) => d.caseReference === receipt.reference);
    const res = await api.as('finance', 'POST', `/v1/disbursements/${mine?.disbursementId}/settlement`, {
      status: 'paid',
    });
    expect(res.status).toBe(200);
    await runtime.settle();
  }

  /** The finished execution's status and billed transitions (waits for it to finish). */
  async function transitionsOf(receipt: Receipt) {
    const arn = `${runtime.stateMachineArns.AidApplication?.replace(':stateMachine:', ':execution:')}:${receipt.caseId}`;
    let execution = await runtime.engine.describeExecution(arn);
    for (let i = 0; i < 50 && execution.status === 'RUNNING'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await runtime.settle();
      execution = await runtime.engine.describeExecution(arn);
    }
    return { status: execution.status, transitions: await runtime.engine.transitions(arn) };
  }

  describe('a request for information that the applicant answers', () => {
    let receipt: Receipt;
    beforeAll(async () => {
      receipt = await apply(500_000);
    });

    it('offers the reviewer request_info, and asking needs the question', async () => {
      const review = await expectTask('reviewer', receipt.reference, 'review');
      expect(review?.allowedOutcomes).toEqual(['approve', 'reject', 'request_info']);
      const res = await decide('reviewer', review?.taskId, { outcome: 'request_info' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('comment');
    });

    it('pauses the case in info_requested and shows the applicant the question and the deadline', async () => {
      const review = await expectTask('reviewer', receipt.reference, 'review');
      const res = await decide('reviewer', review?.taskId, {
        outcome: 'request_info',
        comment: 'Приложите, пожалуйста, справку о доходах за три месяца.',
      });
      expect(res.status).toBe(200);
      const seen = await view(receipt);
      expect(seen.status).toBe('info_requested');
      expect(seen.infoRequest?.question).toBe('Приложите, пожалуйста, справку о доходах за три месяца.');
      expect(Date.parse(seen.infoRequest?.dueAt ?? '')).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      expect(seen.timeline.at(-1)).toMatchObject({
        status: 'info_requested',
        note: 'Приложите, пожалуйста, справку о доходах за три месяца.',
      });
    });

    it('refuses an answer behind a wrong access code as if the case did not exist', async () => {
      const res = await api.request('POST', `/v1/cases/${receipt.reference}/responses`, {
        body: { text: 'Справка приложена.' },
        headers: { 'x-access-code': 'AAAA-AAAA-AAAA-AAAA' },
      });
      expect(res.status).toBe(404);
    });

    it('accepts the answer with 202 and resumes the review with a new review task', async () => {
      const res = await answer(receipt, 'Справка о доходах: 18 000 руб. в месяц на двоих.');
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ reference: receipt.reference, status: 'in_review' });
      await expectStatus(receipt, 'in_review');
      await expectTask('reviewer', receipt.reference, 'review');
    });

    it('answers a second answer with 409: nothing is asked any more', async () => {
      const res = await answer(receipt, 'Ещё раз.');
      expect(res.status).toBe(409);
    });

    it('lets the reviewer who asked decide the review after the answer, then goes to the head', async () => {
      const review = await expectTask('reviewer', receipt.reference, 'review');
      const res = await decide('reviewer', review?.taskId, { outcome: 'approve' });
      expect(res.status).toBe(200);
      await expectTask('head', receipt.reference, 'approve');
      expect((await view(receipt)).status).toBe('awaiting_approval');
    });

    it('refuses the head an amount above the requested one, even within the limit of a larger approver', async () => {
      const approve = await expectTask('head', receipt.reference, 'approve');
      const res = await decide('head', approve?.taskId, {
        outcome: 'approve',
        amount: { currency: 'RUB', minor: 3_000_100 },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          path: 'amount.minor',
          message:
            'The approved amount may not exceed the requested amount (5000 RUB); approve at most that, or reject with reasons.',
        },
      ]);
    });
  });

  describe('a request for information left unanswered past the deadline', () => {
    let receipt: Receipt;
    beforeAll(async () => {
      receipt = await apply(400_000);
      const review = await expectTask('reviewer', receipt.reference, 'review');
      await decide('reviewer', review?.taskId, { outcome: 'request_info', comment: 'Нужна копия паспорта.' });
    });

    it('gives a reviewer a close_unanswered_request task once the deadline has passed', async () => {
      expect(await taskOf('reviewer', receipt.reference, 'close_unanswered_request')).toBeUndefined();
      const moved = await moveClock(15);
      expect(moved.status).toBe(200);
      await runtime.settle();
      const closing = await expectTask('reviewer', receipt.reference, 'close_unanswered_request');
      expect(closing?.allowedOutcomes).toEqual(['reject', 'extend']);
      expect((await view(receipt)).status).toBe('info_requested');
    });

    it('answers a late answer with 409 while the reviewer decides', async () => {
      const res = await answer(receipt, 'Паспорт приложен.');
      expect(res.status).toBe(409);
      expect(String(res.body.detail)).toContain('deadline');
    });

    it('reopens the wait when the reviewer extends, and the answer then resumes the review', async () => {
      const closing = await expectTask('reviewer', receipt.reference, 'close_unanswered_request');
      const extended = await decide('reviewer', closing?.taskId, { outcome: 'extend' });
      expect(extended.status).toBe(200);
      const seen = await view(receipt);
      expect(seen.status).toBe('info_requested');
      const res = await answer(receipt, 'Паспорт приложен.');
      expect(res.status).toBe(202);
      await expectStatus(receipt, 'in_review');
    });

    it('closes the case as rejected, with the reason, when the reviewer rejects an unanswered request', async () => {
      const other = await apply(300_000);
      const review = await expectTask('reviewer', other.reference, 'review');
      await decide('reviewer', review?.taskId, { outcome: 'request_info', comment: 'Нужна справка.' });
      await moveClock(15);
      await runtime.settle();
      const closing = await expectTask('reviewer2', other.reference, 'close_unanswered_request');
      const res = await decide('reviewer2', closing?.taskId, {
        outcome: 'reject',
        comment: 'Запрошенные сведения не представлены в срок.',
      });
      expect(res.status).toBe(200);
      const seen = await view(other);
      expect(seen.status).toBe('rejected');
      expect(seen.decision?.reasons[0]?.message).toBe('Запрошенные сведения не представлены в срок.');
      expect((await transitionsOf(other)).status).toBe('SUCCEEDED');
    });
  });

  describe('approval by the head within the limit', () => {
    it('takes the single-approver path to payment authorisation and the settlement', async () => {
      const receipt = await apply(500_000);
      await decide('reviewer', (await expectTask('reviewer', receipt.reference, 'review'))?.taskId, {
        outcome: 'approve',
      });
      const approve = await expectTask('head', receipt.reference, 'approve');
      expect(await tasksOf('commission1', receipt.reference, 'commission_vote')).toHaveLength(0);
      await decide('head', approve.taskId, { outcome: 'approve' });
      await decide('finance', (await expectTask('finance', receipt.reference, 'authorise_payment'))?.taskId, {
        outcome: 'approve',
      });
      await expectStatus(receipt, 'payment_authorised');
      await settlePaid(receipt);
      // Check, eligible?, review, review outcome?, head approval, reserve, reserved?, authorise,
      // disburse (its wait ends with the settlement).
      expect(await transitionsOf(receipt)).toEqual({ status: 'SUCCEEDED', transitions: 9 });
    });
  });

  describe('a commission vote above the head limit', () => {
    let receipt: Receipt;
    beforeAll(async () => {
      receipt = await apply(4_000_000);
      await decide('reviewer', (await expectTask('reviewer', receipt.reference, 'review'))?.taskId, {
        outcome: 'approve',
      });
    });

    it('opens a commission_vote task per seat instead of a head approval, and shows a member one of them', async () => {
      expect(await expectTasks('commission1', receipt.reference, 'commission_vote', 1)).toHaveLength(1);
      const { body } = await api.as<{ tasks: { type: string; status: string }[] }>(
        'head',
        'GET',
        `/v1/cases/by-id/${receipt.caseId}`,
      );
      const seats = body.tasks.filter((t) => t.type === 'commission_vote' && t.status === 'open');
      expect(seats).toHaveLength(3);
      expect(await taskOf('head', receipt.reference, 'approve')).toBeUndefined();
      expect((await view(receipt)).status).toBe('awaiting_approval');
    });

    it('records a vote without deciding the case', async () => {
      const [first] = await tasksOf('commission1', receipt.reference, 'commission_vote');
      const res = await decide('commission1', first?.taskId, { outcome: 'approve' });
      expect(res.status).toBe(200);
      expect((await view(receipt)).status).toBe('awaiting_approval');
    });

    it('refuses a second vote by the same member on another seat (nobody decides twice), and shows them none', async () => {
      expect(await tasksOf('commission1', receipt.reference, 'commission_vote')).toHaveLength(0);
      const [another] = await tasksOf('commission2', receipt.reference, 'commission_vote');
      const res = await decide('commission1', another?.taskId, { outcome: 'approve' });
      expect(res.status).toBe(403);
      expect(String(res.body.detail)).toContain('segregation of duties');
    });

    it('refuses a vote to reject without its reasons', async () => {
      const [task] = await tasksOf('commission2', receipt.reference, 'commission_vote');
      const res = await api.as('commission2', 'POST', `/v1/tasks/${task?.taskId}/decision`, {
        outcome: 'reject',
      });
      expect(res.status).toBe(400);
    });

    it('decides by majority: the second matching vote approves and closes the third seat', async () => {
      const [task] = await tasksOf('commission2', receipt.reference, 'commission_vote');
      const res = await decide('commission2', task?.taskId, {
        outcome: 'approve',
        comment: 'Согласна: расходы на лечение подтверждены.',
      });
      expect(res.status).toBe(200);
      expect(await tasksOf('commission3', receipt.reference, 'commission_vote')).toHaveLength(0);
      await expectStatus(receipt, 'funds_reserved');
      await expectTask('finance', receipt.reference, 'authorise_payment');
    });

    it('serves the minutes as a Markdown document with the members, votes, comments, date and outcome', async () => {
      const res = await api.as<string>('head', 'GET', `/v1/cases/by-id/${receipt.caseId}/minutes`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/markdown');
      expect(res.body).toContain(`# Minutes of the aid commission — ${receipt.reference}`);
      expect(res.body).toMatch(/\| [123] \| commission1 \| approve \| {2}\|/);
      expect(res.body).toContain('| commission2 | approve | Согласна: расходы на лечение подтверждены. |');
      expect(res.body).toContain('Members: 3; votes needed to decide: 2; votes cast: 2');
      expect(res.body).toContain('**Outcome: approved**');
      expect(res.body).toMatch(/- Date: \d{4}-\d{2}-\d{2}/);
    });

    it('refuses the minutes to a role that may not read cases, with the reason', async () => {
      const res = await api.as('admin', 'GET', `/v1/cases/by-id/${receipt.caseId}/minutes`);
      expect(res.status).toBe(403);
    });

    it('finishes the commission path after the payment authorisation and the settlement', async () => {
      await decide('finance', (await expectTask('finance', receipt.reference, 'authorise_payment'))?.taskId, {
        outcome: 'approve',
      });
      await expectStatus(receipt, 'payment_authorised');
      await settlePaid(receipt);
      const run = await transitionsOf(receipt);
      expect(run.status).toBe('SUCCEEDED');
      // Check, eligible?, review outcome? (approve for the commission), the Map and its three
      // votes, tally, approval outcome?, reserve, reserved?, authorise, disburse: 15. The three
      // seats open in parallel, so a lost race may add a billed retry, and the local engine's count
      // of a Map whose seat is closed before its wait registers can come out one lower.
      expect(run.transitions).toBeGreaterThanOrEqual(14);
      expect(run.transitions).toBeLessThanOrEqual(18);
    });
  });
});
