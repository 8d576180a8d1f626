import type { Language } from './catalogue.js';
import type { Role } from './roles.js';

/**
 * Staff tasks: one per waiting workflow step. A task belongs to one role, offers a fixed set of
 * outcomes, and is decided through `POST /v1/tasks/{id}/decision` (decision.ts).
 */
export const taskTypes = [
  'review',
  'approve',
  'commission_vote',
  'authorise_payment',
  'department_answer',
  'consolidate_answer',
  'close_unanswered_request',
  'sign_off_answer',
  'approve_extension',
  'reissue_payment',
] as const;
export type TaskType = (typeof taskTypes)[number];

export const outcomes = [
  'approve',
  'reject',
  'request_info',
  'answer',
  'extend',
  'forward',
  'not_answerable',
  'reissue',
  'close',
] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * Who acts on each task type. Department answers are written by the department's specialists
 * (role `reviewer`); the clerk, who registered the appeal, consolidates them into one answer ("one
 * door"). An information request the applicant left unanswered goes back to a reviewer, who knows
 * the case.
 */
export const taskRole: Readonly<Record<TaskType, Role>> = {
  review: 'reviewer',
  approve: 'head',
  commission_vote: 'commission',
  authorise_payment: 'finance',
  department_answer: 'reviewer',
  consolidate_answer: 'clerk',
  close_unanswered_request: 'reviewer',
  // The head signs off answers to complaints and approves extending an appeal's legal deadline.
  sign_off_answer: 'head',
  approve_extension: 'head',
  // The bank returned the payment: finance corrects the payout details and re-issues, or closes.
  reissue_payment: 'finance',
};

export const allowedOutcomes: Readonly<Record<TaskType, readonly Outcome[]>> = {
  review: ['approve', 'reject', 'request_info'],
  approve: ['approve', 'reject'],
  commission_vote: ['approve', 'reject'],
  authorise_payment: ['approve', 'reject'],
  department_answer: ['answer'],
  // Extend: the legal deadline is extended once with notice; forward: not this office's competence;
  // not_answerable: e.g. an anonymous appeal (59-FZ).
  consolidate_answer: ['answer', 'extend', 'forward', 'not_answerable'],
  // Reject closes the case for lack of the information asked for; extend gives the applicant more time.
  close_unanswered_request: ['reject', 'extend'],
  // Reject sends the draft back to the coordinator; approve lets it go out.
  sign_off_answer: ['approve', 'reject'],
  approve_extension: ['approve', 'reject'],
  // Reissue: reserve and authorise the money again for a new payment (with corrected payout
  // details in `payout`, or the same ones when the bank's failure was passing); close: the aid
  // cannot be paid, and the case is closed (its money was released when the payment failed).
  reissue_payment: ['reissue', 'close'],
};

/** Whether any of the caller's roles owns this task type. */
export function canActOnTask(callerRoles: readonly string[], type: TaskType): boolean {
  return callerRoles.includes(taskRole[type]);
}

const titles: Readonly<Record<TaskType, Readonly<Record<Language, (ref: string) => string>>>> = {
  review: {
    en: (r) => `Review application ${r}`,
    uk: (r) => `Розглянути заяву ${r}`,
    ru: (r) => `Рассмотреть заявление ${r}`,
    zh: (r) => `审核申请 ${r}`,
  },
  approve: {
    en: (r) => `Approve or reject application ${r}`,
    uk: (r) => `Затвердити або відхилити заяву ${r}`,
    ru: (r) => `Утвердить или отклонить заявление ${r}`,
    zh: (r) => `批准或驳回申请 ${r}`,
  },
  commission_vote: {
    en: (r) => `Commission vote on application ${r}`,
    uk: (r) => `Голосування комісії щодо заяви ${r}`,
    ru: (r) => `Голосование комиссии по заявлению ${r}`,
    zh: (r) => `委员会表决申请 ${r}`,
  },
  authorise_payment: {
    en: (r) => `Authorise payment for ${r}`,
    uk: (r) => `Дозволити виплату за ${r}`,
    ru: (r) => `Разрешить выплату по ${r}`,
    zh: (r) => `授权支付 ${r}`,
  },
  department_answer: {
    en: (r) => `Department answer to appeal ${r}`,
    uk: (r) => `Відповідь відділу на звернення ${r}`,
    ru: (r) => `Ответ отдела на обращение ${r}`,
    zh: (r) => `部门答复信访 ${r}`,
  },
  consolidate_answer: {
    en: (r) => `Send the answer to appeal ${r}`,
    uk: (r) => `Надіслати відповідь на звернення ${r}`,
    ru: (r) => `Направить ответ на обращение ${r}`,
    zh: (r) => `汇总并答复信访 ${r}`,
  },
  close_unanswered_request: {
    en: (r) => `No reply to the information request for ${r}`,
    uk: (r) => `Немає відповіді на запит інформації щодо ${r}`,
    ru: (r) => `Нет ответа на запрос сведений по ${r}`,
    zh: (r) => `${r} 补充材料逾期未回复`,
  },
  sign_off_answer: {
    en: (r) => `Sign off the answer to complaint ${r}`,
    uk: (r) => `Погодити відповідь на скаргу ${r}`,
    ru: (r) => `Согласовать ответ на жалобу ${r}`,
    zh: (r) => `审签投诉答复 ${r}`,
  },
  approve_extension: {
    en: (r) => `Approve extending the deadline of appeal ${r}`,
    uk: (r) => `Погодити продовження строку звернення ${r}`,
    ru: (r) => `Согласовать продление срока по обращению ${r}`,
    zh: (r) => `批准延长信访事项 ${r} 办理期限`,
  },
  reissue_payment: {
    en: (r) => `Correct the payout details of ${r} and re-issue the payment`,
    uk: (r) => `Виправити реквізити виплати за ${r} і виплатити повторно`,
    ru: (r) => `Исправить реквизиты выплаты по ${r} и выплатить повторно`,
    zh: (r) => `更正 ${r} 的收款信息并重新支付`,
  },
};

export function taskTitle(type: TaskType, reference: string, language: Language): string {
  return titles[type][language](reference);
}
