import {
  type AidTypeCode,
  type CategoryCode,
  type Language,
  type LocalizedText,
  localeOf,
} from './catalogue.js';
import { categoryName } from './catalogue-seed.js';
import type { EligibilityPolicy, RuleCondition, RuleSet } from './eligibility.js';
import { formatMoney } from './money.js';

/**
 * The demo rule set of DOMAIN.md, seeded by `npm start`. It is plain data (JSON after building):
 * an administrator replaces it through the rules API without a release. The builders below only
 * keep the four languages of each message side by side.
 *
 * Where DOMAIN.md is silent (food set, housing repair, treatment, clothing, school start, New Year
 * gift, seed potatoes, essentials) the rule is a simple category list chosen from the offices'
 * programmes, marked "not in DOMAIN.md" below.
 */

const CURRENCY = 'RUB';
const EFFECTIVE_FROM = '2026-01-01';

export const demoPolicy: EligibilityPolicy = {
  id: 'subsistence-minimum-2026',
  effectiveFrom: EFFECTIVE_FROM,
  currency: CURRENCY,
  // 15 000 RUB per person per month.
  subsistenceMinimumMinor: 1_500_000,
  // The demo office is in Russia: "today" and payment dates are Moscow dates.
  timeZone: 'Europe/Moscow',
};

/** Upper limits for cash aid (DOMAIN.md): per person, and for families with children or emergency victims. */
const CASH_LIMIT_MINOR = 5_000_000;
const CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR = 10_000_000;
const CASH_AID_INTERVAL_MONTHS = 12;

type Builder = (language: Language) => string;
const each = (f: Builder): LocalizedText => ({ en: f('en'), uk: f('uk'), ru: f('ru'), zh: f('zh') });
const rub = (language: Language, minor: number) =>
  formatMoney({ currency: CURRENCY, minor }, localeOf[language]);
const listOf = (codes: readonly CategoryCode[], language: Language) =>
  codes.map((c) => categoryName(c, language)).join(language === 'zh' ? '、' : '; ');

const REVIEW_NOTE: LocalizedText = {
  en: ' A specialist will consider your situation.',
  uk: ' Спеціаліст розгляне вашу ситуацію.',
  ru: ' Специалист рассмотрит вашу ситуацию.',
  zh: '工作人员将对您的情况进行审核。',
};

type Rule = RuleSet['rules'][number];

// --- conditions -------------------------------------------------------------------------------

const inCategories = (codes: readonly CategoryCode[]): RuleCondition => ({
  fact: 'categories',
  operator: 'someFact:in',
  value: [...codes],
});
const hasCategory = (code: CategoryCode): RuleCondition => ({
  fact: 'categories',
  operator: 'contains',
  value: code,
});
const incomeBelowMinimum: RuleCondition = {
  fact: 'perCapitaIncomeMinor',
  operator: 'lessThan',
  value: { fact: 'subsistenceMinimumMinor' },
};
const hasChildren: RuleCondition = { fact: 'hasChildren', operator: 'equal', value: true };

// --- rules ------------------------------------------------------------------------------------

function categoryRule(codes: readonly CategoryCode[]): Rule {
  return {
    code: 'eligible_category',
    mandatory: true,
    description: each(
      (l) =>
        ({
          en: `The applicant belongs to one of: ${listOf(codes, l)}.`,
          uk: `Заявник належить до однієї з категорій: ${listOf(codes, l)}.`,
          ru: `Заявитель относится к одной из категорий: ${listOf(codes, l)}.`,
          zh: `申请人属于以下类别之一：${listOf(codes, l)}。`,
        })[l],
    ),
    messages: {
      pass: {
        en: 'Your categories ({categories}) include one this aid is for.',
        uk: 'Серед ваших категорій ({categories}) є та, для якої призначена ця допомога.',
        ru: 'Среди ваших категорий ({categories}) есть та, для которой предназначена эта помощь.',
        zh: '您申报的类别（{categories}）属于本项救助的对象。',
      },
      fail: each(
        (l) =>
          ({
            en: `This aid is for: ${listOf(codes, l)}. None of your categories ({categories}) is among them.`,
            uk: `Ця допомога призначена для таких категорій: ${listOf(codes, l)}. Жодна з ваших категорій ({categories}) до них не належить.`,
            ru: `Эта помощь предназначена для следующих категорий: ${listOf(codes, l)}. Ни одна из ваших категорий ({categories}) к ним не относится.`,
            zh: `本项救助的对象为：${listOf(codes, l)}。您申报的类别（{categories}）均不在其中。`,
          })[l],
      ),
    },
    conditions: { all: [inCategories(codes)] },
  };
}

