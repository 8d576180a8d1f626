import type { Language } from './catalogue.js';
import { civilDateText } from './date-text.js';

/**
 * What the applicant is told about their appeal, in their language. Messages carry the reference
 * and dates, never the appeal's text: a notification may travel by SMS. The office's answer itself
 * goes in an e-mail or a printed letter (someone who wrote by post may have no internet to read it
 * on the status page), never in an SMS.
 */
export type AppealMessage =
  | { readonly kind: 'registered'; readonly reference: string; readonly dueDate: string }
  | { readonly kind: 'forwarded'; readonly reference: string; readonly to: string }
  | {
      readonly kind: 'extended';
      readonly reference: string;
      readonly dueDate: string;
      readonly reason: string;
    }
  | { readonly kind: 'answered'; readonly reference: string; readonly answer?: string }
  | { readonly kind: 'not_answerable'; readonly reference: string };

/** One kind of message in every language. */
export type MessageTexts<M extends AppealMessage> = Readonly<Record<Language, (m: M) => string>>;

type Of<K extends AppealMessage['kind']> = Extract<AppealMessage, { readonly kind: K }>;

/*
 * One object per kind, not one renderer per language: a writer imports the kinds it sends and its
 * bundle carries only those (SubmitAppeal the registration, DecideTask the extension; issue 7).
 */

export const registeredTexts: MessageTexts<Of<'registered'>> = {
  en: (m) =>
    `Your appeal ${m.reference} is registered. You will have an answer by ${civilDateText(m.dueDate, 'en')}.`,
  uk: (m) =>
    `Ваше звернення ${m.reference} зареєстровано. Відповідь буде надано до ${civilDateText(m.dueDate, 'uk')}.`,
  ru: (m) =>
    `Ваше обращение ${m.reference} зарегистрировано. Ответ будет дан до ${civilDateText(m.dueDate, 'ru')}.`,
  zh: (m) => `您的信访事项 ${m.reference} 已登记，将于 ${civilDateText(m.dueDate, 'zh')} 前答复。`,
};

export const forwardedTexts: MessageTexts<Of<'forwarded'>> = {
  en: (m) =>
    `Your appeal ${m.reference} is outside our competence and was forwarded to ${m.to}, who will answer you.`,
  uk: (m) =>
    `Звернення ${m.reference} не належить до нашої компетенції і надіслане до: ${m.to}; відповідь надасть цей орган.`,
  ru: (m) =>
    `Обращение ${m.reference} не относится к нашей компетенции и направлено в: ${m.to}; ответ даст этот орган.`,
  zh: (m) => `信访事项 ${m.reference} 不属于本机关职权范围，已转送${m.to}办理答复。`,
};

export const extendedTexts: MessageTexts<Of<'extended'>> = {
  en: (m) =>
    `The answer to your appeal ${m.reference} needs more time: the new date is ${civilDateText(m.dueDate, 'en')}. Reason: ${m.reason}`,
  uk: (m) =>
    `Строк розгляду звернення ${m.reference} продовжено до ${civilDateText(m.dueDate, 'uk')}. Причина: ${m.reason}`,
  ru: (m) =>
    `Срок рассмотрения обращения ${m.reference} продлён до ${civilDateText(m.dueDate, 'ru')}. Причина: ${m.reason}`,
  zh: (m) => `信访事项 ${m.reference} 的办理期限延长至 ${civilDateText(m.dueDate, 'zh')}。原因：${m.reason}`,
};

export const answeredTexts: MessageTexts<Of<'answered'>> = {
  en: (m) =>
    m.answer
      ? `The answer to your appeal ${m.reference}:\n\n${m.answer}\n\nPlease tell us how satisfied you are with it.`
      : `The answer to your appeal ${m.reference} is ready. Please tell us how satisfied you are with it.`,
  uk: (m) =>
    m.answer
      ? `Відповідь на звернення ${m.reference}:\n\n${m.answer}\n\nБудь ласка, оцініть її.`
      : `Відповідь на звернення ${m.reference} готова. Будь ласка, оцініть її.`,
  ru: (m) =>
    m.answer
      ? `Ответ на обращение ${m.reference}:\n\n${m.answer}\n\nПожалуйста, оцените его.`
      : `Ответ на обращение ${m.reference} готов. Пожалуйста, оцените его.`,
  zh: (m) =>
    m.answer
      ? `信访事项 ${m.reference} 的答复：\n\n${m.answer}\n\n请对办理结果进行评价。`
      : `信访事项 ${m.reference} 已答复，请对办理结果进行评价。`,
};

export const notAnswerableTexts: MessageTexts<Of<'not_answerable'>> = {
  en: (m) => `Appeal ${m.reference} was registered but cannot be answered: it gives no name or address.`,
  uk: (m) => `Звернення ${m.reference} зареєстровано, але відповісти неможливо: не вказано ім’я чи адресу.`,
  ru: (m) => `Обращение ${m.reference} зарегистрировано, но ответ невозможен: не указаны фамилия или адрес.`,
  zh: (m) => `信访事项 ${m.reference} 已登记，但因未留姓名或地址无法答复。`,
};

const textsOf: { readonly [K in AppealMessage['kind']]: MessageTexts<Of<K>> } = {
  registered: registeredTexts,
  forwarded: forwardedTexts,
  extended: extendedTexts,
  answered: answeredTexts,
  not_answerable: notAnswerableTexts,
};

/** Any message in any language (the tests; a writer uses the texts of the kinds it sends). */
export function appealMessage(message: AppealMessage, language: Language): string {
  return (textsOf[message.kind] as MessageTexts<AppealMessage>)[language](message);
}
