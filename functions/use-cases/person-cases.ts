import { samePerson } from '../../domain/same-person.js';
import { personKeyVariants, personNameKey } from '../lib/access-codes.js';
import { type AppealCaseRecord, appealKeys } from '../lib/store/appeal-records.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import { caseIdsOfPerson } from '../lib/store/person-cases.js';
import { queryPartition } from '../lib/store/reads.js';
import type { AidCaseRecord } from '../lib/store/records.js';
import { type CaseSummary, summary } from './staff-cases.js';

/** Who staff are looking for: the name with the date of birth, or with a national id. */
export interface PersonQuery {
  readonly fullName: string;
  readonly birthDate?: string | undefined;
  readonly nationalId?: string | undefined;
}

/** The case ids in a person's appeal entries (their repeat-detection entries, appeal-records.ts). */
async function appealIdsOfPerson(person: string): Promise<string[]> {
  const { pk, skPrefix } = appealKeys.personAppeals(person);
  const entries = await queryPartition<{ caseId?: unknown }>(pk, skPrefix);
  return entries.flatMap((e) => (typeof e.caseId === 'string' ? [e.caseId] : []));
}

/**
 * A caller's cases when they do not have their reference: "what is your name and date of birth?"
 * The keys are the keyed hashes intake stores (access-codes.ts), so the search finds that person's
 * aid cases and appeals, newest first, without any index of names. The name must be the one on the
 * application, case and spacing aside, but for the ways a caller's name and its application most
 * often differ: ё and е, and the surname first or last. Aid cases are found by their name key,
 * which is the same for every such spelling (table-spec #37), and by the national id when the
 * caller gives one; appeals by each spelling's key (domain/name-spellings.ts) in their writers'
 * entries.
 */
export async function casesOfPerson(query: PersonQuery): Promise<{ items: CaseSummary[] }> {
  const { fullName, birthDate, nationalId } = query;
  const found = await Promise.all([
    ...(birthDate ? [caseIdsOfPerson(personNameKey({ fullName, birthDate }), undefined, 'nameKey')] : []),
    ...(nationalId ? personKeyVariants({ nationalId }).map((key) => caseIdsOfPerson(key)) : []),
    ...personKeyVariants(query).map((key) => appealIdsOfPerson(key)),
  ]);
  const ids = [...new Set(found.flat())];
  const cases = await itemsByKey<AidCaseRecord | AppealCaseRecord>(ids.map((id) => keys.case(id)));
  const items = cases
    // Found under a spelling's key: a namesake born that day whose national id differs is not them.
    .filter((c) => !c.applicant || samePerson(query, c.applicant))
    .map(summary)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0));
  return { items };
}
