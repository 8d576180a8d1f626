import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Keys whose values are personal data. Whatever object reaches the logger, these are masked by
 * the JSON replacer before a line is written, so a careless `logger.info('x', { case })` cannot
 * leak a name, an address or an income (invariant 5).
 */
export const personalDataKeys = new Set([
  'applicant',
  'fullName',
  'birthDate',
  'email',
  'phone',
  'address',
  'nationalId',
  'iban',
  'accountNumber',
  'accountHolder',
  'bic',
  'payout',
  'payee',
  'reason',
  'text',
  'comment',
  'answer',
  'monthlyIncome',
  'household',
  'categories',
  'accessCode',
  'password',
  'authorization',
  'x-access-code',
  'taskToken',
  'body',
]);

export function redact(key: string, value: unknown): unknown {
  if (personalDataKeys.has(key) && value !== undefined && value !== null) return '[REDACTED]';
  return value;
}

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aidflow',
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
  jsonReplacerFn: redact,
});
