import * as z from 'zod/mini';

// Apart from catalogue-entries.ts, whose lists and merge the web app's start page uses without
// zod (docs/performance.md §17).

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The shape of a catalogue code (snake_case, as DOMAIN.md's codes). Whether the code exists is a
 * question for the stored catalogue, not for the schema: codes are added without a release.
 */
export function catalogueCodeSchema(label: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} is required.` : `${label} must be a code (text).`,
    })
    .check(
      z.regex(CODE, {
        error: `${label} must be a code in lower case with underscores, e.g. "food_set" (at most 64 characters).`,
      }),
    );
}
