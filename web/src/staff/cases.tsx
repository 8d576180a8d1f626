import { useState } from 'preact/hooks';
import { aidStatuses } from '../../../domain/aid-lifecycle.js';
import { repeatWindowMonths } from '../../../domain/appeal.js';
import { appealStatuses } from '../../../domain/appeal-lifecycle.js';
import type { ChainProblem } from '../../../domain/audit-chain-problem.js';
import { type Language, localeOf } from '../../../domain/catalogue.js';
import { appealChannels } from '../../../domain/catalogue-seed.js';
import type { Money } from '../../../domain/money.js';
import { can } from '../../../domain/permissions.js';
import { referenceSchema } from '../../../domain/reference.js';
import { roleNames } from '../../../domain/roles.js';
import { api, download } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage, problemCode } from '../errors.js';
import { isoDateOrRaw } from '../form-values.js';
import { useStatusName } from '../pages/status.js';
import { Link, navigate, useLocation, withQuery } from '../router.js';
import { ruleReason } from '../rule-reason.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Select,
  TableWrap,
  Tag,
  TextField,
  useTitle,
} from '../ui.js';
import {
  type CaseMessage,
  CaseSections,
  HistorySection,
  type HistoryTask,
  MessagesSection,
  type StaffCase,
  VotesSection,
} from './case-sections.js';
import { CursorPagination, Failed, retryable, useCursorPages, useResource } from './resource.js';
import { topicLabel } from './routing-names.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/** GET …/audit?verify=true: the chain's verdict, each problem in English and as data (`findings`). */
interface AuditCheck {
  verified: boolean;
  events: number;
  headSeq: number;
  problems: string[];
  findings?: ChainProblem[];
}

interface CaseSummary {
  caseId: string;
  reference: string;
  kind: 'aid' | 'appeal';
  status: string;
  submittedAt: string;
  applicantName?: string;
  aidType?: string;
  requestedAmount?: Money;
  topic?: string;
  channel?: string;
  receivedAt?: string;
  dueDate?: string;
  overdue?: boolean;
}

/** An appeal's channel by its name in the language shown ("phone (hotline)"); the web is no news. */
function useChannelName(): (channel: string | undefined) => string | undefined {
  const { lang } = useStaffI18n();
  return (channel) =>
    channel && channel !== 'web'
      ? (appealChannels.find((c) => c.code === channel)?.name[lang as Language] ?? channel)
      : undefined;
}

