import { describe, expect, it } from 'vitest';
import { keyReusedCode as serverCode } from '../../functions/lib/store/idempotency.js';
import type { ApiResult } from '../../web/src/api.js';
import { type KeyedSends, keyReusedCode, sendKeyed } from '../../web/src/unconfirmed-send.js';

interface Receipt {
  reference: string;
  accessCode: string;
}

type Line = 'up' | 'drop-before' | 'drop-after' | 'fail-after';

/**
 * The server's idempotency contract (API.md) and its one-open-application rule, with a line that
 * can lose the request on its way (drop-before) or lose the answer after the case was made
 * (drop-after: no answer; fail-after: a 5xx).
 */
function fakeServer() {
  const byKey = new Map<string, { body: string; receipt: Receipt }>();
  const lines: Line[] = [];
  const sent: { key: string; body: unknown }[] = [];
  let next = 1;
  const post = async (body: unknown, key: string): Promise<ApiResult<Receipt>> => {
    sent.push({ key, body });
    const line = lines.shift() ?? 'up';
    if (line === 'drop-before') return { ok: false, kind: 'network', status: 0 };
    const json = JSON.stringify(body);
    const earlier = byKey.get(key);
    let answer: ApiResult<Receipt>;
    if (earlier && earlier.body !== json) {
      answer = {
        ok: false,
        kind: 'http',
        status: 409,
        problem: { detail: 'This Idempotency-Key was already used…', code: keyReusedCode } as never,
      };
    } else if (earlier) {
      answer = { ok: true, status: 201, data: earlier.receipt };
    } else if (byKey.size > 0) {
      const open = [...byKey.values()][0]?.receipt.reference;
      answer = {
        ok: false,
        kind: 'http',
        status: 409,
        problem: { detail: 'You already have…', existingReference: open } as never,
      };
    } else {
      const receipt = {
        reference: `AID-2026-${String(next++).padStart(6, '0')}`,
        accessCode: `CODE-${next}`,
      };
      byKey.set(key, { body: json, receipt });
      answer = { ok: true, status: 201, data: receipt };
    }
    if (line === 'drop-after') return { ok: false, kind: 'network', status: 0 };
    if (line === 'fail-after') return { ok: false, kind: 'http', status: 500, problem: {} };
    return answer;
  };
  return { post, lines, sent, cases: () => [...byKey.values()] };
}

/** A tab's draft: what sendKeyed keeps is kept, as sessionStorage would across a reload. */
function tab(sends: KeyedSends = { idempotencyKey: 'key-1', unconfirmed: [] }) {
  const state = { sends, keeps: [] as KeyedSends[] };
  let n = 1;
  const send = (server: ReturnType<typeof fakeServer>, body: unknown) =>
    sendKeyed(
      state.sends,
      body,
      server.post,
      (s) => {
        state.sends = s;
        state.keeps.push(s);
      },
      () => `key-new-${n++}`,
    );
  return { state, send };
}

const amount = (minor: number) => ({ applicant: { fullName: 'Анна' }, requestedAmount: { minor } });

