import { clock } from '../lib/clock.js';
import { NotFoundError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { type BatchFileFormat, batchFileFormats, paymentBatchFile } from '../use-cases/payment-batches.js';

const isFormat = (s: string): s is BatchFileFormat => (batchFileFormats as readonly string[]).includes(s);

/**
 * GET /v1/payment-batches/{batchId}/files/csv and …/files/pain001: a download of the batch, recorded
 * (who, when, which file) before it is served.
 */
export const handler = httpRoute({ action: 'batches:read' }, async (req) => {
  const format = req.path.format ?? '';
  if (!isFormat(format)) {
    throw new NotFoundError(`There is no "${format}" file of a batch: ask for csv or pain001.`);
  }
  const file = await paymentBatchFile(req.path.batchId ?? '', format, clock.now(), req.principal!);
  return { status: 200, text: file.text, headers: file.headers };
});