/** Staff case search: by reference, or every case in a status (newest first, a page at a time). */
export function CaseSearchPage({ session }: { session: Session }) {
  const { t, lang, date, money } = useStaffI18n();
  const { aidTypeName } = useCatalogue();
  const statusName = useStatusName();
  const channelName = useChannelName();
  useTitle(t.casesTitle);
  // The search is in the address (`?reference=` or `?status=`), so Back from a case finds it again
  // and a link (a repeat appellant's last appeal) searches at once. A person's name and date of
  // birth never go there: an address lands in the browser's history and in logs.
  const here = useLocation();
  const linked = referenceSchema.safeParse(here.query.get('reference') ?? '');
  const linkedStatus = here.query.get('status') ?? '';
  const [reference, setReference] = useState(linked.success ? linked.data : '');
  const [status, setStatus] = useState(linkedStatus || 'in_review');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [query, setQuery] = useState(
    linked.success
      ? `reference=${encodeURIComponent(linked.data)}`
      : `status=${encodeURIComponent(linkedStatus || 'in_review')}`,
  );
  const searchFor = (changes: { reference?: string; status?: string }) => {
    navigate(withQuery('/staff/cases', { reference: changes.reference, status: changes.status }), {
      replace: true,
    });
    setQuery(new URLSearchParams(changes as Record<string, string>).toString());
  };
  const results = useCursorPages<CaseSummary>(session, `/v1/cases?${query}`);
  // A caller without their reference: the name as on the application and the date of birth.
  const [person, setPerson] = useState({ fullName: '', day: '', month: '', year: '' });
  const setPersonField = (field: keyof typeof person) => (value: string) =>
    setPerson({ ...person, [field]: value });

  const findPerson = (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    const birthDate = isoDateOrRaw(person.day, person.month, person.year);
    if (!person.fullName.trim()) problems.push({ field: 'personName', message: t.err.fullName.missing });
    if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || Number.isNaN(Date.parse(birthDate)))
      problems.push({ field: 'personDay', message: t.err.birthDate.invalid });
    setErrors(problems);
    if (problems.length > 0 || !birthDate) return;
    setQuery(new URLSearchParams({ fullName: person.fullName.trim(), birthDate }).toString());
  };

  const search = (e: Event) => {
    e.preventDefault();
    const ref = reference.trim();
    if (ref) {
      const parsed = referenceSchema.safeParse(ref);
      if (!parsed.success) {
        setErrors([{ field: 'caseReference', message: t.staffReferenceInvalid }]);
        return;
      }
      setErrors([]);
      searchFor({ reference: parsed.data });
      return;
    }
    setErrors([]);
    searchFor({ status });
  };

  const items = results.data?.items;
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageTitle>{t.casesTitle}</PageTitle>
      <p>{t.casesIntro}</p>
      <form class="search-form" noValidate onSubmit={search}>
        <TextField
          id="caseReference"
          label={t.searchByReference}
          hint={t.searchByReferenceHint}
          width="medium"
          value={reference}
          onInput={setReference}
          error={errorFor(errors, 'caseReference')}
        />
        <Select
          id="caseStatus"
          label={t.searchByStatus}
          value={status}
          onChange={setStatus}
          choices={[
            ...aidStatuses.map((s) => ({ value: s, label: `${t.kindAid}: ${statusName(s)}` })),
            ...appealStatuses.map((s) => ({ value: s, label: `${t.kindAppeal}: ${statusName(s)}` })),
          ]}
        />
        <Button>{t.search}</Button>
      </form>
      <form class="search-form" noValidate onSubmit={findPerson} aria-labelledby="find-person-title">
        <h2 id="find-person-title">{t.findPersonTitle}</h2>
        <p class="hint">{t.findPersonHint}</p>
        <TextField
          id="personName"
          label={t.fullName}
          autocomplete="off"
          value={person.fullName}
          onInput={setPersonField('fullName')}
          error={errorFor(errors, 'personName')}
        />
        <div class={`field${errorFor(errors, 'personDay') ? ' field--error' : ''}`}>
          <fieldset aria-describedby={errorFor(errors, 'personDay') ? 'personDay-error' : undefined}>
            <legend>{t.birthDate}</legend>
            {errorFor(errors, 'personDay') && (
              <p class="field-error" id="personDay-error">
                {errorFor(errors, 'personDay')}
              </p>
            )}
            <div class="date-input">
              {(
                [
                  ['personDay', 'day', t.day, 'input--2'],
                  ['personMonth', 'month', t.month, 'input--2'],
                  ['personYear', 'year', t.year, 'input--4'],
                ] as const
              ).map(([id, field, label, size]) => (
                <div key={id}>
                  <label for={id}>{label}</label>
                  <input
                    id={id}
                    class={`input ${size}`}
                    inputMode="numeric"
                    autocomplete="off"
                    value={person[field]}
                    onInput={(e) => setPersonField(field)(e.currentTarget.value)}
                    aria-invalid={errorFor(errors, 'personDay') ? 'true' : undefined}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Button kind="secondary">{t.findPerson}</Button>
      </form>
      {results.failure && <Failed failure={results.failure} onRetry={results.reload} />}
      {results.loading && <Loading />}
      {items && (
        <p role="status" class="muted">
          {t.casesFound(items.length, results.hasNext)}
        </p>
      )}
      {items && items.length > 0 && (
        <TableWrap label={t.casesTitle}>
          <table class="table">
            <caption class="visually-hidden">{t.casesTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.referenceColumn}</th>
                <th scope="col">{t.applicant}</th>
                <th scope="col">{t.caseSubject}</th>
                <th scope="col">{t.statusColumn}</th>
                <th scope="col">{t.receivedColumn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.caseId} data-reference={c.reference}>
                  <td>
                    <Link href={`/staff/cases/${encodeURIComponent(c.caseId)}`}>{c.reference}</Link>
                  </td>
                  <td>{c.applicantName ?? '—'}</td>
                  <td>
                    {c.aidType
                      ? `${aidTypeName(c.aidType)}${c.requestedAmount ? `, ${money(c.requestedAmount)}` : ''}`
                      : c.topic
                        ? topicLabel(c.topic, lang)
                        : '—'}
                  </td>
                  <td>
                    <Tag>{statusName(c.status)}</Tag> {c.overdue && <Tag tone="red">{t.overdue}</Tag>}
                  </td>
                  <td>
                    {date(c.receivedAt ?? c.submittedAt)}
                    {channelName(c.channel) && <span class="muted"> ({channelName(c.channel)})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {items && items.length === 0 && <p class="inset">{t.noCases}</p>}
      <CursorPagination pages={results} />
    </>
  );
}

type FullCase = StaffCase & {
  caseId: string;
  /** An appeal's channel and when it arrived, which may be days before it was registered. */
  channel?: string;
  receivedAt?: string;
  registeredLate?: { daysAfterArrival: number; limitDays: number };
  /** The earlier appeal of the same person on the same topic, and which appeal on it this is. */
  repeatOf?: string;
  repeatOfCaseId?: string;
  repeatCount?: number;
  tasks: (HistoryTask & { role?: string })[];
  messages?: CaseMessage[];
};

/** One case for staff: as submitted, its eligibility, history and tasks; the audit trail as a tab. */
export function CasePage({ session, caseId }: { session: Session; caseId: string }) {
  const { t, lang, date } = useStaffI18n();
  const channelName = useChannelName();
  const statusName = useStatusName();
  const loc = useLocation();
  const mayAudit = can(session.roles, 'cases:audit');
  const tab = loc.query.get('tab') === 'audit' && mayAudit ? 'audit' : 'case';
  const found = useResource<FullCase>(session, `/v1/cases/by-id/${encodeURIComponent(caseId)}`);
  const c = found.data;
  useTitle(
    c ? t.caseTitle(c.reference) : found.failure ? t.caseNotOpened : t.loading,
    `${c?.reference ?? (found.failure ? 'failed' : 'loading')}/${tab}`,
  );
  const [minutesFailure, setMinutesFailure] = useState<string | undefined>();
  const commission =
    c !== undefined &&
    ((c.commissionVotes?.length ?? 0) > 0 || c.tasks.some((x) => x.type === 'commission_vote'));
  const base = `/staff/cases/${encodeURIComponent(caseId)}`;

  const getMinutes = async () => {
    if (!c) return;
    const res = await download(
      `/v1/cases/by-id/${encodeURIComponent(caseId)}/minutes`,
      session.token,
      `minutes-${c.reference}.md`,
    );
    if (res.ok) setMinutesFailure(undefined);
    else if (res.kind === 'unavailable' || res.status === 404) setMinutesFailure(t.minutesNotYet);
    else setMinutesFailure(failureMessage(t, res));
  };

  return (
    <>
      <p>
        <Link href="/staff/cases" class="back-link">
          {t.backToCases}
        </Link>
      </p>
      {found.failure && <PageTitle>{t.caseNotOpened}</PageTitle>}
      {found.failure && (
        <Failed failure={found.failure} onRetry={retryable(found.failure) ? found.reload : undefined} />
      )}
      {found.loading && <Loading />}
      {c && (
        <>
          <PageTitle caption={c.kind === 'appeal' ? t.kindAppeal : t.kindAid}>
            {t.caseTitle(c.reference)}
          </PageTitle>
          <p data-testid="case-dates">
            {t.currentStatus}: <Tag>{statusName(c.status)}</Tag> · {t.receivedColumn}:{' '}
            {date(c.receivedAt ?? c.submittedAt)}
            {channelName(c.channel) && ` · ${t.channelLabel}: ${channelName(c.channel)}`}
            {c.receivedAt &&
              date(c.receivedAt) !== date(c.submittedAt) &&
              ` · ${t.registeredColumn}: ${date(c.submittedAt)}`}
          </p>
          {c.registeredLate && (
            <p data-testid="registered-late">
              {t.registeredLate(c.registeredLate.daysAfterArrival, c.registeredLate.limitDays)}
            </p>
          )}
          {c.repeatOf && (
            <p data-testid="repeat-of">
              {t.repeatsLabel}{' '}
              {c.repeatOfCaseId && can(session.roles, 'cases:read') ? (
                <Link href={`/staff/cases/${encodeURIComponent(c.repeatOfCaseId)}`}>{c.repeatOf}</Link>
              ) : can(session.roles, 'cases:search') ? (
                <Link href={`/staff/cases?reference=${encodeURIComponent(c.repeatOf)}`}>{c.repeatOf}</Link>
              ) : (
                c.repeatOf
              )}{' '}
              ({t.repeatNth(c.repeatCount ?? 2, repeatWindowMonths)})
            </p>
          )}
          {mayAudit && (
            <nav class="tabs" aria-label={t.caseSections}>
              <Link
                href={base}
                class={`tab${tab === 'case' ? ' tab--current' : ''}`}
                aria-current={tab === 'case' ? 'page' : undefined}
              >
                {t.caseTab}
              </Link>
              <Link
                href={`${base}?tab=audit`}
                class={`tab${tab === 'audit' ? ' tab--current' : ''}`}
                aria-current={tab === 'audit' ? 'page' : undefined}
              >
                {t.auditTab}
              </Link>
            </nav>
          )}
          {tab === 'audit' ? (
            <AuditTrail session={session} caseId={caseId} />
          ) : (
            <div class="columns">
              <div class="column-main">
                <CaseSections c={c} eligibility={c.eligibility} session={session} />
                {c.decision && (
                  <section aria-labelledby="decision-title">
                    <h2 id="decision-title">{t.caseDecision}</h2>
                    <p>
                      <Tag tone={c.decision.outcome === 'approved' ? 'green' : 'red'}>
                        {t.decisionOutcomes[c.decision.outcome] ?? c.decision.outcome}
                      </Tag>
                      {c.decision.decidedAt && ` · ${date(c.decision.decidedAt)}`}
                    </p>
                    {(c.decision.reasons ?? []).length > 0 && (
                      <ul>
                        {(c.decision.reasons ?? []).map((r) => (
                          <li key={r.code + r.message}>
                            {ruleReason(c.eligibility, r.code, lang, r.message)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                )}
                {c.commissionVotes && c.commissionVotes.length > 0 && (
                  <VotesSection votes={c.commissionVotes} />
                )}
                {commission && (
                  <section aria-labelledby="minutes-title">
                    <h2 id="minutes-title">{t.minutesTitle}</h2>
                    <p>{t.minutesIntro}</p>
                    {minutesFailure && <Alert kind="info">{minutesFailure}</Alert>}
                    <Button kind="secondary" type="button" onClick={() => void getMinutes()}>
                      {t.downloadMinutes}
                    </Button>
                  </section>
                )}
              </div>
              <div class="column-side">
                <HistorySection timeline={c.timeline ?? []} tasks={c.tasks} />
                <MessagesSection
                  messages={c.messages ?? []}
                  onResend={
                    can(session.roles, 'messages:resend')
                      ? async (m) => {
                          const res = await api(
                            'POST',
                            `/v1/cases/by-id/${encodeURIComponent(caseId)}/messages/${encodeURIComponent(m.notificationId)}/resend`,
                            { token: session.token },
                          );
                          if (!res.ok) {
                            // Sent or dealt with meanwhile: the page shows the message as it now is.
                            if (problemCode(res) === 'message_not_resendable') found.reload();
                            return failureMessage(t, res, {
                              message_sending: t.resendBusy,
                              message_not_resendable: t.resendNotPossible,
                            });
                          }
                          found.reload();
                          return undefined;
                        }
                      : undefined
                  }
                />
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}

interface AuditEvent {
  at: string;
  actor: { kind: string; username?: string; roles?: string[] };
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Its place in the case's hash chain. */
  seq?: number;
}

/** An instant to the second with its UTC offset, in the reader's language. */
function preciseTime(instant: string, lang: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return new Intl.DateTimeFormat(localeOf[lang as Language] ?? 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'long',
  }).format(d);
}

/**
 * The audit trail, oldest first, a page at a time: when (to the second), who (and their roles),
 * what, before → after; the whole chain checked on request, and the trail as CSV.
 */
function AuditTrail({ session, caseId }: { session: Session; caseId: string }) {
  const { t, lang } = useStaffI18n();
  const pages = useCursorPages<AuditEvent>(
    session,
    `/v1/cases/by-id/${encodeURIComponent(caseId)}/audit`,
    20,
  );
  const items = pages.data?.items;
  const role = (r: string) => (roleNames as Record<string, Record<string, string>>)[r]?.[lang] ?? r;
  const json = (v: Record<string, unknown>) => JSON.stringify(v, null, 1);
  // The whole chain checked on the server against the head on the case (domain/audit-chain.ts).
  const [check, setCheck] = useState<AuditCheck | string | undefined>();
  const [checking, setChecking] = useState(false);
  const path = `/v1/cases/by-id/${encodeURIComponent(caseId)}/audit`;
  const runCheck = async () => {
    setChecking(true);
    const res = await api<AuditCheck>('GET', `${path}?check=true`, { token: session.token });
    setChecking(false);
    setCheck(res.ok ? res.data : failureMessage(t, res));
  };
  const [csvFailure, setCsvFailure] = useState<string | undefined>();
  const downloadCsv = async () => {
    const res = await download(`${path}?format=csv`, session.token, `audit-${caseId}.csv`);
    setCsvFailure(res.ok ? undefined : failureMessage(t, res));
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.auditTitle}</h2>
      <p>{t.auditIntro}</p>
      <div class="button-group">
        <Button
          kind="secondary"
          type="button"
          busy={checking}
          busyText={t.auditChecking}
          onClick={() => void runCheck()}
        >
          {t.auditCheck}
        </Button>
        <Button kind="secondary" type="button" onClick={() => void downloadCsv()}>
          {t.auditDownload}
        </Button>
      </div>
      {csvFailure && <Alert kind="error">{csvFailure}</Alert>}
      {typeof check === 'string' && <Alert kind="error">{check}</Alert>}
      {check && typeof check !== 'string' && (
        <Alert
          kind={check.verified ? 'success' : 'error'}
          title={check.verified ? t.auditIntact : t.auditBroken}
        >
          <p data-testid="audit-check">{t.auditCheckSummary(check.events, check.headSeq)}</p>
          {check.problems.length > 0 && (
            <ul>
              {(check.findings ?? []).length > 0
                ? (check.findings ?? []).map((f) => <li key={JSON.stringify(f)}>{t.chainProblem(f)}</li>)
                : check.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          )}
        </Alert>
      )}
      {pages.failure && <Failed failure={pages.failure} onRetry={pages.reload} />}
      {pages.loading && <Loading />}
      {items && items.length === 0 && <p class="inset">{t.auditEmpty}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t.tableOf(t.auditTitle)}>
          <table class="table" data-testid="audit">
            <caption class="visually-hidden">{t.auditTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.auditWhen}</th>
                <th scope="col">{t.auditWho}</th>
                <th scope="col">{t.auditWhat}</th>
                <th scope="col">{t.auditChange}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>
                    {/* To the second and with the time zone: an auditor compares it with other records. */}
                    <time dateTime={e.at}>{preciseTime(e.at, lang)}</time>
                    {e.seq !== undefined && <span class="muted"> · #{e.seq}</span>}
                  </td>
                  <td>
                    {e.actor.kind === 'staff' ? (
                      <>
                        {e.actor.username}
                        {e.actor.roles && e.actor.roles.length > 0 && (
                          <span class="muted"> ({e.actor.roles.map(role).join(', ')})</span>
                        )}
                      </>
                    ) : (
                      <>
                        {t.actorKinds[e.actor.kind] ?? e.actor.kind}
                        {e.actor.username && <span class="muted"> ({e.actor.username})</span>}
                      </>
                    )}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.before || e.after ? (
                      <details>
                        <summary>{t.auditShowChange}</summary>
                        {e.before && (
                          <>
                            <p class="audit-label">{t.auditBefore}</p>
                            <pre class="audit-json">{json(e.before)}</pre>
                          </>
                        )}
                        {e.after && (
                          <>
                            <p class="audit-label">{t.auditAfter}</p>
                            <pre class="audit-json">{json(e.after)}</pre>
                          </>
                        )}
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CursorPagination pages={pages} />
    </section>
  );
}
