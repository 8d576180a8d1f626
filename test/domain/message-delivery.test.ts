import { describe, expect, it } from 'vitest';
import { isUnconfirmed, mayResend, resendKind, unconfirmedAfterMs } from '../../domain/message-delivery.js';

const now = Date.parse('2031-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('whether a message reached the applicant', () => {
  it('takes a send claimed longer ago than a delivery can run, and never answered, as unconfirmed', () => {
    expect(
      isUnconfirmed({ channel: 'sms', status: 'sending', claimedAt: ago(unconfirmedAfterMs + 1) }, now),
    ).toBe(true);
    expect(isUnconfirmed({ channel: 'sms', status: 'sending', claimedAt: ago(30_000) }, now)).toBe(false);
    expect(
      isUnconfirmed({ channel: 'sms', status: 'sent', claimedAt: ago(unconfirmedAfterMs * 6) }, now),
    ).toBe(false);
    expect(isUnconfirmed({ channel: 'sms', status: 'sending' }, now)).toBe(false);
  });

  it('lets staff retry a failed or unconfirmed e-mail or SMS, send again one that went out, and reprint a posted letter', () => {
    const lost = { status: 'sending', claimedAt: ago(unconfirmedAfterMs * 2) };
    expect(resendKind({ channel: 'email', status: 'failed' }, now)).toBe('retry');
    expect(resendKind({ channel: 'sms', ...lost }, now)).toBe('retry');
    expect(resendKind({ channel: 'email', status: 'sent' }, now)).toBe('again');
    expect(resendKind({ channel: 'letter', status: 'sent' }, now)).toBe('reprint');
  });

  it('lets nothing else be sent again: a message on its way, a letter waiting to be printed', () => {
    expect(mayResend({ channel: 'letter', status: 'failed' }, now)).toBe(false);
    expect(mayResend({ channel: 'letter', status: 'to_print' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'pending' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'requeued' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'sending', claimedAt: ago(1_000) }, now)).toBe(false);
  });
});
