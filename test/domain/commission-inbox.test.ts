import { describe, expect, it } from 'vitest';
import { seatToShow } from '../../domain/commission-inbox.js';

const seats = [
  { seat: 1, taskId: 'T1' },
  { seat: 2, taskId: 'T2' },
  { seat: 3, taskId: 'T3' },
];
const nobody = () => undefined;

describe('the seat of a commission vote a member is shown', () => {
  it('is the lowest open seat when nobody has one open', () => {
    expect(seatToShow('anna', { commissionTasks: seats }, nobody)).toBe('T1');
  });

  it('skips the seats already voted on, and is none once every seat is', () => {
    const twoVoted = { commissionTasks: seats, commissionVotes: [{ seat: 1 }, { seat: 2 }] };
    const allVoted = { ...twoVoted, commissionVotes: [{ seat: 1 }, { seat: 2 }, { seat: 3 }] };

    expect(seatToShow('anna', twoVoted, nobody)).toBe('T3');
    expect(seatToShow('anna', allVoted, nobody)).toBeUndefined();
  });

  it('is the seat the member has open, else one nobody has, before one a colleague has', () => {
    const claims: Record<string, string> = { T1: 'boris', T2: 'anna' };
    const claimedBy = (taskId: string) => claims[taskId];

    expect(seatToShow('anna', { commissionTasks: seats }, claimedBy)).toBe('T2');
    expect(seatToShow('boris', { commissionTasks: seats }, claimedBy)).toBe('T1');
    expect(seatToShow('vera', { commissionTasks: seats }, claimedBy)).toBe('T3');
    expect(seatToShow('vera', { commissionTasks: seats.slice(0, 2) }, claimedBy)).toBe('T1');
  });
});
