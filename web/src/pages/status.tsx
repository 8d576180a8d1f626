import { useEffect, useRef, useState } from 'preact/hooks';
import { looksLikeAccessCode, normalizeAccessCode } from '../../../domain/access-code.js';
import { type AidStatus, aidStatuses, aidStatusNames } from '../../../domain/aid-lifecycle.js';
import type { Money } from '../../../domain/money.js';
import { normalizeReferenceInput, parseReference } from '../../../domain/reference-text.js';
import { withdrawalRefusal } from '../../../domain/withdrawal.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import {
  type FieldProblem,
  failureMessage,
  problemCode,
  problemField,
  type Said,
  saidIn,
  useSaid,
} from '../errors.js';
import { useI18n } from '../i18n.js';
import { rememberedCase } from '../remembered-case.js';
import { useLocation } from '../router.js';
import { ruleReason } from '../rule-reason.js';
import { loadSessionDraft, saveSessionDraft } from '../session-draft.js';
import { type TimelineEntryView, timelineNote } from '../timeline-note.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  PageTitle,
  Progress,
  Radios,
  SummaryList,
  Tag,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';

const isAidStatus = (s: string): s is AidStatus => (aidStatuses as readonly string[]).includes(s);

export interface CaseView {
  reference: string;
  kind: 'aid' | 'appeal';
  status: string;
  overdue?: boolean;
  submittedAt: string;
  dueDate?: string;
  aidType?: string;
  requestedAmount?: Money;
  timeline: TimelineEntryView[];
  decision?: { outcome: string; reasons: { code: string; message: string }[]; amount?: Money };
  /** Each rule's reason in the application's language (`message`) and in every language (`messages`). */
  eligibility?: {
    verdict: string;
    rules: { code: string; passed: boolean; message: string; messages?: Partial<Record<string, string>> }[];
  };
  answer?: string | { text?: string };
  /** Aid: the office's question while the case is `info_requested`, and by when to answer it. */
  infoRequest?: { question: string; requestedAt: string; dueAt: string; answeredAt?: string };
  feedback?: unknown;
  /** Appeal: whether its answer may be rated now. */
  feedbackRequested?: boolean;
}

/**
 * The case open on this page, kept for the tab (sessionStorage, as the confirmation keeps the case
 * just created): a reload shows it again instead of the empty form. Gone with "Look up another".
 */
const openCaseKey = 'aidflow.status-case';
const openCaseOf = () => loadSessionDraft(openCaseKey, { reference: '', accessCode: '' });
/** An answer being written, per case: it survives a reload, and goes once it is sent. */
const replyDraftKey = (reference: string) => `aidflow.reply.${reference}`;

/** Moves focus to what `ref` holds whenever `key` changes to something: a message just shown is heard. */
function useFocusWhen(key: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  return ref;
}

function statusTone(status: string): 'green' | 'red' | 'yellow' | 'blue' | 'grey' {
  if (['paid', 'approved', 'funds_reserved', 'payment_authorised', 'answered', 'closed'].includes(status))
    return 'green';
  if (['rejected', 'payment_failed', 'not_answerable'].includes(status)) return 'red';
  if (['info_requested', 'waitlisted'].includes(status)) return 'yellow';
  if (status === 'withdrawn') return 'grey';
  return 'blue';
}

export function useStatusName() {
  const { t, lang } = useI18n();
  return (status: string) =>
    (aidStatusNames as Record<string, { en: string } & Record<string, string>>)[status]?.[lang] ??
    t.appealStatusNames[status] ??
    status;
}

