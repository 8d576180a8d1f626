import type { RuleSet } from '../../../domain/eligibility.js';
import { tableName } from '../clients.js';
import { ruleSetVersions } from './reads.js';

const versionsOfAidType = new Map<string, Promise<readonly RuleSet[]>>();

/**
 * A rule set version as a case pinned it. A version is written once and never changes (its hash
 * is pinned on every case that uses it), so an aid type's versions are read once per container
 * and again only when a case names a version not seen yet: the eligibility check read the whole
 * partition of versions for every case (issue 7).
 */
export async function cachedRuleSetVersion(
  aidType: string,
  id: string,
  version: number,
): Promise<RuleSet | undefined> {
  const key = `${tableName()}|${aidType}`;
  const find = (all: readonly RuleSet[]) => all.find((r) => r.id === id && r.version === version);
  const cached = versionsOfAidType.get(key);
  const hit = cached && find(await cached.catch(() => []));
  if (hit) return hit;
  const loading = ruleSetVersions(aidType);
  versionsOfAidType.set(key, loading);
  loading.catch(() => {
    if (versionsOfAidType.get(key) === loading) versionsOfAidType.delete(key);
  });
  if (versionsOfAidType.size > 256) versionsOfAidType.delete(versionsOfAidType.keys().next().value ?? '');
  return find(await loading);
}
