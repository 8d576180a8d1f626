import { settlementSchema } from '../../domain/payment-requests.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { recordSettlement } from '../use-cases/settlements.js';

/** The bank's result for one disbursement; repeating the same one answers the same 200. */
export const handler = httpRoute({ action: 'settlements:record', body: settlementSchema }, async (req) => ({
  status: 200,
  body: await recordSettlement({
    disbursementId: req.path.disbursementId ?? '',
    settlement: req.body,
    principal: req.principal!,
    now: clock.now(),
  }),
}));
