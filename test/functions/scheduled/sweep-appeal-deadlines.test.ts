import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../../../functions/lib/metrics.js';
import { handler } from '../../../functions/scheduled/sweep-appeal-deadlines.js';
import type { TestTable } from '../../support/dynamodb.js';
import { handlerTable, lambdaContext } from '../../support/handler-env.js';

/** The overdue-appeals alarm (infra/constructs/monitoring.ts) reads what this handler counts. */
describe('the appeal deadline sweeper', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await handlerTable();
  });
  afterAll(async () => table.drop());

  it('counts the appeals it newly flags overdue as the AppealsNewlyOverdue metric, zero included', async () => {
    // Arrange
    const added = vi.spyOn(metrics, 'addMetric');

    // Act
    const result = await handler({}, lambdaContext as never);

    // Assert
    expect(added).toHaveBeenCalledWith('AppealsNewlyOverdue', 'Count', result.escalated.overdue);
    added.mockRestore();
  });
});
