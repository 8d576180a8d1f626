import { useEffect, useRef, useState } from 'preact/hooks';
import type { Money } from '../../../domain/money.js';
import { deliverySchema, settlementSchema } from '../../../domain/payment-requests.js';
import { can } from '../../../domain/permissions.js';
import { api, download } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import { optionalText, todayIso } from '../form-values.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Progress,
  Radios,
  SummaryList,
  TableWrap,
  Tag,
  TextArea,
  TextField,
  useTitle,
} from '../ui.js';
import { CursorPagination, Failed, useCursorPages } from './resource.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * The finance desk: authorised disbursements go into a payment batch (bank transfer and cash desk;
 * in-kind aid is delivered instead), the batch's CSV and ISO 20022 pain.001 files go to the bank,
 * and the bank's result is recorded per disbursement: paid, or failed with the reason (which makes
 * a re-issue task for finance). The auditor sees the same lists and files and changes nothing.
 */
interface Disbursement {
  disbursementId: string;
  caseReference: string;
  aidType: string;
  fundingSource: string;
  amount: Money;
  status: string;
  payee: { name: string; method: string };
  createdAt?: string;
  channel?: 'bank_transfer' | 'cash_desk' | 'delivery';
  attempt?: number;
  batchId?: string;
  paidAt?: string;
  settlement?: {
    status: string;
    bankReference?: string;
    reason?: string;
    recordedBy: string;
    recordedAt: string;
  };
  delivery?: { deliveredAt: string; receivedBy?: string; recordedBy: string };
}

interface BatchReceipt {
  batchId: string;
  count: number;
  total: Money;
  totals: Money[];
  skipped: { disbursementId: string; reason: string }[];
}

const statuses = ['authorised', 'batched', 'paid', 'failed'] as const;
type Status = (typeof statuses)[number];
type Action = { kind: 'settle' | 'deliver'; d: Disbursement };

