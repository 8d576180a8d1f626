import { describe, expect, it } from 'vitest';
import { activeClaim, claimLeaseMs, heldByOther, newClaim } from '../../domain/task-claims.js';

const now = new Date('2034-02-01T09:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('task claims', () => {
  it('last the lease from when they are taken', () => {
    const claim = newClaim('t1', 'anna', now);

    expect(claim).toEqual({
      taskId: 't1',
      claimedBy: 'anna',
      claimedAt: now.toISOString(),
      until: new Date(now.getTime() + claimLeaseMs).toISOString(),
    });
    expect(activeClaim(claim, minutes(claimLeaseMs / 60_000 - 1))).toBe(claim);
    expect(activeClaim(claim, minutes(claimLeaseMs / 60_000))).toBeUndefined();
  });

  it("are someone else's only while they hold and only for someone else", () => {
    const claim = newClaim('t1', 'anna', now);

    expect(heldByOther(claim, 'boris', minutes(1))).toBe(claim);
    expect(heldByOther(claim, 'anna', minutes(1))).toBeUndefined();
    expect(heldByOther(claim, 'boris', minutes(claimLeaseMs / 60_000 + 1))).toBeUndefined();
    expect(heldByOther(undefined, 'boris', now)).toBeUndefined();
  });
});
