import { useEffect, useState } from 'preact/hooks';
import { aidTypeName, fundingSources } from '../../../domain/catalogue.js';
import type { Money } from '../../../domain/money.js';
import { api, download, type Failure } from '../api.js';
import { failureMessage } from '../errors.js';
import { useI18n } from '../i18n.js';
import {
  Alert,
  Button,
  Loading,
  PageTitle,
  Pagination,
  Progress,
  TableWrap,
  Tag,
  Unavailable,
  useTitle,
} from '../ui.js';
import type { Session } from './session.js';

interface Disbursement {
  disbursementId: string;
  caseReference: string;
  aidType: string;
  fundingSource: string;
  amount: Money;
  status: string;
  payee: { name: string; method: string };
  createdAt?: string;
}

const statuses = ['authorised', 'batched', 'paid', 'failed'] as const;
const pageSize = 20;

export function PaymentsPage({ session }: { session: Session }) {
  const { t, lang, money } = useI18n();
  useTitle(t.paymentsTitle);
  const [status, setStatus] = useState<(typeof statuses)[number]>('authorised');
  const [items, setItems] = useState<Disbursement[] | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | undefined>();
  const [batch, setBatch] = useState<{ batchId: string; count: number; total: Money } | undefined>();
  const isFinance = session.roles.includes('finance');

  const load = async (s = status) => {
    setItems(undefined);
    setFailure(undefined);
    const res = await api<{ items: Disbursement[] }>('GET', `/v1/disbursements?status=${s}&limit=100`, {
      token: session.token,
    });
    if (res.ok) setItems(res.data.items);
    else setFailure(res);
  };
  useEffect(() => {
    setPage(1);
    void load(status);
  }, [status]);

  const createBatch = async () => {
    setBusy(true);
    setNotice(undefined);
    const res = await api<{ batchId: string; count: number; total: Money }>('POST', '/v1/payment-batches', {
      token: session.token,
      body: {},
    });
    setBusy(false);
    if (res.ok) {
      setBatch(res.data);
      setNotice({ kind: 'success', text: t.batchCreated(res.data.count, money(res.data.total)) });
      void load();
    } else setNotice({ kind: res.kind === 'unavailable' ? 'info' : 'error', text: failureMessage(t, res) });
  };

  const settle = async (d: Disbursement, outcome: 'paid' | 'failed') => {
    const res = await api('POST', `/v1/disbursements/${encodeURIComponent(d.disbursementId)}/settlement`, {
      token: session.token,
      body: outcome === 'paid' ? { status: 'paid' } : { status: 'failed', reason: 'rejected by the bank' },
    });
    if (res.ok) {
      setNotice({ kind: 'success', text: t.settlementRecorded(d.caseReference) });
      void load();
    } else setNotice({ kind: res.kind === 'unavailable' ? 'info' : 'error', text: failureMessage(t, res) });
  };

  const fetchFile = async (kind: 'csv' | 'pain001') => {
    if (!batch) return;
    const res = await download(
      `/v1/payment-batches/${encodeURIComponent(batch.batchId)}/files/${kind}`,
      session.token,
      `${batch.batchId}.${kind === 'csv' ? 'csv' : 'xml'}`,
    );
    if (!res.ok) setNotice({ kind: 'error', text: failureMessage(t, res) });
  };

  const shown = (items ?? []).slice((page - 1) * pageSize, page * pageSize);
  return (
    <>
      <PageTitle>{t.paymentsTitle}</PageTitle>
      <p>{t.paymentsIntro}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div class="tabs">
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            class={`tab${s === status ? ' tab--current' : ''}`}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
          >
            {t.disbursementStatuses[s]}
          </button>
        ))}
      </div>
      {failure &&
        (failure.kind === 'unavailable' ? (
          <Unavailable />
        ) : (
          <Alert kind="error">{failureMessage(t, failure)}</Alert>
        ))}
      {!items && !failure && <Loading />}
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
              {shown.map((d) => (
                <tr key={d.disbursementId} data-reference={d.caseReference}>
                  <td>{d.caseReference}</td>
                  <td>{d.payee.name}</td>
                  <td>{aidTypeName(d.aidType, lang)}</td>
                  <td>
                    {fundingSources.find((f) => f.code === d.fundingSource)?.name[lang] ?? d.fundingSource}
                  </td>
                  <td class="numeric">{money(d.amount)}</td>
                  <td>
                    <Tag tone={d.status === 'paid' ? 'green' : d.status === 'failed' ? 'red' : 'blue'}>
                      {t.disbursementStatuses[d.status] ?? d.status}
                    </Tag>
                    {isFinance && d.status === 'batched' && (
                      <span class="row-actions">
                        <Button kind="secondary" type="button" onClick={() => void settle(d, 'paid')}>
                          {t.markPaid}
                          <span class="visually-hidden"> {d.caseReference}</span>
                        </Button>
                        <Button kind="warning" type="button" onClick={() => void settle(d, 'failed')}>
                          {t.markFailed}
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
      <Pagination page={page} pages={Math.ceil((items?.length ?? 0) / pageSize)} onPage={setPage} />
      {isFinance && status === 'authorised' && items && items.length > 0 && (
        <p>
          <Button type="button" busy={busy} busyText={t.creatingBatch} onClick={() => void createBatch()}>
            {t.createBatch}
          </Button>
          <Progress active={busy} text={t.creatingBatch} />
        </p>
      )}
      {batch && (
        <div class="button-group">
          <Button kind="secondary" type="button" onClick={() => void fetchFile('csv')}>
            {t.downloadCsv}
          </Button>
          <Button kind="secondary" type="button" onClick={() => void fetchFile('pain001')}>
            {t.downloadPain}
          </Button>
        </div>
      )}
    </>
  );
}
