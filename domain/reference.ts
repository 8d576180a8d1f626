import * as z from 'zod/mini';
import { normalizeReferenceInput, parseReference } from './reference-text.js';
import { meta, typeMessage } from './schema-helpers.js';

/** The reference's text rules live apart from zod, so a page that only reads references loads no schema. */
export * from './reference-text.js';

export const referenceSchema = meta(
  z.string({ error: typeMessage('Reference', 'text') }).check(
    z.overwrite(normalizeReferenceInput),
    z.refine((s) => parseReference(s) !== undefined, {
      error: 'Reference must look like AID-2026-000123 or APL-2026-000045.',
    }),
  ),
  { id: 'Reference', examples: ['AID-2026-000123'] },
);
