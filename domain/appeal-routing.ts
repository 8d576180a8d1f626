import type { AppealKind, LocalizedText } from './catalogue.js';

/**
 * "One door": one intake, the departments that must answer, one consolidated answer. Which
 * departments answer a topic is data (the office changes it without a release); a topic outside
 * the office's competence names the body it is forwarded to instead.
 */
export interface Department {
  readonly code: string;
  readonly name: LocalizedText;
}

export const departments: readonly Department[] = [
  {
    code: 'social_support',
    name: {
      en: 'Social support department',
      uk: 'Відділ соціальної підтримки',
      ru: 'Отдел социальной поддержки',
      zh: '社会救助科',
    },
  },
  {
    code: 'housing_utilities',
    name: {
      en: 'Housing and utilities department',
      uk: 'Відділ житлово-комунального господарства',
      ru: 'Отдел ЖКХ',
      zh: '住房和公用事业科',
    },
  },
  {
    code: 'accessible_environment',
    name: {
      en: 'Accessible environment department',
      uk: 'Відділ безбар’єрності',
      ru: 'Отдел доступной среды',
      zh: '无障碍环境科',
    },
  },
  {
    code: 'family_children',
    name: {
      en: 'Family and children department',
      uk: 'Служба у справах сім’ї та дітей',
      ru: 'Отдел семьи и детства',
      zh: '家庭和儿童科',
    },
  },
  {
    code: 'general_office',
    name: { en: 'General office', uk: 'Загальний відділ', ru: 'Общий отдел', zh: '综合办公室' },
  },
];

export type Routing =
  | { readonly kind: 'departments'; readonly departments: readonly string[] }
  | { readonly kind: 'forward'; readonly to: LocalizedText };

export interface RoutingTable {
  /** Every topic a person can choose (the public form lists them in this order) and where it goes. */
  readonly topics: Readonly<Record<string, Routing>>;
  /** Each topic's name as people read it, in every language (the form, the desk, the reports). */
  readonly names: Readonly<Record<string, LocalizedText>>;
  /** Where a topic nobody configured goes: the general office sorts it out. */
  readonly fallback: readonly string[];
}

/** The demo office's routing table. */
export const routingTable: RoutingTable = {
  topics: {
    aid: { kind: 'departments', departments: ['social_support'] },
    benefits: { kind: 'departments', departments: ['social_support'] },
    home_care: { kind: 'departments', departments: ['social_support'] },
    transport: { kind: 'departments', departments: ['accessible_environment'] },
    housing: { kind: 'departments', departments: ['housing_utilities'] },
    utilities: { kind: 'departments', departments: ['housing_utilities'] },
    // A ramp to a block of flats: the accessibility team and the housing department both answer.
    accessibility: { kind: 'departments', departments: ['accessible_environment', 'housing_utilities'] },
    children: { kind: 'departments', departments: ['family_children', 'social_support'] },
    staff_conduct: { kind: 'departments', departments: ['general_office'] },
    pension: {
      kind: 'forward',
      to: {
        en: 'the Social Fund (pensions)',
        uk: 'Пенсійний фонд України',
        ru: 'Социальный фонд России (пенсии)',
        zh: '社会保险经办机构（养老金）',
      },
    },
    policing: {
      kind: 'forward',
      to: { en: 'the police', uk: 'Національна поліція', ru: 'МВД (полиция)', zh: '公安机关' },
    },
    other: { kind: 'departments', departments: ['general_office'] },
  },
  names: {
    aid: {
      en: 'Social aid and payments',
      uk: 'Соціальна допомога та виплати',
      ru: 'Социальная помощь и выплаты',
      zh: '社会救助和补助金',
    },
    benefits: {
      en: 'Benefits and allowances',
      uk: 'Пільги та надбавки',
      ru: 'Льготы и надбавки',
      zh: '优待和津贴',
    },
    home_care: {
      en: 'Care at home and health',
      uk: 'Догляд удома та здоров’я',
      ru: 'Уход на дому и здоровье',
      zh: '居家照护和健康',
    },
    transport: {
      en: 'Transport and social taxi',
      uk: 'Транспорт і соціальне таксі',
      ru: 'Транспорт и социальное такси',
      zh: '交通和社会出租车',
    },
    housing: { en: 'Housing', uk: 'Житло', ru: 'Жильё', zh: '住房' },
    utilities: {
      en: 'Utilities: heating, water, electricity',
      uk: 'Комунальні послуги: опалення, вода, світло',
      ru: 'Коммунальные услуги: отопление, вода, свет',
      zh: '公用事业：供暖、供水、供电',
    },
    accessibility: {
      en: 'Access for people with disabilities: ramps, lifts',
      uk: 'Доступність для людей з інвалідністю: пандуси, ліфти',
      ru: 'Доступная среда: пандусы, лифты',
      zh: '无障碍设施：坡道、电梯',
    },
    children: { en: 'Children and families', uk: 'Діти та сім’ї', ru: 'Дети и семьи', zh: '儿童和家庭' },
    staff_conduct: {
      en: 'How staff treated you',
      uk: 'Як до вас поставилися працівники',
      ru: 'Как с вами обошлись сотрудники',
      zh: '工作人员的态度',
    },
    pension: { en: 'Pensions', uk: 'Пенсії', ru: 'Пенсии', zh: '养老金' },
    policing: {
      en: 'Public order and safety',
      uk: 'Громадський порядок і безпека',
      ru: 'Общественный порядок и безопасность',
      zh: '公共秩序和安全',
    },
    other: { en: 'Something else', uk: 'Інше', ru: 'Другое', zh: '其他' },
  },
  fallback: ['general_office'],
};

/**
 * Topics the public form offered before it listed the routing table's (until 2026-12-07): their
 * appeals went to the general office. Read as the topic they meant, for routing and for names.
 */
const formerTopics: Readonly<Record<string, string>> = { social_aid: 'aid', healthcare: 'home_care' };

export function routeTopic(table: RoutingTable, topic: string): Routing {
  return table.topics[formerTopics[topic] ?? topic] ?? { kind: 'departments', departments: table.fallback };
}

/** The topics people choose from, in the table's order. */
export function appealTopics(table: RoutingTable): readonly string[] {
  return Object.keys(table.topics);
}

/** A topic's name as people read it; an unknown code (an office's own) stays as it is. */
export function topicName(table: RoutingTable, topic: string): LocalizedText | undefined {
  return table.names[formerTopics[topic] ?? topic];
}

/** Complaints are signed off by the head before they go out; proposals and requests are not. */
export function needsHeadSignOff(kind: AppealKind): boolean {
  return kind === 'complaint';
}

export function departmentName(code: string): LocalizedText | undefined {
  return departments.find((d) => d.code === code)?.name;
}
