import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Language, localeOf } from '../../domain/catalogue.js';
import { formatMoney } from '../../domain/money.js';
import { dateFormatter } from './date-format.js';
import type { Formats } from './errors.js';
import type { StringPack } from './language-packs.js';
import type { Messages } from './messages/en.js';

/** Each language named in itself, for the switcher. */
export const languageNames: Record<Language, string> = {
  en: 'English',
  uk: 'Українська',
  ru: 'Русский',
  zh: '中文',
};

export interface I18n extends Formats {
  lang: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
  /** Adds a pack's strings to the language shown, and to every language switched to later. */
  extend: (pack: StringPack) => Promise<void>;
}

/** `t` is the language's strings (language-packs.ts loads them). */
export function makeI18n(
  lang: Language,
  t: Messages,
  setLanguage: (language: Language) => void,
  extend: (pack: StringPack) => Promise<void>,
): I18n {
  const locale = localeOf[lang];
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    lang,
    t,
    setLanguage,
    extend,
    money: (m) => formatMoney(m, locale),
    number: (n) => numberFormat.format(n),
    date: dateFormatter(locale),
    dateTime: (value) => {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? value : dateTimeFormat.format(d);
    },
  };
}

export const I18nContext = createContext<I18n | undefined>(undefined);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside the App (no language loaded)');
  return i18n;
}
