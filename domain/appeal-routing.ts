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
  readonly topics: Readonly<Record<string, Routing>>;
  /** Where a topic nobody configured goes: the general office sorts it out. */
  readonly fallback: readonly string[];
}

/** The demo office's routing table. */
export const routingTable: RoutingTable = {
  topics: {
    aid: { kind: 'departments', departments: ['social_support'] },
    benefits: { kind: 'departments', departments: ['social_support'] },
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
  },
  fallback: ['general_office'],
};

export function routeTopic(table: RoutingTable, topic: string): Routing {
  return table.topics[topic] ?? { kind: 'departments', departments: table.fallback };
}

/** Complaints are signed off by the head before they go out; proposals and requests are not. */
export function needsHeadSignOff(kind: AppealKind): boolean {
  return kind === 'complaint';
}

export function departmentName(code: string): LocalizedText | undefined {
  return departments.find((d) => d.code === code)?.name;
}
