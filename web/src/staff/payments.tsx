import { useEffect, useRef, useState } from 'preact/hooks';
import type { Money } from '../../../domain/money.js';
import { deliverySchema, settlementSchema } from '../../../domain/payment-requests.js';
import { can } from '../../../domain/permissions.js';
import { api, download, randomId } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import {
  type FieldError,
  failureMessage,
  outcomeUnknown,
  type ProblemTexts,
  problemCode,
} from '../errors.js';
import { optionalText, todayIso } from '../form-values.js';
import { useStatusName } from '../pages/status.js';
import { Link, navigate, useLocation, withQuery } from '../router.js';
import { loadSessionDraft, saveSessionDraft } from '../session-draft.js';
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
import { CursorPagination, Failed, useCursorPages, useResource } from './resource.js';
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
  caseId?: string;
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
  /** A batched one: whether its batch was marked sent (a result can be recorded only then). */
  batchSent?: boolean;
  paidAt?: string;
  settlement?: {
    status: string;
    bankReference?: string;
    reason?: string;
    recordedBy: string;
    recordedAt: string;
  };
  delivery?: { deliveredAt: string; receivedBy?: string; recordedBy: string };
  /** A failed payment: what became of it (re-issued as a later attempt, or not yet). */
  followUp?: {
    kind: 'reissued' | 'reissue_pending' | 'awaiting_correction' | 'closed';
    attempt?: number;
    disbursementId?: string;
    status?: string;
    caseStatus?: string;
  };
}

interface BatchReceipt {
  batchId: string;
  count: number;
  total: Money;
  totals: Money[];
  skipped: { disbursementId: string; reason: string }[];
}

const statuses = ['authorised', 'batched', 'paid', 'failed'] as const;
/** The disbursements by status, and the batch register. */
const tabs = [...statuses, 'batches'] as const;
type Tab = (typeof tabs)[number];
type Action = { kind: 'settle' | 'deliver'; d: Disbursement };
interface Notice {
  kind: 'success' | 'error' | 'info';
  text: string;
  /** Said where the settlement or delivery form was (what it recorded), not above the page. */
  inPlaceOfForm?: boolean;
}

/** The row's button that opened a form, for focus to go back to when the form is cancelled. */
function focusRowAction(disbursementId: string) {
  document
    .querySelector<HTMLButtonElement>(
      `tr[data-disbursement="${CSS.escape(disbursementId)}"] .row-actions button`,
    )
    ?.focus();
}

/**
 * The Idempotency-Key of the batch being created, kept for the tab until the server answers: a
 * retry after an answer lost on the way (or a page drawn again by a sign-in) repeats the same
 * request, and the server answers it with the batch it made, not a second batch.
 */
const batchKeyStore = 'aidflow.payments.batch-key';
/** The form open on the desk (settlement or delivery), and each form's answers, per disbursement. */
const actionStore = 'aidflow.payments.action';
const draftStore = (kind: Action['kind'], disbursementId: string) =>
  `aidflow.payments.${kind}.${disbursementId}`;

const batchHref = (batchId: string) => `/staff/payments/${encodeURIComponent(batchId)}`;
const isCash = (d: Pick<Disbursement, 'channel' | 'payee'>) => (d.channel ?? d.payee.method) === 'cash_desk';

