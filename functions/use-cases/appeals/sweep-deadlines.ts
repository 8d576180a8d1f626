import { randomUUID } from 'node:crypto';
import { toIsoDate } from '../../../domain/dates.js';
import {
  deadlinePolicy,
  type EscalationLevel,
  escalationLevel,
  escalationOrder,
  type Jurisdiction,
} from '../../../domain/deadlines.js';
import { tableName } from '../../lib/clients.js';
import { logger } from '../../lib/logger.js';
import { type AppealCaseRecord, appealChange } from '../../lib/store/appeal-records.js';
import { systemActor } from '../../lib/store/audit.js';
import { keys } from '../../lib/store/keys.js';
import { transact } from '../../lib/store/transactions.js';
import { queryIndexAll } from './index-query.js';

/** Appeals still waiting for an answer: the only ones a deadline can catch. */
const openStatuses = ['registered', 'in_progress'] as const;

/** Who each rung of the ladder tells, and what. Overdue is a flag that shows in reports. */
const rungs: Readonly<Record<Exclude<EscalationLevel, 'none'>, { to: string; note: string }>> = {
  department_reminded: { to: 'reviewer', note: 'Reminder: the answer is due soon' },
  head_told: { to: 'head', note: 'The head of the office was told the answer is late' },
  overdue: { to: 'head', note: 'Overdue: the legal deadline passed without an answer' },
};

export interface SweepResult {
  readonly checked: number;
  readonly escalated: Readonly<Record<Exclude<EscalationLevel, 'none'>, number>>;
}

/**
 * A staff reminder (pk CASE#id, sk REMINDER#…): who is chased about which appeal and why. Like
 * notifications, it is a fact in the table; delivery (e-mail to the department, the staff desk's
 * banner) follows from the stream.
 */
function reminderPut(
  table: string,
  appeal: AppealCaseRecord,
  level: Exclude<EscalationLevel, 'none'>,
  at: string,
) {
  const rung = rungs[level];
  const awaited = Object.entries(appeal.departmentAnswers ?? {})
    .filter(([, answer]) => answer.status === 'awaited')
    .map(([department]) => department);
  return {
    Put: {
      TableName: table,
      Item: {
        pk: `CASE#${appeal.caseId}`,
        sk: `REMINDER#${at}#${randomUUID()}`,
        type: 'StaffReminder',
        caseId: appeal.caseId,
        caseReference: appeal.reference,
        level,
        role: rung.to,
        departments: awaited.length > 0 ? awaited : appeal.departments,
        dueDate: appeal.dueDate,
        at,
      },
    },
  };
}

/**
 * The deadline sweeper (EventBridge in AWS, a timer and POST /local/clock locally): for every open
 * appeal, the rung of the chase ladder it has reached today (remind the department → tell the head
 * → overdue). A rung is climbed once: the case remembers its rung, every rung passed (several, if
 * days passed unswept) leaves its reminder, and the overdue flag is set beside the status.
 */
export async function sweepAppealDeadlines(now: Date): Promise<SweepResult> {
  const at = now.toISOString();
  const table = tableName();
  const escalated = { department_reminded: 0, head_told: 0, overdue: 0 };
  let checked = 0;
  for (const status of openStatuses) {
    for await (const appeal of queryIndexAll<AppealCaseRecord>(
      'gsi2',
      keys.casesByStatus('appeal', status, '').gsi2pk,
    )) {
      checked++;
      const policy = deadlinePolicy(appeal.jurisdiction as Jurisdiction);
      const level = escalationLevel(policy, appeal.dueDate, toIsoDate(now, policy.timeZone));
      const from = escalationOrder.indexOf(appeal.escalation ?? 'none');
      const to = escalationOrder.indexOf(level);
      if (to <= from) continue;
      const passed = escalationOrder.slice(from + 1, to + 1) as Exclude<EscalationLevel, 'none'>[];
      const outcome = await transact([
        ...appealChange(table, appeal, {
          at,
          actor: systemActor('deadline-sweeper'),
          action: `appeal.escalation.${level}`,
          ...(level === 'overdue' ? { note: rungs.overdue.note, noteCode: 'appeal_overdue' } : {}),
          set: { escalation: level, overdue: level === 'overdue' },
          details: { escalation: level, dueDate: appeal.dueDate },
        }),
        ...passed.map((rung) => reminderPut(table, appeal, rung, at)),
      ]);
      // A cancelled write means the appeal changed meanwhile (answered, extended): the next sweep sees it.
      if (!outcome.ok) {
        logger.info('appeal changed while sweeping; left for the next sweep', { caseId: appeal.caseId });
        continue;
      }
      for (const rung of passed) escalated[rung]++;
    }
  }
  return { checked, escalated };
}
