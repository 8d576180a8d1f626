/**
 * A structural check of pain.001.001.09 documents, for tests. No npm package ships the official
 * XSD (ISO distributes it under its own terms), so this is the part of the XSD the office's files
 * use, transcribed: for each complex type its sequence (or choice) in order with min/max
 * occurrences, and for each simple type its facets. Elements the writer never produces are listed
 * where the XSD has them so that order is checked against the real sequence, not against ours.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (entities[e] ?? ''),
  );

/** A small XML parser: elements, attributes and text (no DTDs, CDATA or comments expected). */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const token = /<\/?([A-Za-z][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of body.matchAll(token)) {
    const [whole, name, rawAttrs, selfClosing, text] = m;
    if (text !== undefined) {
      const parent = stack.at(-1);
      if (!parent) {
        if (text.trim()) throw new Error(`text outside the root: ${text}`);
        continue;
      }
      parent.text += decodeEntities(text);
      continue;
    }
    if (whole.startsWith('</')) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g))
      attrs[a[1] ?? ''] = decodeEntities(a[2] ?? '');
    const element: XmlElement = { name: name ?? '', attrs, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('two root elements');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  return root;
}

type Particle = readonly [name: string, type: string, min: number, max: number];
type ComplexType = { readonly sequence: readonly Particle[] } | { readonly choice: readonly Particle[] };

const many = Number.POSITIVE_INFINITY;
const party: ComplexType = {
  sequence: [
    ['Nm', 'Max140Text', 0, 1],
    ['PstlAdr', 'any', 0, 1],
    ['Id', 'any', 0, 1],
    ['CtryOfRes', 'CountryCode', 0, 1],
    ['CtctDtls', 'any', 0, 1],
  ],
};
const cashAccount: ComplexType = {
  sequence: [
    ['Id', 'AccountIdentification4Choice', 1, 1],
    ['Tp', 'any', 0, 1],
    ['Ccy', 'CurrencyCode', 0, 1],
    ['Nm', 'Max70Text', 0, 1],
    ['Prxy', 'any', 0, 1],
  ],
};
const agent: ComplexType = {
  sequence: [
    ['FinInstnId', 'FinancialInstitutionIdentification18', 1, 1],
    ['BrnchId', 'any', 0, 1],
  ],
};