export function StatusPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const loc = useLocation();
  const remembered = rememberedCase();
  const open = openCaseOf();
  const fromUrl = loc.query.get('reference') ?? '';
  const initialRef = fromUrl || open.reference;
  const [reference, setReference] = useState(initialRef);
  const [accessCode, setAccessCode] = useState(
    open.reference && open.reference === initialRef
      ? open.accessCode
      : remembered && remembered.reference === initialRef
        ? remembered.accessCode
        : '',
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errors = saidIn(i18n, problems);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useSaid();
  const [found, setFound] = useState<CaseView | undefined>();
  useTitle(found ? found.reference : t.statusTitle, found?.reference ?? 'form');

  const lookUp = async () => {
    const ref = normalizeReferenceInput(reference);
    const code = normalizeAccessCode(accessCode);
    const wrong: FieldProblem[] = [];
    if (!ref) wrong.push({ field: 'reference', say: (t) => t.err.reference.missing });
    else if (!parseReference(ref)) wrong.push({ field: 'reference', say: (t) => t.err.reference.invalid });
    if (!code) wrong.push({ field: 'accessCode', say: (t) => t.err.accessCode.missing });
    else if (!looksLikeAccessCode(code))
      wrong.push({ field: 'accessCode', say: (t) => t.err.accessCode.invalid });
    setProblems(wrong);
    if (wrong.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api<CaseView>('GET', `/v1/cases/${encodeURIComponent(ref)}`, {
      headers: { 'x-access-code': code },
    });
    setBusy(false);
    if (res.ok) {
      setFound(res.data);
      saveSessionDraft(openCaseKey, { reference: res.data.reference, accessCode: code });
    } else if (res.kind === 'http' && res.status === 404) setFailure((t) => t.caseNotFound);
    else setFailure((t) => failureMessage(t, res));
  };

  // Straight from the confirmation page: the code is known for this tab, show the case at once.
  useEffect(() => {
    if (reference && accessCode) void lookUp();
  }, []);

  if (found) {
    return (
      <CaseDetails
        view={found}
        accessCode={normalizeAccessCode(accessCode)}
        onReload={lookUp}
        onBack={() => {
          saveSessionDraft(openCaseKey, undefined);
          setFound(undefined);
          setAccessCode('');
        }}
      />
    );
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      {failure && (
        <Alert kind="error" title={t.errorSummaryTitle}>
          <p>{failure(t, i18n)}</p>
        </Alert>
      )}
      <PageTitle>{t.statusTitle}</PageTitle>
      <p>{t.statusIntro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp();
        }}
      >
        <TextField
          id="reference"
          label={t.reference}
          hint={t.referenceHint}
          width="medium"
          error={errorFor(errors, 'reference')}
          value={reference}
          onInput={setReference}
        />
        <TextField
          id="accessCode"
          label={t.accessCode}
          hint={t.accessCodeHint}
          width="medium"
          autocomplete="off"
          error={errorFor(errors, 'accessCode')}
          value={accessCode}
          onInput={setAccessCode}
        />
        <Button busy={busy} busyText={t.showingCase}>
          {t.showCase}
        </Button>
        <Progress active={busy} text={t.showingCase} />
      </form>
    </>
  );
}

/** What became of something the person just did on the page, kept as Said like its errors. */
interface Notice {
  kind: 'success' | 'info';
  say: Said;
}

