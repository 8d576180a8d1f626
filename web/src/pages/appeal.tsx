import { useState } from 'preact/hooks';
import { appealSchema } from '../../../domain/appeal.js';
import { languages } from '../../../domain/catalogue.js';
import { api, randomId } from '../api.js';
import {
  type AppealFields,
  appealBody,
  appealFieldOf,
  appealKindChoices,
  appealTopicChoices,
  emptyAppealFields,
  noWayToAnswer,
} from '../appeal-fields.js';
import { type FieldProblem, failureMessage, localise, saidIn, useSaid, valueAt } from '../errors.js';
import { birthField } from '../form-values.js';
import { languageNames, useI18n } from '../i18n.js';
import type { Messages } from '../messages/en.js';
import { rememberCase, rememberedCase } from '../remembered-case.js';
import { Link, navigate, useLocation, withQuery } from '../router.js';
import { useSendWhenOnline } from '../send-when-online.js';
import { loadSessionDraft, saveSessionDraft } from '../session-draft.js';
import {
  Alert,
  Button,
  DateInput,
  ErrorSummary,
  errorFor,
  PageTitle,
  Progress,
  Radios,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';
import { type KeyedSends, rememberSentAsEarlier, sendKeyed } from '../unconfirmed-send.js';
import { ApplicationSent, confirmationPath } from './apply.js';

/**
 * The key is kept with the answers, so a send retried after a reload is still the same appeal, and
 * with it the bodies sent whose answer was lost (unconfirmed-send.ts), so their receipt comes back.
 */
interface AppealDraft extends AppealFields, KeyedSends {}

const draftKey = 'aidflow.appeal-draft';

// No letters' language until the person chooses one: the page's language, as it is when sent.
const emptyAppealDraft = (): AppealDraft => ({
  idempotencyKey: randomId(),
  unconfirmed: [],
  ...emptyAppealFields(''),
});

/** The form's fields from top to bottom: the error summary lists problems in the order they are met. */
const fieldsInPageOrder = [
  'kind',
  'topic',
  'relatedReference',
  'subject',
  'text',
  'fullName',
  'birthDay',
  'email',
  'phone',
  'address',
  'preferredLanguage',
];
const placeOnPage = (field: string) => {
  const place = fieldsInPageOrder.indexOf(field);
  return place < 0 ? fieldsInPageOrder.length : place;
};
const inPageOrder = (problems: readonly FieldProblem[]) =>
  [...problems].sort((a, b) => placeOnPage(a.field) - placeOnPage(b.field));

function validate(body: Record<string, unknown>): FieldProblem[] {
  const result = appealSchema.safeParse(body);
  if (result.success) return [];
  const seen = new Set<string>();
  return result.error.issues
    .map((issue) => {
      const { key, id } = appealFieldOf(issue.path);
      return { field: id, say: (t: Messages) => localise(t, key, issue.message, valueAt(body, issue.path)) };
    })
    .filter((e) => {
      if (seen.has(e.field)) return false;
      seen.add(e.field);
      return true;
    });
}

export function AppealPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const loc = useLocation();
  const related = loc.query.get('related');
  const [d, setD] = useState<AppealDraft>(() => {
    const draft = loadSessionDraft(draftKey, emptyAppealDraft());
    // "Complain about this decision" from a case: that case, whatever the draft said.
    return related ? { ...draft, kind: 'complaint', topic: 'aid', relatedReference: related } : draft;
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useSaid();
  const [unavailable, setUnavailable] = useState(false);
  // Whether the person has been past the ways to answer them (left those fields, or sent): only
  // then does the form warn that none was given, not to someone who has not reached them yet.
  const [pastContact, setPastContact] = useState(false);
  const sent = loc.query.get('sent');
  // After a send that got no answer for want of a connection, the page sends it again by itself
  // (send-when-online.ts); a change of answers stops it.
  const sendAgain = useSendWhenOnline(!busy && !sent, () => void send());
  useTitle(sent ? t.appealSentTitle : t.appealTitle, sent ? 'done' : 'form');
  const set =
    <K extends keyof AppealDraft>(k: K) =>
    (value: AppealDraft[K]) => {
      const next = { ...d, [k]: value };
      setD(next);
      saveSessionDraft(draftKey, next);
      sendAgain.stop();
    };
  const errors = saidIn(i18n, inPageOrder(problems));
  const err = (id: string) => errorFor(errors, id);

  if (sent) return <ApplicationSent reference={sent} />;
  const lettersLanguage = d.preferredLanguage || lang;
  const warnNoContact = pastContact && noWayToAnswer(d);

  const submit = (e: Event) => {
    e.preventDefault();
    void send();
  };

  const send = async () => {
    if (busy) return;
    setPastContact(true);
    const body = appealBody({ ...d, preferredLanguage: lettersLanguage });
    const found = validate(body);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    sendAgain.sending();
    const out = await sendKeyed(
      d,
      appealSchema.parse(body),
      (sending, key) =>
        api<{ reference: string; accessCode: string; dueDate?: string; status?: string }>(
          'POST',
          '/v1/appeals',
          {
            body: sending,
            headers: { 'idempotency-key': key },
          },
        ),
      (sends) => {
        setD((current) => ({ ...current, ...sends }));
        saveSessionDraft(draftKey, { ...loadSessionDraft(draftKey, emptyAppealDraft()), ...sends });
      },
      randomId,
    );
    setBusy(false);
    if (out.kind === 'sent') {
      rememberCase(out.receipt);
      rememberSentAsEarlier(out.earlier ? out.receipt.reference : undefined);
      saveSessionDraft(draftKey, undefined);
      setD(emptyAppealDraft());
      navigate(withQuery('/appeal', { related: undefined, sent: out.receipt.reference }), { replace: true });
      return;
    }
    // Unknown: the draft keeps what was sent, and the form says to send again; with no connection,
    // the page sends again by itself once there is one.
    if (out.kind === 'unknown') {
      if (out.failure.kind === 'network') sendAgain.waitForConnection();
      return;
    }
    if (out.kind === 'taken') {
      setFailure((t) => t.appealSentElsewhere);
      return;
    }
    const res = out.failure;
    if (res.kind === 'unavailable') setUnavailable(true);
    else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setProblems(
        res.problem.errors.map((pe) => {
          const { key: k, id } = appealFieldOf(pe.path.split('.').filter(Boolean));
          return { field: id, say: (t: Messages) => localise(t, k, pe.message, valueAt(body, pe.path)) };
        }),
      );
    } else if (res.kind === 'http' && res.status !== 429) setFailure((t) => t.sendRefused(res.status));
    else setFailure((t) => failureMessage(t, res));
  };

  // An appeal sent from this tab a moment ago: Back or the menu may lead here again.
  const sentFromThisTab = rememberedCase();
  const appealSentHere = sentFromThisTab?.reference.startsWith('APL-') ? sentFromThisTab : undefined;

  return (
    <>
      {appealSentHere && (
        <Alert kind="info" title={t.sentFromThisTabTitle}>
          <p>
            {t.sentFromThisTab(appealSentHere.reference)}{' '}
            <Link href={confirmationPath(appealSentHere.reference)}>{t.seeConfirmationAgain}</Link>
          </p>
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      {failure && (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{failure(t, i18n)}</p>
        </Alert>
      )}
      {!busy && d.unconfirmed.length > 0 && (
        <Alert kind="warning" title={t.sendUnknownTitle}>
          <p data-testid="send-unknown">{t.appealSendUnknown}</p>
          {sendAgain.waiting && <p data-testid="send-when-online">{t.sendWhenOnline}</p>}
        </Alert>
      )}
      {unavailable && (
        <Alert kind="info" title={t.notAvailableTitle}>
          <p>{t.notAvailable}</p>
        </Alert>
      )}
      <PageTitle>{t.appealTitle}</PageTitle>
      <p>{t.appealIntro}</p>
      <form noValidate onSubmit={submit}>
        <Radios
          id="kind"
          legend={t.appealKind}
          error={err('kind')}
          value={d.kind}
          onChange={set('kind')}
          choices={appealKindChoices(lang).map((c) => ({ ...c, hint: t.appealKindHint[c.value] ?? '' }))}
        />
        <Radios
          id="topic"
          legend={t.appealTopic}
          small
          error={err('topic')}
          value={d.topic}
          onChange={set('topic')}
          choices={appealTopicChoices(lang)}
        />
        <TextField
          id="relatedReference"
          label={t.appealRelated}
          hint={t.appealRelatedHint}
          optional
          width="medium"
          error={err('relatedReference')}
          value={d.relatedReference}
          onInput={set('relatedReference')}
        />
        <TextField
          id="subject"
          label={t.appealSubject}
          hint={t.appealSubjectHint}
          error={err('subject')}
          value={d.subject}
          onInput={set('subject')}
          spellcheck
        />
        <TextArea
          id="text"
          label={t.appealText}
          hint={t.appealTextHint}
          error={err('text')}
          value={d.text}
          onInput={set('text')}
          rows={8}
        />
        <h2>{t.stepAbout}</h2>
        <TextField
          id="fullName"
          label={t.fullName}
          hint={t.fullNameHint}
          autocomplete="name"
          error={err('fullName')}
          value={d.fullName}
          onInput={set('fullName')}
        />
        <DateInput
          ids={['birthDay', 'birthMonth', 'birthYear']}
          values={[d.birthDay, d.birthMonth, d.birthYear]}
          onInput={(part, value) => set(birthField[part])(value)}
          legend={
            <>
              {t.birthDate}
              <span class="optional"> {t.optional}</span>
            </>
          }
          hintId="birthDate-hint"
          hint={t.birthDateHint}
          error={err('birthDay')}
          ownBirthDate
        />
        <fieldset
          class="field"
          onFocusOut={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPastContact(true);
          }}
        >
          <legend>{t.contactLegend}</legend>
          <div class="hint">{t.contactHint}</div>
          <TextField
            id="email"
            label={t.email}
            type="email"
            inputMode="email"
            autocomplete="email"
            optional
            error={err('email')}
            value={d.email}
            onInput={set('email')}
          />
          <TextField
            id="phone"
            label={t.phone}
            hint={t.phoneHint}
            type="tel"
            inputMode="tel"
            autocomplete="tel"
            width="medium"
            optional
            error={err('phone')}
            value={d.phone}
            onInput={set('phone')}
          />
          <TextField
            id="address"
            label={t.address}
            autocomplete="street-address"
            optional
            error={err('address')}
            value={d.address}
            onInput={set('address')}
          />
        </fieldset>
        <Radios
          id="preferredLanguage"
          legend={t.preferredLanguage}
          small
          value={lettersLanguage}
          onChange={set('preferredLanguage')}
          choices={languages.map((l) => ({ value: l, label: languageNames[l], lang: l }))}
        />
        {warnNoContact && (
          <Alert kind="warning" title={t.appealNoContactTitle}>
            <p>{t.appealNoContact}</p>
          </Alert>
        )}
        <Button busy={busy} busyText={t.appealSending}>
          {t.appealSend}
        </Button>
        <Progress active={busy} text={t.appealSending} />
      </form>
    </>
  );
}
