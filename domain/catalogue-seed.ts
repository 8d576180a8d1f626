import {
  type AidKind,
  type AidTypeCode,
  type AppealChannel,
  type AppealKind,
  aidTypeDefaults,
  type CategoryCode,
  type FundingSourceCode,
  type Language,
  type LocalizedText,
} from './catalogue.js';
import type { Catalogue } from './catalogue-entries.js';

/**
 * The release's catalogue as `npm start` seeds it: every code of catalogue.ts named in the four
 * languages of the offices AidFlow serves.
 *
 * Handlers go by the codes and aid-type defaults of catalogue.ts and by what administrators stored;
 * only the catalogue's own endpoint (GET /v1/catalogue, with the entries stored over these) and the
 * eligibility explanations show these names. Out of the other Lambda bundles, the four-language
 * lists cost them nothing (issue 7). Keep it so: no handler module imports this one.
 */

export interface RecipientCategory {
  code: CategoryCode;
  name: LocalizedText;
}

export interface FundingSource {
  code: FundingSourceCode;
  name: LocalizedText;
}

export interface AidType {
  code: AidTypeCode;
  name: LocalizedText;
  kind: AidKind;
  /** Where the money usually comes from, first choice first (catalogue.ts `aidTypeDefaults`). */
  defaultFundingSources: readonly FundingSourceCode[];
}

export const recipientCategories: readonly RecipientCategory[] = [
  {
    code: 'pensioner',
    name: { en: 'pensioner', uk: 'пенсіонер', ru: 'пенсионер', zh: '退休人员' },
  },
  {
    code: 'disabled',
    name: {
      en: 'person with a disability (group 1, 2, 3)',
      uk: 'особа з інвалідністю',
      ru: 'инвалид',
      zh: '残疾人（一、二、三级）',
    },
  },
  {
    code: 'disabled_child',
    name: {
      en: 'child with a disability',
      uk: 'дитина з інвалідністю',
      ru: 'ребёнок-инвалид',
      zh: '残疾儿童',
    },
  },
  {
    code: 'wheelchair_or_bedridden',
    name: {
      en: 'wheelchair user or bedridden',
      uk: 'особа на візку / лежача',
      ru: 'инвалид-колясочник / лежачий',
      zh: '轮椅使用者或长期卧床者',
    },
  },
  {
    code: 'family_with_children',
    name: { en: 'family with children', uk: "сім'я з дітьми", ru: 'семья с детьми', zh: '有子女家庭' },
  },
  {
    code: 'large_family',
    name: {
      en: 'large family (3+ children)',
      uk: "багатодітна сім'я",
      ru: 'многодетная семья',
      zh: '多子女家庭（3个及以上子女）',
    },
  },
  {
    code: 'single_parent',
    name: {
      en: 'single-parent family',
      uk: "неповна сім'я (один з батьків)",
      ru: 'неполная семья (один родитель)',
      zh: '单亲家庭',
    },
  },
  {
    code: 'low_income',
    name: {
      en: 'low-income (income below the subsistence minimum)',
      uk: 'малозабезпечені',
      ru: 'малообеспеченные',
      zh: '低收入人员（收入低于最低生活标准）',
    },
  },
  {
    code: 'war_veteran',
    name: {
      en: 'war veteran / participant',
      uk: 'ветеран війни',
      ru: 'участник ВОВ, ветеран боевых действий',
      zh: '战争老兵／参战人员',
    },
  },
  {
    code: 'labour_veteran',
    name: { en: 'labour veteran', uk: 'ветеран праці', ru: 'ветеран труда', zh: '劳动老战士' },
  },
  {
    code: 'military_family',
    name: {
      en: 'family of a serviceman who died on duty',
      uk: "сім'я загиблого військовослужбовця",
      ru: 'семья погибшего военнослужащего',
      zh: '因公牺牲军人家庭',
    },
  },
  {
    code: 'released_from_prison',
    name: {
      en: 'released from a place of detention',
      uk: 'звільнений з місць позбавлення волі',
      ru: 'освободившийся из мест лишения свободы',
      zh: '刑满释放人员',
    },
  },
  {
    code: 'homeless',
    name: {
      en: 'person without a fixed place of residence',
      uk: 'особа без визначеного місця проживання',
      ru: 'лицо без определённого места жительства',
      zh: '无固定住所人员',
    },
  },
  {
    code: 'emergency_victim',
    name: {
      en: 'victim of a flood, fire or other emergency',
      uk: 'постраждалий від НС',
      ru: 'пострадавший от ЧС',
      zh: '洪水、火灾等突发事件受灾人员',
    },
  },
  {
    code: 'aged_80_plus_immobile',
    name: {
      en: 'over 80 and unable to move about',
      uk: 'старше 80 років, маломобільні',
      ru: 'старше 80 лет, утратившие способность к передвижению',
      zh: '80岁以上行动不便老人',
    },
  },
  {
    code: 'other_hardship',
    name: {
      en: 'other citizen in a difficult life situation',
      uk: 'інші, у складних життєвих обставинах',
      ru: 'прочие, в трудной жизненной ситуации',
      zh: '其他生活困难人员',
    },
  },
];