function CaseDetails(p: {
  view: CaseView;
  accessCode: string;
  onReload: () => Promise<void>;
  onBack: () => void;
}) {
  const i18n = useI18n();
  const { t, lang, money, date, dateTime } = i18n;
  const { aidTypeName } = useCatalogue();
  const statusName = useStatusName();
  const v = p.view;
  const answerText = typeof v.answer === 'string' ? v.answer : v.answer?.text;
  const decisionText =
    v.decision?.outcome === 'approved'
      ? t.decisionApproved
      : v.decision?.outcome === 'rejected'
        ? t.decisionRejected
        : v.decision?.outcome === 'waitlisted'
          ? t.decisionWaitlisted
          : undefined;
  // What became of the answer or withdrawal just sent: shown above the status, which it changed, and focused.
  const [replyNotice, setReplyNotice] = useState<Notice | undefined>();
  const noticeRef = useFocusWhen(replyNotice);
  const feedbackWanted =
    v.kind === 'appeal' && (v.feedbackRequested ?? (v.status === 'answered' && !v.feedback));
  return (
    <>
      <PageTitle caption={t.reference}>{v.reference}</PageTitle>
      {replyNotice && (
        <div ref={noticeRef} tabIndex={-1} data-testid="reply-notice">
          <Alert kind={replyNotice.kind}>{replyNotice.say(t, i18n)}</Alert>
        </div>
      )}
      <div class="status-box">
        <h2 class="visually-hidden">{t.currentStatus}</h2>
        <p>
          {t.currentStatus}:{' '}
          <Tag tone={statusTone(v.status)}>
            <span data-testid="case-status" data-status={v.status}>
              {statusName(v.status)}
            </span>
          </Tag>{' '}
          {v.overdue && <Tag tone="red">{t.overdue}</Tag>}
        </p>
        <p class="lead">{t.statusExplain[v.status] ?? ''}</p>
      </div>
      <SummaryList
        rows={[
          { key: t.submittedOn, value: dateTime(v.submittedAt) },
          ...(v.dueDate ? [{ key: t.dueBy, value: date(v.dueDate) }] : []),
          ...(v.aidType
            ? [
                {
                  key: t.aidRequested,
                  value: `${aidTypeName(v.aidType)}${v.requestedAmount ? `, ${money(v.requestedAmount)}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      {v.decision && (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t.decision}</h2>
          {decisionText && <p>{decisionText}</p>}
          {v.decision.amount && (
            <p>
              {t.amountGranted}: <strong>{money(v.decision.amount)}</strong>
            </p>
          )}
          {v.decision.reasons.length > 0 && (
            <>
              <h3>{t.reasons}</h3>
              <ul>
                {v.decision.reasons.map((r) => (
                  <li key={r.code}>{ruleReason(v.eligibility, r.code, lang, r.message)}</li>
                ))}
              </ul>
            </>
          )}
          {v.decision.outcome === 'rejected' && (
            <p>
              <a href={`/appeal?related=${encodeURIComponent(v.reference)}`}>{t.appealAgainst}</a>
            </p>
          )}
        </section>
      )}
      {answerText && (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{t.answerTitle}</h2>
          <p class="pre-wrap">{answerText}</p>
        </section>
      )}
      {v.status === 'info_requested' && (
        <ReplyBox
          reference={v.reference}
          accessCode={p.accessCode}
          request={v.infoRequest?.answeredAt ? undefined : v.infoRequest}
          onSettled={async (notice) => {
            await p.onReload();
            setReplyNotice(notice);
          }}
        />
      )}
      {v.kind === 'aid' &&
        isAidStatus(v.status) &&
        v.status !== 'withdrawn' &&
        !withdrawalRefusal(v.status) && (
          <WithdrawBox
            reference={v.reference}
            accessCode={p.accessCode}
            onDone={p.onReload}
            onTooLate={async (say) => {
              await p.onReload();
              setReplyNotice({ kind: 'info', say });
            }}
          />
        )}
      {v.eligibility && v.eligibility.rules.length > 0 && (
        <section aria-labelledby="checks-title">
          <h2 id="checks-title">{t.checksMade}</h2>
          <ul class="checks">
            {v.eligibility.rules.map((r) => (
              <li key={r.code}>
                <Tag tone={r.passed ? 'green' : 'red'}>{r.passed ? t.checkPassed : t.checkFailed}</Tag>{' '}
                {r.messages?.[lang] ?? r.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.timeline}</h2>
        <ol class="timeline">
          {[...v.timeline].reverse().map((e) => (
            <li key={e.at + e.status}>
              <strong>{statusName(e.status)}</strong>
              <br />
              <time dateTime={e.at}>{dateTime(e.at)}</time>
              {e.note && <p class="timeline-note">{timelineNote(t, e, date)}</p>}
            </li>
          ))}
        </ol>
      </section>
      {feedbackWanted && <FeedbackForm reference={v.reference} accessCode={p.accessCode} />}
      <p>
        <a
          href="/status"
          onClick={(e) => {
            e.preventDefault();
            p.onBack();
          }}
        >
          {t.lookUpAnother}
        </a>
      </p>
    </>
  );
}

function ReplyBox(p: {
  reference: string;
  accessCode: string;
  request: CaseView['infoRequest'];
  /** The answer arrived (now or before) or is no longer wanted: the case is read again, and this said. */
  onSettled: (notice: Notice) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const draftKey = replyDraftKey(p.reference);
  const [text, setText] = useState(() => loadSessionDraft(draftKey, { text: '' }).text);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errors = saidIn(i18n, problems);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useSaid();
  const failureRef = useFocusWhen(failure);
  const edit = (value: string) => {
    setText(value);
    saveSessionDraft(draftKey, value ? { text: value } : undefined);
  };
  const send = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return setProblems([{ field: 'reply', say: (t) => t.replyMissing }]);
    setProblems([]);
    setFailure(undefined);
    setBusy(true);
    const res = await api<{ answeredAt?: string }>(
      'POST',
      `/v1/cases/${encodeURIComponent(p.reference)}/responses`,
      { headers: { 'x-access-code': p.accessCode }, body: { text } },
    );
    setBusy(false);
    // Sent (or sent before, by a try whose answer was lost: the server says when it arrived).
    if (res.ok) {
      saveSessionDraft(draftKey, undefined);
      const at = res.data?.answeredAt;
      return p.onSettled({
        kind: 'success',
        say: (t, { dateTime }) => (at ? t.replyReceived(dateTime(at)) : t.replySent),
      });
    }
    const code = problemCode(res);
    if (code === 'already_answered' || code === 'nothing_asked') {
      // Nothing to answer any more: the case as it is now says why; the draft has no use left.
      saveSessionDraft(draftKey, undefined);
      const at = problemField(res, 'answeredAt');
      return p.onSettled({
        kind: 'info',
        say: (t, { dateTime }) => (at ? t.replyAlreadyReceived(dateTime(at)) : t.replyNothingAsked),
      });
    }
    setFailure((t) => failureMessage(t, res, { answer_deadline_passed: t.replyDeadlinePassed }));
  };
  return (
    <section aria-labelledby="reply-title" class="inset">
      <h2 id="reply-title">{t.replyTitle}</h2>
      {p.request && (
        <>
          <p>{t.replyQuestionIntro}</p>
          <blockquote class="pre-wrap" data-testid="info-question">
            {p.request.question}
          </blockquote>
          <p>
            {t.replyDueBy} <strong>{date(p.request.dueAt)}</strong>
          </p>
        </>
      )}
      <ErrorSummary errors={errors} />
      {failure && (
        <div ref={failureRef} tabIndex={-1}>
          <Alert kind="error" title={t.errorSummaryTitle}>
            <p>{failure(t, i18n)}</p>
          </Alert>
        </div>
      )}
      <form noValidate onSubmit={send}>
        <TextArea
          id="reply"
          label={t.replyLabel}
          hint={t.replyHint}
          error={errorFor(errors, 'reply')}
          value={text}
          onInput={edit}
        />
        <Button busy={busy} busyText={t.replySending}>
          {t.replySend}
        </Button>
        <Progress active={busy} text={t.replySending} />
      </form>
    </section>
  );
}

/**
 * Withdrawing is final, so it sits behind a disclosure and says what it means before the button.
 * Refused because the case moved on meanwhile (the payment authorised, the case closed), the page
 * shows the case as it now is, without this box, and says why above it.
 */
function WithdrawBox(p: {
  reference: string;
  accessCode: string;
  onDone: () => Promise<void>;
  onTooLate: (say: Said) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useSaid();
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/cases/${encodeURIComponent(p.reference)}/withdrawal`, {
      headers: { 'x-access-code': p.accessCode },
      body: reason.trim() ? { reason } : {},
    });
    setBusy(false);
    if (res.ok) return p.onDone();
    const code = problemCode(res);
    if (code === 'payment_authorised') return p.onTooLate((t) => t.withdrawTooLatePaid);
    if (code === 'case_closed') return p.onTooLate((t) => t.withdrawTooLateClosed);
    setFailure((t) => failureMessage(t, res));
  };
  return (
    <details class="withdraw">
      <summary>{t.withdrawTitle}</summary>
      {failure && <Alert kind="error">{failure(t, i18n)}</Alert>}
      <p>{t.withdrawIntro}</p>
      <form noValidate onSubmit={send}>
        <TextArea id="withdrawReason" label={t.withdrawReasonLabel} value={reason} onInput={setReason} />
        <Button busy={busy} busyText={t.withdrawSending}>
          {t.withdrawButton}
        </Button>
      </form>
    </details>
  );
}

function FeedbackForm(p: { reference: string; accessCode: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errors = saidIn(i18n, problems);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; say: Said } | undefined>();
  const resultRef = useFocusWhen(result);
  if (result?.ok) {
    return (
      <div ref={resultRef} tabIndex={-1} data-testid="feedback-sent">
        <Alert kind="success">{result.say(t, i18n)}</Alert>
      </div>
    );
  }
  const send = async (e: Event) => {
    e.preventDefault();
    if (!rating) return setProblems([{ field: 'rating', say: (t) => t.feedbackMissing }]);
    setProblems([]);
    setResult(undefined);
    setBusy(true);
    const res = await api('POST', `/v1/cases/${encodeURIComponent(p.reference)}/feedback`, {
      headers: { 'x-access-code': p.accessCode },
      body: { rating: Number(rating), ...(comment.trim() ? { comment } : {}) },
    });
    setBusy(false);
    if (res.ok) return setResult({ ok: true, say: (t) => t.feedbackSent });
    // Rated already (a retry whose first answer was lost, a second tab): that is what was wanted.
    if (problemCode(res) === 'feedback_already_given')
      return setResult({ ok: true, say: (t) => t.feedbackAlreadySent });
    setResult({
      ok: false,
      say: (t) =>
        failureMessage(t, res, {
          no_answer_yet: t.feedbackNotYet,
          feedback_not_for_aid: t.feedbackNotForAid,
        }),
    });
  };
  return (
    <section aria-labelledby="feedback-title" class="inset">
      <h2 id="feedback-title">{t.feedbackTitle}</h2>
      <ErrorSummary errors={errors} />
      {result && (
        <div ref={resultRef} tabIndex={-1}>
          <Alert kind="error" title={t.errorSummaryTitle}>
            <p>{result.say(t, i18n)}</p>
          </Alert>
        </div>
      )}
      <form noValidate onSubmit={send}>
        <Radios
          id="rating"
          legend={t.feedbackRating}
          small
          error={errorFor(errors, 'rating')}
          value={rating}
          onChange={setRating}
          choices={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} – ${t.rating[n] ?? ''}` }))}
        />
        <TextArea
          id="feedbackComment"
          label={t.feedbackComment}
          optional
          value={comment}
          onInput={setComment}
          rows={3}
        />
        <Button busy={busy} busyText={t.replySending}>
          {t.feedbackSend}
        </Button>
        <Progress active={busy} text={t.replySending} />
      </form>
    </section>
  );
}
