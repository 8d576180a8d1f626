import { describe, expect, it } from 'vitest';
import {
  type AuditEventContent,
  type AuditHead,
  auditEventHash,
  genesisHash,
  genesisHead,
  headOf,
  nextLink,
  type StoredAuditEvent,
  verifyAuditChain,
} from '../../domain/audit-chain.js';

const caseId = '8d7f5c1e-0000-4000-8000-000000000001';

/** A chain of `n` events as the store writes them, and the head the case item carries. */
function chainOf(n: number): { events: StoredAuditEvent[]; head: AuditHead } {
  const events: StoredAuditEvent[] = [];
  let head = genesisHead;
  for (let i = 1; i <= n; i++) {
    const content = {
      caseId,
      at: `2031-03-0${i}T10:00:00.000Z`,
      actor: { kind: 'staff', username: 'reviewer', roles: ['reviewer'] },
      action: `step.${i}`,
      before: { status: `s${i - 1}`, version: i },
      after: { status: `s${i}`, version: i + 1 },
    };
    const link = nextLink(head, content);
    events.push({ ...content, ...link, keySeq: link.seq, sk: `AUDIT#${String(link.seq).padStart(10, '0')}` });
    head = link;
  }
  return { events, head };
}

describe('the audit hash chain of a case', () => {
  it('starts at the genesis value and links each event to the one before', () => {
    const { events } = chainOf(3);

    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]?.prevHash).toBe(genesisHash);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events[2]?.prevHash).toBe(events[1]?.hash);
  });

  it('hashes the same content the same way whatever the order of its keys', () => {
    const content: AuditEventContent = {
      caseId,
      seq: 1,
      at: '2031-03-01T10:00:00.000Z',
      actor: { kind: 'system', username: 'funds' },
      action: 'funds.released',
      after: { reason: 'payment failed', amount: { currency: 'RUB', minor: 500_000 } },
    };
    const reordered = {
      after: { amount: { minor: 500_000, currency: 'RUB' }, reason: 'payment failed' },
      action: 'funds.released',
      actor: { username: 'funds', kind: 'system' },
      at: '2031-03-01T10:00:00.000Z',
      seq: 1,
      caseId,
    };

    expect(auditEventHash(genesisHash, reordered)).toBe(auditEventHash(genesisHash, content));
    expect(auditEventHash(genesisHash, content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives another hash when anything it covers changes: content, place or predecessor', () => {
    const content: AuditEventContent = {
      caseId,
      seq: 2,
      at: '2031-03-01T10:00:00.000Z',
      actor: { kind: 'applicant' },
      action: 'case.submitted',
    };
    const hash = auditEventHash(genesisHash, content);

    expect(auditEventHash(genesisHash, { ...content, action: 'case.withdrawn' })).not.toBe(hash);
    expect(auditEventHash(genesisHash, { ...content, seq: 3 })).not.toBe(hash);
    expect(auditEventHash('f'.repeat(64), content)).not.toBe(hash);
  });

  it('reads the head of a case item, and genesis for a case from before the chain', () => {
    expect(headOf({ auditSeq: 4, auditHash: 'abc' })).toEqual({ seq: 4, hash: 'abc' });
    expect(headOf({})).toEqual(genesisHead);
  });

  it('finds nothing wrong with an intact chain, nor with a case that has no events yet', () => {
    const { events, head } = chainOf(4);

    expect(verifyAuditChain(caseId, events, head)).toEqual([]);
    expect(verifyAuditChain(caseId, [], genesisHead)).toEqual([]);
  });

  it('finds an event whose content was edited', () => {
    const { events, head } = chainOf(3);
    const edited = events.map((e) => (e.seq === 2 ? { ...e, after: { status: 'approved', version: 3 } } : e));

    expect(verifyAuditChain(caseId, edited, head)).toEqual([{ kind: 'edited', seq: 2 }]);
  });

  it('finds an edited event that was re-hashed: the next event no longer links to it', () => {
    const { events, head } = chainOf(3);
    const original = events[1] as StoredAuditEvent & { prevHash: string };
    const forged = { ...original, action: 'case.approved' };
    const rehashed = {
      ...forged,
      hash: auditEventHash(original.prevHash, forged as unknown as AuditEventContent),
    };

    expect(verifyAuditChain(caseId, [events[0], rehashed, events[2]] as StoredAuditEvent[], head)).toEqual([
      { kind: 'broken_link', seq: 3 },
    ]);
  });

  it('finds a deleted event in the middle as a gap', () => {
    const { events, head } = chainOf(4);

    expect(verifyAuditChain(caseId, [events[0], events[2], events[3]] as StoredAuditEvent[], head)).toEqual([
      { kind: 'missing', from: 2, to: 2 },
    ]);
  });

  it('finds deleted events at the end against the head on the case', () => {
    const { events, head } = chainOf(4);

    expect(verifyAuditChain(caseId, events.slice(0, 2), head)).toEqual([{ kind: 'missing', from: 3, to: 4 }]);
  });

  it('finds a head that names another last event, and events written past the head', () => {
    const { events, head } = chainOf(3);

    expect(verifyAuditChain(caseId, events, { seq: 3, hash: 'f'.repeat(64) })).toEqual([
      { kind: 'head_mismatch', seq: 3 },
    ]);
    expect(verifyAuditChain(caseId, events, { seq: 2, hash: head.hash })).toEqual([
      { kind: 'beyond_head', seq: 3 },
    ]);
  });

  it('finds audit items with no place in the chain, and events whose case item is gone', () => {
    const { events, head } = chainOf(2);
    const legacy: StoredAuditEvent = {
      sk: 'AUDIT#2031-03-01T10:00:00.000Z#x',
      keySeq: undefined,
      action: 'x',
    };

    expect(verifyAuditChain(caseId, [...events, legacy], head)).toEqual([
      { kind: 'unchained', sk: legacy.sk },
    ]);
    expect(verifyAuditChain(caseId, events, undefined)).toEqual([{ kind: 'no_head' }]);
  });
});