/** Income per person below the subsistence minimum; discretionary where a specialist may still help. */
function incomeRule(mandatory: boolean): Rule {
  const note = (l: Language) => (mandatory ? '' : REVIEW_NOTE[l]);
  return {
    code: 'income_below_minimum',
    mandatory,
    description: {
      en: "The household's income per person is below the subsistence minimum.",
      uk: "Дохід сім'ї на одну особу нижчий за прожитковий мінімум.",
      ru: 'Доход семьи на одного человека ниже прожиточного минимума.',
      zh: '家庭人均月收入低于最低生活标准。',
    },
    messages: {
      pass: {
        en: "Your household's income per person ({perCapitaIncome}) is below the subsistence minimum ({subsistenceMinimum}).",
        uk: "Дохід вашої сім'ї на одну особу ({perCapitaIncome}) нижчий за прожитковий мінімум ({subsistenceMinimum}).",
        ru: 'Доход вашей семьи на одного человека ({perCapitaIncome}) ниже прожиточного минимума ({subsistenceMinimum}).',
        zh: '您家庭的人均月收入（{perCapitaIncome}）低于最低生活标准（{subsistenceMinimum}）。',
      },
      fail: each(
        (l) =>
          ({
            en: "Your household's income per person ({perCapitaIncome}) is not below the subsistence minimum ({subsistenceMinimum}).",
            uk: "Дохід вашої сім'ї на одну особу ({perCapitaIncome}) не нижчий за прожитковий мінімум ({subsistenceMinimum}).",
            ru: 'Доход вашей семьи на одного человека ({perCapitaIncome}) не ниже прожиточного минимума ({subsistenceMinimum}).',
            zh: '您家庭的人均月收入（{perCapitaIncome}）不低于最低生活标准（{subsistenceMinimum}）。',
          })[l] + note(l),
      ),
    },
    conditions: { all: [incomeBelowMinimum] },
  };
}

const childrenRule: Rule = {
  code: 'household_has_children',
  mandatory: true,
  description: {
    en: 'There is at least one child in the household.',
    uk: "У сім'ї є щонайменше одна дитина.",
    ru: 'В семье есть хотя бы один ребёнок.',
    zh: '家庭中至少有一名子女。',
  },
  messages: {
    pass: {
      en: 'Children in your household: {children}.',
      uk: "Дітей у вашій сім'ї: {children}.",
      ru: 'Детей в вашей семье: {children}.',
      zh: '您家庭中的子女人数：{children}。',
    },
    fail: {
      en: 'This aid is for households with children, and your household has none.',
      uk: "Ця допомога призначена для сімей з дітьми, а у вашій сім'ї дітей немає.",
      ru: 'Эта помощь предназначена семьям с детьми, а в вашей семье детей нет.',
      zh: '本项救助面向有子女的家庭，您的家庭中没有子女。',
    },
  },
  conditions: { all: [hasChildren] },
};

// Cash aid (DOMAIN.md "The demo rule set"): need, frequency, limit; all mandatory.

