import { describe, expect, it } from 'vitest';
import type { ChainProblem } from '../../domain/audit-chain-problem.js';
import { staffEn } from '../../web/src/staff/messages/staff-en.js';
import { staffRu } from '../../web/src/staff/messages/staff-ru.js';
import { staffUk } from '../../web/src/staff/messages/staff-uk.js';
import { staffZh } from '../../web/src/staff/messages/staff-zh.js';

const findings: ChainProblem[] = [
  { kind: 'edited', seq: 4 },
  { kind: 'missing', from: 5, to: 7 },
  { kind: 'missing', from: 5, to: 5 },
  { kind: 'broken_link', seq: 8 },
  { kind: 'unchained', sk: 'AUDIT#x' },
  { kind: 'beyond_head', seq: 9 },
  { kind: 'head_mismatch', seq: 3 },
  { kind: 'no_head' },
];

describe('what the audit check found, on the desk', () => {
  it('words every finding in every language, naming the events it is about', () => {
    for (const words of [staffEn, staffUk, staffRu, staffZh]) {
      expect(words.chainProblem({ kind: 'missing', from: 5, to: 7 })).toMatch(/5.7/);
      for (const f of findings) expect(words.chainProblem(f).length).toBeGreaterThan(10);
    }
  });

  it('is not English in Ukrainian, Russian or Chinese', () => {
    for (const words of [staffUk, staffRu, staffZh]) {
      for (const f of findings) expect(words.chainProblem(f)).not.toMatch(/\b(event|missing|chain)\b/i);
    }
  });
});
