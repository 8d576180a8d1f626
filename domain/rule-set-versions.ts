import type * as z from 'zod';
import { ruleSetSchema } from './rule-set-schema.js';
import { wholeNumber } from './schema-helpers.js';

/**
 * POST /v1/rule-sets/{aidType}: a new version of an aid type's eligibility rules, as the
 * eligibility module defines a rule set, with the aid type taken from the path. The version may be
 * left out (the next one is taken); an existing version is never changed.
 */
export const newRuleSetSchema = ruleSetSchema
  .omit({ aidType: true, version: true })
  .extend({ version: wholeNumber('Version', 1, 9999).optional() })
  .meta({
    id: 'NewEligibilityRuleSet',
    description:
      'A new rule set version: id, effectiveFrom (today or later), rules; version optional (the next one).',
  });

export type NewRuleSet = z.infer<typeof newRuleSetSchema>;
