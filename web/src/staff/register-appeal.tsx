import { useLayoutEffect, useState } from 'preact/hooks';
import { appealSchema, repeatWindowMonths } from '../../../domain/appeal.js';
import {
  type AppealChannel,
  appealChannelCodes,
  type Language,
  languages,
} from '../../../domain/catalogue.js';
import { appealChannels } from '../../../domain/catalogue-seed.js';
import { can } from '../../../domain/permissions.js';
import { api, randomId } from '../api.js';
import {
  type AppealFields,
  appealBody,
  appealFieldOf,
  appealKindChoices,
  appealTopicChoices,
  capitalise,
  emptyAppealFields,
  noWayToAnswer,
} from '../appeal-fields.js';
import { useCatalogue } from '../catalogue.js';
import { type ErrorKey, type FieldError, failureMessage, localise, valueAt } from '../errors.js';
import { birthField, todayIso } from '../form-values.js';
import { languageNames } from '../i18n.js';
import { Link } from '../router.js';
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
import { type KeyedSends, sendKeyed } from '../unconfirmed-send.js';
import type { Session } from './session.js';
import { type StaffI18n, useStaffI18n } from './staff-strings.js';

/**
 * "Register an appeal": a clerk enters an appeal that came by e-mail, post, phone, at a personal
 * or an on-site reception, with its channel and the day it arrived, under their own token
 * (POST /v1/appeals with `channel` and `receivedAt`, `appeals:register-channel`). The fields are
 * the public appeal form's (web/src/appeal-fields.ts: the same body, the same schema, worded for
 * the clerk) plus the channel, the date received and the categories that put an appeal on the
 * shorter clock.
 */

/** Every channel but the web form: what came through the web registered itself. */
const staffChannels = appealChannelCodes.filter((c): c is Exclude<AppealChannel, 'web'> => c !== 'web');

const draftKey = 'aidflow.register-appeal-draft';

/**
 * The public form's fields (appeal-fields.ts), and what only a clerk gives; the key and the bodies
 * sent whose answer was lost (unconfirmed-send.ts).
 */
interface RegisterDraft extends AppealFields, KeyedSends {
  channel: string;
  receivedOn: string;
  categories: string[];
  /**
   * The instant a send gave for the day received: today's is "now", so without it each retry of
   * the same appeal would be another body under the key.
   */
  receivedAtSent?: { day: string; at: string };
}

const emptyDraft = (language: string): RegisterDraft => ({
  ...emptyAppealFields(language),
  idempotencyKey: randomId(),
  unconfirmed: [],
  channel: '',
  receivedOn: todayIso(),
  categories: [],
});

/**
 * The day received as the instant the API takes: now when it is today (so never in the future),
 * else midday of that day in the office's (the browser's) time zone, well inside the same date.
 */
export function receivedAtOf(day: string, now = new Date()): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const noon = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  if (Number.isNaN(noon.getTime()) || noon.getDate() !== Number(m[3])) return undefined;
  return day === todayIso() ? now.toISOString() : noon.toISOString();
}

/** The instant for the day received: the one an earlier send gave the same day, or a new one. */
const receivedAtFor = (d: RegisterDraft): string | undefined =>
  d.receivedAtSent?.day === d.receivedOn ? d.receivedAtSent.at : receivedAtOf(d.receivedOn);

function toBody(d: RegisterDraft): Record<string, unknown> {
  return {
    // An appeal whose author gave no name is still registered (a letter without a signature).
    ...appealBody(d, { nameOptional: true }),
    categories: d.categories.length > 0 ? d.categories : undefined,
    channel: d.channel || undefined,
    receivedAt: receivedAtFor(d),
  };
}

type Field = { key: ErrorKey; id: string } | { staff: 'channel' | 'receivedAt'; id: string };

function fieldOf(path: readonly PropertyKey[]): Field {
  const [a] = path.map(String);
  if (a === 'channel') return { staff: 'channel', id: 'channel' };
  if (a === 'receivedAt') return { staff: 'receivedAt', id: 'receivedOn' };
  if (a === 'categories') return { key: 'categories', id: 'categories' };
  return appealFieldOf(path);
}

function messageFor(t: StaffI18n['t'], field: Field, message: string, input: unknown): string {
  if ('key' in field) return localise(t, field.key, message, input);
  if (field.staff === 'channel') return t.registerErrors.channel;
  return message.toLowerCase().includes('future')
    ? t.registerErrors.receivedFuture
    : t.registerErrors.received;
}