export function PaymentsPage({ session }: { session: Session }) {
  const { t, money, date } = useStaffI18n();
  const { aidTypeName, sourceName } = useCatalogue();
  useTitle(t.paymentsTitle);
  const loc = useLocation();
  const fromUrl = loc.query.get('tab');
  const [status, setStatus] = useState<Tab>(tabs.find((s) => s === fromUrl) ?? 'authorised');
  const list = useCursorPages<Disbursement>(
    session,
    status === 'batches' ? undefined : `/v1/disbursements?status=${status}`,
    20,
    // A result recorded reloads the list under the reader, who is working down it.
    { keepWhileReloading: true },
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>();
  // A result or delivery recorded is said where its form was, below the list, and focused there:
  // the reader stays at their place in the list instead of being sent to the top of the page.
  const formNoticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.inPlaceOfForm) formNoticeRef.current?.focus();
  }, [notice]);
  const [batch, setBatch] = useState<BatchReceipt | undefined>();
  const batchHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (batch) batchHeading.current?.focus();
  }, [batch]);
  const [action, setActionNow] = useState<Action | undefined>(
    () => loadSessionDraft<{ action?: Action }>(actionStore, {}).action,
  );
  const setAction = (next: Action | undefined) => {
    setActionNow(next);
    saveSessionDraft(actionStore, next ? { action: next } : undefined);
  };
  const mayBatch = can(session.roles, 'batches:create');
  const maySettle = can(session.roles, 'settlements:record');
  const mayDeliver = can(session.roles, 'deliveries:record');

  /** Opens a form for one disbursement; the last notice is about something else, so it goes. */
  const open = (next: Action) => {
    setNotice(undefined);
    setAction(next);
  };

  const [batchPending, setBatchPending] = useState(
    () => loadSessionDraft(batchKeyStore, { key: '' }).key !== '',
  );
  const createBatch = async () => {
    setBusy(true);
    setNotice(undefined);
    setAction(undefined);
    const key = loadSessionDraft(batchKeyStore, { key: '' }).key || randomId();
    saveSessionDraft(batchKeyStore, { key });
    const res = await api<BatchReceipt>('POST', '/v1/payment-batches', {
      token: session.token,
      body: {},
      headers: { 'idempotency-key': key },
    });
    setBusy(false);
    setBatchPending(!res.ok && outcomeUnknown(res));
    if (res.ok) {
      saveSessionDraft(batchKeyStore, undefined);
      setBatch(res.data);
      setNotice({
        kind: res.data.count > 0 ? 'success' : 'info',
        text: res.data.count > 0 ? t.batchCreated(res.data.count, money(res.data.total)) : t.batchEmpty,
      });
      list.reload();
      return;
    }
    // Whatever happened, the list shows the payments as they are now.
    list.reload();
    if (outcomeUnknown(res)) {
      // The batch may have been made: the same key again gets it, never a second one.
      setNotice({ kind: 'error', text: t.batchOutcomeUnknown });
      return;
    }
    saveSessionDraft(batchKeyStore, undefined);
    setNotice({
      kind: res.kind === 'unavailable' ? 'info' : 'error',
      text: failureMessage(t, res, {
        nothing_to_batch: t.batchNothingToBatch,
        batched_meanwhile: t.batchBatchedMeanwhile,
        idempotency_key_reused: t.batchKeyReused,
        four_eyes: (p) =>
          t.batchFourEyes(String(p.caseReference), money(p.amount as Money), money(p.threshold as Money)),
      }),
    });
  };

  /** Recorded: the notice takes the form's place (and focus), and the list is read again. */
  const formDone = (text: string) => {
    setAction(undefined);
    setNotice({ kind: 'success', text, inPlaceOfForm: true });
    list.reload();
  };
  /** Cancelled: back to the row's button that opened the form, where the reader was. */
  const closeForm = (d: Disbursement) => {
    focusRowAction(d.disbursementId);
    setAction(undefined);
  };

  const items = list.data?.items;
  const inKind = (d: Disbursement) => d.channel === 'delivery';
  return (
    <>
      {notice && !notice.inPlaceOfForm && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <PageTitle>{t.paymentsTitle}</PageTitle>
      <p>{t.paymentsIntro}</p>
      <div class="tabs">
        {tabs.map((s) => (
          <button
            key={s}
            type="button"
            class={`tab${s === status ? ' tab--current' : ''}`}
            aria-pressed={s === status}
            onClick={() => {
              setAction(undefined);
              // What a form recorded was said below this tab's list, not the next one's.
              if (notice?.inPlaceOfForm) setNotice(undefined);
              setStatus(s);
              // Kept in the address, so that "Back to the batches" from a batch lands here.
              navigate(withQuery(loc.path, { tab: s === 'authorised' ? undefined : s }), { replace: true });
            }}
          >
            {s === 'batches' ? t.batchesTab : t.disbursementStatuses[s]}
          </button>
        ))}
      </div>
      {batch && (
        <section
          aria-labelledby="batch-title"
          class="card"
          data-testid="batch-receipt"
          data-batch={batch.batchId}
        >
          <h2 id="batch-title" tabIndex={-1} ref={batchHeading}>
            {t.batchTitle(batch.batchId)}
          </h2>
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
          {batch.count > 0 && (
            <p>
              <Link href={batchHref(batch.batchId)} class="button button--secondary">
                {t.openBatch(batch.batchId)}
              </Link>
              <span class="hint"> {t.openBatchHint}</span>
            </p>
          )}
        </section>
      )}
      {status === 'batches' && <BatchRegister session={session} />}
      {list.failure && <Failed failure={list.failure} onRetry={list.reload} />}
      {list.loading && !items && <Loading />}
      {items && items.length === 0 && <p class="inset">{t.noDisbursements}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t.paymentsTitle}>
          <table class="table">
            <caption class="visually-hidden">{`${t.paymentsTitle}: ${t.disbursementStatuses[status] ?? status}`}</caption>
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
                <tr
                  key={d.disbursementId}
                  data-reference={d.caseReference}
                  data-disbursement={d.disbursementId}
                >
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
                        · <Link href={batchHref(d.batchId)}>{d.batchId}</Link>
                      </span>
                    )}
                    {d.settlement?.reason && (
                      <p class="timeline-note">{t.failureReason(d.settlement.reason)}</p>
                    )}
                    {d.status === 'failed' && d.followUp && <FollowUp d={d} />}
                    {d.settlement?.bankReference && (
                      <p class="timeline-note muted">
                        {(isCash(d) ? t.cashReceiptIs : t.bankReferenceIs)(d.settlement.bankReference)}
                      </p>
                    )}
                    {d.delivery && (
                      <p class="timeline-note muted">
                        {t.deliveredOn(date(d.delivery.deliveredAt), d.delivery.receivedBy ?? '')}
                      </p>
                    )}
                    {d.status === 'batched' && d.batchSent === false && (
                      <p class="timeline-note" data-testid="batch-not-sent">
                        <Tag tone="yellow">{t.batchNotSentYet}</Tag>
                      </p>
                    )}
                    {d.status === 'batched' && d.batchSent !== false && maySettle && (
                      <span class="row-actions">
                        <Button kind="secondary" type="button" onClick={() => open({ kind: 'settle', d })}>
                          {isCash(d) ? t.recordCashResult : t.recordResult}
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
      {notice?.inPlaceOfForm && (
        <div ref={formNoticeRef} tabIndex={-1} data-testid="form-notice">
          <Alert kind={notice.kind}>{notice.text}</Alert>
        </div>
      )}
      {action?.kind === 'settle' && (
        <SettlementForm
          session={session}
          d={action.d}
          onCancel={() => closeForm(action.d)}
          onDone={formDone}
          onStale={list.reload}
        />
      )}
      {action?.kind === 'deliver' && (
        <DeliveryForm
          session={session}
          d={action.d}
          onCancel={() => closeForm(action.d)}
          onDone={formDone}
          onStale={list.reload}
        />
      )}
      {/* A batch whose answer was lost keeps the button, even when the list shows nothing left to batch:
          pressing it again (the same key) shows the batch. */}
      {mayBatch && status === 'authorised' && (items?.some((d) => !inKind(d)) || batchPending) && (
        <p>
          <Button type="button" busy={busy} busyText={t.creatingBatch} onClick={() => void createBatch()}>
            {t.createBatch}
          </Button>
          <Progress active={busy} text={t.creatingBatch} />
        </p>
      )}
    </>
  );
}

