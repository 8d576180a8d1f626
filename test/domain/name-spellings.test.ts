import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxSpellings, nameSpellings } from '../../domain/name-spellings.js';

describe('the spellings of a name a caller and their application may differ by', () => {
  it('gives the name as typed first', () => {
    expect(nameSpellings('  Петр   Ильич Кузьмин ')[0]).toBe('Петр Ильич Кузьмин');
  });

  it('finds "Кузьмин Пётр Ильич" from "Петр Ильич Кузьмин"', () => {
    expect(nameSpellings('Петр Ильич Кузьмин')).toContain('Кузьмин Пётр Ильич');
  });

  it('finds a name with е from one typed with ё, and the surname moved last', () => {
    expect(nameSpellings('Семёнова Алёна')).toEqual(
      expect.arrayContaining(['Алена Семенова', 'Семенова Алена']),
    );
  });

  it('leaves a one-word name without е alone', () => {
    expect(nameSpellings('Oksana')).toEqual(['Oksana']);
  });

  it('never repeats a spelling, never gives more than the cap, and keeps every letter but е/ё', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Е', 'е', 'ё', 'Ё', 'а', 'К', 'z', ' '), { maxLength: 40 }),
        (chars) => {
          const name = chars.join('');
          const spellings = nameSpellings(name);
          const lower = spellings.map((s) => s.toLocaleLowerCase('und'));
          expect(new Set(lower).size).toBe(spellings.length);
          expect(spellings.length).toBeLessThanOrEqual(maxSpellings);
          const letters = (s: string) => [...s.replace(/[её\s]/gi, '')].sort().join('');
          for (const s of spellings) expect(letters(s)).toBe(letters(name));
        },
      ),
    );
  });
});
