import type { Money } from './money.js';
import { formatMinor } from './payments.js';

/**
 * An ISO 20022 customer credit transfer initiation, pain.001.001.09: the file a payment batch is
 * sent to the bank in. Elements are written in the order of the message's XSD sequences
 * (GroupHeader85, PaymentInstruction30, CreditTransferTransaction34); optional elements the
 * office has nothing for are left out. Pure: text in, text out.
 */

export const pain001Namespace = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface Pain001Account {
  /** An IBAN, or … */
  readonly iban?: string | undefined;
  /** … a domestic account number (e.g. a Russian 20-digit account), written as Othr/Id. */
  readonly accountNumber?: string | undefined;
}

export interface Pain001Transaction {
  /** At most 35 characters; the bank returns it on its statements. */
  readonly endToEndId: string;
  readonly amount: Money;
  readonly creditorName: string;
  readonly creditorAccount: Pain001Account;
  /** SWIFT BIC (BICFI) or a Russian 9-digit BIC (clearing member id in RUCBC); optional with an IBAN. */
  readonly creditorBic?: string | undefined;
  /** Unstructured remittance information: here the case reference. */
  readonly remittance: string;
}

export interface Pain001Payment {
  readonly paymentInfoId: string;
  /** YYYY-MM-DD */
  readonly requestedExecutionDate: string;
  readonly debtorName: string;
  readonly debtorAccount: Pain001Account;
  readonly debtorBic: string;
  readonly transactions: readonly Pain001Transaction[];
}

export interface Pain001Message {
  readonly messageId: string;
  /** An ISO instant; written to the second. */
  readonly createdAt: string;
  readonly initiatingPartyName: string;
  readonly payments: readonly Pain001Payment[];
}

const SWIFT_BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const RU_BIC = /^\d{9}$/;
const IBAN = /^[A-Z]{2}\d{2}[A-Za-z0-9]{1,30}$/;

/** XML 1.0 forbids most control characters even when escaped: drop them. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(value: string): string {
  return value
    .replace(notXmlChar, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Max140Text and friends count characters, not UTF-16 units: cut by code points. */
function limit(value: string, max: number): string {
  const chars = [...value.replace(notXmlChar, '').replace(/\s+/g, ' ').trim()];
  return chars.length > max ? chars.slice(0, max).join('') : chars.join('');
}

function id35(value: string, what: string): string {
  if (value.length < 1 || value.length > 35) {
    throw new RangeError(`${what} "${value}" must be 1 to 35 characters long (ISO 20022 Max35Text).`);
  }
  return value;
}

type Node = { readonly name: string; readonly attrs?: Record<string, string> } & (
  | { readonly text: string }
  | { readonly children: readonly Node[] }
);

const leaf = (name: string, text: string, attrs?: Record<string, string>): Node =>
  attrs ? { name, text, attrs } : { name, text };
const node = (name: string, children: readonly (Node | undefined)[]): Node => ({
  name,
  children: children.filter((c): c is Node => c !== undefined),
});

function render(n: Node, depth: number): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(n.attrs ?? {})
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join('');
  if ('text' in n) return `${pad}<${n.name}${attrs}>${xmlEscape(n.text)}</${n.name}>`;
  const inner = n.children.map((c) => render(c, depth + 1)).join('\n');
  return `${pad}<${n.name}${attrs}>\n${inner}\n${pad}</${n.name}>`;
}

/** AccountIdentification4Choice: IBAN, or Othr/Id (Max34Text). */
function account(a: Pain001Account, what: string): Node {
  if (a.iban !== undefined) {
    const iban = a.iban.replace(/\s+/g, '').toUpperCase();
    if (!IBAN.test(iban)) throw new RangeError(`${what}: "${iban}" is not an IBAN.`);
    return node('Id', [leaf('IBAN', iban)]);
  }
  if (a.accountNumber !== undefined && a.accountNumber.length >= 1 && a.accountNumber.length <= 34) {
    return node('Id', [node('Othr', [leaf('Id', a.accountNumber)])]);
  }
  throw new RangeError(`${what} needs an IBAN or an account number of at most 34 characters.`);
}