/** Complex types of pain.001.001.09 (ISO 20022 message definition, 2019), as far as used. */
const complexTypes: Record<string, ComplexType> = {
  Document: { sequence: [['CstmrCdtTrfInitn', 'CustomerCreditTransferInitiationV09', 1, 1]] },
  CustomerCreditTransferInitiationV09: {
    sequence: [
      ['GrpHdr', 'GroupHeader85', 1, 1],
      ['PmtInf', 'PaymentInstruction30', 1, many],
      ['SplmtryData', 'any', 0, many],
    ],
  },
  GroupHeader85: {
    sequence: [
      ['MsgId', 'Max35Text', 1, 1],
      ['CreDtTm', 'ISODateTime', 1, 1],
      ['Authstn', 'any', 0, 2],
      ['NbOfTxs', 'Max15NumericText', 1, 1],
      ['CtrlSum', 'DecimalNumber', 0, 1],
      ['InitgPty', 'PartyIdentification135', 1, 1],
      ['FwdgAgt', 'any', 0, 1],
    ],
  },
  PaymentInstruction30: {
    sequence: [
      ['PmtInfId', 'Max35Text', 1, 1],
      ['PmtMtd', 'PaymentMethod3Code', 1, 1],
      ['BtchBookg', 'any', 0, 1],
      ['NbOfTxs', 'Max15NumericText', 0, 1],
      ['CtrlSum', 'DecimalNumber', 0, 1],
      ['PmtTpInf', 'any', 0, 1],
      ['ReqdExctnDt', 'DateAndDateTime2Choice', 1, 1],
      ['PoolgAdjstmntDt', 'any', 0, 1],
      ['Dbtr', 'PartyIdentification135', 1, 1],
      ['DbtrAcct', 'CashAccount38', 1, 1],
      ['DbtrAgt', 'BranchAndFinancialInstitutionIdentification6', 1, 1],
      ['DbtrAgtAcct', 'any', 0, 1],
      ['InstrForDbtrAgt', 'any', 0, 1],
      ['UltmtDbtr', 'any', 0, 1],
      ['ChrgBr', 'any', 0, 1],
      ['ChrgsAcct', 'any', 0, 1],
      ['ChrgsAcctAgt', 'any', 0, 1],
      ['CdtTrfTxInf', 'CreditTransferTransaction34', 1, many],
    ],
  },
  CreditTransferTransaction34: {
    sequence: [
      ['PmtId', 'PaymentIdentification6', 1, 1],
      ['PmtTpInf', 'any', 0, 1],
      ['Amt', 'AmountType4Choice', 1, 1],
      ['XchgRateInf', 'any', 0, 1],
      ['ChrgBr', 'any', 0, 1],
      ['ChqInstr', 'any', 0, 1],
      ['UltmtDbtr', 'any', 0, 1],
      ['IntrmyAgt1', 'any', 0, 1],
      ['IntrmyAgt1Acct', 'any', 0, 1],
      ['IntrmyAgt2', 'any', 0, 1],
      ['IntrmyAgt2Acct', 'any', 0, 1],
      ['IntrmyAgt3', 'any', 0, 1],
      ['IntrmyAgt3Acct', 'any', 0, 1],
      ['CdtrAgt', 'BranchAndFinancialInstitutionIdentification6', 0, 1],
      ['CdtrAgtAcct', 'any', 0, 1],
      ['Cdtr', 'PartyIdentification135', 0, 1],
      ['CdtrAcct', 'CashAccount38', 0, 1],
      ['UltmtCdtr', 'any', 0, 1],
      ['InstrForCdtrAgt', 'any', 0, many],
      ['InstrForDbtrAgt', 'any', 0, 1],
      ['Purp', 'any', 0, 1],
      ['RgltryRptg', 'any', 0, 10],
      ['Tax', 'any', 0, 1],
      ['RltdRmtInf', 'any', 0, 10],
      ['RmtInf', 'RemittanceInformation16', 0, 1],
      ['SplmtryData', 'any', 0, many],
    ],
  },
  PaymentIdentification6: {
    sequence: [
      ['InstrId', 'Max35Text', 0, 1],
      ['EndToEndId', 'Max35Text', 1, 1],
      ['UETR', 'any', 0, 1],
    ],
  },
  AmountType4Choice: {
    choice: [
      ['InstdAmt', 'ActiveOrHistoricCurrencyAndAmount', 1, 1],
      ['EqvtAmt', 'any', 1, 1],
    ],
  },
  DateAndDateTime2Choice: {
    choice: [
      ['Dt', 'ISODate', 1, 1],
      ['DtTm', 'ISODateTime', 1, 1],
    ],
  },
  PartyIdentification135: party,
  CashAccount38: cashAccount,
  AccountIdentification4Choice: {
    choice: [
      ['IBAN', 'IBAN2007Identifier', 1, 1],
      ['Othr', 'GenericAccountIdentification1', 1, 1],
    ],
  },
  GenericAccountIdentification1: {
    sequence: [
      ['Id', 'Max34Text', 1, 1],
      ['SchmeNm', 'any', 0, 1],
      ['Issr', 'Max35Text', 0, 1],
    ],
  },
  BranchAndFinancialInstitutionIdentification6: agent,
  FinancialInstitutionIdentification18: {
    sequence: [
      ['BICFI', 'BICFIDec2014Identifier', 0, 1],
      ['ClrSysMmbId', 'ClearingSystemMemberIdentification2', 0, 1],
      ['LEI', 'any', 0, 1],
      ['Nm', 'Max140Text', 0, 1],
      ['PstlAdr', 'any', 0, 1],
      ['Othr', 'any', 0, 1],
    ],
  },
  ClearingSystemMemberIdentification2: {
    sequence: [
      ['ClrSysId', 'ClearingSystemIdentification2Choice', 0, 1],
      ['MmbId', 'Max35Text', 1, 1],
    ],
  },
  ClearingSystemIdentification2Choice: {
    choice: [
      ['Cd', 'ExternalClearingSystemIdentification1Code', 1, 1],
      ['Prtry', 'Max35Text', 1, 1],
    ],
  },
  RemittanceInformation16: {
    sequence: [
      ['Ustrd', 'Max140Text', 0, many],
      ['Strd', 'any', 0, many],
    ],
  },
};

