import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { checkDecision, decisionSchema } from '../../../domain/decision.js';
import { type CommentPurpose, commentPurpose } from '../../../domain/decision-comments.js';
import type { Money } from '../../../domain/money.js';
import { can } from '../../../domain/permissions.js';
import type { TaskType } from '../../../domain/tasks.js';
import { api, type Failure, type Problem } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import {
  type ErrorKey,
  type FieldError,
  failureMessage,
  localise,
  type ProblemTexts,
  valueAt,
} from '../errors.js';
import { minorToInput, minorUnitsOrRaw } from '../form-values.js';
import { officeCurrency } from '../pages/apply.js';
import { useStatusName } from '../pages/status.js';
import { PayoutFields, payoutBody, payoutDraftOf, payoutField } from '../payout-fields.js';
import { Link, navigate } from '../router.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Progress,
  Radios,
  Select,
  Tag,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';
import {
  CaseSections,
  type Eligibility,
  HistorySection,
  type HistoryTask,
  type StaffCase,
  type TimelineEntry,
  usePayoutText,
  VerdictTag,
  type Vote,
  VotesSection,
} from './case-sections.js';
import { nextTask } from './inbox-order.js';
import { Failed, retryable, useResource } from './resource.js';
import { departmentLabel, topicLabel } from './routing-names.js';
import { noteSessionEnded, readDraft, type Session, writeDraft } from './session.js';
import { useStaffI18n } from './staff-strings.js';
import {
  FlashRegion,
  inboxHref,
  inboxTaskType,
  localTaskTitle,
  readInbox,
  setFlash,
  type TaskSummary,
} from './tasks.js';

/** One payment attempt of the case (GET /v1/tasks/{id} `payments`, for the payment tasks). */
interface PaymentAttempt {
  attempt: number;
  disbursementId: string;
  status: string;
  amount: Money;
  channel?: string;
  createdAt: string;
  failedAt?: string;
  settlement?: { status: string; reason?: string; recordedBy: string; recordedAt: string };
}

interface TaskDetail extends TaskSummary {
  status: string;
  /** Who decided the task, what and when, once it is decided (or closed by the system). */
  decision?: { outcome: string; decidedBy: string; decidedAt?: string };
  case: StaffCase & { paymentAttempts?: number; payoutChanged?: boolean; year?: number };
  payments?: PaymentAttempt[];
  eligibility?: Eligibility;
  /** Commission votes: the API sends them only once the caller may see them (after voting). */
  votes?: Vote[];
  history?: { timeline: TimelineEntry[]; tasks: HistoryTask[] };
}

const moneyTasks = new Set(['review', 'approve', 'commission_vote']);

/** A line of GET /v1/budgets: its figures come as Money or as plain minor units. */
interface BudgetLine {
  source: string;
  remaining: Money | number;
}

/** How often an open task page renews its claim (the lease is 20 minutes: domain/task-claims.ts). */
const claimRenewalMs = 8 * 60_000;

/**
 * "I am looking at this one" while the page is open (PUT …/claim, renewed): colleagues' inboxes
 * put the task last. When a colleague's claim holds, `held` names them, and `takeOver` takes it.
 * Head and auditor, who read tasks they do not decide, are refused (403) and claim nothing.
 */