/** The schema's verdict, and the two rules of this form: a channel other than the web, a day not ahead. */
function validate(t: StaffI18n['t'], d: RegisterDraft, body: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  if (!d.channel) problems.push({ field: 'channel', message: t.registerErrors.channel });
  if (!receivedAtOf(d.receivedOn)) problems.push({ field: 'receivedOn', message: t.registerErrors.received });
  else if (d.receivedOn > todayIso())
    problems.push({ field: 'receivedOn', message: t.registerErrors.receivedFuture });
  const result = appealSchema.safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      problems.push({
        field: field.id,
        message: messageFor(t, field, issue.message, valueAt(body, issue.path)),
      });
    }
  }
  const seen = new Set<string>();
  return problems.filter((e) => !seen.has(e.field) && Boolean(seen.add(e.field)));
}

interface Registered {
  caseId: string;
  reference: string;
  accessCode: string;
  status: string;
  dueDate: string;
  priority?: boolean;
  repeatOf?: string;
  repeatCount?: number;
  registeredLate?: { daysAfterArrival: number; limitDays: number };
}

export function RegisterAppealPage({ session }: { session: Session }) {
  const { t, lang } = useStaffI18n();
  const { catalogue } = useCatalogue();
  // Kept across a reload in this tab: a long call or a thick letter is not typed twice.
  const [d, setD] = useState<RegisterDraft>(() => loadSessionDraft(draftKey, emptyDraft(lang)));
  // Saved as the change renders, not after the next paint: a reload straight after typing keeps it.
  useLayoutEffect(() => saveSessionDraft(draftKey, d), [d]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [done, setDone] = useState<(Registered & { earlier?: boolean }) | undefined>();
  useTitle(done ? t.appealRegisteredTitle(done.reference) : t.registerAppealTitle, done ? 'done' : 'form');
  const set =
    <K extends keyof RegisterDraft>(k: K) =>
    (value: RegisterDraft[K]) =>
      setD((current) => ({ ...current, [k]: value }));
  const err = (id: string) => errorFor(errors, id);

  if (done) {
    return (
      <AppealRegistered
        session={session}
        receipt={done}
        onAnother={() => {
          setDone(undefined);
          setD(emptyDraft(lang));
        }}
      />
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = toBody(d);
    const problems = validate(t, d, body);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    const receivedAt = body.receivedAt as string | undefined;
    const at = receivedAt ? { receivedAtSent: { day: d.receivedOn, at: receivedAt } } : {};
    const out = await sendKeyed(
      d,
      appealSchema.parse(body),
      (sending, key) =>
        api<Registered>('POST', '/v1/appeals', {
          token: session.token,
          body: sending,
          headers: { 'idempotency-key': key },
        }),
      (sends) => {
        setD((current) => ({ ...current, ...sends, ...at }));
        saveSessionDraft(draftKey, { ...loadSessionDraft(draftKey, emptyDraft(lang)), ...sends, ...at });
      },
      randomId,
    );
    setBusy(false);
    if (out.kind === 'sent') {
      setErrors([]);
      saveSessionDraft(draftKey, undefined);
      setDone({ ...out.receipt, earlier: out.earlier });
      return;
    }
    // Unknown: the draft keeps what was sent, and the form says to register it again.
    if (out.kind === 'unknown') return;
    if (out.kind === 'taken') {
      setFailure(t.registerSentElsewhere);
      return;
    }
    const res = out.failure;
    if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        res.problem.errors.map((pe) => {
          const field = fieldOf(pe.path.split('.').filter(Boolean));
          return { field: field.id, message: messageFor(t, field, pe.message, valueAt(body, pe.path)) };
        }),
      );
    } else setFailure(failureMessage(t, res));
  };

  const noContact = noWayToAnswer(d);
  return (
    <>
      <ErrorSummary errors={errors} />
      {failure && (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{failure}</p>
        </Alert>
      )}
      {!busy && d.unconfirmed.length > 0 && (
        <Alert kind="warning" title={t.sendUnknownTitle}>
          <p data-testid="send-unknown">{t.registerSendUnknown}</p>
        </Alert>
      )}
      <PageTitle>{t.registerAppealTitle}</PageTitle>
      <p>{t.registerAppealIntro}</p>
      <form noValidate onSubmit={submit}>
        <Radios
          id="channel"
          legend={t.registerChannel}
          error={err('channel')}
          value={d.channel}
          onChange={set('channel')}
          choices={staffChannels.map((c) => ({
            value: c,
            label: capitalise(appealChannels.find((a) => a.code === c)?.name[lang as Language] ?? c),
          }))}
        />
        <TextField
          id="receivedOn"
          label={t.registerReceivedOn}
          hint={t.registerReceivedOnHint}
          type="date"
          width="medium"
          error={err('receivedOn')}
          value={d.receivedOn}
          onInput={set('receivedOn')}
        />
        <Radios
          id="kind"
          legend={t.appealKind}
          error={err('kind')}
          value={d.kind}
          onChange={set('kind')}
          choices={appealKindChoices(lang as Language)}
        />
        <Radios
          id="topic"
          legend={t.appealTopic}
          small
          error={err('topic')}
          value={d.topic}
          onChange={set('topic')}
          choices={appealTopicChoices(lang as Language)}
        />
        <TextField
          id="relatedReference"
          label={t.appealRelated}
          hint={t.registerRelatedHint}
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
          label={t.registerText}
          hint={t.registerTextHint}
          error={err('text')}
          value={d.text}
          onInput={set('text')}
          rows={8}
        />
        <h2>{t.registerAboutPerson}</h2>
        <TextField
          id="fullName"
          label={t.fullName}
          hint={t.registerFullNameHint}
          optional
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
        />
        <Checkboxes
          id="categories"
          legend={t.registerCategories}
          hint={t.registerCategoriesHint}
          error={err('categories')}
          values={d.categories}
          onChange={set('categories')}
          choices={catalogue.recipientCategories.map((c) => ({
            value: c.code,
            label: c.name[lang as Language],
          }))}
        />
        <fieldset class="field">
          <legend>{t.registerContactLegend}</legend>
          <div class="hint">{t.registerContactHint}</div>
          <TextField
            id="email"
            label={t.email}
            type="email"
            inputMode="email"
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
            width="medium"
            optional
            error={err('phone')}
            value={d.phone}
            onInput={set('phone')}
          />
          <TextField
            id="address"
            label={t.address}
            optional
            error={err('address')}
            value={d.address}
            onInput={set('address')}
          />
        </fieldset>
        <Radios
          id="preferredLanguage"
          legend={t.registerLanguage}
          small
          value={d.preferredLanguage}
          onChange={set('preferredLanguage')}
          choices={languages.map((l) => ({ value: l, label: languageNames[l], lang: l }))}
        />
        {noContact && (
          <Alert kind="warning" title={t.registerNoContactTitle}>
            <p>{t.registerNoContact}</p>
          </Alert>
        )}
        <Button busy={busy} busyText={t.registering}>
          {t.registerSubmit}
        </Button>
        <Progress active={busy} text={t.registering} />
      </form>
    </>
  );
}

