import { tableName } from '../clients.js';
import { claimNumbers } from './counters.js';

/**
 * Reference numbers from blocks claimed on the per-year counter, sized by this container's own
 * recent intake rate (issue 7; docs/performance.md "Reference numbers").
 *
 * At an office's usual pace (a few intakes a minute per container) every block is one number:
 * one atomic ADD per intake, numbers in the order of the counter writes, exactly as without
 * blocks. Under a burst (a deadline day, a national rollout) a container claims, with one write,
 * about half of what it served in the last second (at most 50), so the counter write, a round
 * trip of every intake and the one hot item of the sequence, falls to one in every few dozen
 * intakes. The price, bounded by the window:
 * - numbers are handed out only within `windowMs` of their claim; what is left then (the end of a
 *   burst, a container frozen or recycled) is abandoned, a gap of at most the block size − 1;
 * - two containers serving a burst interleave their blocks, so within that second a later
 *   application can have a lower number than an earlier one of another container.
 * A reference is unique and increases with time beyond a second; it is not gapless (neither is
 * the atomic counter alone: a number taken by an intake whose transaction then fails, a
 * duplicate or a replay, is not reused either).
 */

const windowMs = 1_000;
const maxBlock = 50;

interface Block {
  next: number;
  readonly last: number;
  readonly claimedAt: number;
}

const blocks = new Map<string, Block>();
const claims = new Map<string, Promise<void>>();
const recent = new Map<string, number[]>();

export async function takeReferenceNumber(kind: 'AID' | 'APL', year: number): Promise<number> {
  // Per table too: tests and the local runtime may point one process at several tables.
  const id = `${tableName()}|${kind}|${year}`;
  const served = (recent.get(id) ?? []).filter((t) => Date.now() - t < windowMs).slice(-2 * maxBlock);
  served.push(Date.now());
  recent.set(id, served);
  for (;;) {
    const block = blocks.get(id);
    if (block && block.next <= block.last && Date.now() - block.claimedAt < windowMs) return block.next++;
    // One claim at a time per sequence: concurrent intakes of this container share it.
    const pending = claims.get(id);
    if (pending) {
      await pending;
      continue;
    }
    const size = Math.min(maxBlock, Math.max(1, Math.floor(served.length / 2)));
    const claim = claimNumbers(kind, year, size).then((first) => {
      blocks.set(id, { next: first, last: first + size - 1, claimedAt: Date.now() });
    });
    claims.set(id, claim);
    try {
      await claim;
    } finally {
      claims.delete(id);
    }
  }
}

/** Tests: forget the blocks of this process (as a new container would). */
export function forgetReferenceBlocks(): void {
  blocks.clear();
  claims.clear();
  recent.clear();
}
