import * as z from 'zod/mini';

/** `?year=2026&format=csv` of the yearly finance reports (default: this year, JSON). */
export const reportQuery = z.object({
  year: z.optional(
    z.coerce
      .number({ error: 'Give the year as a number, e.g. year=2026.' })
      .check(
        z.int({ error: 'Give the year as a whole number, e.g. year=2026.' }),
        z.gte(2000, { error: 'The year must be 2000 or later.' }),
        z.lte(2100, { error: 'The year must be 2100 or earlier.' }),
      ),
  ),
  format: z._default(z.enum(['json', 'csv'], { error: 'Use format=json or format=csv.' }), 'json'),
});
