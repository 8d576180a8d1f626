import type { LocalizedText } from './catalogue.js';

/**
 * The aid application's lifecycle (DESIGN.md §3), as the statuses of API.md. "Eligibility
 * checked" and "disbursed" of the design are not statuses of their own: the eligibility step moves
 * `submitted` straight to `in_review` or `rejected`, and "disbursed" is `paid`.
 */
export const aidStatuses = [
  'submitted',
  'in_review',
  'info_requested',
  'awaiting_approval',
  'approved',
  'funds_reserved',
  'waitlisted',
  'payment_authorised',
  'paid',
  'rejected',
  'payment_failed',
  'withdrawn',
] as const;
export type AidStatus = (typeof aidStatuses)[number];

/** Closing exits, allowed from every open status except while money is with the bank. */
const exits = ['rejected', 'withdrawn'] as const satisfies readonly AidStatus[];

/**
 * Allowed moves. `payment_authorised` has no exit to `rejected`/`withdrawn`: once finance has
 * authorised a payment the money may already be in a bank file, so the case waits for the bank's
 * settlement (`paid` or `payment_failed`) and is closed from there.
 */
export const aidTransitions: Readonly<Record<AidStatus, readonly AidStatus[]>> = {
  submitted: ['in_review', ...exits],
  in_review: ['info_requested', 'awaiting_approval', ...exits],
  info_requested: ['in_review', ...exits],
  awaiting_approval: ['approved', ...exits],
  approved: ['funds_reserved', 'waitlisted', ...exits],
  waitlisted: ['funds_reserved', ...exits],
  funds_reserved: ['payment_authorised', ...exits],
  payment_authorised: ['paid', 'payment_failed'],
  // The failed payment's reservation was released with it: a re-issue (e.g. corrected bank
  // details) reserves the money again (or waits for it) before finance authorises anew; or the
  // case is closed.
  payment_failed: ['funds_reserved', 'waitlisted', ...exits],
  paid: [],
  rejected: [],
  withdrawn: [],
};

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    const allowed = aidStatusesAfter(from);
    super(
      allowed.length === 0
        ? `An aid case in status "${from}" cannot change any more (it is closed).`
        : `An aid case cannot move from "${from}" to "${to}"; from "${from}" it can move to: ${allowed.join(', ')}.`,
    );
  }
}

function isAidStatus(s: string): s is AidStatus {
  return (aidStatuses as readonly string[]).includes(s);
}

export function aidStatusesAfter(from: string): readonly AidStatus[] {
  return isAidStatus(from) ? aidTransitions[from] : [];
}

export function canTransition(from: AidStatus, to: AidStatus): boolean {
  return aidStatusesAfter(from).includes(to);
}

export function assertTransition(from: AidStatus, to: AidStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

/**
 * The one way out of a closed status: an appeal contesting a rejection reopens the case for a
 * fresh review (by staff who took no part in the first one). Kept apart from `aidTransitions` so
 * that a rejection stays terminal for everything else (locks, retention, reports).
 */
export const reopenings: Readonly<Partial<Record<AidStatus, AidStatus>>> = { rejected: 'in_review' };

export function canReopen(from: AidStatus): boolean {
  return reopenings[from] !== undefined;
}

export function isTerminal(status: AidStatus): boolean {
  return aidTransitions[status].length === 0;
}

export const openAidStatuses: readonly AidStatus[] = aidStatuses.filter((s) => !isTerminal(s));

/** Status names for the applicant's timeline and letters, in the applicant's language. */
export const aidStatusNames: Readonly<Record<AidStatus, LocalizedText>> = {
  submitted: { en: 'Submitted', uk: 'Подано', ru: 'Подано', zh: '已提交' },
  in_review: { en: 'Under review', uk: 'На розгляді', ru: 'На рассмотрении', zh: '审核中' },
  info_requested: {
    en: 'More information requested',
    uk: 'Запитано додаткову інформацію',
    ru: 'Запрошены дополнительные сведения',
    zh: '需补充材料',
  },
  awaiting_approval: {
    en: 'Awaiting approval',
    uk: 'Очікує затвердження',
    ru: 'Ожидает утверждения',
    zh: '待批准',
  },
  approved: { en: 'Approved', uk: 'Затверджено', ru: 'Одобрено', zh: '已批准' },
  funds_reserved: {
    en: 'Funds reserved',
    uk: 'Кошти зарезервовано',
    ru: 'Средства зарезервированы',
    zh: '资金已预留',
  },
  waitlisted: {
    en: 'Waiting for funds',
    uk: 'В черзі на фінансування',
    ru: 'В очереди на финансирование',
    zh: '等待资金',
  },
  payment_authorised: {
    en: 'Payment authorised',
    uk: 'Виплату дозволено',
    ru: 'Выплата разрешена',
    zh: '已授权支付',
  },
  paid: { en: 'Paid', uk: 'Виплачено', ru: 'Выплачено', zh: '已发放' },
  rejected: { en: 'Rejected', uk: 'Відмовлено', ru: 'Отказано', zh: '未获批准' },
  payment_failed: {
    en: 'Payment failed',
    uk: 'Виплата не пройшла',
    ru: 'Выплата не прошла',
    zh: '支付失败',
  },
  withdrawn: { en: 'Withdrawn', uk: 'Відкликано', ru: 'Отозвано', zh: '已撤回' },
};
