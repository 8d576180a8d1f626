import * as z from 'zod/mini';
import { meta } from './schema-helpers.js';

const nonEmpty = (error: string) => z.string().check(z.trim(), z.minLength(1, { error }));

/** A text in the four languages (catalogue.ts `LocalizedText`), each non-empty. */
export const localizedTextSchema = meta(
  z.strictObject({
    en: nonEmpty('English text must not be empty.'),
    uk: nonEmpty('Ukrainian text must not be empty.'),
    ru: nonEmpty('Russian text must not be empty.'),
    zh: nonEmpty('Chinese text must not be empty.'),
  }),
  { id: 'LocalizedText' },
);
