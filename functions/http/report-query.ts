import * as z from 'zod';

/** `?year=2026&format=csv` of the yearly finance reports (default: this year, JSON). */
export const reportQuery = z.object({
  year: z.coerce
    .number({ error: 'Give the year as a number, e.g. year=2026.' })
    .int({ error: 'Give the year as a whole number, e.g. year=2026.' })
    .min(2000, { error: 'The year must be 2000 or later.' })
    .max(2100, { error: 'The year must be 2100 or earlier.' })
    .optional(),
  format: z.enum(['json', 'csv'], { error: 'Use format=json or format=csv.' }).default('json'),
});
