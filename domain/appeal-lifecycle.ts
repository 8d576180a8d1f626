/**
 * Appeal statuses of API.md. `overdue` is a flag beside the status, not a status; "routed",
 * "answer drafted" and "extended" of DESIGN.md §3 are steps inside `in_progress`.
 */
export const appealStatuses = [
  'registered',
  'in_progress',
  'answered',
  'closed',
  'forwarded',
  'not_answerable',
] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const appealTransitions: Readonly<Record<AppealStatus, readonly AppealStatus[]>> = {
  registered: ['in_progress', 'forwarded', 'not_answerable'],
  in_progress: ['answered', 'forwarded', 'not_answerable'],
  // Feedback (or its absence) closes an answered appeal.
  answered: ['closed'],
  closed: [],
  forwarded: [],
  not_answerable: [],
};

export function canTransitionAppeal(from: AppealStatus, to: AppealStatus): boolean {
  return appealTransitions[from].includes(to);
}

export function isAppealTerminal(status: AppealStatus): boolean {
  return appealTransitions[status].length === 0;
}
