import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients.js';
import { TransientError } from '../errors.js';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

export interface TransactionOutcome {
  readonly ok: boolean;
  /** One reason code per item when cancelled ('None', 'ConditionalCheckFailed', …). */
  readonly reasons: readonly string[];
}

/**
 * Runs a transaction. A cancellation caused by conditions is returned (callers decide what it
 * means); a cancellation caused by a conflicting transaction or throttling is transient.
 */
export async function transact(items: TransactItems, clientToken?: string): Promise<TransactionOutcome> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: items,
        ...(clientToken ? { ClientRequestToken: clientToken } : {}),
      }),
    );
    return { ok: true, reasons: [] };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
      if (
        reasons.some(
          (r) =>
            r === 'TransactionConflict' || r === 'ThrottlingError' || r === 'ProvisionedThroughputExceeded',
        )
      ) {
        throw new TransientError(`transaction conflict: ${reasons.join(',')}`);
      }
      return { ok: false, reasons };
    }
    if (
      error instanceof Error &&
      (error.name === 'ThrottlingException' || error.name === 'TransactionInProgressException')
    ) {
      throw new TransientError(error.message);
    }
    throw error;
  }
}
