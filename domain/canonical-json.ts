import { createHash } from 'node:crypto';
import type { RuleSet } from './rule-set-schema.js';

/*
 * Kept apart from eligibility.ts, whose import builds the rule schemas (and then built the demo
 * rule sets and json-rules-engine): intake only needs these two functions, and importing them
 * from there cost the intake Lambda about 100 KB of bundle and 60 ms of cold start
 * (docs/performance.md).
 */

/** JSON with object keys sorted at every level, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** sha256 (hex) of the rule set's canonical JSON: what the case pins at submission. */
export function ruleSetHash(ruleSet: RuleSet): string {
  return createHash('sha256').update(canonicalJson(ruleSet)).digest('hex');
}
