import { type Language, languages } from '../../domain/catalogue.js';

// Apart from i18n.tsx (which needs preact): language-preload.ts runs this before the app has loaded.

const storageKey = 'aidflow.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * `?lang=` first (shareable links), then the person's earlier choice, then the browser's languages.
 * A language a link chose is remembered like one chosen in the header: the office's SMS in
 * Ukrainian on a phone set to Russian must not turn into Russian at the next page or reload.
 */
export function initialLanguage(): Language {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromQuery)) {
    rememberLanguage(fromQuery);
    return fromQuery;
  }
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be disabled; fall through
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not fatal
  }
}