export const fundingSources: readonly FundingSource[] = [
  {
    code: 'regional_budget',
    name: { en: 'regional budget', uk: 'обласний бюджет', ru: 'областной бюджет', zh: '地区（州级）预算' },
  },
  {
    code: 'municipal_programme',
    name: {
      en: 'municipal targeted programme',
      uk: 'муніципальна цільова програма',
      ru: 'муниципальная целевая программа',
      zh: '市级专项计划',
    },
  },
  {
    code: 'own_income',
    name: {
      en: "the centre's own income from paid services",
      uk: 'власні доходи центру від платних послуг',
      ru: 'доходы центра',
      zh: '中心有偿服务自有收入',
    },
  },
  {
    code: 'charity',
    name: {
      en: 'charitable donations',
      uk: 'благодійні надходження',
      ru: 'благотворительные поступления',
      zh: '慈善捐赠',
    },
  },
  {
    code: 'other_sources',
    name: {
      en: 'other sources (e.g. coal donated by a company)',
      uk: 'інші джерела (наприклад, вугілля, передане підприємством)',
      ru: 'другие источники',
      zh: '其他来源（如企业捐赠的煤炭）',
    },
  },
];

const aidTypeNames: readonly { code: AidTypeCode; name: LocalizedText }[] = [
  {
    code: 'cash',
    name: {
      en: 'material aid in money',
      uk: 'матеріальна допомога в грошовій формі',
      ru: 'материальная помощь в денежном выражении',
      zh: '现金物质救助',
    },
  },
  {
    code: 'food_set',
    name: { en: 'food set', uk: 'продуктовий набір', ru: 'продуктовый набор', zh: '食品包' },
  },
  {
    code: 'vegetable_set',
    name: {
      en: 'vegetable set (with delivery)',
      uk: 'овочевий набір (з доставкою)',
      ru: 'овощной набор',
      zh: '蔬菜包（送货上门）',
    },
  },
  {
    code: 'fuel',
    name: {
      en: 'fuel / coal for heating',
      uk: 'паливо, вугілля для опалення',
      ru: 'топливо, уголь',
      zh: '取暖燃料／煤炭',
    },
  },
  {
    code: 'housing_repair',
    name: { en: 'housing repair', uk: 'ремонт житла', ru: 'ремонт жилья', zh: '住房维修' },
  },
  {
    code: 'medical_treatment',
    name: { en: 'treatment', uk: 'лікування', ru: 'лечение', zh: '医疗救助' },
  },
  {
    code: 'clothing',
    name: { en: 'clothing and footwear', uk: 'одяг і взуття', ru: 'одежда, обувь', zh: '衣物鞋袜' },
  },
  {
    code: 'fire_detector',
    name: {
      en: 'autonomous smoke detector installed',
      uk: 'встановлення автономного пожежного сповіщувача',
      ru: 'пожарный извещатель',
      zh: '安装独立式感烟火灾探测报警器',
    },
  },
  {
    code: 'flood_insurance',
    name: {
      en: 'flood insurance of home and property',
      uk: 'страхування житла та майна від паводку',
      ru: 'страхование от паводка',
      zh: '住房及财产洪水保险',
    },
  },
  {
    code: 'wildfire_insurance',
    name: {
      en: 'wildfire insurance of home and property',
      uk: 'страхування житла та майна від лісових пожеж',
      ru: 'страхование от лесных пожаров',
      zh: '住房及财产森林火灾保险',
    },
  },
  {
    code: 'school_start',
    name: {
      en: 'school-start support ("1 September for every pupil")',
      uk: 'допомога до навчального року («Перше вересня — кожному школяреві»)',
      ru: '«Первое сентября — каждому школьнику»',
      zh: '开学助学（“九月一日——关爱每一名学生”）',
    },
  },
  {
    code: 'new_year_gift',
    name: {
      en: 'New Year gift for a child',
      uk: 'новорічний подарунок для дитини',
      ru: 'новогодний подарок',
      zh: '儿童新年礼物',
    },
  },
  {
    code: 'seed_potatoes',
    name: { en: 'seed potatoes', uk: 'насіннєва картопля', ru: 'семенной картофель', zh: '种薯' },
  },
  {
    code: 'essentials',
    name: {
      en: 'essentials (nappies, hygiene, stationery)',
      uk: 'предмети першої необхідності (підгузки, гігієна, канцтовари)',
      ru: 'предметы первой необходимости',
      zh: '生活必需品（尿布、卫生用品、文具）',
    },
  },
  {
    code: 'social_taxi',
    name: { en: 'social taxi trip', uk: 'соціальне таксі', ru: 'социальное такси', zh: '社会出租车出行服务' },
  },
];

