import { queryPartition } from '../../lib/store/reads.js';

interface RepeatAppellantItem {
  readonly sk: string;
  readonly fullName: string;
  readonly repeats: number;
  readonly lastAt: string;
  readonly lastReference: string;
  readonly topics: readonly string[];
}

export interface RepeatAppellant {
  /** An opaque, stable id of the person (a keyed hash: it cannot be turned back into a name). */
  readonly personId: string;
  readonly fullName: string;
  /** Appeals on a topic they had already appealed on within 12 months. */
  readonly repeatAppeals: number;
  readonly topics: readonly string[];
  readonly lastAppealAt: string;
  readonly lastReference: string;
}

/**
 * People who appeal repeatedly, most repeats first, for the head of the office (DOMAIN.md). One
 * item per person, maintained by intake in the same transaction as the repeat appeal: a query,
 * never a scan of the cases.
 */
export async function listRepeatAppellants(): Promise<{ items: RepeatAppellant[] }> {
  const items = await queryPartition<RepeatAppellantItem>('REPEAT_APPELLANTS');
  return {
    items: items
      .map((i) => ({
        personId: i.sk.replace(/^PERSON#/, ''),
        fullName: i.fullName,
        repeatAppeals: i.repeats,
        topics: [...new Set(i.topics)].sort(),
        lastAppealAt: i.lastAt,
        lastReference: i.lastReference,
      }))
      .sort((a, b) => b.repeatAppeals - a.repeatAppeals || (a.lastAppealAt < b.lastAppealAt ? 1 : -1)),
  };
}
