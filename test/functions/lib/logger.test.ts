import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redact } from '../../../functions/lib/logger.js';
import { sampleApplication } from '../../support/api-client.js';

describe('the handler logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('masks personal data at any depth, whatever object is logged (invariant 5)', () => {
    // Arrange: a logger configured exactly as functions/lib/logger.ts configures it.
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => lines.push(args.join(' ')));
    const logger = new Logger({ serviceName: 'test', logLevel: 'INFO', jsonReplacerFn: redact });
    const application = sampleApplication({
      applicant: {
        fullName: 'Ганна Шевченко-Ли',
        birthDate: '1944-05-09',
        email: 'hanna@example.org',
        phone: '+380 44 123 4567',
        address: 'вул. Садова 7',
        preferredLanguage: 'uk',
      },
    });

    // Act
    logger.info('careless log line', {
      case: { caseId: 'c-1', ...application },
      accessCode: 'ABCD-EFGH-JKMN-PQRS',
    });

    // Assert
    const written = lines.join('\n');
    expect(written).toContain('c-1');
    for (const secret of [
      'Ганна',
      '1944-05-09',
      'hanna@example.org',
      '123 4567',
      'Садова',
      'DE89370400440532013000',
      'ABCD-EFGH',
      'лекарства',
      'Иванова',
    ]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[REDACTED]');
  });
});
