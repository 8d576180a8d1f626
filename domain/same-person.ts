/**
 * Whether two applications (or an application and an appeal) are by the same person, from what
 * each of them says about the person. The stored person key (functions/lib/access-codes.ts) is a
 * keyed hash of one spelling, so the places that must not be fooled by a spelling — the
 * once-a-year rules, segregation of duties, an appeal reopening its writer's own case — look a
 * person up by every spelling's key (name-spellings.ts) and then decide with this.
 */
export interface PersonFacts {
  readonly fullName?: string | undefined;
  readonly birthDate?: string | undefined;
  readonly nationalId?: string | undefined;
}

/** A national id as intake keys it: without spaces, in capitals. */
export function normalizedNationalId(nationalId: string): string {
  return nationalId.replace(/\s/g, '').toUpperCase();
}

/** A national id's letters and digits only: "123-456-789 01" and "12345678901" are one СНИЛС. */
function nationalIdCharacters(nationalId: string): string {
  return nationalId.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/**
 * The ways one national id may have been written on another application, as intake keys them:
 * as given, without its hyphens, and, for the eleven digits of a СНИЛС, as it is printed
 * ("123-456-789 01") and with a hyphen before the check digits.
 */
export function nationalIdSpellings(nationalId: string): string[] {
  const bare = nationalIdCharacters(nationalId);
  const snils = /^\d{11}$/.test(bare)
    ? [
        `${bare.slice(0, 3)}-${bare.slice(3, 6)}-${bare.slice(6, 9)}${bare.slice(9)}`,
        `${bare.slice(0, 3)}-${bare.slice(3, 6)}-${bare.slice(6, 9)}-${bare.slice(9)}`,
      ]
    : [];
  return [...new Set([normalizedNationalId(nationalId), bare, ...snils])];
}

/** A name as intake keys it: one form of each letter, lower case, single spaces. */
export function normalizedName(fullName: string): string {
  return fullName.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

/**
 * The name with ё read as е and its words in any order: "Кузьмин Пётр" and "Петр Кузьмин" are one
 * name. Looser than the spellings a lookup asks for, never stricter, so a case found by any of
 * them is also the same name here.
 */
function nameWithoutSpelling(fullName: string): string {
  return normalizedName(fullName).replace(/ё/g, 'е').split(' ').sort().join(' ');
}

export function sameName(a: string, b: string): boolean {
  return nameWithoutSpelling(a) === nameWithoutSpelling(b);
}

/**
 * What the name key of an aid case is a keyed hash of (functions/lib/access-codes.ts
 * `personNameKey`): the name however spelt, with the birth date. Every aid case carries it, with
 * or without a national id, so one query finds a person's cases whichever way each was written.
 */
export function nameKeyBasis(fullName: string, birthDate: string): string {
  return `nm:${nameWithoutSpelling(fullName)}|${birthDate}`;
}

/**
 * Two national ids decide when both are given (namesakes born on one day are two people); else
 * the same name, however spelt, and the same birth date. Without a name, or without both a birth
 * date and an id, nothing says they are one person.
 */
export function samePerson(a: PersonFacts, b: PersonFacts): boolean {
  if (a.nationalId && b.nationalId)
    return nationalIdCharacters(a.nationalId) === nationalIdCharacters(b.nationalId);
  if (!a.fullName || !b.fullName || !a.birthDate || a.birthDate !== b.birthDate) return false;
  return sameName(a.fullName, b.fullName);
}

/** What a stored case or appeal says about whose it is: the key intake computed, and the person. */
export interface PersonOnRecord {
  readonly personKey?: string | undefined;
  readonly applicant?: PersonFacts | undefined;
}

/**
 * Whether two stored cases (or a case and an appeal) are one person's: the same stored key, which
 * needs no second look, or `samePerson` on what each says about the person.
 */
export function onePersonsRecords(a: PersonOnRecord, b: PersonOnRecord): boolean {
  if (a.personKey !== undefined && a.personKey === b.personKey) return true;
  return a.applicant !== undefined && b.applicant !== undefined && samePerson(a.applicant, b.applicant);
}