export function PaymentsPage({ session }: { session: Session }) {
  const { t, money, date } = useStaffI18n();
  const { aidTypeName, sourceName } = useCatalogue();
  useTitle(t.paymentsTitle);
  const [status, setStatus] = useState<Status>('authorised');
  const list = useCursorPages<Disbursement>(session, `/v1/disbursements?status=${status}`, 20);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | undefined>();
  const [batch, setBatch] = useState<BatchReceipt | undefined>();
  const [action, setAction] = useState<Action | undefined>();
  const mayBatch = can(session.roles, 'batches:create');
  const maySettle = can(session.roles, 'settlements:record');
  const mayDeliver = can(session.roles, 'deliveries:record');
  const mayFiles = can(session.roles, 'batches:read');

  /** Opens a form for one disbursement; the last notice is about something else, so it goes. */
  const open = (next: Action) => {
    setNotice(undefined);
    setAction(next);
  };

  const createBatch = async () => {
    setBusy(true);
    setNotice(undefined);
    setAction(undefined);
    const res = await api<BatchReceipt>('POST', '/v1/payment-batches', { token: session.token, body: {} });
    setBusy(false);
    if (res.ok) {
      setBatch(res.data);
      setNotice({
        kind: res.data.count > 0 ? 'success' : 'info',
        text: res.data.count > 0 ? t.batchCreated(res.data.count, money(res.data.total)) : t.batchEmpty,
      });
      list.reload();
    } else setNotice({ kind: res.kind === 'unavailable' ? 'info' : 'error', text: failureMessage(t, res) });
  };

  const fetchFile = async (batchId: string, kind: 'csv' | 'pain001') => {
    const res = await download(
      `/v1/payment-batches/${encodeURIComponent(batchId)}/files/${kind}`,
      session.token,
      `${batchId}.${kind === 'csv' ? 'csv' : 'xml'}`,
    );
    if (!res.ok) setNotice({ kind: 'error', text: failureMessage(t, res) });
  };

  const items = list.data?.items;
  const batchesShown = [
    ...new Set((items ?? []).map((d) => d.batchId).filter((b): b is string => Boolean(b))),
  ];
  const inKind = (d: Disbursement) => d.channel === 'delivery';
  return (
    <>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <PageTitle>{t.paymentsTitle}</PageTitle>
      <p>{t.paymentsIntro}</p>
      <div class="tabs">
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            class={`tab${s === status ? ' tab--current' : ''}`}
            aria-pressed={s === status}
            onClick={() => {
              setAction(undefined);
              setStatus(s);
            }}
          >
            {t.disbursementStatuses[s]}
          </button>
        ))}
      </div>
      {batch && (
        <section aria-labelledby="batch-title" class="card">
          <h2 id="batch-title">{t.batchTitle(batch.batchId)}</h2>
          <SummaryList
            rows={[
              { key: t.batchCount, value: String(batch.count) },
              ...batch.totals.map((m) => ({ key: t.batchTotal(m.currency), value: money(m) })),
              ...(batch.skipped.length > 0
                ? [
                    {
                      key: t.batchSkipped,
                      value: (
                        <ul class="plain">
                          {batch.skipped.map((s) => (
                            <li key={s.disbursementId}>
                              <code>{s.disbursementId}</code>: {t.skipReasons[s.reason] ?? s.reason}
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {batch.count > 0 && <BatchFiles batchId={batch.batchId} onFetch={fetchFile} />}
        </section>
      )}
      {list.failure && <Failed failure={list.failure} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {items && items.length === 0 && <p class="inset">{t.noDisbursements}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t.paymentsTitle}>
          <table class="table">
            <caption class="visually-hidden">{`${t.paymentsTitle}: ${t.disbursementStatuses[status]}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.referenceColumn}</th>
                <th scope="col">{t.payee}</th>
                <th scope="col">{t.aidTypeColumn}</th>
                <th scope="col">{t.sourceColumn}</th>
                <th scope="col" class="numeric">
                  {t.amountColumn}
                </th>
                <th scope="col">{t.statusColumn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.disbursementId} data-reference={d.caseReference}>
                  <td>
                    {d.caseReference}
                    {d.attempt && d.attempt > 1 && <span class="muted"> · {t.attempt(d.attempt)}</span>}
                  </td>
                  <td>
                    {d.payee.name}
                    <br />
                    <span class="muted">{t.channels[d.channel ?? d.payee.method] ?? d.payee.method}</span>
                  </td>
                  <td>{aidTypeName(d.aidType)}</td>
                  <td>{sourceName(d.fundingSource)}</td>
                  <td class="numeric">{money(d.amount)}</td>
                  <td>
                    <Tag tone={d.status === 'paid' ? 'green' : d.status === 'failed' ? 'red' : 'blue'}>
                      {t.disbursementStatuses[d.status] ?? d.status}
                    </Tag>
                    {d.batchId && (
                      <span class="muted">
                        {' '}
                        · <code>{d.batchId}</code>
                      </span>
                    )}
                    {d.settlement?.reason && (
                      <p class="timeline-note">{t.failureReason(d.settlement.reason)}</p>
                    )}
                    {d.settlement?.bankReference && (
                      <p class="timeline-note muted">{t.bankReferenceIs(d.settlement.bankReference)}</p>
                    )}
                    {d.delivery && (
                      <p class="timeline-note muted">
                        {t.deliveredOn(date(d.delivery.deliveredAt), d.delivery.receivedBy ?? '')}
                      </p>
                    )}
                    {d.status === 'batched' && maySettle && (
                      <span class="row-actions">
                        <Button kind="secondary" type="button" onClick={() => open({ kind: 'settle', d })}>
                          {t.recordResult}
                          <span class="visually-hidden"> {d.caseReference}</span>
                        </Button>
                      </span>
                    )}
                    {d.status === 'authorised' && inKind(d) && mayDeliver && (
                      <span class="row-actions">
                        <Button kind="secondary" type="button" onClick={() => open({ kind: 'deliver', d })}>
                          {t.confirmDelivery}
                          <span class="visually-hidden"> {d.caseReference}</span>
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CursorPagination pages={list} />
      {action?.kind === 'settle' && (
        <SettlementForm
          session={session}
          d={action.d}
          onCancel={() => setAction(undefined)}
          onDone={(text) => {
            setAction(undefined);
            setNotice({ kind: 'success', text });
            list.reload();
          }}
        />
      )}
      {action?.kind === 'deliver' && (
        <DeliveryForm
          session={session}
          d={action.d}
          onCancel={() => setAction(undefined)}
          onDone={(text) => {
            setAction(undefined);
            setNotice({ kind: 'success', text });
            list.reload();
          }}
        />
      )}
      {mayBatch && status === 'authorised' && items?.some((d) => !inKind(d)) && (
        <p>
          <Button type="button" busy={busy} busyText={t.creatingBatch} onClick={() => void createBatch()}>
            {t.createBatch}
          </Button>
          <Progress active={busy} text={t.creatingBatch} />
        </p>
      )}
      {mayFiles && status === 'batched' && batchesShown.length > 0 && (
        <section aria-labelledby="batch-files-title">
          <h2 id="batch-files-title">{t.batchFiles}</h2>
          <ul class="plain">
            {batchesShown.map((b) => (
              <li key={b} class="batch-line">
                <code>{b}</code> <BatchFiles batchId={b} onFetch={fetchFile} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function BatchFiles({
  batchId,
  onFetch,
}: {
  batchId: string;
  onFetch: (batchId: string, kind: 'csv' | 'pain001') => Promise<void>;
}) {
  const { t } = useStaffI18n();
  return (
    <span class="button-group">
      <Button kind="secondary" type="button" onClick={() => void onFetch(batchId, 'csv')}>
        {t.downloadCsv}
        <span class="visually-hidden"> {batchId}</span>
      </Button>
      <Button kind="secondary" type="button" onClick={() => void onFetch(batchId, 'pain001')}>
        {t.downloadPain}
        <span class="visually-hidden"> {batchId}</span>
      </Button>
    </span>
  );
}

/** Moves focus to a form's heading when it opens, so keyboard and screen-reader users land in it. */
function useFocusOnOpen(key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

function SettlementForm(p: {
  session: Session;
  d: Disbursement;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useStaffI18n();
  const [outcome, setOutcome] = useState('');
  const [bankReference, setBankReference] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const heading = useFocusOnOpen(p.d.disbursementId);

  const fieldOf = (path: readonly PropertyKey[]) =>
    path[0] === 'bankReference'
      ? 'bankReference'
      : path[0] === 'reason'
        ? 'failureReason'
        : 'settlementStatus';
  const messageFor = (field: string, input: unknown) =>
    field === 'failureReason'
      ? outcome === 'failed'
        ? input === undefined || input === ''
          ? t.err.failureReason.missing
          : t.err.failureReason.invalid
        : t.err.failureReason.invalid
      : field === 'bankReference'
        ? t.err.bankReference.invalid
        : t.err.settlementStatus.missing;

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      status: outcome || undefined,
      ...(outcome === 'paid' && optionalText(bankReference) ? { bankReference: bankReference.trim() } : {}),
      ...(outcome === 'failed' && optionalText(reason) ? { reason } : {}),
      ...(outcome === 'failed' && optionalText(bankReference) ? { bankReference: bankReference.trim() } : {}),
    };
    const parsed = settlementSchema.safeParse(body);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((i) => {
          const field = fieldOf(i.path);
          return { field, message: messageFor(field, (body as Record<string, unknown>)[String(i.path[0])]) };
        });
    setErrors(problems);
    if (!parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/disbursements/${encodeURIComponent(p.d.disbursementId)}/settlement`, {
      token: p.session.token,
      body: parsed.data,
    });
    setBusy(false);
    if (res.ok)
      p.onDone(
        parsed.data.status === 'paid'
          ? t.settlementPaid(p.d.caseReference)
          : t.settlementFailed(p.d.caseReference),
      );
    else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length)
      setErrors(res.problem.errors.map((pe) => ({ field: fieldOf([pe.path]), message: pe.message })));
    else if (res.kind === 'http' && res.status === 409)
      setFailure(res.problem.detail ?? t.settlementConflict);
    else setFailure(failureMessage(t, res));
  };

  return (
    <section aria-labelledby="settlement-title" class="decision-panel">
      <h2 id="settlement-title" tabIndex={-1} ref={heading}>
        {t.recordResultFor(p.d.caseReference)}
      </h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <Radios
          id="settlementStatus"
          legend={t.bankResult}
          value={outcome}
          onChange={setOutcome}
          error={errorFor(errors, 'settlementStatus')}
          choices={[
            { value: 'paid', label: t.resultPaid },
            { value: 'failed', label: t.resultFailed, hint: t.resultFailedHint },
          ]}
        />
        {outcome === 'failed' && (
          <div class="conditional">
            <TextArea
              id="failureReason"
              label={t.failureReasonLabel}
              hint={t.failureReasonHint}
              rows={3}
              value={reason}
              onInput={setReason}
              error={errorFor(errors, 'failureReason')}
            />
          </div>
        )}
        <TextField
          id="bankReference"
          label={t.bankReference}
          hint={t.bankReferenceHint}
          optional
          width="medium"
          value={bankReference}
          onInput={setBankReference}
          error={errorFor(errors, 'bankReference')}
        />
        <div class="button-group">
          <Button busy={busy} busyText={t.saving}>
            {t.recordResult}
          </Button>
          <Button kind="secondary" type="button" onClick={p.onCancel}>
            {t.cancel}
          </Button>
        </div>
        <Progress active={busy} text={t.saving} />
      </form>
    </section>
  );
}

function DeliveryForm(p: {
  session: Session;
  d: Disbursement;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const { t } = useStaffI18n();
  const [deliveredAt, setDeliveredAt] = useState(todayIso());
  const [receivedBy, setReceivedBy] = useState(p.d.payee.name);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const heading = useFocusOnOpen(p.d.disbursementId);
  const fieldOf = (path: readonly PropertyKey[]) =>
    path[0] === 'receivedBy' ? 'receivedBy' : path[0] === 'note' ? 'deliveryNote' : 'deliveredAt';

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = {
      deliveredAt: deliveredAt.trim(),
      ...(optionalText(receivedBy) ? { receivedBy } : {}),
      ...(optionalText(note) ? { note } : {}),
    };
    const parsed = deliverySchema.safeParse(body);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((i) => {
          const field = fieldOf(i.path);
          return {
            field,
            message:
              field === 'deliveredAt'
                ? t.err.deliveredAt.invalid
                : field === 'receivedBy'
                  ? t.err.receivedBy.invalid
                  : t.err.deliveryNote.invalid,
          };
        });
    if (parsed.success && parsed.data.deliveredAt > todayIso())
      problems.push({ field: 'deliveredAt', message: t.err.deliveredAt.future });
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api('POST', `/v1/disbursements/${encodeURIComponent(p.d.disbursementId)}/delivery`, {
      token: p.session.token,
      body: parsed.data,
    });
    setBusy(false);
    if (res.ok) p.onDone(t.deliveryRecorded(p.d.caseReference));
    else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length)
      setErrors(res.problem.errors.map((pe) => ({ field: fieldOf([pe.path]), message: pe.message })));
    else if (res.kind === 'http' && res.status === 409)
      setFailure(res.problem.detail ?? t.settlementConflict);
    else setFailure(failureMessage(t, res));
  };

  return (
    <section aria-labelledby="delivery-title" class="decision-panel">
      <h2 id="delivery-title" tabIndex={-1} ref={heading}>
        {t.confirmDeliveryFor(p.d.caseReference)}
      </h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <TextField
          id="deliveredAt"
          label={t.deliveredAt}
          type="date"
          width="medium"
          value={deliveredAt}
          onInput={setDeliveredAt}
          error={errorFor(errors, 'deliveredAt')}
        />
        <TextField
          id="receivedBy"
          label={t.receivedBy}
          optional
          value={receivedBy}
          onInput={setReceivedBy}
          error={errorFor(errors, 'receivedBy')}
        />
        <TextArea
          id="deliveryNote"
          label={t.deliveryNote}
          optional
          rows={3}
          value={note}
          onInput={setNote}
          error={errorFor(errors, 'deliveryNote')}
        />
        <div class="button-group">
          <Button busy={busy} busyText={t.saving}>
            {t.confirmDelivery}
          </Button>
          <Button kind="secondary" type="button" onClick={p.onCancel}>
            {t.cancel}
          </Button>
        </div>
        <Progress active={busy} text={t.saving} />
      </form>
    </section>
  );
}
