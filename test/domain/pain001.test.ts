import { describe, expect, it } from 'vitest';
import { type Pain001Message, writePain001 } from '../../domain/pain001.js';
import { type BatchFileItem, batchPain001, demoOfficeAccounts } from '../../domain/payment-files.js';
import { endToEndIdFor } from '../../domain/payments.js';
import { child, findAll, pain001Problems, parseXml, type XmlElement } from '../support/pain001-structure.js';

const caseA = '3f1c9a9e-0000-4000-8000-000000000001';
const caseB = '3f1c9a9e-0000-4000-8000-000000000002';
const caseC = '3f1c9a9e-0000-4000-8000-000000000003';

function item(overrides: Partial<BatchFileItem> & { caseId: string }): BatchFileItem {
  const { caseId, ...rest } = overrides;
  return {
    disbursementId: `dsb_${caseId}`,
    endToEndId: endToEndIdFor(caseId, 1),
    caseReference: 'AID-2026-000001',
    aidType: 'cash',
    fundingSource: 'regional_budget',
    amount: { currency: 'RUB', minor: 500_000 },
    channel: 'bank_transfer',
    payee: {
      name: 'Анна Иванова',
      method: 'bank_transfer',
      accountHolder: 'Анна Иванова',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
    },
    ...rest,
  };
}

/** A batch as finance makes them: two sources, a cash-desk payout, a domestic Russian account. */
const batch: BatchFileItem[] = [
  item({ caseId: caseA, caseReference: 'AID-2026-000001', amount: { currency: 'RUB', minor: 500_000 } }),
  item({
    caseId: caseB,
    caseReference: 'AID-2026-000002',
    fundingSource: 'municipal_programme',
    amount: { currency: 'RUB', minor: 1_234_567 },
    payee: {
      name: '王小明',
      method: 'bank_transfer',
      accountHolder: '王小明',
      accountNumber: '40817810099910004312',
      bic: '044525225',
    },
  }),
  item({
    caseId: caseC,
    caseReference: 'AID-2026-000003',
    amount: { currency: 'RUB', minor: 1 },
    channel: 'cash_desk',
    payee: { name: 'Пётр Сидоров', method: 'cash_desk' },
  }),
  item({
    caseId: '3f1c9a9e-0000-4000-8000-000000000004',
    caseReference: 'AID-2026-000004',
    amount: { currency: 'RUB', minor: 99 },
  }),
];
const header = {
  batchId: 'bat_0123456789abcdef01234567',
  createdAt: '2026-11-22T09:31:11.980Z',
  timeZone: 'Europe/Moscow',
};

const text = (e: XmlElement | undefined) => e?.text ?? '';
const toMinor = (decimal: string) => Math.round(Number(decimal) * 100);

describe('the pain.001.001.09 file of a payment batch', () => {
  const xml = batchPain001(header, batch, demoOfficeAccounts);
  const doc = parseXml(xml);

  it('conforms to the structure of the pain.001.001.09 XSD: element order, occurrences and facets', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns=')).toBe(true);
    expect(pain001Problems(doc)).toEqual([]);
  });

  it('has one payment per funding source, each paid from the office account of that source', () => {
    const payments = findAll(doc, 'PmtInf');
    expect(payments.map((p) => text(child(p, 'PmtInfId')))).toEqual([
      'bat_0123456789abcdef01234567-1',
      'bat_0123456789abcdef01234567-2',
    ]);
    expect(payments.map((p) => text(findAll(p, 'IBAN')[0]))).toEqual([
      demoOfficeAccounts.bySource.municipal_programme?.iban,
      demoOfficeAccounts.bySource.regional_budget?.iban,
    ]);
    expect(payments.map((p) => text(child(p, 'PmtMtd')))).toEqual(['TRF', 'TRF']);
    expect(payments.map((p) => text(findAll(p, 'Dt')[0]))).toEqual(['2026-11-22', '2026-11-22']);
  });

  it('leaves cash-desk payouts out (they have no account) and counts only what it carries', () => {
    const endToEnd = findAll(doc, 'EndToEndId').map(text);
    expect(endToEnd).not.toContain(endToEndIdFor(caseC, 1));
    expect(endToEnd).toHaveLength(3);
    expect(text(findAll(doc, 'NbOfTxs')[0])).toBe('3');
  });

  it('makes every control sum the exact sum of its amounts, written with two fraction digits', () => {
    const amounts = findAll(doc, 'InstdAmt');
    expect(amounts.map(text).sort()).toEqual(['0.99', '12345.67', '5000.00']);
    expect(amounts.every((a) => a.attrs.Ccy === 'RUB')).toBe(true);
    const groupSum = text(child(child(doc.children[0] as XmlElement, 'GrpHdr') as XmlElement, 'CtrlSum'));
    expect(toMinor(groupSum)).toBe(500_000 + 1_234_567 + 99);
    for (const payment of findAll(doc, 'PmtInf')) {
      const own = findAll(payment, 'InstdAmt').reduce((s, a) => s + toMinor(text(a)), 0);
      expect(toMinor(text(child(payment, 'CtrlSum')))).toBe(own);
      expect(Number(text(child(payment, 'NbOfTxs')))).toBe(findAll(payment, 'CdtTrfTxInf').length);
    }
  });

  it('identifies each transfer by its disbursement and tells the payee the case reference', () => {
    const tx = findAll(doc, 'CdtTrfTxInf').find(
      (t) => text(findAll(t, 'EndToEndId')[0]) === endToEndIdFor(caseA, 1),
    );
    expect(text(findAll(tx as XmlElement, 'Ustrd')[0])).toBe('AID-2026-000001');
    expect(text(findAll(child(tx as XmlElement, 'Cdtr') as XmlElement, 'Nm')[0])).toBe('Анна Иванова');
    expect(text(findAll(child(tx as XmlElement, 'CdtrAgt') as XmlElement, 'BICFI')[0])).toBe('COBADEFFXXX');
  });

  it('pays a Russian 20-digit account through its bank BIC as a clearing member (no IBAN)', () => {
    const tx = findAll(doc, 'CdtTrfTxInf').find(
      (t) => text(findAll(t, 'EndToEndId')[0]) === endToEndIdFor(caseB, 1),
    );
    const account = child(tx as XmlElement, 'CdtrAcct') as XmlElement;
    expect(text(findAll(account, 'Id').at(-1))).toBe('40817810099910004312');
    expect(findAll(account, 'IBAN')).toHaveLength(0);
    const agent = child(tx as XmlElement, 'CdtrAgt') as XmlElement;
    expect(text(findAll(agent, 'Cd')[0])).toBe('RUCBC');
    expect(text(findAll(agent, 'MmbId')[0])).toBe('044525225');
  });
});

