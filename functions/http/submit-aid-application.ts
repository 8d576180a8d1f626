import * as z from 'zod/mini';
import { aidApplicationSchemaAt } from '../../domain/aid-application.js';
import { clock } from '../lib/clock.js';
import { config } from '../lib/config.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { officeDate } from '../lib/office-day.js';
import { currentCatalogue } from '../lib/store/catalogue.js';
import { submitAidApplication } from '../use-cases/submit-aid-application.js';

const idempotencyKeySchema = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7e]+$/));

export const handler = httpRoute(
  {
    // Aid types and categories are checked against the stored catalogue (cached per container), in
    // the same pass as the shape, so one 400 lists every failing field.
    body: async () =>
      // "Not in the future" for a birth date is against the office's today (a child born after
      // midnight in Moscow, before 03:00, is born today there and tomorrow in UTC).
      aidApplicationSchemaAt(officeDate(clock.now()), {
        currency: config().CURRENCY,
        catalogue: (await currentCatalogue()).codes,
      }),
  },
  async (req) => {
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) {
      throw new ValidationError([
        { path: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters, e.g. a UUID.' },
      ]);
    }
    const receipt = await submitAidApplication({
      application: req.body,
      idempotencyKey: key,
      now: clock.now(),
    });
    return { status: 201, body: receipt, headers: { location: `/v1/cases/${receipt.reference}` } };
  },
);
