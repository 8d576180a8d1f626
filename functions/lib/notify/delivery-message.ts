/**
 * A queued notification's message: the key of its Notification item, nothing more. The item stays
 * the source of truth: the consumer reads it and its status decides, so a repeated or stale
 * message sends nothing, and no text or address ever sits in the queue.
 */
export interface NotificationRef {
  readonly pk: string;
  readonly sk: string;
}

export function deliveryMessageBody(ref: NotificationRef): string {
  return JSON.stringify({ pk: ref.pk, sk: ref.sk });
}

/** The key a message names, or undefined for a body that is not one of ours. */
export function parseDeliveryMessage(body: string): NotificationRef | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { pk, sk } = parsed as { pk?: unknown; sk?: unknown };
  if (typeof pk !== 'string' || typeof sk !== 'string') return undefined;
  if (!pk.startsWith('CASE#') || !sk.startsWith('NOTIFICATION#')) return undefined;
  return { pk, sk };
}