/** The reference, the access code (read out or posted to the person: shown only now) and the due date. */
function AppealRegistered(p: {
  session: Session;
  receipt: Registered & { earlier?: boolean };
  onAnother: () => void;
}) {
  const { t, date } = useStaffI18n();
  const r = p.receipt;
  const notAnswerable = r.status === 'not_answerable';
  return (
    <>
      <div class="panel">
        <h1 id="page-title" tabIndex={-1}>
          {t.appealRegisteredTitle(r.reference)}
        </h1>
        <p>{t.reference}</p>
        <p class="panel-big" data-testid="reference">
          {r.reference}
        </p>
        <p>{t.accessCode}</p>
        <p class="panel-big panel-code" data-testid="access-code">
          {r.accessCode}
        </p>
      </div>
      {r.earlier && (
        <Alert kind="warning" title={t.registerAsFirstSentTitle}>
          <p data-testid="sent-as-earlier">{t.registerAsFirstSent}</p>
        </Alert>
      )}
      <Alert kind="warning" title={t.registerGiveCodeTitle}>
        <p>{t.registerGiveCode}</p>
      </Alert>
      {r.registeredLate && (
        <Alert kind="warning" title={t.registerLateTitle}>
          <p data-testid="registered-late">
            {t.registeredLate(r.registeredLate.daysAfterArrival, r.registeredLate.limitDays)}
          </p>
        </Alert>
      )}
      {notAnswerable && (
        <Alert kind="warning" title={t.appealNotAnswerableTitle}>
          <p>{t.registerNotAnswerable}</p>
        </Alert>
      )}
      <SummaryList
        rows={[
          ...(notAnswerable
            ? []
            : [{ key: t.registerDueDate, value: <span data-testid="due-date">{date(r.dueDate)}</span> }]),
          ...(r.priority ? [{ key: t.registerPriority, value: t.registerPriorityYes }] : []),
          ...(r.repeatOf
            ? [
                {
                  key: t.repeatsLabel,
                  value: `${r.repeatOf} (${t.repeatNth(r.repeatCount ?? 2, repeatWindowMonths)})`,
                },
              ]
            : []),
        ]}
      />
      <div class="button-group">
        {can(p.session.roles, 'cases:read') && (
          <Link class="button button--primary" href={`/staff/cases/${encodeURIComponent(r.caseId)}`}>
            {t.openCase(r.reference)}
          </Link>
        )}
        <Button kind="secondary" type="button" onClick={() => window.print()}>
          {t.printPage}
        </Button>
        <Button kind="secondary" type="button" onClick={p.onAnother}>
          {t.registerAnother}
        </Button>
      </div>
    </>
  );
}
