import { useState } from 'preact/hooks';
import { type AidApplicationInput, aidApplicationSchemaAt } from '../../../domain/aid-application.js';
import { type Language, languages } from '../../../domain/catalogue.js';
import type { CatalogueCodes } from '../../../domain/catalogue-entries.js';
import { parseReference } from '../../../domain/reference-text.js';
import { api, randomId } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import {
  type ErrorKey,
  type FieldProblem,
  failureMessage,
  localise,
  problemCode,
  saidIn,
  useSaid,
  valueAt,
} from '../errors.js';
import {
  birthField,
  isoDateOrRaw,
  minorUnitsOrRaw,
  optionalText,
  todayIso,
  wholeNumberOrRaw,
} from '../form-values.js';
import { languageNames, useI18n } from '../i18n.js';
import type { Messages } from '../messages/en.js';
import { PayoutFields, payoutBody } from '../payout-fields.js';
import { rememberCase, rememberedCase } from '../remembered-case.js';
import { Link, navigate, useLocation, withQuery } from '../router.js';
import { useSendWhenOnline } from '../send-when-online.js';
import { loadSessionDraft, saveSessionDraft } from '../session-draft.js';
import {
  Alert,
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  errorFor,
  PageTitle,
  Progress,
  Radios,
  SummaryList,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';
import {
  type KeyedSends,
  rememberSentAsEarlier,
  type SendOutcome,
  sendKeyed,
  sentAsEarlier,
} from '../unconfirmed-send.js';

/** The office's currency (the demo office assesses income and pays in roubles). */
export const officeCurrency = 'RUB';

interface Draft extends KeyedSends {
  fullName: string;
  birthDay: string;
  birthMonth: string;
  birthYear: string;
  email: string;
  phone: string;
  address: string;
  /** Empty until the person chooses one: the letters are then in the page's language, as it is when sent. */
  preferredLanguage: string;
  householdSize: string;
  children: string;
  income: string;
  categories: string[];
  aidType: string;
  amount: string;
  reason: string;
  payoutMethod: string;
  accountHolder: string;
  accountKind: 'iban' | 'ru';
  iban: string;
  accountNumber: string;
  bic: string;
  deliveryAddress: string;
  /**
   * One key per application, kept across retries so a retry never creates a second case; with it
   * the bodies sent whose answer was lost (unconfirmed-send.ts), so their receipt is got back.
   */
  idempotencyKey: string;
}

const emptyDraft = (): Draft => ({
  fullName: '',
  birthDay: '',
  birthMonth: '',
  birthYear: '',
  email: '',
  phone: '',
  address: '',
  preferredLanguage: '',
  householdSize: '',
  children: '',
  income: '',
  categories: [],
  aidType: '',
  amount: '',
  reason: '',
  payoutMethod: '',
  accountHolder: '',
  accountKind: 'iban',
  iban: '',
  accountNumber: '',
  bic: '',
  deliveryAddress: '',
  idempotencyKey: randomId(),
  unconfirmed: [],
});

const draftKey = 'aidflow.application-draft';
const loadDraft = (): Draft => loadSessionDraft(draftKey, emptyDraft());
const saveDraft = (draft: Draft | undefined): void => saveSessionDraft(draftKey, draft);

/** The letters' language: the one chosen, else the page's (so a switch of the page's language counts). */
const lettersLanguage = (d: Draft, pageLanguage: Language): string => d.preferredLanguage || pageLanguage;

/** The request body exactly as the API takes it. */
function toBody(d: Draft, pageLanguage: Language): Record<string, unknown> {
  const payout = payoutBody(d);
  return {
    applicant: {
      fullName: d.fullName,
      birthDate: isoDateOrRaw(d.birthDay, d.birthMonth, d.birthYear),
      email: optionalText(d.email),
      phone: optionalText(d.phone),
      address: optionalText(d.address),
      preferredLanguage: lettersLanguage(d, pageLanguage),
    },
    categories: d.categories,
    household: {
      size: wholeNumberOrRaw(d.householdSize),
      children: wholeNumberOrRaw(d.children),
      monthlyIncome: { currency: officeCurrency, minor: minorUnitsOrRaw(d.income) },
    },
    aidType: d.aidType || undefined,
    requestedAmount: { currency: officeCurrency, minor: minorUnitsOrRaw(d.amount) },
    reason: d.reason,
    payout,
  };
}

/** Where a schema path's problem is shown: the error key and the id of the input to focus. */
function fieldOf(path: readonly PropertyKey[]): { key: ErrorKey; id: string } {
  const p = path.map(String);
  const [a, b] = p;
  if (a === 'applicant') {
    if (b === undefined) return { key: 'contact', id: 'email' };
    if (b === 'birthDate') return { key: 'birthDate', id: 'birthDay' };
    if (b === 'fullName' || b === 'email' || b === 'phone' || b === 'address' || b === 'preferredLanguage')
      return { key: b, id: b };
    return { key: 'fullName', id: 'fullName' };
  }
  if (a === 'household') {
    if (b === 'children') return { key: 'children', id: 'children' };
    if (b === 'monthlyIncome') return { key: 'income', id: 'income' };
    return { key: 'householdSize', id: 'householdSize' };
  }
  if (a === 'categories') return { key: 'categories', id: 'categories' };
  if (a === 'aidType') return { key: 'aidType', id: 'aidType' };
  if (a === 'requestedAmount') return { key: 'requestedAmount', id: 'amount' };
  if (a === 'reason') return { key: 'reason', id: 'reason' };
  if (a === 'payout') {
    if (
      b === 'accountHolder' ||
      b === 'iban' ||
      b === 'accountNumber' ||
      b === 'bic' ||
      b === 'deliveryAddress'
    )
      return { key: b, id: b };
    return { key: 'payoutMethod', id: 'payoutMethod' };
  }
  return { key: 'reason', id: 'reason' };
}

type StepId = 'about' | 'household' | 'categories' | 'aid' | 'payment' | 'check';
const steps: StepId[] = ['about', 'household', 'categories', 'aid', 'payment', 'check'];
const stepIn = (value: string | null): StepId => steps.find((s) => s === value) ?? 'about';
const stepFields: Record<StepId, readonly string[]> = {
  about: ['fullName', 'birthDay', 'email', 'phone', 'address', 'preferredLanguage'],
  household: ['householdSize', 'children', 'income'],
  categories: ['categories'],
  aid: ['aidType', 'amount', 'reason'],
  payment: ['payoutMethod', 'accountHolder', 'iban', 'accountNumber', 'bic', 'deliveryAddress'],
  check: [],
};
const stepOfField = (id: string): StepId => steps.find((s) => stepFields[s].includes(id)) ?? 'about';
const stepPath = (step: StepId) => withQuery('/apply', { step: step === 'about' ? undefined : step });

/** Kept in a step's history entry (router.tsx): the step of this form in the entry below it. */
interface StepEntry {
  applyStepBelow?: StepId;
}
const stepBelow = (): StepId | undefined => (history.state as StepEntry | null)?.applyStepBelow;

function uniqueByField(errors: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (seen.has(e.field)) return false;
    seen.add(e.field);
    return true;
  });
}

