import type { Language } from '../../domain/catalogue.js';
import type { Messages } from './messages/en.js';

/**
 * Each language's strings are a chunk of their own, fetched when that language is shown: a person
 * downloads the language they read, not all four (together 43 % of the app's script before;
 * docs/performance.md §17). The first language's chunk is asked for by language-preload.ts while
 * the app's entry is still arriving. No cache here: the browser's module map keeps a fetched chunk
 * and shares a fetch under way, and fetches again after a failure.
 */
const packs: Record<Language, () => Promise<Messages>> = {
  en: () => import('./messages/en.js').then((m) => m.en),
  uk: () => import('./messages/uk.js').then((m) => m.uk),
  ru: () => import('./messages/ru.js').then((m) => m.ru),
  zh: () => import('./messages/zh.js').then((m) => m.zh),
};

/** More strings, per language, that a part of the app fetched later brings (the staff desk's). */
export type StringPack = (lang: Language) => Promise<object>;

const extraPacks = new Set<StringPack>();

/** From now on every language is fetched with the pack's strings too, so a switch is never half done. */
export function addStringPack(pack: StringPack): void {
  extraPacks.add(pack);
}

/** The language's strings, with those of every pack added so far. */
export async function loadMessages(lang: Language): Promise<Messages> {
  const [base, ...extras] = await Promise.all([packs[lang](), ...[...extraPacks].map((pack) => pack(lang))]);
  return Object.assign({}, base, ...extras);
}
