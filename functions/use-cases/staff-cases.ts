import { type AidStatus, aidStatuses } from '../../domain/aid-lifecycle.js';
import { type AppealStatus, appealStatuses } from '../../domain/appeal-lifecycle.js';
import {
  describeChainProblem,
  headOf,
  type StoredAuditEvent,
  verifyAuditChain,
} from '../../domain/audit-chain.js';
import type { RecordedVote } from '../../domain/commission.js';
import { maySeeVotes, type VoteViewer, withholdVotes } from '../../domain/vote-secrecy.js';
import { toCsv } from '../lib/csv.js';
import { NotFoundError, ValidationError } from '../lib/errors.js';
import type { AppealCaseRecord } from '../lib/store/appeal-records.js';
import { auditEventsOfCase, casesInStatus } from '../lib/store/case-queries.js';
import { storedExplanation } from '../lib/store/eligibility-records.js';
import { auditSeqOfSk, auditSkPrefix, keys } from '../lib/store/keys.js';
import { type NotificationRecord, notificationIdOf } from '../lib/store/notification-records.js';
import {
  getCaseByReference,
  getItem,
  notificationsOfCase,
  queryPartition,
  tasksOfCase,
} from '../lib/store/reads.js';
import type { AidCaseRecord } from '../lib/store/records.js';
import { historyEntry } from './task-history.js';

type CaseRecord = AidCaseRecord | AppealCaseRecord;

/** Case ids are UUIDs; anything else names no case (and never reaches the table as a key). */
const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function existingCase(caseId: string): Promise<CaseRecord & Record<string, unknown>> {
  const found = caseIdPattern.test(caseId)
    ? await getItem<CaseRecord & Record<string, unknown>>(keys.case(caseId))
    : undefined;
  if (!found) throw new NotFoundError(`There is no case ${caseId}.`);
  return found;
}

/** What a search lists per case: enough to pick one, not the whole file. */
export interface CaseSummary {
  readonly caseId: string;
  readonly reference: string;
  readonly kind: 'aid' | 'appeal';
  readonly status: string;
  readonly submittedAt: string;
  readonly updatedAt?: string;
  readonly applicantName?: string;
  readonly aidType?: string;
  readonly requestedAmount?: { currency: string; minor: number };
  readonly appealKind?: string;
  readonly topic?: string;
  /** An appeal's channel and when it arrived (a letter or a call may be registered days later). */
  readonly channel?: string;
  readonly receivedAt?: string;
  readonly dueDate?: string;
  readonly overdue?: boolean;
}

/** A case as a search lists it (also a person's cases: person-cases.ts). */
export function summary(record: CaseRecord): CaseSummary {
  const common = {
    caseId: record.caseId,
    reference: record.reference,
    kind: record.kind,
    status: record.status,
    submittedAt: record.submittedAt,
    ...((record as { updatedAt?: string }).updatedAt
      ? { updatedAt: (record as { updatedAt: string }).updatedAt }
      : {}),
    ...(record.applicant.fullName ? { applicantName: record.applicant.fullName } : {}),
  };
  if (record.kind === 'aid') {
    return { ...common, aidType: record.aidType, requestedAmount: record.requestedAmount };
  }
  return {
    ...common,
    appealKind: record.appealKind,
    topic: record.topic,
    channel: record.channel,
    receivedAt: record.receivedAt,
    dueDate: record.dueDate,
    overdue: record.overdue,
  };
}

const kindOfStatus = (status: string): 'aid' | 'appeal' | undefined =>
  (aidStatuses as readonly string[]).includes(status)
    ? 'aid'
    : (appealStatuses as readonly string[]).includes(status)
      ? 'appeal'
      : undefined;

/**
 * GET /v1/cases: by reference (one case or none), or by status (and kind) newest first. A search
 * with neither would read every partition of the status index; the desk always has one or the
 * other, so it is a 400 that says so.
 */
