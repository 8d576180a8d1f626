import type { PacerTimer } from '../../functions/lib/notify/send-pacer.js';

/** A clock that moves only when the pacer sleeps (at once); every sleep is recorded. */
export function fakePacerTimer(start = Date.now()): PacerTimer & { readonly slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
  };
}
