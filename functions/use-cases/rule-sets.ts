import { ruleSetHash } from '../../domain/canonical-json.js';
// Not eligibility.ts: these routes check and store rule sets, they never evaluate one.
import { type RuleSet, ruleSetSchema } from '../../domain/rule-set-schema.js';
import { selectRuleSet } from '../../domain/rule-set-selection.js';
import type { NewRuleSet } from '../../domain/rule-set-versions.js';
import { tableName } from '../lib/clients.js';
import { ConflictError, NotFoundError, TransientError, ValidationError } from '../lib/errors.js';
import type { Principal } from '../lib/http.js';
import { zodIssuesToFieldErrors } from '../lib/http.js';
import { officeDate } from '../lib/office-day.js';
import { aidTypeEntry, forgetCachedCatalogue } from '../lib/store/catalogue.js';
import { keys } from '../lib/store/keys.js';
import { queryPartition } from '../lib/store/reads.js';
import { transact } from '../lib/store/transactions.js';

interface StoredRuleSet {
  readonly ruleSet: RuleSet;
  readonly hash?: string;
  readonly createdAt?: string;
  readonly createdBy?: string;
}

export interface RuleSetVersionView {
  readonly id: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly hash: string;
  /** The version intake pins today. */
  readonly inForce: boolean;
  readonly createdAt?: string;
  readonly createdBy?: string;
  readonly rules: RuleSet['rules'];
}

async function assertAidType(aidType: string): Promise<void> {
  if (!(await aidTypeEntry(aidType))) {
    throw new NotFoundError(`There is no aid type "${aidType}" in the catalogue.`);
  }
}

async function storedVersions(aidType: string): Promise<StoredRuleSet[]> {
  const items = await queryPartition<StoredRuleSet>(`RULESET#${aidType}`, 'FROM#');
  return items.filter((i) => i.ruleSet && typeof i.ruleSet.version === 'number');
}

/** GET /v1/rule-sets/{aidType}: every version, oldest first, with the one in force today marked. */
export async function listRuleSets(
  aidType: string,
  today: string,
): Promise<{ aidType: string; items: RuleSetVersionView[] }> {
  await assertAidType(aidType);
  const stored = await storedVersions(aidType);
  const inForce = selectRuleSet(
    stored.map((s) => s.ruleSet),
    aidType,
    today,
  );
  const items = stored
    .map(
      (s): RuleSetVersionView => ({
        id: s.ruleSet.id,
        version: s.ruleSet.version,
        effectiveFrom: s.ruleSet.effectiveFrom,
        // Seeded versions carry no stored hash: the same function computes it as intake pins it.
        hash: s.hash ?? ruleSetHash(s.ruleSet),
        inForce: s.ruleSet === inForce,
        ...(s.createdAt ? { createdAt: s.createdAt } : {}),
        ...(s.createdBy ? { createdBy: s.createdBy } : {}),
        rules: s.ruleSet.rules,
      }),
    )
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
  return { aidType, items };
}

/**
 * POST /v1/rule-sets/{aidType}: stores a new version with its hash. The version's guard item and
 * the rule set are one transaction, each written only if absent: a version number is used once,
 * whatever its date, and nothing that was stored is ever overwritten. Cases already submitted keep
 * the version they pinned; applications from `effectiveFrom` on get this one.
 */
export async function createRuleSet(input: {
  aidType: string;
  body: NewRuleSet;
  principal: Principal;
  now: Date;
}): Promise<{ aidType: string; id: string; version: number; effectiveFrom: string; hash: string }> {
  const { aidType, body, principal, now } = input;
  // A write reads what is stored now, not this container's cached copy (the aid type may be new).
  forgetCachedCatalogue();
  await assertAidType(aidType);
  const today = officeDate(now);
  if (body.effectiveFrom < today) {
    throw new ValidationError([
      {
        path: 'effectiveFrom',
        message: `A new version takes effect today (${today}) or later; decisions already made keep the rules they were made under.`,
      },
    ]);
  }
  const existing = await storedVersions(aidType);
  const version = body.version ?? Math.max(0, ...existing.map((s) => s.ruleSet.version)) + 1;
  const taken = existing.find((s) => s.ruleSet.version === version);
  if (taken) throw versionTaken(aidType, version, taken.ruleSet.effectiveFrom);
  const candidate = ruleSetSchema.safeParse({ ...body, aidType, version });
  if (!candidate.success) throw new ValidationError(zodIssuesToFieldErrors(candidate.error.issues));
  const ruleSet = candidate.data;
  const hash = ruleSetHash(ruleSet);
  const at = now.toISOString();
  const table = tableName();
  const outcome = await transact([
    {
      Put: {
        TableName: table,
        Item: { ...keys.ruleSetVersion(aidType, version), type: 'RuleSetVersion', aidType, version, at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.ruleSet(aidType, ruleSet.effectiveFrom, version),
          type: 'RuleSet',
          aidType,
          ruleSet,
          hash,
          createdAt: at,
          createdBy: principal.username,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  if (!outcome.ok) {
    if (outcome.reasons.includes('ConditionalCheckFailed')) throw versionTaken(aidType, version);
    throw new TransientError(`rule set not stored: ${outcome.reasons.join(',')}`);
  }
  forgetCachedCatalogue();
  return { aidType, id: ruleSet.id, version, effectiveFrom: ruleSet.effectiveFrom, hash };
}

function versionTaken(aidType: string, version: number, effectiveFrom?: string): ConflictError {
  return new ConflictError(
    `Version ${version} of the rules for "${aidType}" already exists${effectiveFrom ? ` (effective from ${effectiveFrom})` : ''}; versions are never changed. Send the next version, or leave "version" out.`,
    { version },
  );
}