/** What became of a failed payment: re-issued as a later attempt, on its way, waiting, or closed. */
function FollowUp({ d }: { d: Disbursement }) {
  const { t } = useStaffI18n();
  const f = d.followUp;
  if (!f) return null;
  const text =
    f.kind === 'reissued'
      ? t.followUpReissued(f.attempt ?? 2, t.disbursementStatuses[f.status ?? ''] ?? f.status ?? '')
      : f.kind === 'reissue_pending'
        ? t.followUpPending
        : f.kind === 'closed'
          ? t.followUpClosed
          : t.followUpAwaiting;
  return (
    <p class="timeline-note" data-follow-up={f.kind}>
      <Tag tone={f.kind === 'awaiting_correction' ? 'red' : f.kind === 'closed' ? 'grey' : 'green'}>
        {text}
      </Tag>
      {d.caseId && (
        <>
          {' '}
          <Link href={`/staff/cases/${encodeURIComponent(d.caseId)}`}>{t.openCase(d.caseReference)}</Link>
        </>
      )}
    </p>
  );
}

interface BatchDownload {
  format: 'csv' | 'pain001';
  at: string;
  by: string;
  roles: string[];
}

interface BatchSummary {
  batchId: string;
  createdAt: string;
  createdBy: string;
  count: number;
  total?: Money;
  totals: Money[];
  status: 'created' | 'sent';
  sentAt?: string;
  sentBy?: string;
  downloads: number;
  lastDownload?: BatchDownload;
}

