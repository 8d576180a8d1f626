/**
 * The one source of "now" for handlers and use cases. In AWS the offset is always zero; the local
 * runtime moves it forward (POST /local/clock) so that deadlines can be seen to pass in a demo.
 */
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  nowIso(): string {
    return new Date(Date.now() + offsetMs).toISOString();
  },
  advance(ms: number): void {
    offsetMs += ms;
  },
  offsetMs(): number {
    return offsetMs;
  },
  /** Restores a persisted offset (local runtime restart). */
  setOffset(ms: number): void {
    offsetMs = ms;
  },
};
