import { deliverySchema } from '../../domain/payment-requests.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { recordDelivery } from '../use-cases/settlements.js';

/** In-kind aid handed over: spends its money like a paid settlement; a repeat answers the same 200. */
export const handler = httpRoute({ action: 'deliveries:record', body: deliverySchema }, async (req) => ({
  status: 200,
  body: await recordDelivery({
    disbursementId: req.path.disbursementId ?? '',
    delivery: req.body,
    principal: req.principal!,
    now: clock.now(),
  }),
}));
