import { languageOf, letterFrame } from '../../domain/notification-envelope.js';
import { ConflictError, NotFoundError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { itemsByKey } from '../lib/store/index-items.js';
import { keys } from '../lib/store/keys.js';
import type { NotificationRecord } from '../lib/store/notification-records.js';
import { transitionNotification } from '../lib/store/notification-writes.js';
import { getItem, lettersToPrint } from '../lib/store/reads.js';

/*
 * Letters: what the office prints and posts to applicants who gave neither an e-mail address nor
 * a phone number, only a postal address (often the people least likely to follow a case online).
 * Delivery puts such a message in the print queue (`to_print`, table-spec #18) instead of sending
 * it; a clerk lists the queue oldest first, prints, posts, and marks each letter posted, which
 * takes it out of the queue. The text is already in the applicant's language; the name and the
 * address are read from the case when listed, as delivery reads an e-mail address when it sends.
 */

export interface LetterView {
  /** Opaque: names the notification item (its case and sort key). */
  readonly letterId: string;
  readonly caseId: string;
  readonly reference: string;
  /** When the change it tells of happened, and when it joined the print queue. */
  readonly at: string;
  readonly queuedAt?: string;
  readonly event: string;
  readonly language: string;
  readonly text: string;
  readonly recipient: { readonly fullName: string; readonly address?: string };
  /** The letter around the text, in its language: the office, the subject, how to ask by phone. */
  readonly sender: string;
  readonly subject: string;
  readonly footer: string;
}

interface LetterItem extends NotificationRecord {
  readonly queuedAt?: string;
  readonly postedAt?: string;
  readonly postedBy?: string;
}

interface CaseContact {
  readonly caseId: string;
  readonly reference: string;
  readonly kind?: string;
  readonly applicant?: { readonly fullName?: string; readonly address?: string };
}

const notificationPrefix = 'NOTIFICATION#';

export function letterIdOf(item: Pick<NotificationRecord, 'caseId' | 'sk'>): string {
  return Buffer.from(`${item.caseId}\n${item.sk}`).toString('base64url');
}

/** The notification key a letter id names, or undefined for anything else (a 404, never a DynamoDB error). */
export function letterKeyOf(letterId: string): { pk: string; sk: string; caseId: string } | undefined {
  const [caseId, sk, ...rest] = Buffer.from(letterId, 'base64url').toString('utf8').split('\n');
  if (rest.length > 0 || !caseId || !sk || !/^[\w-]{1,64}$/.test(caseId)) return undefined;
  if (!sk.startsWith(notificationPrefix) || sk.length > 300) return undefined;
  return { ...keys.case(caseId), sk, caseId };
}

/** The print queue, oldest first, a page at a time, each letter with its recipient's name and address. */
export async function listLetters(input: {
  limit: number;
  cursor?: string | undefined;
}): Promise<{ items: LetterView[]; cursor?: string }> {
  const page = await lettersToPrint<LetterItem>(input.limit, input.cursor);
  const letters = page.items.filter((l) => l.status === 'to_print' && l.channel === 'letter');
  const cases = await itemsByKey<CaseContact>([...new Set(letters.map((l) => l.caseId))].map(keys.case));
  const byId = new Map(cases.map((c) => [c.caseId, c]));
  const items = letters.map((l): LetterView => {
    const found = byId.get(l.caseId);
    const address = found?.applicant?.address;
    const reference = found?.reference ?? '';
    const frame = letterFrame(found?.kind === 'appeal' ? 'appeal' : 'aid', reference, languageOf(l.language));
    return {
      letterId: letterIdOf(l),
      caseId: l.caseId,
      reference,
      at: l.at,
      ...(l.queuedAt ? { queuedAt: l.queuedAt } : {}),
      event: l.event,
      language: l.language,
      text: l.text,
      recipient: { fullName: found?.applicant?.fullName ?? '', ...(address ? { address } : {}) },
      ...frame,
    };
  });
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * A letter was posted: `sent`, with who posted it and when, and out of the print queue. Saying it
 * twice answers the same (a double click, a retry); a letter id that names no letter is a 404.
 */
export async function markLetterPosted(input: {
  letterId: string;
  principal: Principal;
  now: Date;
}): Promise<{ letterId: string; status: 'sent'; postedAt: string; postedBy: string }> {
  const named = letterKeyOf(input.letterId);
  const notFound = () => new NotFoundError(`There is no letter ${input.letterId}.`);
  if (!named) throw notFound();
  const key = { pk: named.pk, sk: named.sk };
  const postedAt = input.now.toISOString();
  const posted = {
    letterId: input.letterId,
    status: 'sent' as const,
    postedAt,
    postedBy: input.principal.username,
  };
  // Only letters go to the print queue: `to_print` names one.
  const fields = { sentAt: postedAt, postedAt, postedBy: input.principal.username };
  if (await transitionNotification(key, 'to_print', 'sent', fields, ['gsi2pk', 'gsi2sk'])) return posted;
  const item = await getItem<LetterItem>(key);
  if (item?.type !== 'Notification' || item.channel !== 'letter') throw notFound();
  if (item.status === 'sent' && item.postedAt && item.postedBy) {
    return { letterId: input.letterId, status: 'sent', postedAt: item.postedAt, postedBy: item.postedBy };
  }
  throw new ConflictError(`This letter is ${item.status}, not waiting to be printed.`, {
    code: 'letter_not_to_print',
    letterStatus: item.status,
  });
}
