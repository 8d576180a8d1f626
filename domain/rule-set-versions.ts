import * as z from 'zod/mini';
import { ruleSetSchema } from './rule-set-schema.js';
import { meta, wholeNumber } from './schema-helpers.js';

/**
 * POST /v1/rule-sets/{aidType}: a new version of an aid type's eligibility rules, as the
 * eligibility module defines a rule set, with the aid type taken from the path. The version may be
 * left out (the next one is taken); an existing version is never changed.
 */
export const newRuleSetSchema = meta(
  z.extend(z.omit(ruleSetSchema, { aidType: true, version: true }), {
    version: z.optional(wholeNumber('Version', 1, 9999)),
  }),
  {
    id: 'NewEligibilityRuleSet',
    description:
      'A new rule set version: id, effectiveFrom (today or later), rules; version optional (the next one).',
  },
);

export type NewRuleSet = z.infer<typeof newRuleSetSchema>;