const cashNeedRule: Rule = {
  code: 'income_below_minimum_or_emergency',
  mandatory: true,
  description: {
    en: "The household's income per person is below the subsistence minimum, or the applicant is a victim of an emergency.",
    uk: "Дохід сім'ї на одну особу нижчий за прожитковий мінімум, або заявник постраждав від надзвичайної ситуації.",
    ru: 'Доход семьи на одного человека ниже прожиточного минимума, или заявитель пострадал от чрезвычайной ситуации.',
    zh: '家庭人均月收入低于最低生活标准，或申请人为突发事件受灾人员。',
  },
  messages: {
    pass: {
      en: 'Cash aid is for households whose income per person is below the subsistence minimum ({subsistenceMinimum}) and for victims of emergencies; you meet this condition (income per person {perCapitaIncome}).',
      uk: 'Грошова допомога призначена для сімей із доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}) та для постраждалих від надзвичайних ситуацій; ви відповідаєте цій умові (дохід на одну особу {perCapitaIncome}).',
      ru: 'Денежная помощь предназначена семьям с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}) и пострадавшим от чрезвычайных ситуаций; вы соответствуете этому условию (доход на одного человека {perCapitaIncome}).',
      zh: '现金救助面向人均月收入低于最低生活标准（{subsistenceMinimum}）的家庭及突发事件受灾人员；您符合该条件（人均月收入 {perCapitaIncome}）。',
    },
    fail: {
      en: "Cash aid is for households whose income per person is below the subsistence minimum ({subsistenceMinimum}) and for victims of emergencies. Your household's income per person is {perCapitaIncome}, and you did not claim to be a victim of an emergency.",
      uk: "Грошова допомога призначена для сімей із доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}) та для постраждалих від надзвичайних ситуацій. Дохід вашої сім'ї на одну особу становить {perCapitaIncome}, і ви не зазначили, що постраждали від надзвичайної ситуації.",
      ru: 'Денежная помощь предназначена семьям с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}) и пострадавшим от чрезвычайных ситуаций. Доход вашей семьи на одного человека составляет {perCapitaIncome}, и вы не указали, что пострадали от чрезвычайной ситуации.',
      zh: '现金救助面向人均月收入低于最低生活标准（{subsistenceMinimum}）的家庭及突发事件受灾人员。您家庭的人均月收入为 {perCapitaIncome}，且您未申报为突发事件受灾人员。',
    },
  },
  conditions: { any: [incomeBelowMinimum, hasCategory('emergency_victim')] },
};

const cashFrequencyRule: Rule = {
  code: 'once_in_12_months',
  mandatory: true,
  description: {
    en: 'No cash aid was paid to the applicant in the last 12 months.',
    uk: 'За останні 12 місяців заявник не отримував грошової допомоги.',
    ru: 'За последние 12 месяцев заявителю не выплачивалась денежная помощь.',
    zh: '申请人在过去12个月内未领取过现金救助。',
  },
  messages: {
    pass: {
      en: 'Cash aid is paid at most once in 12 months; you have not received it in the last 12 months.',
      uk: 'Грошова допомога надається не частіше одного разу на 12 місяців; за останні 12 місяців ви її не отримували.',
      ru: 'Денежная помощь оказывается не чаще одного раза в 12 месяцев; за последние 12 месяцев вы её не получали.',
      zh: '现金救助每12个月最多发放一次；您在过去12个月内未领取过。',
    },
    fail: {
      en: 'Cash aid is paid at most once in 12 months; you last received it on {lastCashAidDate} ({monthsSinceLastCashAid} full months ago).',
      uk: 'Грошова допомога надається не частіше одного разу на 12 місяців; востаннє ви отримали її {lastCashAidDate} (повних місяців тому: {monthsSinceLastCashAid}).',
      ru: 'Денежная помощь оказывается не чаще одного раза в 12 месяцев; в последний раз вы получили её {lastCashAidDate} (полных месяцев назад: {monthsSinceLastCashAid}).',
      zh: '现金救助每12个月最多发放一次；您上次领取时间为 {lastCashAidDate}（{monthsSinceLastCashAid} 个整月前）。',
    },
  },
  conditions: {
    any: [
      { fact: 'receivedCashAidBefore', operator: 'equal', value: false },
      { fact: 'monthsSinceLastCashAid', operator: 'greaterThanInclusive', value: CASH_AID_INTERVAL_MONTHS },
    ],
  },
};