function useTaskClaim(current: Session, taskId: string, open: boolean) {
  const [held, setHeld] = useState<{ claimedBy: string; until: string } | undefined>();
  const [tookOver, setTookOver] = useState(false);
  // The sign-in as it is now: a renewed token must not give the claim up and take it again (the
  // release and the new claim could cross), and the timer's renewals must send the new token.
  const sessionRef = useRef(current);
  sessionRef.current = current;
  const claim = async (takeOver: boolean) => {
    const session = sessionRef.current;
    const path = `/v1/tasks/${encodeURIComponent(taskId)}/claim${takeOver ? '?takeOver=true' : ''}`;
    // The renewal runs in the background: a sign-in that has ended there is said on the page
    // (SessionNotice), not acted on, so the form someone is typing in stays. The header is set by
    // hand for that reason: `token` would have api() sign the person out on a 401. Taking over is
    // a deliberate action, and signs in again like any other.
    const res = takeOver
      ? await api('PUT', path, { token: session.token })
      : await api('PUT', path, { headers: { authorization: `Bearer ${session.token}` } });
    if (!res.ok && res.kind === 'http' && res.status === 401) noteSessionEnded(session);
    if (res.ok) {
      setHeld(undefined);
      if (takeOver) setTookOver(true);
    } else if (res.kind === 'http' && res.status === 409) {
      const { claimedBy, until } = res.problem as { claimedBy?: unknown; until?: unknown };
      if (typeof claimedBy === 'string' && typeof until === 'string') setHeld({ claimedBy, until });
    }
  };
  useEffect(() => {
    if (!open) return;
    void claim(false);
    const renew = setInterval(() => void claim(false), claimRenewalMs);
    // Leaving the task (another page, Back, the tab closed) gives one's claim up, so it does not
    // hold the task at the end of colleagues' inboxes for the lease's 20 minutes. keepalive lets
    // the request outlive a closing tab; the server deletes only the reader's own claim.
    const release = () =>
      void fetch(`/v1/tasks/${encodeURIComponent(taskId)}/claim`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${sessionRef.current.token}` },
        keepalive: true,
      }).catch(() => undefined);
    addEventListener('pagehide', release);
    return () => {
      clearInterval(renew);
      removeEventListener('pagehide', release);
      release();
    };
  }, [taskId, current.username, open]);
  /** Gives the claim up and goes back to the inbox: the task is back at the top of colleagues'. */
  const leave = async () => {
    const session = sessionRef.current;
    writeDraft(session.username, taskId, undefined);
    await api('DELETE', `/v1/tasks/${encodeURIComponent(taskId)}/claim`, { token: session.token });
    navigate(inboxHref());
  };
  return { held, tookOver, takeOver: () => claim(true), leave };
}

export function TaskPage({ session, taskId }: { session: Session; taskId: string }) {
  const { t, lang, date, dateTime } = useStaffI18n();
  const statusName = useStatusName();
  const [task, setTask] = useState<TaskDetail | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  /** Set when this person's decision met a colleague's: the page says so once reloaded. */
  const [conflict, setConflict] = useState(false);
  const claims = useTaskClaim(session, taskId, task?.status === 'open');
  useTitle(
    task ? localTaskTitle(task, lang) : failure ? t.taskNotOpened : t.loading,
    task?.taskId ?? (failure ? 'failed' : 'loading'),
  );

  const load = () =>
    api<TaskDetail>('GET', `/v1/tasks/${encodeURIComponent(taskId)}`, { token: session.token }).then(
      (res) => {
        // A draft of a decision is kept only while the task can still take it.
        if ((res.ok && res.data.status !== 'open') || (!res.ok && res.status === 404))
          writeDraft(session.username, taskId, undefined);
        return res;
      },
    );
  useEffect(() => {
    let current = true;
    void load().then((res) => {
      if (!current) return;
      if (res.ok) {
        setTask(res.data);
        setFailure(undefined);
      } else setFailure(res);
    });
    return () => {
      current = false;
    };
  }, [taskId, session.token, round]);

  /**
   * The decision was refused as already made (409): the task as it is now says by whom. This
   * person's own (an answer lost on the way, a retry, a second tab) is a success; a colleague's
   * is shown with the page in its true state and no form.
   */
  const afterConflict = async (): Promise<boolean> => {
    const res = await load();
    // Still open: the refusal was about something else (the case moved on, a deadline…).
    if (!res.ok || res.data.status === 'open') return false;
    const mine = res.data.decision?.decidedBy === session.username;
    if (mine && res.data.type !== 'commission_vote') {
      const outcome = res.data.decision?.outcome ?? '';
      setFlash(t.decisionAlreadyRecorded(res.data.caseReference, t.outcomes[outcome] ?? outcome));
      navigate(inboxHref());
      return true;
    }
    if (mine) setNotice(t.voteRecorded(res.data.caseReference));
    else setConflict(true);
    setTask(res.data);
    return true;
  };

  if (failure) {
    const known = failure.kind === 'http' && (failure.status === 404 || failure.status === 403);
    return (
      <>
        <p>
          <Link href={inboxHref()} class="back-link">
            {t.backToTasks}
          </Link>
        </p>
        <PageTitle>{t.taskNotOpened}</PageTitle>
        <FlashRegion />
        {known ? (
          <Alert kind="error" title={t.errorSummaryTitle}>
            <p>{failure.status === 404 ? t.taskNotFound : t.taskForbidden}</p>
          </Alert>
        ) : (
          <Failed
            failure={failure}
            onRetry={
              retryable(failure)
                ? () => {
                    setFailure(undefined);
                    setRound((r) => r + 1);
                  }
                : undefined
            }
          />
        )}
      </>
    );
  }
  if (!task) return <Loading />;
  const c = task.case;
  const isVote = task.type === 'commission_vote';

  return (
    <>
      <p>
        <Link href={inboxHref()} class="back-link">
          {t.backToTasks}
        </Link>
        {task.status === 'open' && !claims.held && can(session.roles, 'tasks:decide') && (
          <>
            {' · '}
            <button type="button" class="button--link" onClick={() => void claims.leave()}>
              {t.leaveForOthers}
            </button>
          </>
        )}
      </p>
      <FlashRegion />
      {notice && <Alert kind="success">{notice}</Alert>}
      {task.status === 'open' && claims.tookOver && <Alert kind="success">{t.tookOver}</Alert>}
      {task.status === 'open' && claims.held && (
        <Alert
          kind="warning"
          title={t.claimHeldTitle}
          action={
            <div class="button-group">
              <Button kind="secondary" type="button" onClick={() => void claims.takeOver()}>
                {t.takeOver}
              </Button>
              <Link href={inboxHref()}>{t.backToTasks}</Link>
            </div>
          }
        >
          <p data-testid="claim-held">{t.claimHeld(claims.held.claimedBy, dateTime(claims.held.until))}</p>
        </Alert>
      )}
      <PageTitle
        caption={`${t.taskTypes[task.type] ?? task.type}${task.department ? ` · ${departmentLabel(task.department, lang)}` : ''}`}
      >
        {localTaskTitle(task, lang)}
      </PageTitle>
      <p>
        {t.currentStatus}: <Tag>{statusName(c.status)}</Tag>{' '}
        {task.dueAt && (
          <>
            {t.dueColumn}: {date(task.dueAt)} {task.overdue && <Tag tone="red">{t.overdue}</Tag>}
          </>
        )}
      </p>
      <TaskGist task={task} />
      {can(session.roles, 'cases:read') && (
        <p>
          <Link href={`/staff/cases/${encodeURIComponent(task.caseId)}`}>
            {t.openCase(task.caseReference)}
          </Link>
        </p>
      )}
      <div class="columns">
        <div class="column-main">
          <CaseSections c={c} eligibility={task.eligibility} session={session} />
          {isVote && task.votes && task.votes.length > 0 && <VotesSection votes={task.votes} />}
        </div>
        <div class="column-side column-side--sticky">
          {task.payments && task.payments.length > 0 && <PaymentAttempts task={task} />}
          {isVote && !task.votes && task.status === 'open' && (
            <Alert kind="info">
              <p>{t.votesAfterYours}</p>
            </Alert>
          )}
          {task.status === 'open' ? (
            <DecisionForm
              key={task.taskId}
              session={session}
              task={task}
              onVoted={() => {
                // A member stays to see the others' votes, which the API now shows.
                setNotice(t.voteRecorded(task.caseReference));
                setRound((r) => r + 1);
              }}
              onConflict={afterConflict}
            />
          ) : (
            <Decided task={task} username={session.username} conflict={conflict} />
          )}
          {task.history && <HistorySection timeline={task.history.timeline} tasks={task.history.tasks} />}
        </div>
      </div>
    </>
  );
}

/**
 * What the decision turns on, in one line under the title, so a reviewer at a laptop sees it
 * without scrolling past the applicant: the aid and its amounts (asked, and proposed by the review
 * when it differs), the categories, an appeal's topic, and the eligibility check's verdict.
 */
function TaskGist({ task }: { task: TaskDetail }) {
  const { t, lang, money } = useStaffI18n();
  const { aidTypeName, categoryName } = useCatalogue();
  const c = task.case;
  const proposed =
    c.approvedAmount && c.approvedAmount.minor !== c.requestedAmount?.minor ? c.approvedAmount : undefined;
  const parts = [
    c.aidType && aidTypeName(c.aidType),
    c.requestedAmount && t.gistRequested(money(c.requestedAmount)),
    proposed && t.gistProposed(money(proposed)),
    c.topic && topicLabel(c.topic, lang),
    (c.categories ?? []).map(categoryName).join(lang === 'zh' ? '、' : ', '),
  ].filter(Boolean);
  const verdict = task.eligibility?.verdict;
  if (parts.length === 0 && !verdict) return null;
  return (
    <p data-testid="task-gist">
      {parts.join(' · ')}
      {verdict && (
        <>
          {parts.length > 0 && ' '}
          <VerdictTag verdict={verdict} />
        </>
      )}
    </p>
  );
}

/**
 * A task that is no longer open: who decided it, what and when ("you" when it was the reader),
 * instead of a form. After a decision that met a colleague's, it takes the focus and says that
 * the reader's decision was not recorded.
 */
function Decided({ task, username, conflict }: { task: TaskDetail; username: string; conflict: boolean }) {
  const { t, dateTime } = useStaffI18n();
  const ref = useRef<HTMLDivElement>(null);
  // In the same commit as the note appears (useEffect waits for a frame), so a screen reader
  // hears the note, not the button that just left the page.
  useLayoutEffect(() => {
    if (conflict) ref.current?.focus();
  }, [conflict]);
  const d = task.decision;
  const outcome = d ? (t.outcomes[d.outcome] ?? d.outcome) : '';
  const when = d?.decidedAt ? dateTime(d.decidedAt) : '';
  const isVote = task.type === 'commission_vote';
  const text =
    task.status === 'closed' || d?.decidedBy === 'system'
      ? t.taskClosedByMajority
      : !d
        ? t.taskReplaced
        : d.decidedBy === username
          ? isVote && task.votes
            ? t.youHaveVoted
            : t.decidedByYou(outcome, when)
          : `${t.decidedByOther(d.decidedBy, outcome, when)}${conflict ? ` ${t.yourDecisionNotRecorded}` : ''}`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      class={`alert alert--${d && d.decidedBy === username ? 'success' : conflict ? 'warning' : 'info'}`}
      data-testid="task-decided"
      data-decided-by={d?.decidedBy}
    >
      <div>
        <p>{text}</p>
        {conflict && (
          <p>
            <Link href={inboxHref()}>{t.backToTasks}</Link>
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * The payment attempts before this task: an authorisation after a failed payment is a re-issue,
 * and says so (which attempt, and why each earlier one failed); so does the correction task.
 */
function PaymentAttempts({ task }: { task: TaskDetail }) {
  const { t, date, money } = useStaffI18n();
  const payments = task.payments ?? [];
  const failed = payments.filter((p) => p.status === 'failed');
  const next = task.type === 'authorise_payment' ? payments.length + 1 : undefined;
  return (
    <Alert kind="warning" title={next ? t.reissueAttemptTitle(next) : t.paymentAttemptsTitle}>
      <ul class="plain" data-testid="payment-attempts">
        {payments.map((p) => (
          <li key={p.disbursementId} data-attempt={p.attempt} data-status={p.status}>
            {p.status === 'failed'
              ? t.attemptFailed(
                  p.attempt,
                  date(p.failedAt ?? p.settlement?.recordedAt ?? p.createdAt),
                  p.settlement?.reason ?? '—',
                  p.settlement?.recordedBy ?? '—',
                )
              : t.attemptStatus(p.attempt, t.disbursementStatuses[p.status] ?? p.status, money(p.amount))}
          </li>
        ))}
      </ul>
      {next && failed.length > 0 && (
        <p>{task.case.payoutChanged ? t.payoutCorrectedNote : t.payoutSameNote}</p>
      )}
    </Alert>
  );
}

/**
 * Whether recording a decision opens the inbox's next task rather than the inbox: the reader's
 * own way of working, so it is kept per person on this computer (nothing sensitive in it).
 */
function useOpenNextPreference(username: string): [boolean, (on: boolean) => void] {
  const key = `aidflow.open-next.${username}`;
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(key) === '1';
    } catch {
      return false;
    }
  });
  const set = (next: boolean) => {
    setOn(next);
    try {
      if (next) localStorage.setItem(key, '1');
      else localStorage.removeItem(key);
    } catch {
      // not fatal: the choice then lasts as long as the page
    }
  };
  return [on, set];
}

/** What a decision form holds, kept as a draft (session.ts) until recorded. */
interface DecisionDraft {
  outcome: string;
  comment: string;
  amount: string;
  source: string;
  answer: string;
  correctPayout: string;
  payout: ReturnType<typeof payoutDraftOf>;
}

function DecisionForm({
  session,
  task,
  onVoted,
  onConflict,
}: {
  session: Session;
  task: TaskDetail;
  onVoted: () => void;
  /**
   * A 409: when the task was decided meanwhile the page reloads it and says by whom (true);
   * otherwise (false) the form stays and says why the server refused.
   */
  onConflict: () => Promise<boolean>;
}) {
  const { t, money } = useStaffI18n();
  const statusName = useStatusName();
  const { catalogue } = useCatalogue();
  const payoutText = usePayoutText();
  // Whether in-kind aid could go to the applicant's postal address (unknown without the applicant).
  const postalAddressGiven = task.case.applicant ? Boolean(task.case.applicant.address?.trim()) : undefined;
  const requested = task.case.requestedAmount;
  // The head's form starts from the amount the review proposed (what an approval without an amount
  // keeps), a review's from the requested one.
  const proposed = (task.type === 'approve' && task.case.approvedAmount) || requested;
  // The refusals a decision may meet, in the desk's words (the server's detail is English).
  const r = t.decisionRefused;
  const stage = (p: Problem) => t.taskTypes[String(p.stage)] ?? String(p.stage);
  const refusals: ProblemTexts = {
    ...r,
    took_part_in_contested: (p) => r.took_part_in_contested(String(p.appealReference), stage(p)),
    approved_this_aid: (p) => r.approved_this_aid(stage(p)),
    decided_before: (p) => r.decided_before(stage(p)),
    head_limit_exceeded: (p) => r.head_limit_exceeded(money(p.limit as Money)),
    case_moved_on: (p) => r.case_moved_on(statusName(String(p.caseStatus))),
    extension_refused: (p) => t.extensionRefused[String(p.refusal)] ?? t.problemRefused(p.detail ?? ''),
    task_decided: t.decisionConflict,
    task_replaced: t.taskReplaced,
  };
  // The form as it opens, and what was typed before a sign-in ended (or the page was reloaded).
  const [initial] = useState<DecisionDraft>(() => ({
    outcome: task.allowedOutcomes.length === 1 ? (task.allowedOutcomes[0] ?? '') : '',
    comment: '',
    amount: proposed ? minorToInput(proposed.minor) : '',
    source: task.case.fundingSource ?? '',
    answer: '',
    correctPayout: '',
    payout: payoutDraftOf(task.case.payout),
  }));
  const [saved] = useState(() => {
    const d = readDraft<DecisionDraft>(session.username, task.taskId);
    if (!d) return undefined;
    const text = (v: unknown, otherwise: string) => (typeof v === 'string' ? v : otherwise);
    return {
      outcome: task.allowedOutcomes.includes(text(d.outcome, '')) ? text(d.outcome, '') : initial.outcome,
      comment: text(d.comment, initial.comment),
      amount: text(d.amount, initial.amount),
      source: text(d.source, initial.source),
      answer: text(d.answer, initial.answer),
      correctPayout: text(d.correctPayout, initial.correctPayout),
      payout: typeof d.payout === 'object' && d.payout !== null ? d.payout : initial.payout,
    } satisfies DecisionDraft;
  });
  const start = saved ?? initial;
  const [outcome, setOutcome] = useState(start.outcome);
  const [comment, setComment] = useState(start.comment);
  const [amount, setAmount] = useState(start.amount);
  const preferredSources = task.case.aidType
    ? (catalogue.aidTypes.find((a) => a.code === task.case.aidType)?.defaultFundingSources ?? [])
    : [];
  const orderedSources = [
    ...catalogue.fundingSources.filter((f) => preferredSources.includes(f.code)),
    ...catalogue.fundingSources.filter((f) => !preferredSources.includes(f.code)),
  ];
  const [source, setSource] = useState(start.source);
  const [answer, setAnswer] = useState(start.answer);
  const [correctPayout, setCorrectPayout] = useState(start.correctPayout);
  const [payout, setPayout] = useState(start.payout);
  // Every change is kept for the tab; a form as it opened keeps nothing. Written as the change is
  // drawn, not after the next frame, so a reload (or a lid closed) straight after typing keeps it.
  const recorded = useRef(false);
  useLayoutEffect(() => {
    if (recorded.current) return;
    const draft: DecisionDraft = { outcome, comment, amount, source, answer, correctPayout, payout };
    const untouched = JSON.stringify(draft) === JSON.stringify(initial);
    writeDraft(session.username, task.taskId, untouched ? undefined : draft);
  }, [outcome, comment, amount, source, answer, correctPayout, payout]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [openNext, setOpenNext] = useOpenNextPreference(session.username);
  const { lang } = useStaffI18n();
  const money_ = moneyTasks.has(task.type) && task.type !== 'commission_vote' && outcome === 'approve';
  // What each source has left in the case's year (the funds are reserved from it), for whoever may
  // read budgets (the head); a reviewer, who may not, chooses without the figures.
  const budgetYear = String(task.case.year ?? task.caseReference.slice(4, 8));
  const budgets = useResource<{ items: BudgetLine[] }>(
    session,
    money_ && can(session.roles, 'budgets:read') ? `/v1/budgets?year=${budgetYear}` : undefined,
  );
  const leftIn = (code: string): string | undefined => {
    const left = budgets.data?.items.find((l) => l.source === code)?.remaining;
    if (left === undefined) return undefined;
    return money(typeof left === 'number' ? { currency: officeCurrency, minor: left } : left);
  };
  const sourceLabel = (code: string, name: string): string => {
    if (!budgets.data) return name;
    const left = leftIn(code);
    return left === undefined ? t.sourceNoLine(name, budgetYear) : t.sourceLeft(name, left);
  };
  // The chosen source's figure is said under the list too: a long option is cut off when closed.
  const chosen = orderedSources.find((f) => f.code === source);
  const chosenLeft = chosen ? leftIn(chosen.code) : undefined;
  // An amount above the requested one says what was requested (domain/decision.ts has the rule).
  const amountMessage = (otherwise: string): string => {
    const minor = minorUnitsOrRaw(amount);
    return requested && typeof minor === 'number' && minor > requested.minor
      ? t.amountAboveRequested(money(requested))
      : otherwise;
  };
  // The task's own words for an outcome where it has them: finance's "Reject" rejects the application.
  const outcomeLabel = (o: string) => t.taskOutcomes[task.type]?.[o]?.label ?? t.outcomes[o] ?? o;
  const withAnswer = outcome === 'answer';
  const reissue = task.type === 'reissue_payment' && outcome === 'reissue';

  const body = (): Record<string, unknown> => {
    const b: Record<string, unknown> = { outcome: outcome || undefined };
    if (comment.trim()) b.comment = comment;
    if (money_) {
      const minor = minorUnitsOrRaw(amount);
      if (minor !== undefined && !(proposed && minor === proposed.minor))
        b.amount = { currency: officeCurrency, minor };
      if (source) b.fundingSource = source;
    }
    if (withAnswer) b.answer = answer;
    if (reissue && correctPayout === 'yes') b.payout = payoutBody(payout);
    return b;
  };

  // The comment is required for some outcomes, and is then what it is for (the question to the
  // applicant, the reasons of a refusal…): labelled, hinted and checked as the server will.
  const purpose: CommentPurpose | undefined = outcome
    ? commentPurpose(task.type as TaskType, outcome)
    : undefined;
  const commentLabel = purpose ? t.commentLabels[purpose] : t.decisionComment;
  // Before an outcome is chosen: what the comment is required for among this task's outcomes
  // only (finance's authorisation and the head's approval ask the applicant no question).
  const requiredFor = new Map<CommentPurpose, string[]>();
  for (const o of task.allowedOutcomes) {
    const needs = commentPurpose(task.type as TaskType, o);
    if (needs) requiredFor.set(needs, [...(requiredFor.get(needs) ?? []), outcomeLabel(o)]);
  }
  const commentHint = purpose
    ? t.commentHints[purpose]
    : task.type === 'commission_vote'
      ? t.voteCommentHint
      : outcome
        ? t.decisionCommentOptionalHint
        : [
            t.decisionCommentOptionalHint,
            ...[...requiredFor].map(([needs, names]) => t.commentRequiredFor[needs](names)),
          ].join(' ');

  const fieldOf = (path: readonly PropertyKey[]): { key: ErrorKey; id: string } => {
    const head = String(path[0] ?? 'outcome');
    if (head === 'amount') return { key: 'decisionAmount', id: 'decisionAmount' };
    if (head === 'fundingSource' || head === 'comment' || head === 'answer') return { key: head, id: head };
    if (head === 'payout') {
      const id = payoutField(path[1] === undefined ? undefined : String(path[1]));
      return { key: id, id };
    }
    return { key: 'outcome', id: 'outcome' };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const b = body();
    const parsed = decisionSchema.safeParse(b);
    const problems: FieldError[] = parsed.success
      ? checkDecision(task.type as TaskType, parsed.data, { requestedAmount: requested }).map((p) => {
          const { key, id } = fieldOf(p.path);
          if (id === 'comment' && purpose) return { field: id, message: t.commentMissing[purpose] };
          const message = localise(t, key, p.message, valueAt(b, p.path));
          return { field: id, message: id === 'decisionAmount' ? amountMessage(message) : message };
        })
      : parsed.error.issues.map((i) => {
          const { key, id } = fieldOf(i.path);
          return { field: id, message: localise(t, key, i.message, valueAt(b, i.path)) };
        });
    if (reissue && !correctPayout)
      problems.push({ field: 'correctPayout', message: t.err.correctPayout.missing });
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/tasks/${encodeURIComponent(task.taskId)}/decision`, {
      token: session.token,
      body: parsed.data,
    });
    if (res.ok) {
      recorded.current = true;
      writeDraft(session.username, task.taskId, undefined);
      if (task.type === 'commission_vote') {
        setBusy(false);
        onVoted();
        return;
      }
      // The inbox's first task, read afresh: a colleague may have opened or decided the one that
      // was next when this page loaded. Without one (or without an answer) the inbox it is.
      const inbox = openNext ? await readInbox(session.token) : undefined;
      const type = inboxTaskType();
      const next = inbox?.ok
        ? nextTask(
            inbox.items.filter((item) => !type || item.type === type),
            Date.now(),
            session.username,
            task.taskId,
          )
        : undefined;
      setBusy(false);
      setFlash(next ? t.decisionRecordedNext(task.caseReference) : t.decisionRecorded(task.caseReference));
      navigate(next ? `/staff/tasks/${encodeURIComponent(next.taskId)}` : inboxHref());
      return;
    }
    setBusy(false);
    if (res.kind === 'http' && res.status === 409) {
      if (!(await onConflict())) setFailure(failureMessage(t, res, refusals));
    } else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        res.problem.errors.map((pe) => {
          const { key, id } = fieldOf(pe.path.split('.').filter(Boolean));
          if (id === 'comment' && purpose && !comment.trim())
            return { field: id, message: t.commentMissing[purpose] };
          const message = localise(t, key, pe.message, valueAt(b, pe.path));
          return { field: id, message: id === 'decisionAmount' ? amountMessage(message) : message };
        }),
      );
    } else setFailure(failureMessage(t, res, refusals));
  };

  return (
    <section aria-labelledby="decision-form-title" class="decision-panel">
      <h2 id="decision-form-title">{task.type === 'commission_vote' ? t.yourVote : t.yourDecision}</h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      {saved && (
        <p class="hint" data-testid="draft-restored">
          {t.draftRestored}
        </p>
      )}
      {task.type === 'reissue_payment' && (
        <p>
          {t.currentPayout}: {payoutText(task.case.payout) ?? '—'}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <Radios
          id="outcome"
          legend={task.type === 'commission_vote' ? t.vote : t.decision}
          error={errorFor(errors, 'outcome')}
          value={outcome}
          onChange={(next) => {
            // Another outcome asks other things (a question instead of reasons): earlier errors no longer apply.
            setOutcome(next);
            setErrors([]);
            setFailure(undefined);
          }}
          choices={task.allowedOutcomes.map((o) => ({
            value: o,
            label: outcomeLabel(o),
            hint: t.taskOutcomes[task.type]?.[o]?.hint,
          }))}
        />
        {money_ && (
          <div class="conditional">
            <TextField
              id="decisionAmount"
              label={t.approvedAmount}
              hint={
                requested
                  ? proposed && proposed.minor !== requested.minor
                    ? t.approvedAmountProposedHint(money(requested), money(proposed))
                    : t.approvedAmountHint(money(requested))
                  : undefined
              }
              inputMode="decimal"
              width="medium"
              error={errorFor(errors, 'decisionAmount')}
              value={amount}
              onInput={setAmount}
            />
            <Select
              id="fundingSource"
              label={t.fundingSource}
              hint={
                budgets.data
                  ? [
                      t.sourcesLeftHint(budgetYear),
                      ...(chosen && chosenLeft ? [t.sourceLeftChosen(chosen.name[lang], chosenLeft)] : []),
                    ].join(' ')
                  : undefined
              }
              error={errorFor(errors, 'fundingSource')}
              value={source}
              onChange={setSource}
              choices={[
                { value: '', label: '—' },
                ...orderedSources.map((f) => ({ value: f.code, label: sourceLabel(f.code, f.name[lang]) })),
              ]}
            />
          </div>
        )}
        {reissue && (
          <div class="conditional">
            <Radios
              id="correctPayout"
              legend={t.correctPayoutQuestion}
              small
              error={errorFor(errors, 'correctPayout')}
              value={correctPayout}
              onChange={setCorrectPayout}
              choices={[
                { value: 'no', label: t.samePayout },
                { value: 'yes', label: t.newPayout },
              ]}
            />
            {correctPayout === 'yes' && (
              <PayoutFields
                draft={payout}
                onChange={setPayout}
                error={(f) => errorFor(errors, f)}
                {...(postalAddressGiven === undefined ? {} : { postalAddressGiven })}
                deliveryAddressHint={t.deliveryAddressHintApplicant}
              />
            )}
          </div>
        )}
        {withAnswer && (
          <TextArea
            id="answer"
            label={
              task.type === 'department_answer'
                ? t.departmentAnswer(departmentLabel(task.department ?? '', lang))
                : t.appealAnswer
            }
            error={errorFor(errors, 'answer')}
            value={answer}
            onInput={setAnswer}
            rows={8}
          />
        )}
        <TextArea
          id="comment"
          label={commentLabel}
          hint={commentHint}
          optional={Boolean(outcome) && !purpose}
          error={errorFor(errors, 'comment')}
          value={comment}
          onInput={setComment}
          rows={purpose === 'question' ? 5 : 3}
        />
        {task.type !== 'commission_vote' && (
          <div class="choices choices--small open-next">
            <div class="choice">
              <input
                type="checkbox"
                id="openNext"
                checked={openNext}
                aria-describedby="openNext-hint"
                onChange={(e) => setOpenNext(e.currentTarget.checked)}
              />
              <label for="openNext">{t.openNextTask}</label>
              <p class="hint choice-hint" id="openNext-hint">
                {t.openNextTaskHint}
              </p>
            </div>
          </div>
        )}
        <Button busy={busy} busyText={t.recordingDecision}>
          {task.type === 'commission_vote' ? t.castVote : t.recordDecision}
        </Button>
        <Progress active={busy} text={t.recordingDecision} />
      </form>
    </section>
  );
}
