import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import { PermanentStepError } from './errors.js';
import { logger } from './logger.js';
import { metrics } from './metrics.js';

/**
 * Builds a workflow step handler: logging context first, then input validation (a malformed
 * payload is a bug in the workflow, not something a retry mends), then the use case.
 */
export function stepHandler<S extends z.ZodMiniType, R>(
  schema: S,
  handle: (input: z.infer<S>) => Promise<R>,
) {
  return middy<unknown, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(async (event) => {
      const parsed = schema.safeParse(event);
      if (!parsed.success) {
        throw new PermanentStepError(
          `invalid step input: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        );
      }
      return handle(parsed.data);
    });
}