/** FinancialInstitutionIdentification18: BICFI for a SWIFT BIC, ClrSysMmbId for a Russian BIC. */
function agent(bic: string, what: string): Node {
  const code = bic.replace(/\s+/g, '').toUpperCase();
  if (SWIFT_BIC.test(code)) return node('FinInstnId', [leaf('BICFI', code)]);
  if (RU_BIC.test(code)) {
    return node('FinInstnId', [
      node('ClrSysMmbId', [node('ClrSysId', [leaf('Cd', 'RUCBC')]), leaf('MmbId', code)]),
    ]);
  }
  throw new RangeError(`${what}: "${bic}" is neither a SWIFT BIC nor a 9-digit Russian BIC.`);
}

const sumMinor = (txs: readonly Pain001Transaction[]) => txs.reduce((s, t) => s + t.amount.minor, 0);

function transaction(t: Pain001Transaction): Node {
  if (!Number.isSafeInteger(t.amount.minor) || t.amount.minor <= 0) {
    throw new RangeError(`Transaction ${t.endToEndId}: the amount must be a positive number of minor units.`);
  }
  return node('CdtTrfTxInf', [
    node('PmtId', [leaf('EndToEndId', id35(t.endToEndId, 'EndToEndId'))]),
    node('Amt', [leaf('InstdAmt', formatMinor(t.amount.minor), { Ccy: t.amount.currency })]),
    t.creditorBic ? node('CdtrAgt', [agent(t.creditorBic, `Creditor agent of ${t.endToEndId}`)]) : undefined,
    node('Cdtr', [leaf('Nm', limit(t.creditorName, 140))]),
    node('CdtrAcct', [account(t.creditorAccount, `Creditor account of ${t.endToEndId}`)]),
    node('RmtInf', [leaf('Ustrd', limit(t.remittance, 140))]),
  ]);
}

function payment(p: Pain001Payment): Node {
  if (p.transactions.length === 0) throw new RangeError(`Payment ${p.paymentInfoId} has no transactions.`);
  return node('PmtInf', [
    leaf('PmtInfId', id35(p.paymentInfoId, 'PmtInfId')),
    leaf('PmtMtd', 'TRF'),
    leaf('NbOfTxs', String(p.transactions.length)),
    leaf('CtrlSum', formatMinor(sumMinor(p.transactions))),
    node('ReqdExctnDt', [leaf('Dt', p.requestedExecutionDate)]),
    node('Dbtr', [leaf('Nm', limit(p.debtorName, 140))]),
    node('DbtrAcct', [account(p.debtorAccount, `Debtor account of ${p.paymentInfoId}`)]),
    node('DbtrAgt', [agent(p.debtorBic, `Debtor agent of ${p.paymentInfoId}`)]),
    ...p.transactions.map(transaction),
  ]);
}

/**
 * The document. CtrlSum is the sum of the instructed amounts, as the standard defines it
 * (irrespective of currency), computed in integer minor units so it matches to the kopeck.
 */
export function writePain001(message: Pain001Message): string {
  if (message.payments.length === 0) throw new RangeError('A pain.001 message needs at least one payment.');
  const all = message.payments.flatMap((p) => p.transactions);
  const created = new Date(message.createdAt);
  if (Number.isNaN(created.getTime()))
    throw new RangeError(`createdAt "${message.createdAt}" is not an instant.`);
  const document = node('Document', [
    node('CstmrCdtTrfInitn', [
      node('GrpHdr', [
        leaf('MsgId', id35(message.messageId, 'MsgId')),
        leaf('CreDtTm', `${created.toISOString().slice(0, 19)}Z`),
        leaf('NbOfTxs', String(all.length)),
        leaf('CtrlSum', formatMinor(sumMinor(all))),
        node('InitgPty', [leaf('Nm', limit(message.initiatingPartyName, 140))]),
      ]),
      ...message.payments.map(payment),
    ]),
  ]);
  const root = { ...document, attrs: { xmlns: pain001Namespace } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}
