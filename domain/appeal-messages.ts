import type { Language } from './catalogue.js';

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

type Render = (m: AppealMessage) => string;

const render: Readonly<Record<Language, Render>> = {
  en: (m) => {
    switch (m.kind) {
      case 'registered':
        return `Your appeal ${m.reference} is registered. You will have an answer by ${m.dueDate}.`;
      case 'forwarded':
        return `Your appeal ${m.reference} is outside our competence and was forwarded to ${m.to}, who will answer you.`;
      case 'extended':
        return `The answer to your appeal ${m.reference} needs more time: the new date is ${m.dueDate}. Reason: ${m.reason}`;
      case 'answered':
        return m.answer
          ? `The answer to your appeal ${m.reference}:\n\n${m.answer}\n\nPlease tell us how satisfied you are with it.`
          : `The answer to your appeal ${m.reference} is ready. Please tell us how satisfied you are with it.`;
      case 'not_answerable':
        return `Appeal ${m.reference} was registered but cannot be answered: it gives no name or address.`;
    }
  },
  uk: (m) => {
    switch (m.kind) {
      case 'registered':
        return `Ваше звернення ${m.reference} зареєстровано. Відповідь буде надано до ${m.dueDate}.`;
      case 'forwarded':
        return `Звернення ${m.reference} не належить до нашої компетенції і надіслане до: ${m.to}; відповідь надасть цей орган.`;
      case 'extended':
        return `Строк розгляду звернення ${m.reference} продовжено до ${m.dueDate}. Причина: ${m.reason}`;
      case 'answered':
        return m.answer
          ? `Відповідь на звернення ${m.reference}:\n\n${m.answer}\n\nБудь ласка, оцініть її.`
          : `Відповідь на звернення ${m.reference} готова. Будь ласка, оцініть її.`;
      case 'not_answerable':
        return `Звернення ${m.reference} зареєстровано, але відповісти неможливо: не вказано ім’я чи адресу.`;
    }
  },
  ru: (m) => {
    switch (m.kind) {
      case 'registered':
        return `Ваше обращение ${m.reference} зарегистрировано. Ответ будет дан до ${m.dueDate}.`;
      case 'forwarded':
        return `Обращение ${m.reference} не относится к нашей компетенции и направлено в: ${m.to}; ответ даст этот орган.`;
      case 'extended':
        return `Срок рассмотрения обращения ${m.reference} продлён до ${m.dueDate}. Причина: ${m.reason}`;
      case 'answered':
        return m.answer
          ? `Ответ на обращение ${m.reference}:\n\n${m.answer}\n\nПожалуйста, оцените его.`
          : `Ответ на обращение ${m.reference} готов. Пожалуйста, оцените его.`;
      case 'not_answerable':
        return `Обращение ${m.reference} зарегистрировано, но ответ невозможен: не указаны фамилия или адрес.`;
    }
  },
  zh: (m) => {
    switch (m.kind) {
      case 'registered':
        return `您的信访事项 ${m.reference} 已登记，将于 ${m.dueDate} 前答复。`;
      case 'forwarded':
        return `信访事项 ${m.reference} 不属于本机关职权范围，已转送${m.to}办理答复。`;
      case 'extended':
        return `信访事项 ${m.reference} 的办理期限延长至 ${m.dueDate}。原因：${m.reason}`;
      case 'answered':
        return m.answer
          ? `信访事项 ${m.reference} 的答复：\n\n${m.answer}\n\n请对办理结果进行评价。`
          : `信访事项 ${m.reference} 已答复，请对办理结果进行评价。`;
      case 'not_answerable':
        return `信访事项 ${m.reference} 已登记，但因未留姓名或地址无法答复。`;
    }
  },
};

export function appealMessage(message: AppealMessage, language: Language): string {
  return render[language](message);
}