describe('sending under an Idempotency-Key over a line that drops', () => {
  it('is the same code the server answers a key used with another body by', () => {
    expect(keyReusedCode).toBe(serverCode);
  });

  it('after a lost answer and an edit, gets back the first receipt and says it is of the earlier answers', async () => {
    // Arrange: the first send made the case, its answer was lost.
    const server = fakeServer();
    const { send } = tab();
    server.lines.push('drop-after');
    const lost = await send(server, amount(500_000));
    expect(lost.kind).toBe('unknown');

    // Act: the person changes the amount and sends again.
    const out = await send(server, amount(700_000));

    // Assert: the case the first send made, with its access code; no second case.
    expect(out).toEqual({
      kind: 'sent',
      receipt: { reference: 'AID-2026-000001', accessCode: 'CODE-2' },
      earlier: true,
    });
    expect(server.cases()).toHaveLength(1);
    expect(server.sent.map((s) => s.key)).toEqual(['key-1', 'key-1', 'key-1']);
    expect(server.sent[2]?.body).toEqual(amount(500_000));
  });

  it('keeps what was sent before the request leaves, so a reload in between still recovers it', async () => {
    // Arrange: the tab is reloaded while the first send is on its way: only what was kept survives.
    const server = fakeServer();
    const first = tab();
    server.lines.push('drop-after');
    const inFlight = first.send(server, amount(500_000));
    const keptBeforeAnswer = structuredClone(first.state.sends);
    await inFlight;

    // Act: the reloaded tab, from what was kept, sends edited answers.
    const reloaded = tab(keptBeforeAnswer);
    const out = await reloaded.send(server, amount(700_000));

    // Assert
    expect(keptBeforeAnswer.unconfirmed).toEqual([JSON.stringify(amount(500_000))]);
    expect(out).toMatchObject({ kind: 'sent', earlier: true, receipt: { reference: 'AID-2026-000001' } });
  });

  it('sends the edited answers when the first send never arrived, and makes no case of the old ones', async () => {
    // Arrange
    const server = fakeServer();
    const { state, send } = tab();
    server.lines.push('drop-before');
    await send(server, amount(500_000));

    // Act
    const out = await send(server, amount(700_000));

    // Assert
    expect(out).toMatchObject({ kind: 'sent', earlier: false });
    expect(server.cases().map((c) => JSON.parse(c.body).requestedAmount.minor)).toEqual([700_000]);
    expect(server.sent).toHaveLength(2);
    expect(state.sends.unconfirmed).toContain(JSON.stringify(amount(700_000)));
  });

  it('treats a 5xx after the case was made as unknown, and a retry without an edit gets the receipt as sent', async () => {
    // Arrange
    const server = fakeServer();
    const { send } = tab();
    server.lines.push('fail-after');
    expect((await send(server, amount(500_000))).kind).toBe('unknown');

    // Act
    const out = await send(server, amount(500_000));

    // Assert
    expect(out).toMatchObject({ kind: 'sent', earlier: false, receipt: { reference: 'AID-2026-000001' } });
  });

  it('after two lost sends with different answers, finds whichever made the case', async () => {
    // Arrange: the first never arrived, the second (edited) made the case; both answers lost.
    const server = fakeServer();
    const { send } = tab();
    server.lines.push('drop-before', 'drop-after');
    await send(server, amount(500_000));
    await send(server, amount(600_000));

    // Act
    const out = await send(server, amount(700_000));

    // Assert
    expect(out).toMatchObject({ kind: 'sent', earlier: true, receipt: { reference: 'AID-2026-000001' } });
    expect(server.cases().map((c) => JSON.parse(c.body).requestedAmount.minor)).toEqual([600_000]);
  });

  it('stays unknown when the replay of the earlier answers loses its answer too, and recovers on the next send', async () => {
    // Arrange
    const server = fakeServer();
    const { send } = tab();
    server.lines.push('drop-after');
    await send(server, amount(500_000));
    server.lines.push('up', 'drop-before');

    // Act
    const again = await send(server, amount(700_000));
    const last = await send(server, amount(700_000));

    // Assert
    expect(again.kind).toBe('unknown');
    expect(last).toMatchObject({ kind: 'sent', earlier: true });
  });

  it('passes a known refusal through and forgets those answers, keeping the lost ones', async () => {
    // Arrange: another application of the person is open (made under another key).
    const server = fakeServer();
    await server.post(amount(100_000), 'other-key');
    const { state, send } = tab();
    server.lines.push('drop-before');
    await send(server, amount(500_000));

    // Act
    const out = await send(server, amount(700_000));

    // Assert: the one-open-application rule still answers, naming the open case.
    expect(out).toMatchObject({ kind: 'refused', failure: { status: 409 } });
    expect(
      out.kind === 'refused' && (out.failure as { problem: { existingReference?: string } }).problem,
    ).toMatchObject({ existingReference: 'AID-2026-000001' });
    expect(state.sends).toEqual({ idempotencyKey: 'key-1', unconfirmed: [JSON.stringify(amount(500_000))] });
  });

  it('gives the draft a new key when the key was taken by answers not sent from this tab', async () => {
    // Arrange: a copy of the tab (same key) sent other answers.
    const server = fakeServer();
    await server.post(amount(100_000), 'key-1');
    const { state, send } = tab();

    // Act
    const out = await send(server, amount(700_000));

    // Assert
    expect(out).toEqual({ kind: 'taken' });
    expect(state.sends).toEqual({ idempotencyKey: 'key-new-1', unconfirmed: [] });
    expect(server.cases()).toHaveLength(1);
  });
});
