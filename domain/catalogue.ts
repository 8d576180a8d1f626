/**
 * The catalogue of DOMAIN.md as code: the codes of its recipient categories, aid types, funding
 * sources, appeal kinds and channels, the kind and default funding sources of each aid type, and the
 * report groups. Their names in the four languages are the seed's (catalogue-seed.ts).
 *
 * The catalogue is data an administrator can extend without a release; these lists describe the
 * release's part of it. The code unions give handlers and tests exhaustiveness checks. Everything
 * here is small enough for every Lambda bundle to carry (issue 7); the zod enums of the codes are
 * built where a body is checked against them (applicant.ts, appeal.ts, decision.ts), as esbuild
 * keeps a module-level schema in every bundle that imports its module. No zod here at all: the web
 * app's start page imports these lists, and zod arrives with the forms (docs/performance.md §17).
 */

export const languages = ['en', 'uk', 'ru', 'zh'] as const;
export type Language = (typeof languages)[number];

export type LocalizedText = { en: string; uk: string; ru: string; zh: string };

/** The locale used to format numbers, money and dates for each language. */
export const localeOf: Record<Language, string> = { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU', zh: 'zh-CN' };

export function localize(text: LocalizedText, language: Language): string {
  return text[language];
}

// ---------------------------------------------------------------------------------------------
// Recipient categories

export const categoryCodes = [
  'pensioner',
  'disabled',
  'disabled_child',
  'wheelchair_or_bedridden',
  'family_with_children',
  'large_family',
  'single_parent',
  'low_income',
  'war_veteran',
  'labour_veteran',
  'military_family',
  'released_from_prison',
  'homeless',
  'emergency_victim',
  'aged_80_plus_immobile',
  'other_hardship',
] as const;
export type CategoryCode = (typeof categoryCodes)[number];

// ---------------------------------------------------------------------------------------------
// Funding sources

export const fundingSourceCodes = [
  'regional_budget',
  'municipal_programme',
  'own_income',
  'charity',
  'other_sources',
] as const;
export type FundingSourceCode = (typeof fundingSourceCodes)[number];

// ---------------------------------------------------------------------------------------------
// Aid types

export const aidKinds = [
  'money',
  'in_kind',
  'money_or_works',
  'money_or_in_kind',
  'service',
  'premium',
] as const;
export type AidKind = (typeof aidKinds)[number];

export const aidTypeCodes = [
  'cash',
  'food_set',
  'vegetable_set',
  'fuel',
  'housing_repair',
  'medical_treatment',
  'clothing',
  'fire_detector',
  'flood_insurance',
  'wildfire_insurance',
  'school_start',
  'new_year_gift',
  'seed_potatoes',
  'essentials',
  'social_taxi',
] as const;
export type AidTypeCode = (typeof aidTypeCodes)[number];

/** What the release says of each of its aid types besides the names. */
export interface AidTypeDefaults {
  kind: AidKind;
  /**
   * Where the money usually comes from, first choice first. The approver may pick another source;
   * this only pre-selects one on the approval form.
   */
  defaultFundingSources: readonly FundingSourceCode[];
}

/*
 * Default funding sources are not in DOMAIN.md; they follow the offices' reports: cash and
 * treatment from the budgets, donated goods (coal, seed potatoes, clothes, gifts) from charity and
 * other sources, programme items (detectors, insurance, taxi) from the municipal programme.
 *
 * A stored catalogue entry overrides both for its code (functions/lib/store/catalogue.ts); the
 * review ladder and the payout channel go by the release's kind (`aidKindOf`).
 */
export const aidTypeDefaults: Readonly<Record<AidTypeCode, AidTypeDefaults>> = {
  cash: { kind: 'money', defaultFundingSources: ['regional_budget', 'municipal_programme'] },
  food_set: { kind: 'in_kind', defaultFundingSources: ['municipal_programme', 'charity'] },
  vegetable_set: { kind: 'in_kind', defaultFundingSources: ['municipal_programme', 'charity'] },
  fuel: { kind: 'in_kind', defaultFundingSources: ['charity', 'other_sources', 'regional_budget'] },
  housing_repair: {
    kind: 'money_or_works',
    defaultFundingSources: ['municipal_programme', 'regional_budget'],
  },
  medical_treatment: { kind: 'money', defaultFundingSources: ['regional_budget', 'municipal_programme'] },
  clothing: { kind: 'in_kind', defaultFundingSources: ['charity'] },
  fire_detector: { kind: 'in_kind', defaultFundingSources: ['municipal_programme'] },
  flood_insurance: { kind: 'premium', defaultFundingSources: ['municipal_programme'] },
  wildfire_insurance: { kind: 'premium', defaultFundingSources: ['municipal_programme'] },
  school_start: { kind: 'money_or_in_kind', defaultFundingSources: ['municipal_programme', 'charity'] },
  new_year_gift: { kind: 'in_kind', defaultFundingSources: ['charity', 'own_income'] },
  seed_potatoes: { kind: 'in_kind', defaultFundingSources: ['charity', 'other_sources'] },
  essentials: { kind: 'in_kind', defaultFundingSources: ['charity', 'own_income'] },
  social_taxi: { kind: 'service', defaultFundingSources: ['municipal_programme', 'own_income'] },
};

/** The kind of one of this release's aid types; undefined for a code it does not know. */
export function aidKindOf(code: string): AidKind | undefined {
  return Object.hasOwn(aidTypeDefaults, code) ? aidTypeDefaults[code as AidTypeCode].kind : undefined;
}

// ---------------------------------------------------------------------------------------------
// Appeals

export const appealKindCodes = ['proposal', 'request', 'complaint'] as const;
export type AppealKind = (typeof appealKindCodes)[number];

export const appealChannelCodes = [
  'web',
  'email',
  'post',
  'personal_reception',
  'phone',
  'outreach',
] as const;
export type AppealChannel = (typeof appealChannelCodes)[number];

// ---------------------------------------------------------------------------------------------
// Report groups (DOMAIN.md "Report groups")

export const reportGroups = ['families', 'disabled', 'pensioners', 'other'] as const;
export type ReportGroup = (typeof reportGroups)[number];

// Lists, not sets: a module-level `new Set` stays in every bundle that imports this module.
const familyCategories: readonly string[] = [
  'family_with_children',
  'large_family',
  'single_parent',
  'disabled_child',
];
const disabledCategories: readonly string[] = ['disabled', 'wheelchair_or_bedridden'];
const pensionerCategories: readonly string[] = ['pensioner', 'labour_veteran', 'war_veteran'];

/**
 * The finance report's group of a recipient. Each recipient lands in exactly one group so that
 * `adults` = disabled + pensioners + other adds up. Where several apply the first wins, in the
 * order DOMAIN.md lists them: families with children, then disabled, then pensioners, then other
 * (a disabled pensioner is counted among the disabled).
 */
export function reportGroupOf(categories: readonly string[], household: { children: number }): ReportGroup {
  if (household.children > 0 || categories.some((c) => familyCategories.includes(c))) return 'families';
  if (categories.some((c) => disabledCategories.includes(c))) return 'disabled';
  if (categories.some((c) => pensionerCategories.includes(c))) return 'pensioners';
  return 'other';
}
