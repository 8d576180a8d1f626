import { useEffect, useState } from 'preact/hooks';
import { looksLikeAccessCode, normalizeAccessCode } from '../../../domain/access-code.js';
import { type AidStatus, aidStatuses, aidStatusNames } from '../../../domain/aid-lifecycle.js';
import type { Money } from '../../../domain/money.js';
import { normalizeReferenceInput, parseReference } from '../../../domain/reference-text.js';
import { withdrawalRefusal } from '../../../domain/withdrawal.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import { useI18n } from '../i18n.js';
import { rememberedCase } from '../remembered-case.js';
import { useLocation } from '../router.js';
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
  timeline: { at: string; status: string; note?: string }[];
  decision?: { outcome: string; reasons: { code: string; message: string }[]; amount?: Money };
  eligibility?: { verdict: string; rules: { code: string; passed: boolean; message: string }[] };
  answer?: string | { text?: string };
  /** Aid: the office's question while the case is `info_requested`, and by when to answer it. */
  infoRequest?: { question: string; requestedAt: string; dueAt: string; answeredAt?: string };
  feedback?: unknown;
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
  const { t } = useI18n();
  const loc = useLocation();
  const remembered = rememberedCase();
  const initialRef = loc.query.get('reference') ?? '';
  const [reference, setReference] = useState(initialRef);
  const [accessCode, setAccessCode] = useState(
    remembered && remembered.reference === initialRef ? remembered.accessCode : '',
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const [found, setFound] = useState<CaseView | undefined>();
  useTitle(found ? found.reference : t.statusTitle, found?.reference ?? 'form');

  const lookUp = async () => {
    const ref = normalizeReferenceInput(reference);
    const code = normalizeAccessCode(accessCode);
    const problems: FieldError[] = [];
    if (!ref) problems.push({ field: 'reference', message: t.err.reference.missing });
    else if (!parseReference(ref)) problems.push({ field: 'reference', message: t.err.reference.invalid });
    if (!code) problems.push({ field: 'accessCode', message: t.err.accessCode.missing });
    else if (!looksLikeAccessCode(code))
      problems.push({ field: 'accessCode', message: t.err.accessCode.invalid });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api<CaseView>('GET', `/v1/cases/${encodeURIComponent(ref)}`, {
      headers: { 'x-access-code': code },
    });
    setBusy(false);
    if (res.ok) setFound(res.data);
    else if (res.kind === 'http' && res.status === 404) setFailure(t.caseNotFound);
    else setFailure(failureMessage(t, res));
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
          <p>{failure}</p>
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

function CaseDetails(p: {
  view: CaseView;
  accessCode: string;
  onReload: () => Promise<void>;
  onBack: () => void;
}) {
  const { t, money, date, dateTime } = useI18n();
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
  const closed = ['paid', 'rejected', 'answered', 'closed', 'not_answerable', 'forwarded'].includes(v.status);
  return (
    <>
      <PageTitle caption={t.reference}>{v.reference}</PageTitle>
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
                  <li key={r.code}>{r.message}</li>
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
          onSent={p.onReload}
        />
      )}
      {v.kind === 'aid' &&
        isAidStatus(v.status) &&
        v.status !== 'withdrawn' &&
        !withdrawalRefusal(v.status) && (
          <WithdrawBox reference={v.reference} accessCode={p.accessCode} onDone={p.onReload} />
        )}
      {v.eligibility && v.eligibility.rules.length > 0 && (
        <section aria-labelledby="checks-title">
          <h2 id="checks-title">{t.checksMade}</h2>
          <ul class="checks">
            {v.eligibility.rules.map((r) => (
              <li key={r.code}>
                <Tag tone={r.passed ? 'green' : 'red'}>{r.passed ? t.checkPassed : t.checkFailed}</Tag>{' '}
                {r.message}
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
              {e.note && <p class="timeline-note">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      {closed && <FeedbackForm reference={v.reference} accessCode={p.accessCode} />}
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
  onSent: () => Promise<void>;
}) {
  const { t, date } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>();
  const send = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return setError(t.replyMissing);
    setError(undefined);
    setBusy(true);
    const res = await api('POST', `/v1/cases/${encodeURIComponent(p.reference)}/responses`, {
      headers: { 'x-access-code': p.accessCode },
      body: { text },
    });
    setBusy(false);
    if (res.ok) {
      setResult({ ok: true, message: t.replySent });
      setText('');
      await p.onSent();
    } else setResult({ ok: false, message: failureMessage(t, res) });
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
      {result && <Alert kind={result.ok ? 'success' : 'error'}>{result.message}</Alert>}
      <form noValidate onSubmit={send}>
        <TextArea
          id="reply"
          label={t.replyLabel}
          hint={t.replyHint}
          error={error}
          value={text}
          onInput={setText}
        />
        <Button busy={busy} busyText={t.replySending}>
          {t.replySend}
        </Button>
      </form>
    </section>
  );
}

/** Withdrawing is final, so it sits behind a disclosure and says what it means before the button. */
function WithdrawBox(p: { reference: string; accessCode: string; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/cases/${encodeURIComponent(p.reference)}/withdrawal`, {
      headers: { 'x-access-code': p.accessCode },
      body: reason.trim() ? { reason } : {},
    });
    setBusy(false);
    if (res.ok) await p.onDone();
    else setFailure(failureMessage(t, res));
  };
  return (
    <details class="withdraw">
      <summary>{t.withdrawTitle}</summary>
      {failure && <Alert kind="error">{failure}</Alert>}
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
  const { t } = useI18n();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>();
  if (result?.ok) return <Alert kind="success">{result.message}</Alert>;
  const send = async (e: Event) => {
    e.preventDefault();
    if (!rating) return setError(t.feedbackMissing);
    setError(undefined);
    setBusy(true);
    const res = await api('POST', `/v1/cases/${encodeURIComponent(p.reference)}/feedback`, {
      headers: { 'x-access-code': p.accessCode },
      body: { rating: Number(rating), ...(comment.trim() ? { comment } : {}) },
    });
    setBusy(false);
    setResult(
      res.ok ? { ok: true, message: t.feedbackSent } : { ok: false, message: failureMessage(t, res) },
    );
  };
  return (
    <section aria-labelledby="feedback-title" class="inset">
      <h2 id="feedback-title">{t.feedbackTitle}</h2>
      {result && <Alert kind="error">{result.message}</Alert>}
      <form noValidate onSubmit={send}>
        <Radios
          id="rating"
          legend={t.feedbackRating}
          small
          error={error}
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
        <Button busy={busy}>{t.feedbackSend}</Button>
      </form>
    </section>
  );
}
