import { useEffect, useState } from 'preact/hooks';
import {
  aidTypeName,
  aidTypeOf,
  categoryName,
  fundingSources,
  type LocalizedText,
} from '../../../domain/catalogue.js';
import type { Money } from '../../../domain/money.js';
import { checkDecision, decisionSchema, type TaskType } from '../../../domain/tasks.js';
import { api, type Failure } from '../api.js';
import { type ErrorKey, type FieldError, failureMessage, localise } from '../errors.js';
import { minorToInput, minorUnitsOrRaw } from '../form-values.js';
import { languageNames, useI18n } from '../i18n.js';
import { officeCurrency } from '../pages/apply.js';
import { useStatusName } from '../pages/status.js';
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
  SummaryList,
  TableWrap,
  Tag,
  TextArea,
  TextField,
  Unavailable,
  useTitle,
} from '../ui.js';
import type { Session } from './session.js';
import { localTaskTitle, setFlash, type TaskSummary } from './tasks.js';

interface RuleOutcome {
  code: string;
  passed: boolean;
  mandatory: boolean;
  message: string;
  messages?: LocalizedText;
}

interface TaskDetail extends TaskSummary {
  status: string;
  case: {
    reference: string;
    status: string;
    kind?: string;
    submittedAt: string;
    applicant?: {
      fullName: string;
      birthDate: string;
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
    payout?: {
      method: string;
      accountHolder?: string;
      iban?: string;
      accountNumber?: string;
      bic?: string;
      deliveryAddress?: string;
    };
    subject?: string;
    text?: string;
  };
  eligibility?: { verdict: string; rules: RuleOutcome[] };
  history?: {
    timeline: { at: string; status: string; note?: string }[];
    tasks: {
      taskId: string;
      type: string;
      status: string;
      createdAt: string;
      decidedBy?: string;
      outcome?: string;
      decidedAt?: string;
    }[];
  };
}

const moneyTasks = new Set(['review', 'approve', 'commission_vote']);

export function TaskPage({ session, taskId }: { session: Session; taskId: string }) {
  const { t, lang, money, date, dateTime } = useI18n();
  const statusName = useStatusName();
  const [task, setTask] = useState<TaskDetail | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  useTitle(task ? localTaskTitle(task, lang) : t.loading, task?.taskId ?? 'loading');

  useEffect(() => {
    void api<TaskDetail>('GET', `/v1/tasks/${encodeURIComponent(taskId)}`, { token: session.token }).then(
      (res) => (res.ok ? setTask(res.data) : setFailure(res)),
    );
  }, [taskId, session.token]);

  if (failure) {
    return (
      <>
        <p>
          <Link href="/staff/tasks" class="back-link">
            {t.backToTasks}
          </Link>
        </p>
        {failure.kind === 'unavailable' ? (
          <Unavailable />
        ) : (
          <Alert kind="error" title={t.errorSummaryTitle}>
            <p>
              {failure.status === 404
                ? t.taskNotFound
                : failure.status === 403
                  ? t.taskForbidden
                  : failureMessage(t, failure)}
            </p>
          </Alert>
        )}
      </>
    );
  }
  if (!task) return <Loading />;
  const c = task.case;
  const a = c.applicant;
  const perPerson =
    c.household && c.household.size > 0
      ? money({
          currency: c.household.monthlyIncome.currency,
          minor: Math.round(c.household.monthlyIncome.minor / c.household.size),
        })
      : undefined;
  const payout = c.payout
    ? c.payout.method === 'bank_transfer'
      ? `${t.payoutBank}: ${c.payout.accountHolder ?? ''}, ${c.payout.iban ?? `${c.payout.accountNumber ?? ''} / ${c.payout.bic ?? ''}`}`
      : c.payout.method === 'cash_desk'
        ? t.payoutCash
        : `${t.payoutInKind}${c.payout.deliveryAddress ? `: ${c.payout.deliveryAddress}` : ''}`
    : undefined;

  return (
    <>
      <p>
        <Link href="/staff/tasks" class="back-link">
          {t.backToTasks}
        </Link>
      </p>
      <PageTitle caption={t.taskTypes[task.type] ?? task.type}>{localTaskTitle(task, lang)}</PageTitle>
      <p>
        {t.currentStatus}: <Tag>{statusName(c.status)}</Tag>{' '}
        {task.dueAt && (
          <>
            {t.dueColumn}: {date(task.dueAt)} {task.overdue && <Tag tone="red">{t.overdue}</Tag>}
          </>
        )}
      </p>
      <div class="columns">
        <div class="column-main">
          {a && (
            <section aria-labelledby="applicant-title">
              <h2 id="applicant-title">{t.applicant}</h2>
              <SummaryList
                rows={[
                  { key: t.fullName, value: a.fullName },
                  { key: t.birthDate, value: date(a.birthDate) },
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
                    value: (c.categories ?? [])
                      .map((x) => categoryName(x, lang))
                      .join(lang === 'zh' ? '、' : ', '),
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
                  { key: t.aidType, value: aidTypeName(c.aidType, lang) },
                  ...(c.requestedAmount ? [{ key: t.amountColumn, value: money(c.requestedAmount) }] : []),
                  ...(c.approvedAmount ? [{ key: t.amountGranted, value: money(c.approvedAmount) }] : []),
                  ...(c.fundingSource
                    ? [
                        {
                          key: t.fundingSource,
                          value:
                            fundingSources.find((f) => f.code === c.fundingSource)?.name[lang] ??
                            c.fundingSource,
                        },
                      ]
                    : []),
                  ...(c.reason ? [{ key: t.reason, value: <span class="pre-wrap">{c.reason}</span> }] : []),
                  ...(payout ? [{ key: t.payment, value: payout }] : []),
                ]}
              />
            </section>
          )}
          {c.subject && (
            <section aria-labelledby="appeal-title">
              <h2 id="appeal-title">{c.subject}</h2>
              <p class="pre-wrap">{c.text}</p>
            </section>
          )}
          {task.eligibility && (
            <section aria-labelledby="eligibility-title">
              <h2 id="eligibility-title">{t.eligibility}</h2>
              <p>
                {t.verdict}:{' '}
                <Tag
                  tone={
                    task.eligibility.verdict === 'eligible'
                      ? 'green'
                      : task.eligibility.verdict === 'ineligible'
                        ? 'red'
                        : 'yellow'
                  }
                >
                  {t.verdicts[task.eligibility.verdict] ?? task.eligibility.verdict}
                </Tag>
              </p>
              <TableWrap label={`${t.eligibility}: ${t.rule}`}>
                <table class="table">
                  <caption class="visually-hidden">{t.eligibility}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.ruleResult}</th>
                      <th scope="col">{t.rule}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {task.eligibility.rules.map((r) => (
                      <tr key={r.code}>
                        <td>
                          <Tag tone={r.passed ? 'green' : 'red'}>
                            {r.passed ? t.checkPassed : t.checkFailed}
                          </Tag>
                        </td>
                        <td>
                          {r.messages?.[lang] ?? r.message}
                          <br />
                          <span class="muted">
                            <code>{r.code}</code>
                            {r.mandatory ? `, ${t.mandatory}` : ''}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          )}
        </div>
        <div class="column-side">
          {task.status === 'open' ? (
            <DecisionForm session={session} task={task} />
          ) : (
            <Alert kind="info">{t.decisionConflict}</Alert>
          )}
          {task.history && (
            <section aria-labelledby="history-title">
              <h2 id="history-title">{t.history}</h2>
              <ol class="timeline">
                {[...task.history.timeline].reverse().map((e) => (
                  <li key={e.at + e.status}>
                    <strong>{statusName(e.status)}</strong>
                    <br />
                    <time dateTime={e.at}>{dateTime(e.at)}</time>
                    {e.note && <p class="timeline-note">{e.note}</p>}
                  </li>
                ))}
              </ol>
              <ul class="plain history-tasks">
                {task.history.tasks.map((h) => (
                  <li key={h.taskId}>
                    {t.taskTypes[h.type] ?? h.type}:{' '}
                    {h.decidedBy
                      ? t.decidedBy(h.decidedBy, t.outcomes[h.outcome ?? ''] ?? h.outcome ?? '')
                      : t.taskOpen}
                    {h.decidedAt && <span class="muted"> · {dateTime(h.decidedAt)}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </>
  );
}

function DecisionForm({ session, task }: { session: Session; task: TaskDetail }) {
  const { t, lang, money } = useI18n();
  const requested = task.case.requestedAmount;
  const [outcome, setOutcome] = useState(
    task.allowedOutcomes.length === 1 ? (task.allowedOutcomes[0] ?? '') : '',
  );
  const [comment, setComment] = useState('');
  const [amount, setAmount] = useState(requested ? minorToInput(requested.minor) : '');
  const preferredSources = task.case.aidType
    ? (aidTypeOf(task.case.aidType)?.defaultFundingSources ?? [])
    : [];
  const orderedSources = [
    ...fundingSources.filter((f) => preferredSources.includes(f.code)),
    ...fundingSources.filter((f) => !preferredSources.includes(f.code)),
  ];
  const [source, setSource] = useState(task.case.fundingSource ?? '');
  const [answer, setAnswer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const money_ = moneyTasks.has(task.type) && outcome === 'approve';
  const withAnswer = outcome === 'answer';

  const body = (): Record<string, unknown> => {
    const b: Record<string, unknown> = { outcome: outcome || undefined };
    if (comment.trim()) b.comment = comment;
    if (money_) {
      const minor = minorUnitsOrRaw(amount);
      if (minor !== undefined && !(requested && minor === requested.minor))
        b.amount = { currency: officeCurrency, minor };
      if (source) b.fundingSource = source;
    }
    if (withAnswer) b.answer = answer;
    return b;
  };

  const fieldOf = (path: readonly PropertyKey[]): { key: ErrorKey; id: string } => {
    const head = String(path[0] ?? 'outcome');
    if (head === 'amount') return { key: 'decisionAmount', id: 'decisionAmount' };
    if (head === 'fundingSource' || head === 'comment' || head === 'answer') return { key: head, id: head };
    return { key: 'outcome', id: 'outcome' };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const b = body();
    const parsed = decisionSchema.safeParse(b);
    const problems: FieldError[] = parsed.success
      ? checkDecision(task.type as TaskType, parsed.data).map((p) => {
          const { key, id } = fieldOf(p.path);
          return { field: id, message: localise(t, key, p.message) };
        })
      : parsed.error.issues.map((i) => {
          const { key, id } = fieldOf(i.path);
          return { field: id, message: localise(t, key, i.message, i.input) };
        });
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/tasks/${encodeURIComponent(task.taskId)}/decision`, {
      token: session.token,
      body: parsed.data,
    });
    setBusy(false);
    if (res.ok) {
      setFlash(t.decisionRecorded(task.caseReference));
      navigate('/staff/tasks');
      return;
    }
    if (res.kind === 'http' && res.status === 409) setFailure(t.decisionConflict);
    else if (res.kind === 'http' && res.status === 403)
      setFailure(t.decisionForbidden(res.problem.detail ?? ''));
    else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length) {
      setErrors(
        res.problem.errors.map((pe) => {
          const { key, id } = fieldOf(pe.path.split('.').filter(Boolean));
          return { field: id, message: localise(t, key, pe.message) };
        }),
      );
    } else setFailure(failureMessage(t, res));
  };

  return (
    <section aria-labelledby="decision-form-title" class="decision-panel">
      <h2 id="decision-form-title">{t.yourDecision}</h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <Radios
          id="outcome"
          legend={t.decision}
          error={errorFor(errors, 'outcome')}
          value={outcome}
          onChange={setOutcome}
          choices={task.allowedOutcomes.map((o) => ({ value: o, label: t.outcomes[o] ?? o }))}
        />
        {money_ && (
          <div class="conditional">
            <TextField
              id="decisionAmount"
              label={t.approvedAmount}
              hint={requested ? t.approvedAmountHint(money(requested)) : undefined}
              inputMode="decimal"
              width="medium"
              error={errorFor(errors, 'decisionAmount')}
              value={amount}
              onInput={setAmount}
            />
            <Select
              id="fundingSource"
              label={t.fundingSource}
              error={errorFor(errors, 'fundingSource')}
              value={source}
              onChange={setSource}
              choices={[
                { value: '', label: '—' },
                ...orderedSources.map((f) => ({ value: f.code, label: f.name[lang] })),
              ]}
            />
          </div>
        )}
        {withAnswer && (
          <TextArea
            id="answer"
            label={t.appealAnswer}
            error={errorFor(errors, 'answer')}
            value={answer}
            onInput={setAnswer}
            rows={8}
          />
        )}
        <TextArea
          id="comment"
          label={t.decisionComment}
          hint={t.decisionCommentHint}
          optional
          error={errorFor(errors, 'comment')}
          value={comment}
          onInput={setComment}
          rows={3}
        />
        <Button busy={busy} busyText={t.recordingDecision}>
          {t.recordDecision}
        </Button>
        <Progress active={busy} text={t.recordingDecision} />
      </form>
    </section>
  );
}
