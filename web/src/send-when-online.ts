import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * How long a form waits before it sends again by itself, by the number of times it already did:
 * longer each time, so a phone on a line that keeps failing is not kept busy (nor its battery).
 */
export const sendAgainDelaysMs = [30_000, 60_000, 120_000] as const;

export function sendAgainDelayMs(tries: number): number {
  return sendAgainDelaysMs[Math.min(tries, sendAgainDelaysMs.length - 1)] ?? 120_000;
}

/** What a form tells the hook, and what it shows: see useSendWhenOnline. */
export interface SendWhenOnline {
  /** The page is waiting to send again by itself (it says so, in the send-when-online notice). */
  waiting: boolean;
  /** A send goes out, the person's or the page's own: nothing more is sent by itself meanwhile. */
  sending: () => void;
  /**
   * The send got no answer for want of a connection: send it again by itself once there is one,
   * unless an answer changed while it was on its way.
   */
  waitForConnection: () => void;
  /** An answer changed: only what the person sent is ever sent without them, so no more by itself. */
  stop: () => void;
}

/**
 * Sends a form again by itself after a send that got no answer for want of a connection (the
 * page calls `waitForConnection`), until an answer changes (`stop`): at once when the browser says
 * it is online again or the page is shown again (a phone that put the tab aside stops its timers),
 * else after `sendAgainDelayMs(tries)`, `tries` being how many times it did so already since the
 * person sent. The timer is needed as well as `online`: a phone's radio can be up with no line
 * behind it, and then no `online` event ever comes. Sending again is safe: the form's key makes it
 * the same case (unconfirmed-send.ts). `send` is the page's latest; it calls `sending` as its
 * request goes out. Nothing is sent while `enabled` is false (the page is busy, or not showing the
 * answers sent), but the waiting goes on.
 */
export function useSendWhenOnline(enabled: boolean, send: () => void): SendWhenOnline {
  // How many times the page has sent again by itself since the person's send that got no answer;
  // unset when it is not waiting.
  const [tries, setTries] = useState<number | undefined>();
  const latest = useRef(send);
  latest.current = send;
  // The tries of the send the hook is making, while its call to `send` runs (`sending` is called
  // within it, before the request's first await); any other send is the person's.
  const sendingByItself = useRef<number | undefined>(undefined);
  // The tries of the send in flight, for `waitForConnection` to count on from. An answer changed
  // meanwhile leaves it as it is, as it leaves the send.
  const triesOfSend = useRef(0);
  // An answer changed while the send was in flight: if that send then gets no answer, what would
  // go again is no longer what the person sent, so the page waits for the person's Send.
  const changedDuringSend = useRef(false);
  const active = enabled ? tries : undefined;
  // Set as the page renders: a change of answers unsets `tries` at once, while the effect's
  // cleanup below waits for the next frame, and a timer due in between must not send them.
  const armed = useRef(false);
  armed.current = active !== undefined;
  useEffect(() => {
    if (active === undefined) return;
    let done = false;
    const sendOnce = () => {
      if (done || !armed.current || !navigator.onLine) return;
      done = true;
      sendingByItself.current = active + 1;
      try {
        latest.current();
      } finally {
        sendingByItself.current = undefined;
      }
    };
    const whenShown = () => {
      if (document.visibilityState === 'visible') sendOnce();
    };
    const timer = setTimeout(sendOnce, sendAgainDelayMs(active));
    window.addEventListener('online', sendOnce);
    document.addEventListener('visibilitychange', whenShown);
    return () => {
      done = true;
      clearTimeout(timer);
      window.removeEventListener('online', sendOnce);
      document.removeEventListener('visibilitychange', whenShown);
    };
  }, [active]);
  return {
    waiting: tries !== undefined,
    sending: () => {
      triesOfSend.current = sendingByItself.current ?? 0;
      changedDuringSend.current = false;
      setTries(undefined);
    },
    waitForConnection: () => setTries(changedDuringSend.current ? undefined : triesOfSend.current),
    stop: () => {
      changedDuringSend.current = true;
      setTries(undefined);
    },
  };
}
