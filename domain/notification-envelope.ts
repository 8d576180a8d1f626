import type { Language } from './catalogue.js';

/**
 * What goes around every message to an applicant, aid or appeal alike: a subject naming the
 * reference (e-mail), and a link to the status page, where the applicant signs in with the access
 * code they were given. The code itself is never sent: whoever reads the message over someone's
 * shoulder sees a reference and a link, and nothing behind it.
 */
export type CaseKind = 'aid' | 'appeal';

const subjects: Readonly<Record<Language, Record<CaseKind, (reference: string) => string>>> = {
  en: { aid: (r) => `Your aid application ${r}`, appeal: (r) => `Your appeal ${r}` },
  uk: { aid: (r) => `Ваша заява про допомогу ${r}`, appeal: (r) => `Ваше звернення ${r}` },
  ru: { aid: (r) => `Ваше заявление о помощи ${r}`, appeal: (r) => `Ваше обращение ${r}` },
  zh: { aid: (r) => `您的救助申请 ${r}`, appeal: (r) => `您的信访事项 ${r}` },
};

const linkLines: Readonly<Record<Language, (url: string) => string>> = {
  en: (url) => `Follow your case: ${url}`,
  uk: (url) => `Стан розгляду: ${url}`,
  ru: (url) => `Ход рассмотрения: ${url}`,
  zh: (url) => `办理进度：${url}`,
};

/**
 * The case's language when it is one of ours (the envelope speaks every one), else Russian (the
 * default of the application form). Checked against the envelope rather than the catalogue's list,
 * so that delivery carries neither the catalogue nor the message texts.
 */
export function languageOf(value: unknown): Language {
  return typeof value === 'string' && Object.hasOwn(subjects, value) ? (value as Language) : 'ru';
}

export function messageSubject(kind: CaseKind, reference: string, language: Language): string {
  return subjects[language][kind](reference);
}

/** The status page of a case in the web app, opened in the applicant's language. */
export function statusUrl(webOrigin: string, reference: string, language: Language): string {
  const url = new URL('/status', webOrigin);
  url.searchParams.set('reference', reference);
  url.searchParams.set('lang', language);
  return url.toString();
}

/** The message body as sent: the text, then the status link on its own line. */
export function messageBody(text: string, link: string | undefined, language: Language): string {
  return link ? `${text}\n\n${linkLines[language](link)}` : text;
}

const letterheads: Readonly<Record<Language, string>> = {
  en: 'Social protection office',
  uk: 'Управління соціального захисту населення',
  ru: 'Управление социальной защиты населения',
  zh: '社会保障局',
};

const letterFooters: Readonly<Record<Language, (reference: string) => string>> = {
  en: (r) =>
    `If you have a question, call the office's hotline or come to the office on a working day, and give your reference number ${r}.`,
  uk: (r) =>
    `Якщо маєте запитання, зателефонуйте на гарячу лінію управління або прийдіть в управління в робочий день і назвіть номер ${r}.`,
  ru: (r) =>
    `Если у вас есть вопрос, позвоните на горячую линию управления или приходите в управление в рабочий день и назовите номер ${r}.`,
  zh: (r) => `如有疑问，请拨打本局热线或在工作日前来本局，并提供登记编号 ${r}。`,
};

/**
 * What a printed letter carries around the message: who it is from, what it is about, and how to
 * ask without the internet. Its reader gave only a postal address and may have no other way to
 * reach the office than the telephone or the office's door.
 */
export function letterFrame(
  kind: CaseKind,
  reference: string,
  language: Language,
): { readonly sender: string; readonly subject: string; readonly footer: string } {
  return {
    sender: letterheads[language],
    subject: messageSubject(kind, reference, language),
    footer: letterFooters[language](reference),
  };
}
