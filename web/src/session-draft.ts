/**
 * A form's answers kept in sessionStorage: across a reload in this tab, gone when the tab closes
 * (a shared computer at the office or the library should not show the next person someone's answers).
 */
export function loadSessionDraft<T extends object>(key: string, empty: T): T {
  try {
    const saved = sessionStorage.getItem(key);
    if (saved) return { ...empty, ...(JSON.parse(saved) as Partial<T>) };
  } catch {
    // fall through to a new draft
  }
  return empty;
}

export function saveSessionDraft<T extends object>(key: string, draft: T | undefined): void {
  try {
    if (draft) sessionStorage.setItem(key, JSON.stringify(draft));
    else sessionStorage.removeItem(key);
  } catch {
    // not fatal: the form still works, it only forgets on a reload
  }
}
