import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { clock } from '../lib/clock.js';
import { logger } from '../lib/logger.js';
import { countMetric, metrics } from '../lib/metrics.js';
import { type SweepResult, sweepAppealDeadlines } from '../use-cases/appeals/sweep-deadlines.js';

/**
 * The appeal deadline sweeper: run by an EventBridge rule in AWS, and locally by the runtime's
 * timer and by POST /local/clock. The event carries nothing it needs: "now" is the clock.
 */
export const handler = middy<unknown, SweepResult, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async () => {
    const result = await sweepAppealDeadlines(clock.now());
    // Zero too, so the alarm's metric exists and a quiet hour reads as "none overdue".
    countMetric('AppealsNewlyOverdue', result.escalated.overdue);
    logger.info('appeal deadlines swept', { ...result });
    return result;
  });