interface BatchView extends BatchSummary {
  bankTransfers: number;
  cashDesk: number;
  downloadLog: BatchDownload[];
  items: {
    disbursementId: string;
    caseReference: string;
    amount: Money;
    channel: 'bank_transfer' | 'cash_desk' | 'delivery';
    payee: { name: string; method: string };
    status: string;
  }[];
}

/** "Sent to the bank by X on Y" (or, for a batch of cash-desk payouts only, handed to the cash desk). */
function useSentLine() {
  const { t, dateTime } = useStaffI18n();
  return (b: { sentAt?: string; sentBy?: string }, cashOnly: boolean) =>
    b.sentAt ? (cashOnly ? t.handedByAt : t.sentByAt)(b.sentBy ?? '', dateTime(b.sentAt)) : '';
}

/** The batch register: every batch, newest first, with whether it went to the bank and its downloads. */
function BatchRegister({ session }: { session: Session }) {
  const { t, money, dateTime } = useStaffI18n();
  const sentLine = useSentLine();
  const list = useCursorPages<BatchSummary>(session, '/v1/payment-batches', 20);
  const items = list.data?.items;
  return (
    <section aria-labelledby="batches-title">
      <h2 id="batches-title">{t.batchesTab}</h2>
      <p>{t.batchRegisterIntro}</p>
      {list.failure && <Failed failure={list.failure} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {items && items.length === 0 && <p class="inset">{t.noBatches}</p>}
      {items && items.length > 0 && (
        <TableWrap label={t.tableOf(t.batchesTab)}>
          <table class="table">
            <caption class="visually-hidden">{t.batchesTab}</caption>
            <thead>
              <tr>
                <th scope="col">{t.batchColumn}</th>
                <th scope="col">{t.createdColumn}</th>
                <th scope="col" class="numeric">
                  {t.paymentsColumn}
                </th>
                <th scope="col" class="numeric">
                  {t.amountColumn}
                </th>
                <th scope="col">{t.statusColumn}</th>
                <th scope="col">{t.downloadsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.batchId} data-batch={b.batchId} data-batch-status={b.status}>
                  <td>
                    <Link href={batchHref(b.batchId)}>{b.batchId}</Link>
                  </td>
                  <td>{t.createdByAt(b.createdBy, dateTime(b.createdAt))}</td>
                  <td class="numeric">{b.count}</td>
                  <td class="numeric">{b.totals.map((m) => money(m)).join(', ')}</td>
                  <td>
                    <Tag tone={b.status === 'sent' ? 'green' : 'blue'}>{t.batchStatuses[b.status]}</Tag>
                    {b.sentAt && <p class="timeline-note muted">{sentLine(b, false)}</p>}
                  </td>
                  <td>
                    {b.lastDownload
                      ? t.downloadsSummary(b.downloads, b.lastDownload.by, dateTime(b.lastDownload.at))
                      : t.notDownloaded}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <CursorPagination pages={list} />
    </section>
  );
}

/**
 * One batch: its totals, whether it went to the bank (by whom, when), who downloaded its files,
 * and its payments. Marking it sent is what keeps it from going to the bank twice: once marked,
 * each download first says by whom and when it was sent and asks to go on.
 */
export function BatchPage({ session, batchId }: { session: Session; batchId: string }) {
  const { t, money, dateTime } = useStaffI18n();
  const { sourceName } = useCatalogue();
  const sentLine = useSentLine();
  useTitle(t.batchTitle(batchId), batchId);
  const batch = useResource<BatchView>(session, `/v1/payment-batches/${encodeURIComponent(batchId)}`);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const [confirming, setConfirming] = useState<'csv' | 'pain001' | undefined>();
  const [busy, setBusy] = useState(false);
  const maySend = can(session.roles, 'batches:send');
  const b = batch.data;
  const cashOnly = b ? b.bankTransfers === 0 : false;

  const fetchFile = async (kind: 'csv' | 'pain001') => {
    setConfirming(undefined);
    setNotice(undefined);
    const res = await download(
      `/v1/payment-batches/${encodeURIComponent(batchId)}/files/${kind}`,
      session.token,
      `${batchId}.${kind === 'csv' ? 'csv' : 'xml'}`,
    );
    if (!res.ok) {
      const text = failureMessage(t, res, {
        no_bank_transfers: t.batchNoBankTransfers,
        office_account_missing: (p) =>
          t.officeAccountMissing(
            (Array.isArray(p.sources) ? p.sources : []).map(String).map(sourceName).join(', '),
          ),
      });
      setNotice({ kind: 'error', text });
    }
    batch.reload();
  };
  /** A batch already sent asks first; one not sent yet downloads at once. */
  const askForFile = (kind: 'csv' | 'pain001') => {
    setNotice(undefined);
    if (b?.status === 'sent') setConfirming(kind);
    else void fetchFile(kind);
  };
  const markSent = async () => {
    setBusy(true);
    setNotice(undefined);
    const res = await api<{ sentBy: string; sentAt: string }>(
      'POST',
      `/v1/payment-batches/${encodeURIComponent(batchId)}/sent`,
      { token: session.token, body: {} },
    );
    setBusy(false);
    if (res.ok) setNotice({ kind: 'success', text: sentLine(res.data, cashOnly) });
    else setNotice({ kind: 'error', text: failureMessage(t, res, { batch_empty: t.batchNothingToSend }) });
    batch.reload();
  };

  return (
    <>
      <p>
        <Link href="/staff/payments?tab=batches" class="back-link">
          {t.backToBatches}
        </Link>
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <PageTitle caption={t.paymentsTitle}>
        {/* A batch id is one long word: let it break on a phone. */}
        <span class="pre-wrap">{t.batchTitle(batchId)}</span>
      </PageTitle>
      {batch.failure && <Failed failure={batch.failure} onRetry={batch.reload} />}
      {!b && batch.loading && <Loading />}
      {b && (
        <>
          {b.status === 'sent' && (
            <Alert kind="warning" title={cashOnly ? t.batchHandedTitle : t.batchSentTitle}>
              <p data-testid="batch-sent">{sentLine(b, cashOnly)}</p>
            </Alert>
          )}
          <SummaryList
            rows={[
              { key: t.createdColumn, value: t.createdByAt(b.createdBy, dateTime(b.createdAt)) },
              { key: t.batchCount, value: String(b.count) },
              ...b.totals.map((m) => ({ key: t.batchTotal(m.currency), value: money(m) })),
              { key: t.batchBankTransfers, value: String(b.bankTransfers) },
              { key: t.batchCashDesk, value: String(b.cashDesk) },
              {
                key: t.statusColumn,
                value: <Tag tone={b.status === 'sent' ? 'green' : 'blue'}>{t.batchStatuses[b.status]}</Tag>,
              },
            ]}
          />
          <section aria-labelledby="batch-files-title">
            <h2 id="batch-files-title">{t.batchFiles}</h2>
            <p>{b.bankTransfers > 0 ? t.batchFilesIntro : t.batchFilesCashIntro}</p>
            {confirming ? (
              <div class="decision-panel" data-testid="confirm-download">
                <Alert kind="warning" title={t.confirmDownloadTitle(t.fileNames[confirming] ?? confirming)}>
                  <p>{sentLine(b, cashOnly)}</p>
                  <p>{cashOnly ? t.batchHandedWarning : t.batchSentWarning}</p>
                </Alert>
                <div class="button-group">
                  <Button kind="warning" type="button" onClick={() => void fetchFile(confirming)}>
                    {t.downloadAnyway}
                  </Button>
                  <Button kind="secondary" type="button" onClick={() => setConfirming(undefined)}>
                    {t.cancel}
                  </Button>
                </div>
              </div>
            ) : (
              <span class="button-group">
                <Button kind="secondary" type="button" onClick={() => askForFile('csv')}>
                  {t.downloadCsv}
                </Button>
                {b.bankTransfers > 0 && (
                  <Button kind="secondary" type="button" onClick={() => askForFile('pain001')}>
                    {t.downloadPain}
                  </Button>
                )}
              </span>
            )}
          </section>
          {b.status === 'created' && maySend && (
            <section aria-labelledby="batch-send-title">
              <h2 id="batch-send-title">{cashOnly ? t.markHanded : t.markSent}</h2>
              <p class="hint">{cashOnly ? t.markHandedHint : t.markSentHint}</p>
              <Button type="button" busy={busy} busyText={t.saving} onClick={() => void markSent()}>
                {cashOnly ? t.markHanded : t.markSent}
              </Button>
              <Progress active={busy} text={t.saving} />
            </section>
          )}
          <section aria-labelledby="batch-downloads-title">
            <h2 id="batch-downloads-title">{t.downloadLogTitle}</h2>
            {b.downloadLog.length === 0 ? (
              <p class="inset">{t.notDownloaded}</p>
            ) : (
              <>
                {b.downloads > b.downloadLog.length && (
                  <p>{t.downloadsShown(b.downloadLog.length, b.downloads)}</p>
                )}
                <TableWrap label={t.tableOf(t.downloadLogTitle)}>
                  <table class="table">
                    <caption class="visually-hidden">{t.downloadLogTitle}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.whenColumn}</th>
                        <th scope="col">{t.whoColumn}</th>
                        <th scope="col">{t.fileColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.downloadLog.map((d) => (
                        <tr key={`${d.at}-${d.by}-${d.format}`} data-download={d.format}>
                          <td>{dateTime(d.at)}</td>
                          <td>{d.by}</td>
                          <td>{t.fileNames[d.format] ?? d.format}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </>
            )}
          </section>
          <section aria-labelledby="batch-items-title">
            <h2 id="batch-items-title">{t.batchPayments}</h2>
            <TableWrap label={t.tableOf(t.batchPayments)}>
              <table class="table">
                <caption class="visually-hidden">{t.batchPayments}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.referenceColumn}</th>
                    <th scope="col">{t.payee}</th>
                    <th scope="col" class="numeric">
                      {t.amountColumn}
                    </th>
                    <th scope="col">{t.statusColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.items.map((i) => (
                    <tr key={i.disbursementId} data-reference={i.caseReference}>
                      <td>{i.caseReference}</td>
                      <td>
                        {i.payee.name}
                        <br />
                        <span class="muted">{t.channels[i.channel] ?? i.channel}</span>
                      </td>
                      <td class="numeric">{money(i.amount)}</td>
                      <td>{t.disbursementStatuses[i.status] ?? i.status}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
        </>
      )}
    </>
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

/** The texts of the conflicts recording a payment's result or delivery can meet (settlements.ts). */
function useSettlementTexts(): ProblemTexts {
  const { t, date } = useStaffI18n();
  const statusName = useStatusName();
  return {
    already_settled: t.settlementConflict,
    in_kind_needs_delivery: t.settlementInKind,
    not_in_kind: t.settlementNotInKind,
    delivered_before_authorised: (problem) =>
      t.deliveredBeforeAuthorised(typeof problem.authorisedOn === 'string' ? date(problem.authorisedOn) : ''),
    case_not_waiting: (problem) => t.caseNotWaiting(statusName(String(problem.caseStatus ?? ''))),
    batch_not_sent: (problem) => t.settlementBatchNotSent(String(problem.batchId ?? '')),
  };
}

/** A form's answers kept for the tab per disbursement (a sign-in that draws the page again loses nothing). */
function useDraft<T extends object>(key: string, empty: T): [T, (change: Partial<T>) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => loadSessionDraft(key, empty));
  const update = (change: Partial<T>) =>
    setDraft((current) => {
      const next = { ...current, ...change };
      saveSessionDraft(key, next);
      return next;
    });
  return [draft, update, () => saveSessionDraft(key, undefined)];
}

function SettlementForm(p: {
  session: Session;
  d: Disbursement;
  onCancel: () => void;
  onDone: (text: string) => void;
  /** The list may be out of date (a conflict, an answer lost): read it again. */
  onStale: () => void;
}) {
  const { t } = useStaffI18n();
  const texts = useSettlementTexts();
  const [draft, update, forget] = useDraft(draftStore('settle', p.d.disbursementId), {
    outcome: '',
    bankReference: '',
    reason: '',
  });
  const { outcome, bankReference, reason } = draft;
  const setOutcome = (value: string) => update({ outcome: value });
  const setBankReference = (value: string) => update({ bankReference: value });
  const setReason = (value: string) => update({ reason: value });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const heading = useFocusOnOpen(p.d.disbursementId);
  // Cash-desk payouts are not in the bank's file: the cash desk says whether the person collected.
  const cash = isCash(p.d);

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
    if (res.ok) {
      forget();
      p.onDone(
        parsed.data.status === 'paid'
          ? t.settlementPaid(p.d.caseReference)
          : t.settlementFailed(p.d.caseReference),
      );
    } else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length)
      setErrors(
        res.problem.errors.map((pe) => ({
          field: fieldOf([pe.path]),
          message: messageFor(fieldOf([pe.path]), undefined),
        })),
      );
    else {
      setFailure(failureMessage(t, res, texts));
      if (
        outcomeUnknown(res) ||
        problemCode(res) === 'already_settled' ||
        problemCode(res) === 'case_not_waiting'
      )
        p.onStale();
    }
  };

  return (
    <section aria-labelledby="settlement-title" class="decision-panel">
      <h2 id="settlement-title" tabIndex={-1} ref={heading}>
        {(cash ? t.recordCashResultFor : t.recordResultFor)(p.d.caseReference)}
      </h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <Radios
          id="settlementStatus"
          legend={cash ? t.cashResult : t.bankResult}
          value={outcome}
          onChange={setOutcome}
          error={errorFor(errors, 'settlementStatus')}
          choices={[
            { value: 'paid', label: cash ? t.cashCollected : t.resultPaid },
            {
              value: 'failed',
              label: cash ? t.cashNotCollected : t.resultFailed,
              hint: cash ? t.cashNotCollectedHint : t.resultFailedHint,
            },
          ]}
        />
        {outcome === 'failed' && (
          <div class="conditional">
            <TextArea
              id="failureReason"
              label={cash ? t.cashFailureReasonLabel : t.failureReasonLabel}
              hint={cash ? t.cashFailureReasonHint : t.failureReasonHint}
              rows={3}
              value={reason}
              onInput={setReason}
              error={errorFor(errors, 'failureReason')}
            />
          </div>
        )}
        <TextField
          id="bankReference"
          label={cash ? t.cashReceipt : t.bankReference}
          hint={cash ? t.cashReceiptHint : t.bankReferenceHint}
          optional
          width="medium"
          value={bankReference}
          onInput={setBankReference}
          error={errorFor(errors, 'bankReference')}
        />
        <div class="button-group">
          <Button busy={busy} busyText={t.saving}>
            {cash ? t.recordCashResult : t.recordResult}
          </Button>
          <Button
            kind="secondary"
            type="button"
            onClick={() => {
              forget();
              p.onCancel();
            }}
          >
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
  /** The list may be out of date (a conflict, an answer lost): read it again. */
  onStale: () => void;
}) {
  const { t } = useStaffI18n();
  const texts = useSettlementTexts();
  const [draft, update, forget] = useDraft(draftStore('deliver', p.d.disbursementId), {
    deliveredAt: todayIso(),
    receivedBy: p.d.payee.name,
    note: '',
  });
  const { deliveredAt, receivedBy, note } = draft;
  const setDeliveredAt = (value: string) => update({ deliveredAt: value });
  const setReceivedBy = (value: string) => update({ receivedBy: value });
  const setNote = (value: string) => update({ note: value });
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
    if (res.ok) {
      forget();
      p.onDone(t.deliveryRecorded(p.d.caseReference));
    } else if (res.kind === 'http' && res.status === 400 && res.problem.errors?.length)
      setErrors(
        res.problem.errors.map((pe) => {
          const field = fieldOf([pe.path]);
          const message =
            field === 'deliveredAt'
              ? pe.message.includes('future')
                ? t.err.deliveredAt.future
                : t.err.deliveredAt.invalid
              : field === 'receivedBy'
                ? t.err.receivedBy.invalid
                : t.err.deliveryNote.invalid;
          return { field, message };
        }),
      );
    else {
      setFailure(failureMessage(t, res, texts));
      if (
        outcomeUnknown(res) ||
        problemCode(res) === 'already_settled' ||
        problemCode(res) === 'case_not_waiting'
      )
        p.onStale();
    }
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
          <Button
            kind="secondary"
            type="button"
            onClick={() => {
              forget();
              p.onCancel();
            }}
          >
            {t.cancel}
          </Button>
        </div>
        <Progress active={busy} text={t.saving} />
      </form>
    </section>
  );
}
