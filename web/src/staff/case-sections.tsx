import { useState } from 'preact/hooks';
import type { LocalizedText } from '../../../domain/catalogue.js';
import { isUnconfirmed, resendKind } from '../../../domain/message-delivery.js';
import type { Money } from '../../../domain/money.js';
import { can } from '../../../domain/permissions.js';
import { useCatalogue } from '../catalogue.js';
import { languageNames } from '../i18n.js';
import { useStatusName } from '../pages/status.js';
import { Link } from '../router.js';
import { type TimelineEntryView, timelineNote } from '../timeline-note.js';
import { Alert, Button, SummaryList, TableWrap, Tag } from '../ui.js';
import { useResource } from './resource.js';
import { departmentLabel, topicLabel } from './routing-names.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/** The parts of a case every staff view shows: the task view and the case view share them. */

export interface RuleOutcome {
  code: string;
  passed: boolean;
  mandatory: boolean;
  message: string;
  messages?: LocalizedText;
}

export interface Payout {
  method: string;
  accountHolder?: string;
  iban?: string;
  accountNumber?: string;
  bic?: string;
  deliveryAddress?: string;
}

export interface StaffCase {
  caseId?: string;
  reference: string;
  status: string;
  kind?: string;
  submittedAt: string;
  applicant?: {
    fullName: string;
    birthDate?: string;
    email?: string;
    phone?: string;
    address?: string;
    preferredLanguage?: string;
  };
  household?: { size: number; children: number; monthlyIncome: Money };
  categories?: string[];
  aidType?: string;
  requestedAmount?: Money;
  approvedAmount?: Money;
  fundingSource?: string;
  reason?: string;
  payout?: Payout;
  subject?: string;
  text?: string;
  topic?: string;
  appealKind?: string;
  /** An appeal's departments' answers by department code, the clerk's consolidated draft, the answer sent. */
  departmentAnswers?: Record<
    string,
    { status: 'awaited' } | { status: 'answered'; text: string; by: string; at: string }
  >;
  answerDraft?: string;
  answer?: { text: string; answeredAt: string; answeredBy: string };
  forwardedTo?: string;
  dueDate?: string;
  overdue?: boolean;
  eligibility?: Eligibility;
  decision?: {
    outcome: string;
    reasons?: { code: string; message: string }[];
    amount?: Money;
    decidedAt?: string;
  };
  timeline?: TimelineEntry[];
  commissionVotes?: Vote[];
}

export interface Eligibility {
  verdict: string;
  rules: RuleOutcome[];
  /** The rule set that was applied (domain/eligibility.ts EligibilityResult). */
  ruleSetId?: string;
  ruleSetVersion?: number;
}
export type TimelineEntry = TimelineEntryView;
export interface HistoryTask {
  taskId: string;
  type: string;
  status: string;
  createdAt: string;
  decidedBy?: string;
  outcome?: string;
  decidedAt?: string;
  /** The decision's comment (a reviewer's reasons, a question) and the amount it set. */
  comment?: string;
  amount?: Money;
}
export interface Vote {
  username: string;
  seat: number;
  outcome: string;
  comment?: string;
  at: string;
}

/**
 * How the applicant is to be paid, in staff's words (the applicant's own form says "my account"):
 * for a bank transfer every detail finance checks, the holder, the IBAN or account number and the BIC.
 */
export function usePayoutText() {
  const { t } = useStaffI18n();
  return (p: Payout | undefined) =>
    p
      ? p.method === 'bank_transfer'
        ? t.payoutBankDetails({
            holder: p.accountHolder ?? '—',
            iban: p.iban,
            accountNumber: p.accountNumber,
            bic: p.bic,
          })
        : p.method === 'cash_desk'
          ? t.payoutCash
          : `${t.payoutInKind}${p.deliveryAddress ? `: ${p.deliveryAddress}` : ''}`
      : undefined;
}