/*
 * "Upper limit 50 000 RUB per person": read as the most one person may receive in one
 * application (not multiplied by household size). Above the limit the application is ineligible
 * (mandatory) rather than silently cut: the letter states the limit so the person can reapply, and
 * a reviewer never has to guess which amount was meant.
 */
const cashLimitRule: Rule = {
  code: 'within_cash_limit',
  mandatory: true,
  description: each(
    (l) =>
      ({
        en: `The requested amount is at most ${rub(l, CASH_LIMIT_MINOR)}, or ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} for families with children and victims of emergencies.`,
        uk: `Запитана сума не перевищує ${rub(l, CASH_LIMIT_MINOR)}, або ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для сімей з дітьми та постраждалих від НС.`,
        ru: `Запрошенная сумма не превышает ${rub(l, CASH_LIMIT_MINOR)}, или ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для семей с детьми и пострадавших от ЧС.`,
        zh: `申请金额不超过 ${rub(l, CASH_LIMIT_MINOR)}；有子女家庭及突发事件受灾人员不超过 ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)}。`,
      })[l],
  ),
  messages: {
    pass: each(
      (l) =>
        ({
          en: `The requested amount ({requestedAmount}) is within the limit: ${rub(l, CASH_LIMIT_MINOR)} per person, ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} for families with children and victims of emergencies.`,
          uk: `Запитана сума ({requestedAmount}) не перевищує граничну: ${rub(l, CASH_LIMIT_MINOR)} на особу, ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для сімей з дітьми та постраждалих від НС.`,
          ru: `Запрошенная сумма ({requestedAmount}) не превышает предельную: ${rub(l, CASH_LIMIT_MINOR)} на человека, ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для семей с детьми и пострадавших от ЧС.`,
          zh: `申请金额（{requestedAmount}）未超过上限：每人 ${rub(l, CASH_LIMIT_MINOR)}，有子女家庭及突发事件受灾人员 ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)}。`,
        })[l],
    ),
    fail: each(
      (l) =>
        ({
          en: `The requested amount ({requestedAmount}) is above the limit of ${rub(l, CASH_LIMIT_MINOR)} per person (${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} for families with children and victims of emergencies). You may apply again for an amount within the limit.`,
          uk: `Запитана сума ({requestedAmount}) перевищує граничну суму ${rub(l, CASH_LIMIT_MINOR)} на особу (${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для сімей з дітьми та постраждалих від НС). Ви можете подати нову заяву на суму в межах ліміту.`,
          ru: `Запрошенная сумма ({requestedAmount}) превышает предельную сумму ${rub(l, CASH_LIMIT_MINOR)} на человека (${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)} для семей с детьми и пострадавших от ЧС). Вы можете подать новое заявление на сумму в пределах лимита.`,
          zh: `申请金额（{requestedAmount}）超过上限：每人 ${rub(l, CASH_LIMIT_MINOR)}（有子女家庭及突发事件受灾人员为 ${rub(l, CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR)}）。您可按上限以内的金额重新申请。`,
        })[l],
    ),
  },
  conditions: {
    any: [
      { fact: 'requestedAmountMinor', operator: 'lessThanInclusive', value: CASH_LIMIT_MINOR },
      {
        all: [
          {
            any: [
              { fact: 'isFamilyWithChildren', operator: 'equal', value: true },
              hasCategory('emergency_victim'),
            ],
          },
          {
            fact: 'requestedAmountMinor',
            operator: 'lessThanInclusive',
            value: CASH_LIMIT_FAMILY_OR_EMERGENCY_MINOR,
          },
        ],
      },
    ],
  },
};

