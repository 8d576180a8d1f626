import { describe, expect, it } from 'vitest';
import { categoryCodeSchema } from '../../domain/appeal.js';
import { aidTypeCodes, languages, reportGroupOf } from '../../domain/catalogue.js';
import {
  aidTypes,
  appealChannels,
  appealKinds,
  catalogueSeed,
  fundingSources,
  recipientCategories,
} from '../../domain/catalogue-seed.js';
import { fundingSourceCodeSchema } from '../../domain/decision.js';

const CJK = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('catalogue', () => {
  it('holds the 16 categories, 15 aid types and 5 funding sources of DOMAIN.md', () => {
    expect(recipientCategories).toHaveLength(16);
    expect(aidTypes).toHaveLength(15);
    expect(fundingSources).toHaveLength(5);
    expect(appealKinds.map((k) => k.code)).toEqual(['proposal', 'request', 'complaint']);
    expect(appealChannels.map((c) => c.code)).toEqual([
      'web',
      'email',
      'post',
      'personal_reception',
      'phone',
      'outreach',
    ]);
    expect(catalogueSeed.aidTypes).toBe(aidTypes);
  });

  it('keeps the code lists, their zod enums and the seed lists in step', () => {
    expect(categoryCodeSchema.options).toEqual(recipientCategories.map((c) => c.code));
    expect(aidTypeCodes).toEqual(aidTypes.map((t) => t.code));
    expect(fundingSourceCodeSchema.options).toEqual(fundingSources.map((s) => s.code));
  });

  it('names every entry in all four languages, with real Chinese and Cyrillic', () => {
    const entries = [
      ...recipientCategories,
      ...aidTypes,
      ...fundingSources,
      ...appealKinds,
      ...appealChannels,
    ];
    for (const { code, name } of entries) {
      for (const language of languages) expect(name[language].trim(), `${code}.${language}`).not.toBe('');
      expect(name.zh, code).toMatch(CJK);
      expect(name.ru, code).toMatch(CYRILLIC);
      expect(name.uk, code).toMatch(CYRILLIC);
    }
  });

  it('names recipients as an office writes to them: no slang, and single fathers are single parents too', () => {
    const name = (code: string) => recipientCategories.find((c) => c.code === code)?.name;
    expect(name('homeless')).toEqual({
      en: 'person without a fixed place of residence',
      uk: 'особа без визначеного місця проживання',
      ru: 'лицо без определённого места жительства',
      zh: '无固定住所人员',
    });
    expect(name('single_parent')).toEqual({
      en: 'single-parent family',
      uk: "неповна сім'я (один з батьків)",
      ru: 'неполная семья (один родитель)',
      zh: '单亲家庭',
    });
    // A name that is only an abbreviation ("БОМЖ") labels a person: they are named in words.
    for (const { code, name: names } of recipientCategories)
      for (const language of languages)
        expect(names[language], `${code}.${language}`).not.toMatch(/^\p{Lu}+$/u);
  });

  it('gives every aid type a kind and at least one known default funding source', () => {
    const sources = new Set(fundingSources.map((s) => s.code));
    for (const type of aidTypes) {
      expect(type.defaultFundingSources.length, type.code).toBeGreaterThan(0);
      for (const s of type.defaultFundingSources) expect(sources.has(s), `${type.code}: ${s}`).toBe(true);
    }
    expect(aidTypes.find((t) => t.code === 'flood_insurance')?.kind).toBe('premium');
    expect(aidTypes.find((t) => t.code === 'social_taxi')?.kind).toBe('service');
  });

  it('explains an unknown code by listing the accepted ones', () => {
    expect(fundingSourceCodeSchema.safeParse('budget').error?.issues[0]?.message).toBe(
      'Unknown funding source "budget". Use one of: regional_budget, municipal_programme, own_income, charity, other_sources.',
    );
  });
});

describe('report groups', () => {
  it.each([
    [['family_with_children'], 0, 'families'],
    [['large_family'], 0, 'families'],
    [['single_parent'], 0, 'families'],
    [['disabled_child'], 0, 'families'],
    [['low_income'], 2, 'families'],
    [['pensioner', 'disabled'], 1, 'families'],
    [['disabled'], 0, 'disabled'],
    [['wheelchair_or_bedridden', 'pensioner'], 0, 'disabled'],
    [['pensioner'], 0, 'pensioners'],
    [['labour_veteran'], 0, 'pensioners'],
    [['war_veteran', 'low_income'], 0, 'pensioners'],
    [['low_income'], 0, 'other'],
    [['homeless'], 0, 'other'],
    [['a_category_added_later'], 0, 'other'],
  ] as const)('puts %j with %i children among %s', (categories, children, group) => {
    expect(reportGroupOf([...categories], { children })).toBe(group);
  });
});