/** The applicant, the household, the aid asked for (or the appeal), and the eligibility check. */
export function CaseSections({
  c,
  eligibility,
  session,
}: {
  c: StaffCase;
  eligibility?: Eligibility | undefined;
  /** To read the rules' names from the rule sets (GET /v1/rule-sets/{aidType}), for who may. */
  session?: Session | undefined;
}) {
  const { t, lang, money, date } = useStaffI18n();
  const { aidTypeName, categoryName, sourceName } = useCatalogue();
  const a = c.applicant;
  const payout = usePayoutText()(c.payout);
  const ruleName = useRuleNames(session, c.aidType, eligibility);
  const perPerson =
    c.household && c.household.size > 0
      ? money({
          currency: c.household.monthlyIncome.currency,
          minor: Math.round(c.household.monthlyIncome.minor / c.household.size),
        })
      : undefined;
  return (
    <>
      {a && (
        <section aria-labelledby="applicant-title">
          <h2 id="applicant-title">{t.applicant}</h2>
          <SummaryList
            rows={[
              { key: t.fullName, value: a.fullName },
              ...(a.birthDate ? [{ key: t.birthDate, value: date(a.birthDate) }] : []),
              ...(a.email ? [{ key: t.email, value: a.email }] : []),
              ...(a.phone ? [{ key: t.phone, value: a.phone }] : []),
              ...(a.address ? [{ key: t.address, value: a.address }] : []),
              ...(a.preferredLanguage
                ? [
                    {
                      key: t.preferredLanguage,
                      value: languageNames[a.preferredLanguage as 'en'] ?? a.preferredLanguage,
                    },
                  ]
                : []),
            ]}
          />
        </section>
      )}
      {c.household && (
        <section aria-labelledby="household-title">
          <h2 id="household-title">{t.household}</h2>
          <SummaryList
            rows={[
              { key: t.household, value: t.householdSummary(c.household.size, c.household.children) },
              {
                key: t.monthlyIncome,
                value: `${money(c.household.monthlyIncome)}${perPerson ? ` (${perPerson} ${t.perPerson})` : ''}`,
              },
              {
                key: t.categories,
                value: (c.categories ?? []).map(categoryName).join(lang === 'zh' ? '、' : ', '),
              },
            ]}
          />
        </section>
      )}
      {c.aidType && (
        <section aria-labelledby="aid-title">
          <h2 id="aid-title">{t.aidRequested}</h2>
          <SummaryList
            rows={[
              { key: t.aidType, value: aidTypeName(c.aidType) },
              ...(c.requestedAmount ? [{ key: t.amountColumn, value: money(c.requestedAmount) }] : []),
              ...(c.approvedAmount ? [{ key: t.amountGranted, value: money(c.approvedAmount) }] : []),
              ...(c.fundingSource ? [{ key: t.fundingSource, value: sourceName(c.fundingSource) }] : []),
              ...(c.reason ? [{ key: t.caseReason, value: <span class="pre-wrap">{c.reason}</span> }] : []),
              ...(payout ? [{ key: t.payment, value: payout }] : []),
            ]}
          />
        </section>
      )}
      {c.subject && (
        <section aria-labelledby="appeal-title">
          <h2 id="appeal-title">{c.subject}</h2>
          {(c.topic || c.dueDate) && (
            <p class="muted">
              {c.topic && `${t.appealTopic} ${topicLabel(c.topic, lang)}`}
              {c.dueDate && ` · ${t.dueColumn}: ${date(c.dueDate)}`}
              {c.overdue && ' '}
              {c.overdue && <Tag tone="red">{t.overdue}</Tag>}
            </p>
          )}
          <p class="pre-wrap">{c.text}</p>
        </section>
      )}
      {c.subject && <AppealAnswersSection c={c} />}
      {eligibility && <EligibilitySection eligibility={eligibility} ruleName={ruleName} />}
    </>
  );
}

/**
 * What the departments answered, the consolidated answer awaiting sign-off and the answer sent:
 * the clerk writes the answer from the departments' replies, and the head signs off what will go
 * out, so both must read them on the task itself.
 */
