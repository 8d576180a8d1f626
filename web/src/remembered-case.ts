/** A case just created: what the confirmation shows and the status page opens with. */
export interface Confirmation {
  reference: string;
  accessCode: string;
  /** An appeal's: the answer's due date, and its status (`not_answerable` without a way to answer). */
  dueDate?: string;
  status?: string;
}

const caseKey = 'aidflow.last-case';

/**
 * Keeps the case just created for this tab, so "See your application" opens it directly and the
 * confirmation survives a reload or the Back button (sessionStorage: gone when the tab closes, as
 * on a shared computer it should be). Apart from the forms, so the status page needs none of their
 * code.
 */
export function rememberCase(confirmation: Confirmation): void {
  try {
    sessionStorage.setItem(caseKey, JSON.stringify(confirmation));
  } catch {
    // not fatal
  }
}

export function rememberedCase(): Confirmation | undefined {
  try {
    const saved = sessionStorage.getItem(caseKey);
    return saved ? (JSON.parse(saved) as Confirmation) : undefined;
  } catch {
    return undefined;
  }
}
