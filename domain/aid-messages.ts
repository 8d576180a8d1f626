import { type Language, localeOf } from './catalogue.js';
import { civilDateText } from './date-text.js';
import { formatMoney, type Money } from './money.js';

/**
 * What the applicant is told about their aid application, in their language (DESIGN.md
 * "Notifications"). Like the appeal messages, they carry the reference and what the applicant must
 * know to act — the question asked, the reasons for a refusal, the amount granted — and nothing
 * else about them: no name, no income, no bank details. A message may travel by SMS.
 */
export type AidMessage =
  | { readonly kind: 'submitted'; readonly reference: string }
  | {
      readonly kind: 'info_requested';
      readonly reference: string;
      readonly question: string;
      /** YYYY-MM-DD: the last day to answer. */
      readonly dueDate: string;
    }
  | { readonly kind: 'approved'; readonly reference: string; readonly amount?: Money }
  | { readonly kind: 'rejected'; readonly reference: string; readonly reasons: readonly string[] }
  | { readonly kind: 'waitlisted'; readonly reference: string }
  | { readonly kind: 'paid'; readonly reference: string; readonly amount?: Money }
  | { readonly kind: 'payment_failed'; readonly reference: string }
  | { readonly kind: 'withdrawn'; readonly reference: string };

export type AidMessageKind = AidMessage['kind'];

/** The statuses the applicant hears about; the others (in_review, funds_reserved …) are internal steps. */
export const notifiedAidStatuses = [
  'submitted',
  'info_requested',
  'approved',
  'rejected',
  'waitlisted',
  'paid',
  'payment_failed',
  'withdrawn',
] as const satisfies readonly AidMessageKind[];

type Render = (m: AidMessage, amount: (m: Money) => string) => string;

/** The reasons as a list, one per line; an empty list says only that the conditions were not met. */
function list(reasons: readonly string[]): string {
  return reasons.map((r) => `- ${r}`).join('\n');
}

