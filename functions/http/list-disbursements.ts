import * as z from 'zod/mini';
import { httpRoute } from '../lib/http.js';
import { pageQuerySchema, parseQuery } from '../lib/query.js';
import { disbursementsByStatus } from '../lib/store/reads.js';

const query = z.extend(pageQuerySchema, {
  status: z._default(z.enum(['authorised', 'batched', 'paid', 'failed']), 'authorised'),
});

export const handler = httpRoute({ action: 'disbursements:list' }, async (req) => {
  const { status, limit, cursor } = parseQuery(query, req.query);
  const page = await disbursementsByStatus(status, limit, cursor);
  return {
    status: 200,
    body: {
      items: page.items.map((d) => ({
        disbursementId: d.disbursementId,
        caseReference: d.caseReference,
        aidType: d.aidType,
        fundingSource: d.fundingSource,
        amount: d.amount,
        status: d.status,
        payee: d.payee,
        createdAt: d.createdAt,
        ...(d.channel ? { channel: d.channel } : {}),
        ...(d.attempt ? { attempt: d.attempt } : {}),
        ...(d.batchId ? { batchId: d.batchId } : {}),
        ...(d.paidAt ? { paidAt: d.paidAt } : {}),
        // The bank's reason for a failed payment: what the officer correcting the payout reads.
        ...(d.settlement ? { settlement: d.settlement } : {}),
        ...(d.delivery ? { delivery: d.delivery } : {}),
      })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
  };
});
