import type { Language } from '../../domain/catalogue.js';
import type { Messages } from './messages/en.js';

/**
 * Each language's strings are a chunk of their own, fetched when that language is shown: a person
 * downloads the language they read, not all four (together 43 % of the app's script before;
 * docs/performance.md §17). The chunk of the first language is fetched as soon as the entry
 * script runs.
 */
const packs: Record<Language, () => Promise<Messages>> = {
  en: () => import('./messages/en.js').then((m) => m.en),
  uk: () => import('./messages/uk.js').then((m) => m.uk),
  ru: () => import('./messages/ru.js').then((m) => m.ru),
  zh: () => import('./messages/zh.js').then((m) => m.zh),
};

const loading = new Map<Language, Promise<Messages>>();

/** The language's strings; a failed fetch is forgotten, so the next call fetches again. */
export function loadMessages(lang: Language): Promise<Messages> {
  const known = loading.get(lang);
  if (known) return known;
  const fetched = packs[lang]();
  loading.set(lang, fetched);
  fetched.catch(() => loading.delete(lang));
  return fetched;
}
