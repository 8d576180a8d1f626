import { optionalText } from './form-values.js';
import { useI18n } from './i18n.js';
import type { Payout } from './staff/case-sections.js';
import { Radios, TextField } from './ui.js';

/** The payout details as typed, in the application form and on the re-issue task alike. */
export interface PayoutDraft {
  payoutMethod: string;
  accountHolder: string;
  accountKind: 'iban' | 'ru';
  iban: string;
  accountNumber: string;
  bic: string;
  deliveryAddress: string;
}

export function payoutDraftOf(p: Payout | undefined): PayoutDraft {
  return {
    payoutMethod: p?.method ?? '',
    accountHolder: p?.accountHolder ?? '',
    accountKind: p?.accountNumber ? 'ru' : 'iban',
    iban: p?.iban ?? '',
    accountNumber: p?.accountNumber ?? '',
    bic: p?.bic ?? '',
    deliveryAddress: p?.deliveryAddress ?? '',
  };
}

/** What the API takes; the shared schema (payoutSchema) judges it. */
export function payoutBody(d: PayoutDraft): Record<string, unknown> {
  const payout: Record<string, unknown> = { method: d.payoutMethod || undefined };
  if (d.payoutMethod === 'bank_transfer') {
    payout.accountHolder = d.accountHolder;
    if (d.accountKind === 'iban') payout.iban = optionalText(d.iban);
    else {
      payout.accountNumber = optionalText(d.accountNumber);
      payout.bic = optionalText(d.bic);
    }
  }
  if (d.payoutMethod === 'in_kind') payout.deliveryAddress = optionalText(d.deliveryAddress);
  return payout;
}

/** The id of the field a `payout.…` issue belongs to. */
export function payoutField(
  segment: string | undefined,
): 'accountHolder' | 'iban' | 'accountNumber' | 'bic' | 'deliveryAddress' | 'payoutMethod' {
  return segment === 'accountHolder' ||
    segment === 'iban' ||
    segment === 'accountNumber' ||
    segment === 'bic' ||
    segment === 'deliveryAddress'
    ? segment
    : 'payoutMethod';
}

export function PayoutFields(p: {
  draft: PayoutDraft;
  onChange: (draft: PayoutDraft) => void;
  error: (field: string) => string | undefined;
  /** The question above the methods (the applicant's wording differs from staff's). */
  legend?: string;
  /** `autocomplete` of the account holder: the applicant's own name, not a colleague's. */
  holderAutocomplete?: string;
  /**
   * Whether the applicant gave a postal address, which in-kind aid goes to when the delivery
   * address is left empty; with none, the delivery address is required. Unset: not known here.
   */
  postalAddressGiven?: boolean;
  /** The delivery address's hint when it may be left empty (staff speak of the applicant's address). */
  deliveryAddressHint?: string;
}) {
  const { t } = useI18n();
  const d = p.draft;
  const noPostalAddress = p.postalAddressGiven === false;
  const set =
    <K extends keyof PayoutDraft>(key: K) =>
    (value: string) =>
      p.onChange({ ...d, [key]: value });
  return (
    <>
      <Radios
        id="payoutMethod"
        legend={p.legend ?? t.payoutMethodStaff}
        error={p.error('payoutMethod')}
        value={d.payoutMethod}
        onChange={set('payoutMethod')}
        choices={[
          { value: 'bank_transfer', label: t.payoutBank },
          { value: 'cash_desk', label: t.payoutCash },
          { value: 'in_kind', label: t.payoutInKind },
        ]}
      />
      {d.payoutMethod === 'bank_transfer' && (
        <div class="conditional">
          <TextField
            id="accountHolder"
            label={t.accountHolder}
            {...(p.holderAutocomplete ? { autocomplete: p.holderAutocomplete } : {})}
            error={p.error('accountHolder')}
            value={d.accountHolder}
            onInput={set('accountHolder')}
          />
          <Radios
            id="accountKind"
            legend={t.accountKind}
            small
            value={d.accountKind}
            onChange={set('accountKind')}
            choices={[
              { value: 'iban', label: t.accountKindIban },
              { value: 'ru', label: t.accountKindRu },
            ]}
          />
          {d.accountKind === 'iban' ? (
            <TextField
              id="iban"
              label={t.iban}
              hint={t.ibanHint}
              error={p.error('iban')}
              value={d.iban}
              onInput={set('iban')}
            />
          ) : (
            <>
              <TextField
                id="accountNumber"
                label={t.accountNumber}
                inputMode="numeric"
                error={p.error('accountNumber')}
                value={d.accountNumber}
                onInput={set('accountNumber')}
              />
              <TextField
                id="bic"
                label={t.bic}
                hint={t.bicHint}
                inputMode="numeric"
                width="medium"
                error={p.error('bic')}
                value={d.bic}
                onInput={set('bic')}
              />
            </>
          )}
        </div>
      )}
      {d.payoutMethod === 'in_kind' && (
        <div class="conditional">
          <TextField
            id="deliveryAddress"
            label={t.deliveryAddress}
            hint={noPostalAddress ? undefined : (p.deliveryAddressHint ?? t.deliveryAddressHint)}
            optional={!noPostalAddress}
            error={p.error('deliveryAddress')}
            value={d.deliveryAddress}
            onInput={set('deliveryAddress')}
          />
        </div>
      )}
    </>
  );
}
