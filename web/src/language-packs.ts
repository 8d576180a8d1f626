import type { Language } from '../../domain/catalogue.js';
import type { Messages } from './messages/en.js';

/**
 * Each language's strings are a chunk of their own, fetched when that language is shown: a person
 * downloads the language they read, not all four (together 43 % of the app's script before;
 * docs/performance.md §17). The first language's chunk is asked for by language-preload.ts while
 * the app's entry is still arriving; the app then finds that fetch here, under way.
 */
const packs: Record<Language, () => Promise<Messages>> = {
  en: () => import('./messages/en.js').then((m) => m.en),
  uk: () => import('./messages/uk.js').then((m) => m.uk),
  ru: () => import('./messages/ru.js').then((m) => m.ru),
  zh: () => import('./messages/zh.js').then((m) => m.zh),
};

const loading = new Map<Language, Promise<Messages>>();

function loadBase(lang: Language): Promise<Messages> {
  const known = loading.get(lang);
  if (known) return known;
  const fetched = packs[lang]();
  loading.set(lang, fetched);
  // A failed fetch is forgotten, so the next call fetches again.
  fetched.catch(() => loading.delete(lang));
  return fetched;
}

/** More strings, per language, that a part of the app fetched later brings (the staff desk's). */
export type StringPack = (lang: Language) => Promise<object>;

const extraPacks = new Set<StringPack>();

/** From now on every language is fetched with the pack's strings too, so a switch is never half done. */
export function addStringPack(pack: StringPack): void {
  extraPacks.add(pack);
}

/** The language's strings, with those of every pack added so far. */
export async function loadMessages(lang: Language): Promise<Messages> {
  const [base, ...extras] = await Promise.all([loadBase(lang), ...[...extraPacks].map((pack) => pack(lang))]);
  return extras.length === 0 ? (base as Messages) : (Object.assign({}, base, ...extras) as Messages);
}