/** Validates with the same schema the server uses; each problem is explained in the person's language. */
function validate(body: Record<string, unknown>, codes: CatalogueCodes): FieldProblem[] {
  // The office's catalogue (GET /v1/catalogue): an aid type added by the administrator is accepted.
  const result = aidApplicationSchemaAt(todayIso(), { currency: officeCurrency, catalogue: codes }).safeParse(
    body,
  );
  if (result.success) return [];
  return uniqueByField(
    result.error.issues.map((issue) => {
      const { key, id } = fieldOf(issue.path);
      return { field: id, say: (t: Messages) => localise(t, key, issue.message, valueAt(body, issue.path)) };
    }),
  );
}

function stepTitle(t: Messages, step: StepId): string {
  return {
    about: t.stepAbout,
    household: t.stepHousehold,
    categories: t.stepCategories,
    aid: t.stepAid,
    payment: t.stepPayment,
    check: t.stepCheck,
  }[step];
}

export function ApplyPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const office = useCatalogue();
  const loc = useLocation();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  // The step and the confirmation are in the address, so the phone's Back button goes back a
  // step and a reload keeps the page the person is on.
  const step = stepIn(loc.query.get('step'));
  const sent = loc.query.get('sent');
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [allErrors, setErrors] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useSaid();
  // After a send that got no answer for want of a connection, the page sends it again by itself
  // (send-when-online.ts), on the check step, where the warning says so; a change of answers stops it.
  const sendAgain = useSendWhenOnline(step === 'check' && !busy, () => void send());
  // Only the shown step's problems: Back and Forward leave the others behind.
  const errors = saidIn(
    i18n,
    allErrors.filter((e) => stepOfField(e.field) === step),
  );

  const stepIndex = steps.indexOf(step);
  const title = sent ? t.confirmationTitle : stepTitle(t, step);
  useTitle(title, sent ? 'done' : step);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      const next = { ...draft, [key]: value };
      setDraft(next);
      saveDraft(next);
      sendAgain.stop();
    };

  const goTo = (next: StepId) => {
    setErrors([]);
    setFailure(undefined);
    if (next !== step) navigate(stepPath(next), { state: { applyStepBelow: step } satisfies StepEntry });
    window.scrollTo(0, 0);
  };

  // The form's Back does what the phone's Back does when the entry below is the previous step, so
  // the two never disagree; else (a step opened from a link, or reached by "Change") it takes this
  // entry's place, and the phone's Back still leaves the form from there.
  const goBack = () => {
    const previous = steps[stepIndex - 1] ?? 'about';
    setErrors([]);
    setFailure(undefined);
    if (stepBelow() === previous) history.back();
    else navigate(stepPath(previous), { replace: true });
    window.scrollTo(0, 0);
  };

  const onContinue = (event: Event) => {
    event.preventDefault();
    const problems = validate(toBody(draft, lang), office.codes).filter((e) =>
      stepFields[step].includes(e.field),
    );
    setErrors(problems);
    if (problems.length > 0) return;
    if (returnToCheck) {
      setReturnToCheck(false);
      goTo('check');
    } else goTo(steps[stepIndex + 1] ?? 'check');
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void send();
  };

  const send = async () => {
    if (busy) return;
    const body = toBody(draft, lang);
    const problems = validate(body, office.codes);
    if (problems.length > 0) {
      goTo(stepOfField(problems[0]?.field ?? 'fullName'));
      setErrors(problems.filter((e) => stepOfField(e.field) === stepOfField(problems[0]?.field ?? '')));
      return;
    }
    setBusy(true);
    setFailure(undefined);
    sendAgain.sending();
    // The answers as they are now; after a send whose answer was lost, the key's case comes back
    // as first sent if that send did arrive (unconfirmed-send.ts).
    const out: SendOutcome<{ reference: string; accessCode: string }> = await sendKeyed(
      draft,
      aidApplicationSchemaAt(todayIso()).parse(body) satisfies AidApplicationInput,
      (sending, key) =>
        api('POST', '/v1/aid-applications', { body: sending, headers: { 'idempotency-key': key } }),
      (sends) => {
        setDraft((current) => ({ ...current, ...sends }));
        saveDraft({ ...loadDraft(), ...sends });
      },
      randomId,
    );
    setBusy(false);
    if (out.kind === 'sent') {
      saveDraft(undefined);
      setDraft(emptyDraft());
      rememberCase({ reference: out.receipt.reference, accessCode: out.receipt.accessCode });
      rememberSentAsEarlier(out.earlier ? out.receipt.reference : undefined);
      // In place of the check step: Back from the confirmation does not lead to a form to send again.
      navigate(withQuery('/apply', { step: undefined, sent: out.receipt.reference }), { replace: true });
      return;
    }
    // Unknown: the draft keeps what was sent, and the check step says to send again; with no
    // connection, the page sends again by itself once there is one.
    if (out.kind === 'unknown') {
      if (out.failure.kind === 'network') sendAgain.waitForConnection();
      return;
    }
    if (out.kind === 'taken') {
      setFailure((t) => t.applicationSentElsewhere);
      return;
    }
    const res = out.failure;
    if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      const serverErrors = uniqueByField(
        res.problem.errors.map((e) => {
          const { key, id } = fieldOf(e.path.split('.').filter(Boolean));
          return { field: id, say: (t: Messages) => localise(t, key, e.message, valueAt(body, e.path)) };
        }),
      );
      const first = stepOfField(serverErrors[0]?.field ?? 'fullName');
      goTo(first);
      setErrors(serverErrors.filter((e) => stepOfField(e.field) === first));
      return;
    }
    // One open application per person and aid type: the server names the open one.
    const existing =
      res.kind === 'http' && (res.problem as { existingReference?: unknown }).existingReference;
    if (res.status === 409 && typeof existing === 'string') {
      const expired = problemCode(res) === 'idempotency_key_expired';
      setFailure((t) => (expired ? t.sentLongAgo(existing) : t.duplicateApplication(existing)));
      return;
    }
    setFailure((t) =>
      res.kind === 'http' && res.status !== 429 ? t.sendRefused(res.status) : failureMessage(t, res),
    );
  };

  if (sent) return <ApplicationSent reference={sent} />;
  const sentFromThisTab = rememberedCase();

  const catalogue = {
    categories: office.catalogue.recipientCategories.map((c) => ({ value: c.code, label: c.name[lang] })),
    aidTypes: office.catalogue.aidTypes.map((a) => ({ value: a.code, label: a.name[lang] })),
  };
  const err = (id: string) => errorFor(errors, id);

  return (
    <>
      {stepIndex > 0 && (
        <p>
          <button type="button" class="back-link button--link" onClick={goBack}>
            {t.back}
          </button>
        </p>
      )}
      {/* On every step: Back from the confirmation lands on an emptied step of the form. */}
      {sentFromThisTab && (
        <Alert kind="info" title={t.sentFromThisTabTitle}>
          <p>
            {t.sentFromThisTab(sentFromThisTab.reference)}{' '}
            <Link href={confirmationPath(sentFromThisTab.reference)}>{t.seeConfirmationAgain}</Link>
          </p>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      {failure && (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{failure(t, i18n)}</p>
        </Alert>
      )}
      {step === 'check' && !busy && draft.unconfirmed.length > 0 && (
        <Alert kind="warning" title={t.sendUnknownTitle}>
          <p data-testid="send-unknown">{t.applicationSendUnknown}</p>
          {sendAgain.waiting && <p data-testid="send-when-online">{t.sendWhenOnline}</p>}
        </Alert>
      )}
      <PageTitle caption={`${t.applyTitle} · ${t.stepOf(stepIndex + 1, steps.length)}`}>{title}</PageTitle>
      <form onSubmit={step === 'check' ? onSubmit : onContinue} noValidate>
        {step === 'about' && (
          <>
            <TextField
              id="fullName"
              label={t.fullName}
              hint={t.fullNameHint}
              error={err('fullName')}
              value={draft.fullName}
              onInput={set('fullName')}
              autocomplete="name"
              spellcheck={false}
            />
            <DateInput
              ids={['birthDay', 'birthMonth', 'birthYear']}
              values={[draft.birthDay, draft.birthMonth, draft.birthYear]}
              onInput={(part, value) => set(birthField[part])(value)}
              legend={t.birthDate}
              hintId="birthDate-hint"
              hint={t.birthDateHint}
              error={err('birthDay')}
              ownBirthDate
            />
            <fieldset class="field">
              <legend>{t.contactLegend}</legend>
              <div class="hint">{t.contactHint}</div>
              <TextField
                id="email"
                label={t.email}
                type="email"
                inputMode="email"
                autocomplete="email"
                error={err('email')}
                value={draft.email}
                onInput={set('email')}
                optional
              />
              <TextField
                id="phone"
                label={t.phone}
                hint={t.phoneHint}
                type="tel"
                inputMode="tel"
                autocomplete="tel"
                width="medium"
                error={err('phone')}
                value={draft.phone}
                onInput={set('phone')}
                optional
              />
              <TextField
                id="address"
                label={t.address}
                autocomplete="street-address"
                error={err('address')}
                value={draft.address}
                onInput={set('address')}
                optional
              />
            </fieldset>
            <Radios
              id="preferredLanguage"
              legend={t.preferredLanguage}
              small
              error={err('preferredLanguage')}
              value={lettersLanguage(draft, lang)}
              onChange={set('preferredLanguage')}
              choices={languages.map((l) => ({ value: l, label: languageNames[l], lang: l }))}
            />
          </>
        )}
        {step === 'household' && (
          <>
            <TextField
              id="householdSize"
              label={t.householdSize}
              hint={t.householdSizeHint}
              inputMode="numeric"
              width="short"
              error={err('householdSize')}
              value={draft.householdSize}
              onInput={set('householdSize')}
            />
            <TextField
              id="children"
              label={t.children}
              inputMode="numeric"
              width="short"
              error={err('children')}
              value={draft.children}
              onInput={set('children')}
            />
            <TextField
              id="income"
              label={t.income}
              hint={t.incomeHint}
              inputMode="decimal"
              width="medium"
              error={err('income')}
              value={draft.income}
              onInput={set('income')}
            />
          </>
        )}
        {step === 'categories' && (
          <Checkboxes
            id="categories"
            legend={t.stepCategories}
            legendAsHeading
            hint={t.categoriesHint}
            error={err('categories')}
            values={draft.categories}
            onChange={set('categories')}
            choices={catalogue.categories}
          />
        )}
        {step === 'aid' && (
          <>
            <Radios
              id="aidType"
              legend={t.aidType}
              error={err('aidType')}
              value={draft.aidType}
              onChange={set('aidType')}
              choices={catalogue.aidTypes}
            />
            <TextField
              id="amount"
              label={t.amount}
              hint={t.amountHint}
              inputMode="decimal"
              width="medium"
              error={err('amount')}
              value={draft.amount}
              onInput={set('amount')}
            />
            <TextArea
              id="reason"
              label={t.reason}
              hint={t.reasonHint}
              error={err('reason')}
              value={draft.reason}
              onInput={set('reason')}
            />
          </>
        )}
        {step === 'payment' && (
          <PayoutFields
            draft={draft}
            legend={t.payoutMethod}
            holderAutocomplete="name"
            postalAddressGiven={draft.address.trim() !== ''}
            error={err}
            onChange={(payout) => {
              const next = { ...draft, ...payout };
              setDraft(next);
              saveDraft(next);
              sendAgain.stop();
            }}
          />
        )}
        {step === 'check' && (
          <CheckAnswers
            draft={draft}
            onChange={(s) => {
              setReturnToCheck(true);
              goTo(s);
            }}
          />
        )}
        {step === 'check' ? (
          <>
            <p>{t.submitDeclaration}</p>
            <Button busy={busy} busyText={t.submitting}>
              {t.submit}
            </Button>
            <Progress active={busy} text={t.submitting} />
          </>
        ) : (
          <>
            <Button>{t.continue}</Button>
            <p class="hint">{t.draftKept}</p>
          </>
        )}
      </form>
    </>
  );
}

function CheckAnswers({ draft, onChange }: { draft: Draft; onChange: (step: StepId) => void }) {
  const { t, lang, money, date } = useI18n();
  const { aidTypeName, categoryName } = useCatalogue();
  const body = toBody(draft, lang);
  const letters = lettersLanguage(draft, lang);
  const birth = (body.applicant as { birthDate?: string }).birthDate;
  const amount = minorUnitsOrRaw(draft.amount);
  const income = minorUnitsOrRaw(draft.income);
  const change = (s: StepId, what: string) => (
    <a
      href={`#${s}`}
      onClick={(e) => {
        e.preventDefault();
        onChange(s);
      }}
    >
      {t.change}
      <span class="visually-hidden"> {what}</span>
    </a>
  );
  const or = (v: string) => (v.trim() ? v : t.notGiven);
  const payout =
    draft.payoutMethod === 'bank_transfer'
      ? `${t.payoutBank}: ${draft.accountHolder}, ${draft.accountKind === 'iban' ? draft.iban : `${draft.accountNumber} / ${draft.bic}`}`
      : draft.payoutMethod === 'cash_desk'
        ? t.payoutCash
        : `${t.payoutInKind}${draft.deliveryAddress ? `: ${draft.deliveryAddress}` : ''}`;
  return (
    <>
      <h2>{t.stepAbout}</h2>
      <SummaryList
        rows={[
          { key: t.fullName, value: draft.fullName, action: change('about', t.fullName) },
          { key: t.birthDate, value: birth ? date(birth) : t.notGiven, action: change('about', t.birthDate) },
          { key: t.email, value: or(draft.email), action: change('about', t.email) },
          { key: t.phone, value: or(draft.phone), action: change('about', t.phone) },
          { key: t.address, value: or(draft.address), action: change('about', t.address) },
          {
            key: t.preferredLanguage,
            value: languageNames[letters as Language] ?? letters,
            action: change('about', t.preferredLanguage),
          },
        ]}
      />
      <h2>{t.stepHousehold}</h2>
      <SummaryList
        rows={[
          {
            key: t.household,
            value: t.householdSummary(Number(draft.householdSize), Number(draft.children)),
            action: change('household', t.household),
          },
          {
            key: t.monthlyIncome,
            value:
              typeof income === 'number' ? money({ currency: officeCurrency, minor: income }) : draft.income,
            action: change('household', t.monthlyIncome),
          },
        ]}
      />
      <h2>{t.categories}</h2>
      <SummaryList
        rows={[
          {
            key: t.categories,
            value: (
              <ul class="plain">
                {draft.categories.map((c) => (
                  <li key={c}>{categoryName(c)}</li>
                ))}
              </ul>
            ),
            action: change('categories', t.categories),
          },
        ]}
      />
      <h2>{t.aidRequested}</h2>
      <SummaryList
        rows={[
          {
            key: t.aidType,
            value: aidTypeName(draft.aidType),
            action: change('aid', t.aidType),
          },
          {
            key: t.amountColumn,
            value:
              typeof amount === 'number' ? money({ currency: officeCurrency, minor: amount }) : draft.amount,
            action: change('aid', t.amountColumn),
          },
          {
            key: t.reason,
            value: <span class="pre-wrap">{draft.reason}</span>,
            action: change('aid', t.reason),
          },
        ]}
      />
      <h2>{t.payment}</h2>
      <SummaryList
        rows={[{ key: t.payoutMethod, value: payout, action: change('payment', t.payoutMethod) }]}
      />
    </>
  );
}

/** Where the confirmation of a case sent from this tab is shown again. */
export function confirmationPath(reference: string): string {
  const page = parseReference(reference)?.prefix === 'APL' ? '/appeal' : '/apply';
  return withQuery(page, { step: undefined, sent: reference });
}

/**
 * The confirmation of an application or appeal, at `/apply?sent=…` or `/appeal?sent=…`. The
 * access code is shown from this tab's memory of the case just sent (remembered-case.ts), so a
 * reload or Back shows it again; the same address in another tab or after the tab was closed
 * shows the reference only, and says where the code was.
 */
export function ApplicationSent({ reference }: { reference: string }) {
  const { t, date } = useI18n();
  const remembered = rememberedCase();
  const confirmation = remembered?.reference === reference ? remembered : undefined;
  const appeal = parseReference(reference)?.prefix === 'APL';
  const notAnswerable = confirmation?.status === 'not_answerable';
  const asEarlier = confirmation !== undefined && sentAsEarlier(reference);
  return (
    <>
      <div class="panel">
        <h1 id="page-title" tabIndex={-1}>
          {appeal ? t.appealSentTitle : t.confirmationTitle}
        </h1>
        <p>{t.yourReference}</p>
        <p class="panel-big" data-testid="reference">
          {reference}
        </p>
        {confirmation && (
          <>
            <p>{t.yourAccessCode}</p>
            <p class="panel-big panel-code" data-testid="access-code">
              {confirmation.accessCode}
            </p>
          </>
        )}
      </div>
      {asEarlier && (
        <Alert kind="warning" title={t.receivedAsFirstSentTitle}>
          <p data-testid="sent-as-earlier">
            {appeal ? t.appealReceivedAsFirstSent : t.applicationReceivedAsFirstSent}
          </p>
        </Alert>
      )}
      {confirmation ? (
        <Alert kind="warning" title={t.saveThisTitle}>
          <p>{appeal ? t.saveThisAppeal : t.saveThis}</p>
        </Alert>
      ) : (
        <Alert kind="info">
          <p>{t.accessCodeShownOnce}</p>
        </Alert>
      )}
      {notAnswerable && (
        <Alert kind="warning" title={t.appealNotAnswerableTitle}>
          <p>{t.appealNotAnswerable}</p>
        </Alert>
      )}
      {appeal && confirmation?.dueDate && !notAnswerable && (
        <p>
          {t.appealDue}: <strong>{date(confirmation.dueDate)}</strong>
        </p>
      )}
      {!appeal && (
        <>
          <h2>{t.whatNextTitle}</h2>
          <p>{t.whatNext}</p>
        </>
      )}
      <div class="button-group">
        <Link class="button button--primary" href={`/status?reference=${encodeURIComponent(reference)}`}>
          {appeal ? t.seeAppeal : t.seeStatus}
        </Link>
        {confirmation && (
          <Button kind="secondary" type="button" onClick={() => window.print()}>
            {t.printPage}
          </Button>
        )}
      </div>
    </>
  );
}