function AppealAnswersSection({ c }: { c: StaffCase }) {
  const { t, lang, dateTime } = useStaffI18n();
  const answers = Object.entries(c.departmentAnswers ?? {});
  if (answers.length === 0 && !c.answerDraft && !c.answer && !c.forwardedTo) return null;
  return (
    <section aria-labelledby="appeal-answers-title" data-testid="appeal-answers">
      <h2 id="appeal-answers-title">{t.appealAnswersTitle}</h2>
      {answers.length > 0 && (
        <dl class="answers">
          {answers.map(([code, a]) => (
            <div key={code} data-department={code}>
              <dt>{departmentLabel(code, lang)}</dt>
              <dd>
                {a.status === 'answered' ? (
                  <>
                    <p class="pre-wrap">{a.text}</p>
                    <p class="muted">{t.answeredBy(a.by, dateTime(a.at))}</p>
                  </>
                ) : (
                  <Tag tone="yellow">{t.departmentAwaited}</Tag>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {c.forwardedTo && (
        <p>
          {t.forwardedToOrganisation}: <strong>{c.forwardedTo}</strong>
        </p>
      )}
      {c.answerDraft && !c.answer && (
        <div class="inset" data-testid="answer-draft">
          <h3>{t.answerDraftTitle}</h3>
          <p class="pre-wrap">{c.answerDraft}</p>
        </div>
      )}
      {c.answer && (
        <div class="inset" data-testid="answer-sent">
          <h3>{t.answerSentTitle}</h3>
          <p class="pre-wrap">{c.answer.text}</p>
          <p class="muted">{t.answeredBy(c.answer.answeredBy, dateTime(c.answer.answeredAt))}</p>
        </div>
      )}
    </section>
  );
}

interface RuleSetVersion {
  id: string;
  version: number;
  inForce?: boolean;
  rules: { code: string; description?: Partial<LocalizedText> }[];
}

const noSession: Session = { token: '', username: '', roles: [], expiresAt: 0 };

/**
 * The rules' names in the desk's language: each rule of a rule set has a description in every
 * language (domain/rule-set-schema.ts), read from the version the check applied (else the
 * newest that has the rule). Only staff who may read the rule sets get them (`rules:read`: the
 * reviewer, the head, the admin, the auditor); for others, and while loading, the rule's code.
 */
export function useRuleNames(
  session: Session | undefined,
  aidType: string | undefined,
  eligibility: Eligibility | undefined,
): (code: string) => string | undefined {
  const { lang } = useStaffI18n();
  const may = session !== undefined && can(session.roles, 'rules:read');
  const sets = useResource<{ items: RuleSetVersion[] }>(
    session ?? noSession,
    may && aidType && eligibility ? `/v1/rule-sets/${encodeURIComponent(aidType)}` : undefined,
  );
  const versions = [...(sets.data?.items ?? [])].sort((x, y) => y.version - x.version);
  const applied = versions.find(
    (v) =>
      v.version === eligibility?.ruleSetVersion &&
      (eligibility?.ruleSetId === undefined || v.id === eligibility.ruleSetId),
  );
  return (code) => {
    for (const v of applied ? [applied, ...versions] : versions) {
      const name = v.rules.find((r) => r.code === code)?.description?.[lang];
      if (name) return name;
    }
    return undefined;
  };
}

export function EligibilitySection({
  eligibility,
  ruleName = () => undefined,
}: {
  eligibility: Eligibility;
  ruleName?: (code: string) => string | undefined;
}) {
  const { t, lang } = useStaffI18n();
  return (
    <section aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t.eligibility}</h2>
      <p>
        {t.verdict}: <VerdictTag verdict={eligibility.verdict} />
      </p>
      <TableWrap label={`${t.eligibility}: ${t.rule}`}>
        <table class="table">
          <caption class="visually-hidden">{t.eligibility}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rule}</th>
              <th scope="col">{t.ruleResult}</th>
            </tr>
          </thead>
          <tbody>
            {eligibility.rules.map((r) => {
              // The one check the system adds to a rule set's own (domain/eligibility.ts).
              const name =
                ruleName(r.code) ??
                (r.code === 'other_open_application' ? t.otherOpenApplicationRule : undefined);
              return (
                <tr key={r.code} data-rule={r.code}>
                  <th scope="row">
                    {name ?? <code>{r.code}</code>}
                    {(name || r.mandatory) && (
                      <>
                        <br />
                        <span class="muted">
                          {name && <code>{r.code}</code>}
                          {name && r.mandatory ? ', ' : ''}
                          {r.mandatory ? t.mandatory : ''}
                        </span>
                      </>
                    )}
                  </th>
                  <td>
                    <Tag tone={r.passed ? 'green' : 'red'}>{r.passed ? t.checkPassed : t.checkFailed}</Tag>
                    <br />
                    {r.messages?.[lang] ?? r.message}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** The eligibility check's verdict as a tag: green when eligible, red when not, yellow for a decision. */
export function VerdictTag({ verdict }: { verdict: string }) {
  const { t } = useStaffI18n();
  return (
    <Tag tone={verdict === 'eligible' ? 'green' : verdict === 'ineligible' ? 'red' : 'yellow'}>
      {t.verdicts[verdict] ?? verdict}
    </Tag>
  );
}

/**
 * The status history, newest first, and every task of the case with who decided it, the amount
 * they set and their comment (the head reads the reviewer's reasons here); an open task links to
 * itself, so a case found by search can be acted on.
 */
export function HistorySection({ timeline, tasks }: { timeline: TimelineEntry[]; tasks: HistoryTask[] }) {
  const { t, date, dateTime, money } = useStaffI18n();
  const statusName = useStatusName();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.history}</h2>
      <ol class="timeline">
        {[...timeline].reverse().map((e) => (
          <li key={e.at + e.status}>
            <strong>{statusName(e.status)}</strong>
            <br />
            <time dateTime={e.at}>{dateTime(e.at)}</time>
            {e.note && <p class="timeline-note">{timelineNote(t, e, date)}</p>}
          </li>
        ))}
      </ol>
      <ul class="plain history-tasks">
        {tasks.map((h) => (
          <li key={h.taskId}>
            {t.taskTypes[h.type] ?? h.type}:{' '}
            {h.status === 'closed' ? (
              // A seat closed once the majority decided: the system closed it, nobody decided it.
              t.taskStatuses.closed
            ) : h.decidedBy ? (
              t.decidedBy(h.decidedBy, t.outcomes[h.outcome ?? ''] ?? h.outcome ?? '')
            ) : h.status === 'open' ? (
              <Link href={`/staff/tasks/${encodeURIComponent(h.taskId)}`}>{t.taskOpen}</Link>
            ) : (
              (t.taskStatuses[h.status] ?? h.status)
            )}
            {h.amount && <> ({money(h.amount)})</>}
            {h.decidedAt && <span class="muted"> · {dateTime(h.decidedAt)}</span>}
            {h.comment && <blockquote class="history-comment pre-wrap">{h.comment}</blockquote>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface CaseMessage {
  notificationId: string;
  at: string;
  event: string;
  channel: string;
  status: string;
  language: string;
  text: string;
  claimedAt?: string;
  sentAt?: string;
  postedAt?: string;
  failure?: string;
}

/**
 * What the applicant was told and whether it reached them. Delivery is at most once, so a send
 * that died between its claim and the provider's answer is never repeated on its own: it is said
 * here, and staff who may (domain/permissions.ts `messages:resend`) can have it, or a message the
 * provider refused, sent again once they have looked at the case.
 */
export function MessagesSection({
  messages,
  onResend,
  now = Date.now(),
}: {
  messages: CaseMessage[];
  /** Given to staff who may have a message sent again; resolves to an error message, if any. */
  onResend?: ((m: CaseMessage) => Promise<string | undefined>) | undefined;
  now?: number;
}) {
  const { t, dateTime } = useStaffI18n();
  const statusName = useStatusName();
  const [busy, setBusy] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  // A message that went out (or a posted letter) is sent again only after saying so once more.
  const [confirming, setConfirming] = useState<string | undefined>();
  const resend = async (m: CaseMessage) => {
    if (!onResend) return;
    setBusy(m.notificationId);
    setFailure(await onResend(m));
    setBusy(undefined);
    setConfirming(undefined);
  };
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t.messagesTitle}</h2>
      {failure && <Alert kind="error">{failure}</Alert>}
      {messages.length === 0 && <p class="muted">{t.noMessages}</p>}
      <ul class="plain history-tasks" data-testid="messages">
        {messages.map((m) => {
          const unconfirmed = isUnconfirmed(m, now);
          const kind = resendKind(m, now);
          return (
            <li key={m.notificationId} data-message-status={unconfirmed ? 'unconfirmed' : m.status}>
              <strong>{statusName(m.event)}</strong> · {t.channelNames[m.channel] ?? m.channel} ·{' '}
              {t.messageStatuses[m.status] ?? m.status}
              <span class="muted"> · {dateTime(m.sentAt ?? m.postedAt ?? m.at)}</span>
              {unconfirmed && m.claimedAt && (
                <Alert kind="warning">
                  <p>{t.messageUnconfirmed(dateTime(m.claimedAt))}</p>
                </Alert>
              )}
              {m.text && (
                <details class="message-text">
                  <summary>{t.messageText}</summary>
                  <p class="pre-wrap" lang={m.language}>
                    {m.text}
                  </p>
                </details>
              )}
              {onResend && kind === 'retry' && (
                <p>
                  <Button
                    kind="secondary"
                    type="button"
                    busy={busy === m.notificationId}
                    busyText={t.saving}
                    onClick={() => void resend(m)}
                  >
                    {t.resendMessage}
                    <span class="visually-hidden"> {statusName(m.event)}</span>
                  </Button>
                </p>
              )}
              {onResend && (kind === 'again' || kind === 'reprint') && confirming !== m.notificationId && (
                <p>
                  <button type="button" class="button--link" onClick={() => setConfirming(m.notificationId)}>
                    {kind === 'reprint' ? t.letterNeverArrived : t.messageNeverArrived}
                    <span class="visually-hidden"> {statusName(m.event)}</span>
                  </button>
                </p>
              )}
              {onResend && kind && confirming === m.notificationId && (
                <Alert
                  kind="warning"
                  action={
                    <div class="button-group">
                      <Button
                        kind="secondary"
                        type="button"
                        busy={busy === m.notificationId}
                        busyText={t.saving}
                        onClick={() => void resend(m)}
                      >
                        {kind === 'reprint' ? t.printAgain : t.resendMessage}
                      </Button>
                      <button type="button" class="button--link" onClick={() => setConfirming(undefined)}>
                        {t.cancel}
                      </button>
                    </div>
                  }
                >
                  <p>
                    {kind === 'reprint'
                      ? t.reprintConfirm(dateTime(m.postedAt ?? m.sentAt ?? m.at))
                      : t.sendAgainConfirm(dateTime(m.sentAt ?? m.at))}
                  </p>
                </Alert>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The commission's votes (shown only when the API gives them: after the member voted). */
export function VotesSection({ votes }: { votes: Vote[] }) {
  const { t, dateTime } = useStaffI18n();
  return (
    <section aria-labelledby="votes-title">
      <h2 id="votes-title">{t.commissionVotes}</h2>
      <TableWrap label={t.tableOf(t.commissionVotes)}>
        <table class="table" data-testid="votes">
          <caption class="visually-hidden">{t.commissionVotes}</caption>
          <thead>
            <tr>
              <th scope="col">{t.member}</th>
              <th scope="col">{t.vote}</th>
              <th scope="col">{t.decisionComment}</th>
            </tr>
          </thead>
          <tbody>
            {[...votes]
              .sort((a, b) => a.seat - b.seat)
              .map((v) => (
                <tr key={v.username + v.at}>
                  <td>
                    {t.seat(v.seat)}: {v.username}
                    <br />
                    <time class="muted" dateTime={v.at}>
                      {dateTime(v.at)}
                    </time>
                  </td>
                  <td>
                    <Tag tone={v.outcome === 'approve' ? 'green' : 'red'}>
                      {t.outcomes[v.outcome] ?? v.outcome}
                    </Tag>
                  </td>
                  <td class="pre-wrap">{v.comment ?? '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
