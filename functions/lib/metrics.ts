import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.js';

/**
 * Business and operational metrics (CloudWatch EMF in AWS). Locally the runtime sets
 * POWERTOOLS_METRICS_DISABLED, so nothing is printed; the calls are the same.
 */
export const metrics = new Metrics({
  namespace: 'AidFlow',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aidflow',
  // Most requests (reads) add no metric; that is expected, not worth a warning per request.
  logger: {
    debug: (...args: unknown[]) => logger.debug(String(args[0])),
    info: (...args: unknown[]) => logger.info(String(args[0])),
    warn: (...args: unknown[]) =>
      String(args[0]).startsWith('No application metrics')
        ? logger.debug(String(args[0]))
        : logger.warn(String(args[0])),
    error: (...args: unknown[]) => logger.error(String(args[0])),
  },
});

export function countMetric(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}
