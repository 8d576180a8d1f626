import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The audit trail of a case is a hash chain (issue 6): event n carries `seq` n, the hash of event
 * n − 1 (`prevHash`; a fixed genesis value for the first) and its own `hash`, the SHA-256 of
 * `prevHash` and the canonical JSON of its content. The case item holds the head (`auditSeq`,
 * `auditHash`), written in the same transaction as the event. Editing an event changes its hash;
 * deleting one leaves a gap in `seq`, or a head that names an event no longer there.
 *
 * What it does not protect against: whoever can rewrite the whole tail of a chain *and* the head
 * on the case item can produce a consistent forgery. Anchoring heads outside the table (a daily
 * digest of heads to write-once storage) is what would close that; see the README.
 */

/** prevHash of the first event of every chain. */
export const genesisHash = '0'.repeat(64);

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** The head of a chain with no events yet. */
export const genesisHead: AuditHead = { seq: 0, hash: genesisHash };

/** The head a case item carries (cases from before the chain carry none: they start at genesis). */
export function headOf(item: { readonly auditSeq?: number; readonly auditHash?: string }): AuditHead {
  return item.auditSeq && item.auditHash ? { seq: item.auditSeq, hash: item.auditHash } : genesisHead;
}

export interface AuditActorContent {
  readonly kind: string;
  readonly username?: string;
  readonly sub?: string;
  readonly roles?: readonly string[];
}

/** What an event's hash covers: everything it says, and its place in the chain. */
export interface AuditEventContent {
  readonly caseId: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditActorContent;
  readonly action: string;
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
}

export interface AuditLink {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** sha256 hex of prevHash, a newline, and the content's canonical JSON. */
export function auditEventHash(prevHash: string, content: AuditEventContent): string {
  const { caseId, seq, at, actor, action, before, after } = content;
  // Only these fields, so attributes the store adds (keys, type) never change the hash.
  const covered = {
    caseId,
    seq,
    at,
    actor,
    action,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(covered)}`)
    .digest('hex');
}

/** The link of the event that follows `head`. */
export function nextLink(head: AuditHead, event: Omit<AuditEventContent, 'seq'>): AuditLink {
  const seq = head.seq + 1;
  return { seq, prevHash: head.hash, hash: auditEventHash(head.hash, { ...event, seq }) };
}

/** An event as stored, as far as verification needs it: links may be missing (legacy, forged). */
export interface StoredAuditEvent {
  /** The sort key's sequence number (AUDIT#<seq>), or undefined for a key that names none. */
  readonly keySeq: number | undefined;
  readonly sk: string;
  readonly caseId?: unknown;
  readonly seq?: unknown;
  readonly prevHash?: unknown;
  readonly hash?: unknown;
  readonly at?: unknown;
  readonly actor?: unknown;
  readonly action?: unknown;
  readonly before?: unknown;
  readonly after?: unknown;
}

import type { ChainProblem } from './audit-chain-problem.js';

export type { ChainProblem };

const isText = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one case's chain: its audit items (any order) against the head on its case item
 * (undefined when the case item is gone). Returns every problem found; none means intact.
 */
export function verifyAuditChain(
  caseId: string,
  events: readonly StoredAuditEvent[],
  head: AuditHead | undefined,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const chained: (StoredAuditEvent & { seq: number; prevHash: string; hash: string })[] = [];
  for (const e of events) {
    if (
      typeof e.seq === 'number' &&
      e.keySeq === e.seq &&
      isText(e.prevHash) &&
      isText(e.hash) &&
      e.caseId === caseId
    ) {
      chained.push({ ...e, seq: e.seq, prevHash: e.prevHash, hash: e.hash });
    } else {
      problems.push({ kind: 'unchained', sk: e.sk });
    }
  }
  chained.sort((a, b) => a.seq - b.seq);

  let expected = 1;
  let prevHash = genesisHash;
  for (const e of chained) {
    if (head && e.seq > head.seq) {
      problems.push({ kind: 'beyond_head', seq: e.seq });
    }
    if (e.seq > expected) {
      problems.push({ kind: 'missing', from: expected, to: e.seq - 1 });
    } else if (e.prevHash !== prevHash) {
      // After a gap the link cannot be checked: the event it names is the missing one.
      problems.push({ kind: 'broken_link', seq: e.seq });
    }
    const content = {
      caseId,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      ...(isRecord(e.before) ? { before: e.before } : {}),
      ...(isRecord(e.after) ? { after: e.after } : {}),
    } as AuditEventContent;
    if (auditEventHash(e.prevHash, content) !== e.hash) problems.push({ kind: 'edited', seq: e.seq });
    prevHash = e.hash;
    expected = e.seq + 1;
  }

  if (!head) {
    if (events.length > 0) problems.push({ kind: 'no_head' });
    return problems;
  }
  const lastSeq = expected - 1;
  if (head.seq > lastSeq) {
    problems.push({ kind: 'missing', from: lastSeq + 1, to: head.seq });
  } else if (head.seq === lastSeq && head.seq > 0 && head.hash !== prevHash) {
    problems.push({ kind: 'head_mismatch', seq: head.seq });
  }
  return problems;
}

/** One line per problem, for people reading the verifier's report. */
export function describeChainProblem(p: ChainProblem): string {
  switch (p.kind) {
    case 'edited':
      return `event ${p.seq} was edited (its content does not match its hash)`;
    case 'missing':
      return p.from === p.to
        ? `event ${p.from} is missing (deleted)`
        : `events ${p.from}–${p.to} are missing (deleted)`;
    case 'broken_link':
      return `event ${p.seq} does not link to the event before it`;
    case 'unchained':
      return `audit item ${p.sk} is not part of the chain`;
    case 'beyond_head':
      return `event ${p.seq} lies beyond the head recorded on the case`;
    case 'head_mismatch':
      return `the head recorded on the case does not match event ${p.seq}`;
    case 'no_head':
      return 'the case item is gone: the end of the trail cannot be checked';
  }
}
