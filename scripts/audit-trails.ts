import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AuditHead,
  type ChainProblem,
  headOf,
  type StoredAuditEvent,
  verifyAuditChain,
} from '../domain/audit-chain.js';
import { auditSeqOfSk, auditSkPrefix } from '../functions/lib/store/keys.js';

/**
 * Reads every audit chain of the table (a parallel Scan of the case items and audit events) and
 * checks each against its case's head (domain/audit-chain.ts). Used by `npm run audit:verify`.
 */

export interface CaseFinding {
  readonly caseId: string;
  readonly reference?: string;
  readonly problems: readonly ChainProblem[];
}

export interface AuditReport {
  readonly cases: number;
  readonly events: number;
  readonly findings: readonly CaseFinding[];
  readonly elapsedMs: number;
}

interface ScannedItem {
  readonly pk: string;
  readonly sk: string;
  readonly type?: string;
  readonly caseId?: string;
  readonly reference?: string;
  readonly auditSeq?: number;
  readonly auditHash?: string;
  readonly [attribute: string]: unknown;
}

interface CaseGroup {
  caseItem?: ScannedItem;
  events: StoredAuditEvent[];
}

const caseTypes = new Set(['AidCase', 'AppealCase']);

/** Every case item and audit event, by partition; `segments` Scan segments run in parallel. */
async function scanChains(
  doc: DynamoDBDocumentClient,
  tableName: string,
  segments: number,
): Promise<Map<string, CaseGroup>> {
  const groups = new Map<string, CaseGroup>();
  const group = (pk: string) => {
    let g = groups.get(pk);
    if (!g) {
      g = { events: [] };
      groups.set(pk, g);
    }
    return g;
  };
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            // Only what the chains need: case items (their heads) and audit events.
            FilterExpression: 'begins_with(sk, :audit) OR (sk = :case AND begins_with(pk, :casePk))',
            ExpressionAttributeValues: { ':audit': auditSkPrefix, ':case': 'CASE', ':casePk': 'CASE#' },
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of (page.Items ?? []) as ScannedItem[]) {
          if (item.sk === 'CASE') {
            if (caseTypes.has(String(item.type))) group(item.pk).caseItem = item;
          } else {
            group(item.pk).events.push({ ...item, keySeq: auditSeqOfSk(item.sk) });
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return groups;
}

export async function verifyAuditTrails(input: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  segments?: number;
}): Promise<AuditReport> {
  const started = Date.now();
  const groups = await scanChains(input.doc, input.tableName, input.segments ?? 4);
  const findings: CaseFinding[] = [];
  let events = 0;
  for (const [pk, { caseItem, events: stored }] of groups) {
    const caseId = caseItem?.caseId ?? pk.slice('CASE#'.length);
    const head: AuditHead | undefined = caseItem ? headOf(caseItem) : undefined;
    events += stored.length;
    const problems = verifyAuditChain(caseId, stored, head);
    if (problems.length > 0) {
      findings.push({ caseId, ...(caseItem?.reference ? { reference: caseItem.reference } : {}), problems });
    }
  }
  findings.sort((a, b) => a.caseId.localeCompare(b.caseId));
  return { cases: groups.size, events, findings, elapsedMs: Date.now() - started };
}
