import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSpellings } from '../../domain/name-spellings.js';
import { nationalIdSpellings, sameName, samePerson } from '../../domain/same-person.js';

describe('whether two applications are by the same person', () => {
  it('takes "Кузьмин Пётр" and "петр  кузьмин" for one name', () => {
    expect(sameName('Кузьмин Пётр', 'петр  кузьмин')).toBe(true);
  });

  it('does not take "Кузьмин Пётр" and "Кузьмина Петра" for one name', () => {
    expect(sameName('Кузьмин Пётр', 'Кузьмина Петра')).toBe(false);
  });

  it('takes every spelling a lookup asks for as the same name, either way round', () => {
    const letters = fc.constantFrom('Е', 'е', 'ё', 'Ё', 'а', 'К', 'z', ' ');
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 30 }), (chars) => {
        const name = chars.join('');
        for (const spelling of nameSpellings(name)) {
          expect(sameName(name, spelling)).toBe(true);
          expect(sameName(spelling, name)).toBe(true);
        }
      }),
    );
  });

  it('lets two national ids decide when both applications give one', () => {
    const anna = { fullName: 'Анна Иванова', birthDate: '1950-04-02' };
    expect(
      samePerson({ ...anna, nationalId: '123-456-789 01' }, { ...anna, nationalId: '12345678901' }),
    ).toBe(true);
    expect(
      samePerson({ ...anna, nationalId: '123-456-789 01' }, { ...anna, nationalId: '123-456-789 02' }),
    ).toBe(false);
    expect(
      samePerson(
        { fullName: 'Другое Имя', nationalId: '12345678901' },
        { ...anna, nationalId: '12345678901' },
      ),
    ).toBe(true);
  });

  it('takes the name and birth date when only one application gives a national id', () => {
    const withId = { fullName: 'Кузьмин Пётр', birthDate: '1956-04-07', nationalId: '12345678901' };
    expect(samePerson(withId, { fullName: 'Петр Кузьмин', birthDate: '1956-04-07' })).toBe(true);
    expect(samePerson(withId, { fullName: 'Петр Кузьмин', birthDate: '1956-04-08' })).toBe(false);
  });

  it('says nothing is the same person without a name, or without a birth date or an id', () => {
    expect(samePerson({ birthDate: '1956-04-07' }, { birthDate: '1956-04-07' })).toBe(false);
    expect(samePerson({ fullName: 'Пётр' }, { fullName: 'Пётр' })).toBe(false);
  });

  it('gives a СНИЛС as printed, without hyphens and with a hyphen before the check digits', () => {
    expect(nationalIdSpellings('12345678901')).toEqual(
      expect.arrayContaining(['12345678901', '123-456-78901', '123-456-789-01']),
    );
    expect(nationalIdSpellings(' ab 12 ')).toEqual(['AB12']);
  });
});