const chars = (s: string) => [...s].length;
/** Simple types: their pattern and length facets. */
const simpleTypes: Record<string, (text: string, attrs: Readonly<Record<string, string>>) => boolean> = {
  Max35Text: (t) => chars(t) >= 1 && chars(t) <= 35,
  Max34Text: (t) => chars(t) >= 1 && chars(t) <= 34,
  Max70Text: (t) => chars(t) >= 1 && chars(t) <= 70,
  Max140Text: (t) => chars(t) >= 1 && chars(t) <= 140,
  Max15NumericText: (t) => /^[0-9]{1,15}$/.test(t),
  // DecimalNumber: fractionDigits 17, totalDigits 18; payment files use two fraction digits.
  DecimalNumber: (t) => /^\d{1,16}\.\d{2}$/.test(t),
  ISODate: (t) => /^\d{4}-\d{2}-\d{2}$/.test(t),
  ISODateTime: (t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(t),
  PaymentMethod3Code: (t) => ['CHK', 'TRF', 'TRA'].includes(t),
  IBAN2007Identifier: (t) => /^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/.test(t),
  BICFIDec2014Identifier: (t) => /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(t),
  ExternalClearingSystemIdentification1Code: (t) => chars(t) >= 1 && chars(t) <= 5,
  CountryCode: (t) => /^[A-Z]{2}$/.test(t),
  CurrencyCode: (t) => /^[A-Z]{3}$/.test(t),
  // ActiveOrHistoricCurrencyAndAmount: fractionDigits 5, totalDigits 18, minInclusive 0, Ccy attribute.
  ActiveOrHistoricCurrencyAndAmount: (t, a) =>
    /^\d{1,13}(\.\d{1,5})?$/.test(t) && /^[A-Z]{3}$/.test(a.Ccy ?? ''),
};

/** Every structural problem of the document, by path (empty when it conforms). */
export function pain001Problems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'Document') problems.push(`root is <${root.name}>, not <Document>`);
  if (root.attrs.xmlns !== 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09') {
    problems.push(`namespace is ${root.attrs.xmlns}`);
  }
  check(root, 'Document', 'Document', problems);
  return problems;
}

function check(element: XmlElement, type: string, path: string, problems: string[]): void {
  if (type === 'any') return;
  const simple = simpleTypes[type];
  if (simple) {
    if (element.children.length > 0) problems.push(`${path}: a ${type} has no child elements`);
    if (!simple(element.text, element.attrs))
      problems.push(`${path}: "${element.text}" is not a valid ${type}`);
    return;
  }
  const complex = complexTypes[type];
  if (!complex) {
    problems.push(`${path}: unknown type ${type}`);
    return;
  }
  if (element.text.trim() !== '') problems.push(`${path}: unexpected text "${element.text.trim()}"`);
  if ('choice' in complex) {
    const [only, ...more] = element.children;
    const particle = complex.choice.find(([name]) => name === only?.name);
    if (!only || more.length > 0 || !particle) {
      problems.push(`${path}: must hold exactly one of ${complex.choice.map(([n]) => n).join(' | ')}`);
      return;
    }
    check(only, particle[1], `${path}/${only.name}`, problems);
    return;
  }
  let i = 0;
  for (const [name, childType, min, max] of complex.sequence) {
    let count = 0;
    while (element.children[i]?.name === name) {
      check(element.children[i] as XmlElement, childType, `${path}/${name}`, problems);
      count++;
      i++;
    }
    if (count < min) problems.push(`${path}: <${name}> is required (at least ${min})`);
    if (count > max) problems.push(`${path}: <${name}> occurs ${count} times, at most ${max}`);
  }
  for (const extra of element.children.slice(i)) {
    problems.push(`${path}: <${extra.name}> is not allowed here (wrong order, or not in the XSD)`);
  }
}

/** All descendants named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
