import { useEffect, useRef } from 'preact/hooks';

/**
 * How long a form waits before it sends again by itself, by the number of times it already did:
 * longer each time, so a phone on a line that keeps failing is not kept busy (nor its battery).
 */
export const sendAgainDelaysMs = [30_000, 60_000, 120_000] as const;

export function sendAgainDelayMs(tries: number): number {
  return sendAgainDelaysMs[Math.min(tries, sendAgainDelaysMs.length - 1)] ?? 120_000;
}

/**
 * Sends a form again by itself after a send that got no answer, while `tries` (how many times it
 * did so already) is set: at once when the browser says it is online again or the page is shown
 * again (a phone that put the tab aside stops its timers), else after `sendAgainDelayMs(tries)`.
 * The timer is needed as well as `online`: a phone's radio can be up with no line behind it, and
 * then no `online` event ever comes. Sending again is safe: the form's key makes it the same case
 * (unconfirmed-send.ts). `send` is the page's latest; the page unsets `tries` while it sends.
 */
export function useSendWhenOnline(tries: number | undefined, send: () => void): void {
  const latest = useRef(send);
  latest.current = send;
  // Set as the page renders: a change of answers unsets `tries` at once, while the effect's
  // cleanup below waits for the next frame, and a timer due in between must not send them.
  const armed = useRef(false);
  armed.current = tries !== undefined;
  useEffect(() => {
    if (tries === undefined) return;
    let done = false;
    const sendOnce = () => {
      if (done || !armed.current || !navigator.onLine) return;
      done = true;
      latest.current();
    };
    const whenShown = () => {
      if (document.visibilityState === 'visible') sendOnce();
    };
    const timer = setTimeout(sendOnce, sendAgainDelayMs(tries));
    window.addEventListener('online', sendOnce);
    document.addEventListener('visibilitychange', whenShown);
    return () => {
      done = true;
      clearTimeout(timer);
      window.removeEventListener('online', sendOnce);
      document.removeEventListener('visibilitychange', whenShown);
    };
  }, [tries]);
}
