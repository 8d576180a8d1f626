import * as z from 'zod/mini';
import { appealSchema } from '../../domain/appeal.js';
import { clock } from '../lib/clock.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { optionalStaffPrincipal } from '../lib/staff-token.js';
import { submitAppeal } from '../use-cases/appeals/submit-appeal.js';

const idempotencyKeySchema = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7e]+$/));

/**
 * POST /v1/appeals: public, but a clerk may sign in to register an appeal that came by phone,
 * post or in person (channel, receivedAt). The route has no authorizer at the gateway, so the
 * token is verified here, and `appeals:register-channel` is checked by the use case for the
 * staff-only fields.
 */
export const handler = httpRoute(
  { action: 'appeals:register-channel', optionalAuth: true, body: appealSchema },
  async (req) => {
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) {
      throw new ValidationError([
        { path: 'Idempotency-Key', message: 'Use 8 to 200 visible ASCII characters, e.g. a UUID.' },
      ]);
    }
    const principal = await optionalStaffPrincipal(req.headers.authorization);
    const receipt = await submitAppeal({
      appeal: req.body,
      principal,
      idempotencyKey: key,
      now: clock.now(),
    });
    return { status: 201, body: receipt, headers: { location: `/v1/cases/${receipt.reference}` } };
  },
);
