import { describe, expect, it } from 'vitest';
import { isUnconfirmed, mayResend, unconfirmedAfterMs } from '../../domain/message-delivery.js';

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

  it('lets staff have a failed or unconfirmed e-mail or SMS sent again, and nothing else', () => {
    const lost = { status: 'sending', claimedAt: ago(unconfirmedAfterMs * 2) };
    expect(mayResend({ channel: 'email', status: 'failed' }, now)).toBe(true);
    expect(mayResend({ channel: 'sms', ...lost }, now)).toBe(true);
    expect(mayResend({ channel: 'letter', status: 'failed' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'sent' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'pending' }, now)).toBe(false);
    expect(mayResend({ channel: 'email', status: 'sending', claimedAt: ago(1_000) }, now)).toBe(false);
  });
});