const render: Readonly<Record<Language, Render>> = {
  en: (m, amount) => {
    switch (m.kind) {
      case 'submitted':
        return `Your aid application ${m.reference} has been received. We will let you know when it is decided.`;
      case 'info_requested':
        return `To decide on your application ${m.reference} we need more information: ${m.question}\nPlease answer by ${civilDateText(m.dueDate, 'en')} on the status page.`;
      case 'approved':
        return m.amount
          ? `Your application ${m.reference} has been approved: ${amount(m.amount)}.`
          : `Your application ${m.reference} has been approved.`;
      case 'rejected':
        return m.reasons.length > 0
          ? `Your application ${m.reference} has been refused, for these reasons:\n${list(m.reasons)}\nYou may appeal against this decision.`
          : `Your application ${m.reference} has been refused. You may appeal against this decision.`;
      case 'waitlisted':
        return `Your application ${m.reference} has been approved, but this year's funds are used up for now. It keeps its place on the waiting list, and we will tell you when it is paid.`;
      case 'paid':
        return m.amount
          ? `The aid under your application ${m.reference} has been paid: ${amount(m.amount)}.`
          : `The aid under your application ${m.reference} has been paid.`;
      case 'payment_failed':
        return `The payment under your application ${m.reference} could not be made. The office will contact you; please check your payment details on the status page.`;
      case 'withdrawn':
        return `Your application ${m.reference} has been withdrawn, as you asked. Nothing more will be done with it; you may apply again at any time.`;
    }
  },
  uk: (m, amount) => {
    switch (m.kind) {
      case 'submitted':
        return `Вашу заяву про допомогу ${m.reference} отримано. Ми повідомимо вас про рішення.`;
      case 'info_requested':
        return `Для розгляду заяви ${m.reference} потрібні додаткові відомості: ${m.question}\nБудь ласка, дайте відповідь до ${civilDateText(m.dueDate, 'uk')} на сторінці стану заяви.`;
      case 'approved':
        return m.amount
          ? `Вашу заяву ${m.reference} задоволено: ${amount(m.amount)}.`
          : `Вашу заяву ${m.reference} задоволено.`;
      case 'rejected':
        return m.reasons.length > 0
          ? `У задоволенні заяви ${m.reference} відмовлено з таких причин:\n${list(m.reasons)}\nВи можете оскаржити це рішення.`
          : `У задоволенні заяви ${m.reference} відмовлено. Ви можете оскаржити це рішення.`;
      case 'waitlisted':
        return `Вашу заяву ${m.reference} задоволено, але кошти цього року поки вичерпано. Заява залишається в черзі; ми повідомимо вас про виплату.`;
      case 'paid':
        return m.amount
          ? `Допомогу за заявою ${m.reference} виплачено: ${amount(m.amount)}.`
          : `Допомогу за заявою ${m.reference} виплачено.`;
      case 'payment_failed':
        return `Виплату за заявою ${m.reference} здійснити не вдалося. Працівники установи зв’яжуться з вами; перевірте, будь ласка, платіжні реквізити на сторінці стану заяви.`;
      case 'withdrawn':
        return `Вашу заяву ${m.reference} відкликано, як ви просили. Розгляд припинено; ви можете подати заяву знову будь-коли.`;
    }
  },
  ru: (m, amount) => {
    switch (m.kind) {
      case 'submitted':
        return `Ваше заявление о помощи ${m.reference} принято. Мы сообщим вам о решении.`;
      case 'info_requested':
        return `Для рассмотрения заявления ${m.reference} нужны дополнительные сведения: ${m.question}\nПожалуйста, ответьте до ${civilDateText(m.dueDate, 'ru')} на странице статуса заявления.`;
      case 'approved':
        return m.amount
          ? `Ваше заявление ${m.reference} удовлетворено: ${amount(m.amount)}.`
          : `Ваше заявление ${m.reference} удовлетворено.`;
      case 'rejected':
        return m.reasons.length > 0
          ? `В удовлетворении заявления ${m.reference} отказано по следующим причинам:\n${list(m.reasons)}\nВы можете обжаловать это решение.`
          : `В удовлетворении заявления ${m.reference} отказано. Вы можете обжаловать это решение.`;
      case 'waitlisted':
        return `Ваше заявление ${m.reference} удовлетворено, но средства этого года пока исчерпаны. Заявление остаётся в очереди; мы сообщим вам о выплате.`;
      case 'paid':
        return m.amount
          ? `Помощь по заявлению ${m.reference} выплачена: ${amount(m.amount)}.`
          : `Помощь по заявлению ${m.reference} выплачена.`;
      case 'payment_failed':
        return `Выплату по заявлению ${m.reference} произвести не удалось. Сотрудники учреждения свяжутся с вами; пожалуйста, проверьте платёжные реквизиты на странице статуса заявления.`;
      case 'withdrawn':
        return `Ваше заявление ${m.reference} отозвано по вашей просьбе. Рассмотрение прекращено; вы можете подать заявление снова в любое время.`;
    }
  },
  zh: (m, amount) => {
    switch (m.kind) {
      case 'submitted':
        return `您的救助申请 ${m.reference} 已受理，审核结果将另行通知。`;
      case 'info_requested':
        return `办理申请 ${m.reference} 需要补充材料：${m.question}\n请于 ${civilDateText(m.dueDate, 'zh')} 前在办理进度页面答复。`;
      case 'approved':
        return m.amount
          ? `您的申请 ${m.reference} 已获批准：${amount(m.amount)}。`
          : `您的申请 ${m.reference} 已获批准。`;
      case 'rejected':
        return m.reasons.length > 0
          ? `您的申请 ${m.reference} 未获批准，原因如下：\n${list(m.reasons)}\n如有异议，可以提出申诉。`
          : `您的申请 ${m.reference} 未获批准。如有异议，可以提出申诉。`;
      case 'waitlisted':
        return `您的申请 ${m.reference} 已获批准，但本年度资金暂时用完。申请将保留排队位置，发放时另行通知。`;
      case 'paid':
        return m.amount
          ? `申请 ${m.reference} 的救助款已发放：${amount(m.amount)}。`
          : `申请 ${m.reference} 的救助款已发放。`;
      case 'payment_failed':
        return `申请 ${m.reference} 的款项未能发放。工作人员将与您联系；请在办理进度页面核对收款信息。`;
      case 'withdrawn':
        return `您的申请 ${m.reference} 已按您的要求撤回，办理已终止；您可以随时重新申请。`;
    }
  },
};

export function aidMessage(message: AidMessage, language: Language): string {
  return render[language](message, (m) => formatMoney(m, localeOf[language]));
}

// Beside the envelope, which delivery imports without the message texts (DeliverNotification's bundle).
export { languageOf } from './notification-envelope.js';