// Charitable coal: low-income pensioners and low-income families with children.
const lowIncomePensionerOrFamilyRule: Rule = {
  code: 'low_income_pensioner_or_family',
  mandatory: true,
  description: {
    en: 'A pensioner, or a family with children, whose income per person is below the subsistence minimum.',
    uk: "Пенсіонер або сім'я з дітьми з доходом на одну особу нижче прожиткового мінімуму.",
    ru: 'Пенсионер или семья с детьми с доходом на одного человека ниже прожиточного минимума.',
    zh: '人均月收入低于最低生活标准的退休人员或有子女家庭。',
  },
  messages: {
    pass: {
      en: 'This aid is for pensioners and families with children whose income per person is below the subsistence minimum ({subsistenceMinimum}); you meet this condition (income per person {perCapitaIncome}).',
      uk: 'Ця допомога призначена для пенсіонерів і сімей з дітьми з доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}); ви відповідаєте цій умові (дохід на одну особу {perCapitaIncome}).',
      ru: 'Эта помощь предназначена пенсионерам и семьям с детьми с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}); вы соответствуете этому условию (доход на одного человека {perCapitaIncome}).',
      zh: '本项救助面向人均月收入低于最低生活标准（{subsistenceMinimum}）的退休人员和有子女家庭；您符合该条件（人均月收入 {perCapitaIncome}）。',
    },
    fail: {
      en: "This aid is for pensioners and families with children whose income per person is below the subsistence minimum ({subsistenceMinimum}). Your household's income per person is {perCapitaIncome}; your categories: {categories}.",
      uk: "Ця допомога призначена для пенсіонерів і сімей з дітьми з доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}). Дохід вашої сім'ї на одну особу: {perCapitaIncome}; ваші категорії: {categories}.",
      ru: 'Эта помощь предназначена пенсионерам и семьям с детьми с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}). Доход вашей семьи на одного человека: {perCapitaIncome}; ваши категории: {categories}.',
      zh: '本项救助面向人均月收入低于最低生活标准（{subsistenceMinimum}）的退休人员和有子女家庭。您家庭的人均月收入为 {perCapitaIncome}；您申报的类别：{categories}。',
    },
  },
  conditions: {
    any: [
      { all: [hasCategory('pensioner'), incomeBelowMinimum] },
      { all: [{ fact: 'isFamilyWithChildren', operator: 'equal', value: true }, incomeBelowMinimum] },
    ],
  },
};

/*
 * Flood / wildfire insurance: "low-income and large families with minor children, low-income
 * citizens and pensioners with income below the subsistence minimum". Whether the home is in a
 * settlement at risk is not a fact the application carries: the reviewer checks it against the
 * municipality's list.
 */
