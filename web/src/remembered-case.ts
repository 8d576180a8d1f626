/** A case just created: what the confirmation shows and the status page opens with. */
export interface Confirmation {
  reference: string;
  accessCode: string;
}

const caseKey = 'aidflow.last-case';

/**
 * Keeps the case just created for this tab, so "See your application" opens it directly. Apart
 * from the forms, so the status page needs none of their code.
 */
export function rememberCase(reference: string, accessCode: string): void {
  try {
    sessionStorage.setItem(caseKey, JSON.stringify({ reference, accessCode }));
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