describe('the pain.001 writer', () => {
  const message = (overrides: Partial<Pain001Message> = {}): Pain001Message => ({
    messageId: 'MSG-1',
    createdAt: '2026-01-05T10:00:00Z',
    initiatingPartyName: 'Office',
    payments: [
      {
        paymentInfoId: 'MSG-1-1',
        requestedExecutionDate: '2026-01-05',
        debtorName: 'Office',
        debtorAccount: { iban: 'DE19370400440532000001' },
        debtorBic: 'COBADEFFXXX',
        transactions: [
          {
            endToEndId: 'E2E-1',
            amount: { currency: 'RUB', minor: 100 },
            creditorName: 'Someone',
            creditorAccount: { iban: 'DE89370400440532013000' },
            remittance: 'AID-2026-000001',
          },
        ],
      },
    ],
    ...overrides,
  });
  const withCreditor = (creditorName: string) =>
    message({
      payments: message().payments.map((p) => ({
        ...p,
        transactions: p.transactions.map((t) => ({ ...t, creditorName })),
      })),
    });

  it("asks for execution on the office's date of the batch: made at 01:30 on 1 January in Moscow, it is for 1 January", () => {
    // Arrange: 22:30 UTC on 31 December is 01:30 on 1 January in Moscow.
    const newYearsNight = { ...header, createdAt: '2026-12-31T22:30:00.000Z' };

    // Act
    const night = parseXml(batchPain001(newYearsNight, batch, demoOfficeAccounts));

    // Assert: the creation time stays the instant, in UTC.
    expect(findAll(night, 'ReqdExctnDt').map((e) => text(child(e, 'Dt')))).toEqual([
      '2027-01-01',
      '2027-01-01',
    ]);
    expect(text(findAll(night, 'CreDtTm')[0])).toBe('2026-12-31T22:30:00Z');
  });

  it('escapes markup in names and keeps Cyrillic and Chinese as they are', () => {
    const xml = writePain001(withCreditor('Tom & "Jerry" <Ltd> Иванов 王'));
    expect(xml).toContain('<Nm>Tom &amp; &quot;Jerry&quot; &lt;Ltd&gt; Иванов 王</Nm>');
    expect(text(findAll(parseXml(xml), 'Nm')[2])).toBe('Tom & "Jerry" <Ltd> Иванов 王');
    expect(pain001Problems(parseXml(xml))).toEqual([]);
  });

  it('cuts a name to 140 characters (not UTF-16 units) and drops characters XML cannot carry', () => {
    const xml = writePain001(withCreditor(`${'王'.repeat(150)}\u0001`));
    const name = text(findAll(parseXml(xml), 'Nm')[2]);
    expect([...name]).toHaveLength(140);
    expect(name).not.toContain('\u0001');
  });

  it('refuses an id longer than 35 characters rather than write a file the bank rejects', () => {
    expect(() => writePain001(message({ messageId: 'x'.repeat(36) }))).toThrow(/Max35Text/);
  });

  it('is checked by a structure test that notices elements out of the XSD order', () => {
    // The writer's output with Cdtr moved before CdtrAgt: the check must fail, or it checks nothing.
    const xml = writePain001(
      message({
        payments: message().payments.map((p) => ({
          ...p,
          transactions: p.transactions.map((t) => ({ ...t, creditorBic: 'COBADEFFXXX' })),
        })),
      }),
    );
    const cdtr = xml.match(/ *<Cdtr>[\s\S]*?<\/Cdtr>\n/)?.[0] ?? '';
    const reordered = xml.replace(cdtr, '').replace(/( *)<CdtrAgt>/, `${cdtr}$1<CdtrAgt>`);
    expect(pain001Problems(parseXml(xml))).toEqual([]);
    expect(pain001Problems(parseXml(reordered))).not.toEqual([]);
  });
});