const insuranceRule: Rule = {
  code: 'insurance_target_group',
  mandatory: true,
  description: {
    en: 'A low-income or large family with children, or a low-income citizen or pensioner whose income per person is below the subsistence minimum.',
    uk: "Малозабезпечена або багатодітна сім'я з дітьми, або малозабезпечений громадянин чи пенсіонер з доходом на одну особу нижче прожиткового мінімуму.",
    ru: 'Малообеспеченная или многодетная семья с детьми, либо малообеспеченный гражданин или пенсионер с доходом на одного человека ниже прожиточного минимума.',
    zh: '有子女的低收入家庭或多子女家庭，或人均月收入低于最低生活标准的低收入人员及退休人员。',
  },
  messages: {
    pass: {
      en: 'Insurance is paid for low-income and large families with children, and for low-income citizens and pensioners whose income per person is below the subsistence minimum ({subsistenceMinimum}); you meet this condition.',
      uk: 'Страхування оплачується для малозабезпечених і багатодітних сімей з дітьми, а також для малозабезпечених громадян і пенсіонерів з доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}); ви відповідаєте цій умові.',
      ru: 'Страхование оплачивается малообеспеченным и многодетным семьям с детьми, а также малообеспеченным гражданам и пенсионерам с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}); вы соответствуете этому условию.',
      zh: '保险费面向有子女的低收入家庭和多子女家庭，以及人均月收入低于最低生活标准（{subsistenceMinimum}）的低收入人员和退休人员；您符合该条件。',
    },
    fail: {
      en: 'Insurance is paid for low-income and large families with children, and for low-income citizens and pensioners whose income per person is below the subsistence minimum ({subsistenceMinimum}). Your categories ({categories}), children ({children}) and income per person ({perCapitaIncome}) do not meet this.',
      uk: 'Страхування оплачується для малозабезпечених і багатодітних сімей з дітьми, а також для малозабезпечених громадян і пенсіонерів з доходом на одну особу нижче прожиткового мінімуму ({subsistenceMinimum}). Ваші категорії ({categories}), кількість дітей ({children}) і дохід на одну особу ({perCapitaIncome}) цій умові не відповідають.',
      ru: 'Страхование оплачивается малообеспеченным и многодетным семьям с детьми, а также малообеспеченным гражданам и пенсионерам с доходом на одного человека ниже прожиточного минимума ({subsistenceMinimum}). Ваши категории ({categories}), число детей ({children}) и доход на одного человека ({perCapitaIncome}) этому условию не соответствуют.',
      zh: '保险费面向有子女的低收入家庭和多子女家庭，以及人均月收入低于最低生活标准（{subsistenceMinimum}）的低收入人员和退休人员。您申报的类别（{categories}）、子女人数（{children}）和人均月收入（{perCapitaIncome}）不符合该条件。',
    },
  },
  conditions: {
    any: [
      { all: [inCategories(['low_income', 'large_family']), hasChildren] },
      { all: [inCategories(['low_income', 'pensioner']), incomeBelowMinimum] },
    ],
  },
};

/** Social taxi: a claimed "over 80" category that the birth date contradicts is flagged for the reviewer. */
const ageMatchesCategoryRule: Rule = {
  code: 'age_matches_80_plus',
  mandatory: false,
  description: {
    en: 'Whoever claims "over 80 and unable to move about" is at least 80 years old.',
    uk: 'Той, хто зазначив категорію «старше 80 років, маломобільні», має щонайменше 80 років.',
    ru: 'Тот, кто указал категорию «старше 80 лет, утратившие способность к передвижению», старше 80 лет.',
    zh: '申报“80岁以上行动不便老人”类别者年满80周岁。',
  },
  messages: {
    pass: {
      en: 'Your age ({ageYears}) is consistent with the categories you claimed.',
      uk: 'Ваш вік ({ageYears}) відповідає зазначеним категоріям.',
      ru: 'Ваш возраст ({ageYears}) соответствует указанным категориям.',
      zh: '您的年龄（{ageYears}岁）与申报的类别相符。',
    },
    fail: {
      en: `You claimed the category "over 80 and unable to move about", but by your birth date you are {ageYears}.${REVIEW_NOTE.en}`,
      uk: `Ви зазначили категорію «старше 80 років, маломобільні», але за датою народження вам {ageYears}.${REVIEW_NOTE.uk}`,
      ru: `Вы указали категорию «старше 80 лет, утратившие способность к передвижению», но по дате рождения вам {ageYears}.${REVIEW_NOTE.ru}`,
      zh: `您申报了“80岁以上行动不便老人”类别，但按出生日期您的年龄为{ageYears}岁。${REVIEW_NOTE.zh}`,
    },
  },
  conditions: {
    any: [
      { fact: 'categories', operator: 'doesNotContain', value: 'aged_80_plus_immobile' },
      { fact: 'ageYears', operator: 'greaterThanInclusive', value: 80 },
    ],
  },
};

// --- the rule sets ----------------------------------------------------------------------------

function ruleSet(aidType: AidTypeCode, rules: Rule[]): RuleSet {
  return { id: `demo-${aidType}-2026`, aidType, version: 1, effectiveFrom: EFFECTIVE_FROM, rules };
}

