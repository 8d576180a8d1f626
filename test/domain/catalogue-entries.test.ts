import { describe, expect, it } from 'vitest';
import { catalogueCodeSchema } from '../../domain/catalogue-code-schema.js';
import { mergeCatalogue, seedCatalogueFacts } from '../../domain/catalogue-entries.js';
import { aidTypeEntrySchema } from '../../domain/catalogue-entry-schemas.js';
import { seedCatalogue } from '../../domain/catalogue-seed.js';

const names = (en: string) => ({ en, uk: `${en} uk`, ru: `${en} ru`, zh: `${en} zh` });

describe('the catalogue as data', () => {
  it('extends the seed with stored entries and lets a stored entry replace the seed one of its code', () => {
    const renamed = { code: 'charity', name: names('donations') };
    const added = {
      code: 'coal_delivery',
      name: names('coal'),
      kind: 'in_kind' as const,
      defaultFundingSources: [],
    };

    const merged = mergeCatalogue(seedCatalogue, {
      recipientCategories: [],
      aidTypes: [added],
      fundingSources: [renamed],
    });

    expect(merged.fundingSources.map((s) => s.code)).toEqual(seedCatalogue.fundingSources.map((s) => s.code));
    expect(merged.fundingSources.find((s) => s.code === 'charity')?.name.en).toBe('donations');
    expect(merged.aidTypes.at(-1)).toEqual(added);
    expect(merged.aidTypes).toHaveLength(seedCatalogue.aidTypes.length + 1);
    expect(merged.recipientCategories).toEqual(seedCatalogue.recipientCategories);
  });

  it('gives handlers the seed without its names: the same codes, kinds and default funding sources GET /v1/catalogue shows', () => {
    const withoutNames = <T extends { name: unknown }>({ name: _, ...rest }: T) => rest;

    const facts = seedCatalogueFacts();

    expect(facts).toEqual({
      recipientCategories: seedCatalogue.recipientCategories.map(withoutNames),
      aidTypes: seedCatalogue.aidTypes.map(withoutNames),
      fundingSources: seedCatalogue.fundingSources.map(withoutNames),
    });
  });

  it('takes codes in lower case with underscores, and an aid type with all four names and a kind', () => {
    expect(catalogueCodeSchema('Code').safeParse('seed_potatoes').success).toBe(true);
    expect(catalogueCodeSchema('Code').safeParse('Seed Potatoes').success).toBe(false);
    const missing = aidTypeEntrySchema.safeParse({ name: { en: 'coal' }, kind: 'gold' });
    expect(missing.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'kind',
      'name.ru',
      'name.uk',
      'name.zh',
    ]);
  });
});
