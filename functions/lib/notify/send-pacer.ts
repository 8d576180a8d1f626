import { config } from '../config.js';

export type PacedChannel = 'email' | 'sms';

export interface PacerTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTimer: PacerTimer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Keeps one consumer's sends within its share of the provider's send rate (SES's per account,
 * SNS SMS's per account and country). Without it a peak above the quota is throttled: the batch
 * stops at the first refusal and its messages come back after the queue's visibility timeout,
 * each receive counting towards the dead-letter queue. Paced, the sends never exceed the rate, and
 * what the consumers cannot take yet waits in the queue unreceived, which costs no receive.
 *
 * Slots are spaced evenly (no burst): a rate of 7 a second is a send every 143 ms. A slot is
 * reserved when it is handed out, so sends that take longer than the spacing are not slowed.
 */
export class SendPacer {
  private readonly nextAt = new Map<PacedChannel, number>();

  constructor(
    private readonly perSecond: Readonly<Partial<Record<PacedChannel, number>>>,
    private readonly timer: PacerTimer = realTimer,
  ) {}

  /**
   * Waits for the channel's next slot and resolves true, or resolves false at once (reserving
   * nothing) when that slot is later than `latestAt` (epoch ms): the caller has no time left to
   * use it. A channel without a rate is not paced.
   */
  async slot(channel: PacedChannel, latestAt = Number.POSITIVE_INFINITY): Promise<boolean> {
    const rate = this.perSecond[channel];
    if (rate === undefined) return true;
    const now = this.timer.now();
    const at = Math.max(now, this.nextAt.get(channel) ?? now);
    if (at > latestAt) return false;
    this.nextAt.set(channel, at + 1000 / rate);
    if (at > now) await this.timer.sleep(at - now);
    return true;
  }
}

let shared: SendPacer | undefined;

/** The instance's pacer: it lives as long as the Lambda instance, so warm invocations share it. */
export function sendPacer(): SendPacer {
  shared ??= new SendPacer({
    email: config().NOTIFY_EMAIL_SENDS_PER_SECOND,
    sms: config().NOTIFY_SMS_SENDS_PER_SECOND,
  });
  return shared;
}

/** Tests: a pacer with a fake timer, or undefined to build one from the configuration again. */
export function setSendPacerForTests(pacer: SendPacer | undefined): void {
  shared = pacer;
}