export const demoRuleSets: readonly RuleSet[] = [
  ruleSet('cash', [cashNeedRule, cashFrequencyRule, cashLimitRule]),
  // Not in DOMAIN.md: food sets for the usual hardship categories; income above the minimum is
  // flagged for the reviewer rather than refused.
  ruleSet('food_set', [
    categoryRule([
      'low_income',
      'large_family',
      'single_parent',
      'pensioner',
      'disabled',
      'wheelchair_or_bedridden',
      'homeless',
      'released_from_prison',
      'emergency_victim',
      'military_family',
      'other_hardship',
    ]),
    incomeRule(false),
  ]),
  // DOMAIN.md: wheelchair users and bedridden, families of servicemen who died on duty, war
  // veterans (residents of besieged Leningrad have no code of their own and are verified as
  // veterans), families in a difficult life situation.
  ruleSet('vegetable_set', [
    categoryRule(['wheelchair_or_bedridden', 'military_family', 'war_veteran', 'other_hardship']),
  ]),
  // DOMAIN.md: charitable coal for low-income pensioners and low-income families with children.
  ruleSet('fuel', [lowIncomePensionerOrFamilyRule]),
  // Not in DOMAIN.md.
  ruleSet('housing_repair', [
    categoryRule([
      'pensioner',
      'disabled',
      'wheelchair_or_bedridden',
      'war_veteran',
      'military_family',
      'large_family',
      'low_income',
      'emergency_victim',
    ]),
    incomeRule(false),
  ]),
  // Not in DOMAIN.md.
  ruleSet('medical_treatment', [
    categoryRule([
      'disabled',
      'disabled_child',
      'wheelchair_or_bedridden',
      'pensioner',
      'war_veteran',
      'low_income',
      'emergency_victim',
      'other_hardship',
    ]),
    incomeRule(false),
  ]),
  // Not in DOMAIN.md.
  ruleSet('clothing', [
    categoryRule([
      'large_family',
      'single_parent',
      'low_income',
      'homeless',
      'released_from_prison',
      'emergency_victim',
      'other_hardship',
    ]),
  ]),
  // DOMAIN.md: large families, families in a socially dangerous situation (other_hardship),
  // low-income families, low-mobility pensioners, veterans.
  ruleSet('fire_detector', [
    categoryRule([
      'large_family',
      'other_hardship',
      'low_income',
      'pensioner',
      'aged_80_plus_immobile',
      'wheelchair_or_bedridden',
      'war_veteran',
      'labour_veteran',
    ]),
  ]),
  ruleSet('flood_insurance', [insuranceRule]),
  ruleSet('wildfire_insurance', [insuranceRule]),
  // Not in DOMAIN.md: "for every pupil", so any household with children.
  ruleSet('school_start', [childrenRule]),
  // Not in DOMAIN.md: a gift for a child of a family in need.
  ruleSet('new_year_gift', [
    childrenRule,
    categoryRule([
      'large_family',
      'single_parent',
      'low_income',
      'disabled_child',
      'military_family',
      'other_hardship',
    ]),
  ]),
  // Not in DOMAIN.md.
  ruleSet('seed_potatoes', [
    categoryRule(['pensioner', 'large_family', 'low_income', 'disabled', 'other_hardship']),
  ]),
  // Not in DOMAIN.md.
  ruleSet('essentials', [
    categoryRule([
      'disabled',
      'wheelchair_or_bedridden',
      'disabled_child',
      'large_family',
      'single_parent',
      'low_income',
      'homeless',
      'released_from_prison',
      'emergency_victim',
    ]),
  ]),
  // DOMAIN.md: disabled (groups 1–2: the group is checked by the reviewer from the documents),
  // disabled children, war veterans, citizens over 80 who cannot move about.
  ruleSet('social_taxi', [
    categoryRule(['disabled', 'disabled_child', 'war_veteran', 'aged_80_plus_immobile']),
    ageMatchesCategoryRule,
  ]),
  // Cloned so that rule sets sharing a rule (flood and wildfire insurance) share no objects.
].map((set) => structuredClone(set));