// The kind and default funding sources are catalogue.ts's: handlers need them, not the names.
export const aidTypes: readonly AidType[] = aidTypeNames.map(({ code, name }) => ({
  code,
  name,
  ...aidTypeDefaults[code],
}));

export const appealKinds: readonly { code: AppealKind; name: LocalizedText }[] = [
  { code: 'proposal', name: { en: 'proposal', uk: 'пропозиція', ru: 'предложение', zh: '建议' } },
  { code: 'request', name: { en: 'request', uk: 'заява', ru: 'заявление', zh: '申请' } },
  { code: 'complaint', name: { en: 'complaint', uk: 'скарга', ru: 'жалоба', zh: '投诉' } },
];

export const appealChannels: readonly { code: AppealChannel; name: LocalizedText }[] = [
  { code: 'web', name: { en: 'web form', uk: 'вебформа', ru: 'интернет-приёмная', zh: '网上信访' } },
  { code: 'email', name: { en: 'email', uk: 'електронна пошта', ru: 'электронная почта', zh: '电子邮件' } },
  { code: 'post', name: { en: 'post', uk: 'пошта', ru: 'почта', zh: '来信' } },
  {
    code: 'personal_reception',
    name: { en: 'personal reception', uk: 'особистий прийом', ru: 'личный приём', zh: '来访接待' },
  },
  {
    code: 'phone',
    name: {
      en: 'phone (hotline)',
      uk: 'телефон (гаряча лінія)',
      ru: 'телефон (горячая линия)',
      zh: '热线电话',
    },
  },
  {
    code: 'outreach',
    name: {
      en: 'on-site reception in a remote settlement',
      uk: 'виїзний прийом у віддаленому населеному пункті',
      ru: 'выездной приём в отдалённых населённых пунктах',
      zh: '偏远地区下访接待',
    },
  },
];

/** Everything `npm start` seeds into the catalogue. */
export const catalogueSeed = {
  recipientCategories,
  aidTypes,
  fundingSources,
  appealKinds,
  appealChannels,
} as const;

/** The release's seed as a catalogue: what GET /v1/catalogue shows before anything is stored. */
export const seedCatalogue: Catalogue = { recipientCategories, aidTypes, fundingSources };

function aidTypeOf(code: string): AidType | undefined {
  return aidTypes.find((t) => t.code === code);
}

export function categoryName(code: string, language: Language): string {
  const category = recipientCategories.find((c) => c.code === code);
  // A category an administrator added after this release is shown by its code, not dropped.
  return category ? category.name[language] : code;
}

export function aidTypeName(code: string, language: Language): string {
  return aidTypeOf(code)?.name[language] ?? code;
}