export async function searchCases(input: {
  status?: AidStatus | AppealStatus | undefined;
  kind?: 'aid' | 'appeal' | undefined;
  reference?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}): Promise<{ items: CaseSummary[]; cursor?: string }> {
  const { status, kind, reference } = input;
  const statusKind = status ? kindOfStatus(status) : undefined;
  if (status && kind && statusKind !== kind) {
    throw new ValidationError([
      {
        path: 'status',
        message: `"${status}" is not a status of ${kind === 'aid' ? 'aid cases' : 'appeals'}.`,
      },
    ]);
  }
  if (reference) {
    const found = (await getCaseByReference(reference)) as CaseRecord | undefined;
    const matches =
      found && (!kind || found.kind === kind) && (!status || found.status === status) ? [found] : [];
    return { items: matches.map(summary) };
  }
  if (!status || !statusKind) {
    throw new ValidationError([
      {
        path: 'status',
        message: 'Give a status (e.g. status=in_review) or a reference (e.g. reference=AID-2026-000123).',
      },
    ]);
  }
  const page = await casesInStatus<CaseRecord>(statusKind, status, input.limit, input.cursor);
  return { items: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Attributes of the case item that are keys or secrets, not the case. */
const internal = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'accessCodeHash', 'personKey'] as const;

/**
 * GET /v1/cases/by-id/{caseId}: the full case (aid or appeal) with its tasks. A commission member
 * who has not voted yet sees no votes (domain/vote-secrecy.ts), here as in the task view.
 */
export async function caseForStaff(caseId: string, viewer?: VoteViewer) {
  const [found, explanation, { items: tasks }, notifications] = await Promise.all([
    existingCase(caseId),
    caseIdPattern.test(caseId) ? storedExplanation(caseId) : undefined,
    caseIdPattern.test(caseId) ? tasksOfCase(caseId) : { items: [] },
    caseIdPattern.test(caseId) ? messagesOfCase(caseId) : [],
  ]);
  const view: Record<string, unknown> = { ...found };
  for (const name of internal) delete view[name];
  // An aid case's eligibility reasons in every language (eligibility-records.ts).
  if (explanation) view.eligibility = explanation;
  const listed = tasks.map(historyEntry);
  const votes = (found as { commissionVotes?: readonly RecordedVote[] }).commissionVotes ?? [];
  if (viewer && !maySeeVotes(viewer, votes, listed)) {
    const hidden = withholdVotes(view, listed);
    return { ...hidden.caseView, tasks: hidden.tasks, messages: notifications };
  }
  return { ...view, tasks: listed, messages: notifications };
}

interface MessageItem extends NotificationRecord {
  readonly postedAt?: string;
}

/**
 * What the applicant was told, and whether it reached them: every message of the case, oldest
 * first, with its channel and delivery status (never the address, which stays on the case). A
 * message left `sending` is one whose send was claimed but never confirmed (delivery is at most
 * once: deliver-notification.ts); staff see it here and can reach the applicant another way.
 */
async function messagesOfCase(caseId: string) {
  const items = await notificationsOfCase<MessageItem>(caseId);
  return items.map((n) => ({
    notificationId: notificationIdOf(n),
    at: n.at,
    event: n.event,
    channel: n.channel,
    status: n.status,
    language: n.language,
    text: n.text,
    ...(n.claimedAt ? { claimedAt: n.claimedAt } : {}),
    ...(n.sentAt ? { sentAt: n.sentAt } : {}),
    ...(n.postedAt ? { postedAt: n.postedAt } : {}),
    ...(n.failure ? { failure: n.failure } : {}),
  }));
}

/**
 * GET /v1/cases/by-id/{caseId}/audit: the case's audit events in chain order (invariant 4), each
 * with its place in the hash chain (seq, prevHash, hash), so an auditor can recompute it
 * (domain/audit-chain.ts; npm run audit:verify checks every case).
 */
export async function caseAuditTrail(input: { caseId: string; limit: number; cursor?: string | undefined }) {
  await existingCase(input.caseId);
  const page = await auditEventsOfCase(input.caseId, input.limit, input.cursor);
  return {
    caseId: input.caseId,
    items: page.items.map((e) => ({
      at: e.at,
      actor: {
        kind: e.actor.kind,
        ...(e.actor.username ? { username: e.actor.username } : {}),
        ...(e.actor.roles ? { roles: e.actor.roles } : {}),
      },
      action: e.action,
      ...(e.before ? { before: e.before } : {}),
      ...(e.after ? { after: e.after } : {}),
      ...(e.seq !== undefined ? { seq: e.seq, prevHash: e.prevHash, hash: e.hash } : {}),
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/**
 * A case's whole audit trail, checked: every event read (its partition's AUDIT# items), the chain
 * verified link by link against the head on the case item (domain/audit-chain.ts, as
 * `npm run audit:verify` does for the table), so an auditor can see on the desk that nothing was
 * edited, removed or slipped in, and take the trail away as CSV.
 */
export async function checkedAuditTrail(caseId: string) {
  const found = await existingCase(caseId);
  const items = await queryPartition<Record<string, unknown> & { sk: string }>(
    keys.case(caseId).pk,
    auditSkPrefix,
    true,
  );
  const events: StoredAuditEvent[] = items.map((item) => ({ ...item, keySeq: auditSeqOfSk(item.sk) }));
  const problems = verifyAuditChain(caseId, events, headOf(found));
  return {
    caseId,
    reference: String(found.reference),
    verified: problems.length === 0,
    events: items.length,
    headSeq: headOf(found).seq,
    problems: problems.map(describeChainProblem),
    // The same problems for a program: the desk words them in the reader's language.
    findings: problems,
    items,
  };
}

/** The checked trail as CSV, one event a row, its chain links included. */
export function auditTrailCsv(trail: Awaited<ReturnType<typeof checkedAuditTrail>>): string {
  const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
  const rows = [...trail.items]
    .sort((a, b) => Number(a.seq ?? 0) - Number(b.seq ?? 0))
    .map((e) => {
      const actor = (e.actor ?? {}) as { kind?: string; username?: string; roles?: string[] };
      return [
        typeof e.seq === 'number' ? e.seq : '',
        String(e.at ?? ''),
        actor.username ?? actor.kind ?? '',
        (actor.roles ?? []).join(' '),
        String(e.action ?? ''),
        json(e.before),
        json(e.after),
        String(e.prevHash ?? ''),
        String(e.hash ?? ''),
      ];
    });
  return toCsv([['seq', 'at', 'who', 'roles', 'action', 'before', 'after', 'prevHash', 'hash'], ...rows]);
}
