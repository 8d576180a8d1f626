import { toIsoDate } from './dates.js';
import type { Money } from './money.js';
import { type Pain001Payment, writePain001 } from './pain001.js';
import type { PayoutChannel } from './payments.js';

/**
 * The files of a payment batch: the pain.001 credit transfer file of its bank transfers (the CSV of
 * every item is written in functions/use-cases/payment-batches.ts). Cash-desk items have no
 * account to pay into, so they are in the CSV only; in-kind items never reach a batch.
 */

export interface BatchFileItem {
  readonly disbursementId: string;
  readonly endToEndId: string;
  readonly caseReference: string;
  readonly aidType: string;
  readonly fundingSource: string;
  readonly amount: Money;
  readonly channel: PayoutChannel;
  readonly payee: {
    readonly name: string;
    readonly method: string;
    readonly accountHolder?: string | undefined;
    readonly iban?: string | undefined;
    readonly accountNumber?: string | undefined;
    readonly bic?: string | undefined;
  };
}

export interface BatchFileHeader {
  readonly batchId: string;
  readonly createdAt: string;
  /**
   * The office's time zone: the requested execution date is the office's date of `createdAt` (a
   * batch made at 01:30 on 1 January in Moscow is for 1 January, not for a 31 December already
   * past at the office's bank).
   */
  readonly timeZone: string;
}

/** The office's own account that pays for one funding source (the debtor of pain.001). */
export interface OfficeAccount {
  readonly name: string;
  readonly iban?: string;
  readonly accountNumber?: string;
  readonly bic: string;
}

export interface OfficeAccounts {
  /** The initiating party: the office that sends the file. */
  readonly initiatingParty: string;
  readonly bySource: Readonly<Record<string, OfficeAccount>>;
}

/**
 * Demo values (valid IBAN check digits, a real BIC format, fictional accounts). In use they come
 * from the policy value `office-accounts` (an administrator's data, see
 * functions/use-cases/payment-batches.ts); these stand in until one is set.
 */
export const demoOfficeAccounts: OfficeAccounts = {
  initiatingParty: 'Social Protection Office (demo)',
  bySource: {
    regional_budget: {
      name: 'Social Protection Office — regional budget',
      iban: 'DE19370400440532000001',
      bic: 'COBADEFFXXX',
    },
    municipal_programme: {
      name: 'Social Protection Office — municipal programme',
      iban: 'DE89370400440532000002',
      bic: 'COBADEFFXXX',
    },
    own_income: {
      name: 'Social Protection Office — own income',
      iban: 'DE62370400440532000003',
      bic: 'COBADEFFXXX',
    },
    charity: {
      name: 'Social Protection Office — charity',
      iban: 'DE35370400440532000004',
      bic: 'COBADEFFXXX',
    },
    other_sources: {
      name: 'Social Protection Office — other sources',
      iban: 'DE08370400440532000005',
      bic: 'COBADEFFXXX',
    },
  },
};

/** The items pain.001 carries: bank transfers with an account to pay into. */
export function bankTransfers(items: readonly BatchFileItem[]): BatchFileItem[] {
  return items.filter(
    (i) =>
      i.channel === 'bank_transfer' && (i.payee.iban !== undefined || i.payee.accountNumber !== undefined),
  );
}

/** Funding sources of the batch's bank transfers that have no office account to pay from. */
export function sourcesWithoutAccount(items: readonly BatchFileItem[], accounts: OfficeAccounts): string[] {
  return [...new Set(bankTransfers(items).map((i) => i.fundingSource))].filter((s) => !accounts.bySource[s]);
}

/**
 * The pain.001.001.09 document of a batch: one payment (PmtInf) per funding source and currency,
 * since each source is paid from its own account; the message id is the batch id.
 */
export function batchPain001(
  header: BatchFileHeader,
  items: readonly BatchFileItem[],
  accounts: OfficeAccounts,
): string {
  const groups = new Map<string, BatchFileItem[]>();
  for (const item of bankTransfers(items)) {
    const key = `${item.fundingSource}|${item.amount.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const payments: Pain001Payment[] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group], index) => {
      const source = group[0]?.fundingSource ?? '';
      const debtor = accounts.bySource[source];
      if (!debtor)
        throw new RangeError(`No office account is configured for the funding source "${source}".`);
      return {
        paymentInfoId: `${header.batchId}-${index + 1}`,
        requestedExecutionDate: toIsoDate(new Date(header.createdAt), header.timeZone),
        debtorName: debtor.name,
        debtorAccount: { iban: debtor.iban, accountNumber: debtor.accountNumber },
        debtorBic: debtor.bic,
        transactions: group.map((i) => ({
          endToEndId: i.endToEndId,
          amount: i.amount,
          creditorName: i.payee.accountHolder ?? i.payee.name,
          creditorAccount: { iban: i.payee.iban, accountNumber: i.payee.accountNumber },
          creditorBic: i.payee.bic,
          remittance: i.caseReference,
        })),
      };
    });
  return writePain001({
    messageId: header.batchId,
    createdAt: header.createdAt,
    initiatingPartyName: accounts.initiatingParty,
    payments,
  });
}
