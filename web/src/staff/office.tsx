import { useEffect, useState } from 'preact/hooks';
import { aidTypeName, fundingSources } from '../../../domain/catalogue.js';
import type { Money } from '../../../domain/money.js';
import { api, download, type Failure } from '../api.js';
import { failureMessage } from '../errors.js';
import { useI18n } from '../i18n.js';
import { Alert, Button, Loading, PageTitle, TableWrap, Unavailable, useTitle } from '../ui.js';
import type { Session } from './session.js';

/** Loads one GET resource with the staff token; the page shows loading, data, "not available yet" or the error. */
function useResource<T>(session: Session, path: string): { data?: T; failure?: Failure } {
  const [state, setState] = useState<{ data?: T; failure?: Failure }>({});
  useEffect(() => {
    setState({});
    void api<T>('GET', path, { token: session.token }).then((res) =>
      setState(res.ok ? { data: res.data } : { failure: res }),
    );
  }, [path, session.token]);
  return state;
}

function Failed({ failure }: { failure: Failure }) {
  const { t } = useI18n();
  return failure.kind === 'unavailable' ? (
    <Unavailable />
  ) : (
    <Alert kind="error">{failureMessage(t, failure)}</Alert>
  );
}

const sourceName = (code: string, lang: 'en' | 'uk' | 'ru' | 'zh') =>
  fundingSources.find((f) => f.code === code)?.name[lang] ?? code;

/** Budget figures may come as Money or as plain minor units. */
function asMoney(value: Money | number | undefined, currency = 'RUB'): Money {
  return typeof value === 'number' ? { currency, minor: value } : (value ?? { currency, minor: 0 });
}

export function BudgetsPage({ session }: { session: Session }) {
  const { t, lang, money } = useI18n();
  useTitle(t.budgetsTitle);
  const year = new Date().getFullYear();
  type Line = {
    source: string;
    year: number;
    opening: Money;
    allocated: Money;
    reserved: Money;
    spent: Money;
    remaining: Money;
  };
  const { data, failure } = useResource<{ items: Line[] }>(session, `/v1/budgets?year=${year}`);
  return (
    <>
      <PageTitle caption={`${t.budgetYear} ${year}`}>{t.budgetsTitle}</PageTitle>
      {failure && <Failed failure={failure} />}
      {!data && !failure && <Loading />}
      {data && (
        <TableWrap label={t.budgetsTitle}>
          <table class="table">
            <caption class="visually-hidden">{t.budgetsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fundingSource}</th>
                {[t.opening, t.allocated, t.reserved, t.spent, t.remaining].map((h) => (
                  <th scope="col" class="numeric" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((b) => (
                <tr key={b.source}>
                  <th scope="row">{sourceName(b.source, lang)}</th>
                  {[b.opening, b.allocated, b.reserved, b.spent, b.remaining].map((m, i) => (
                    <td class="numeric" key={i}>
                      {money(asMoney(m))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

interface Cell {
  amount: Money | number;
  persons: number;
}
interface UsageRow {
  source: string;
  aidType: string;
  adults: Cell;
  disabled: Cell;
  pensioners: Cell;
  other: Cell;
  families: Cell;
}

export function ReportsPage({ session }: { session: Session }) {
  const { t, lang, money, number } = useI18n();
  useTitle(t.reportsTitle);
  const year = new Date().getFullYear();
  const { data, failure } = useResource<{ year: number; currency: string; rows: UsageRow[] }>(
    session,
    `/v1/reports/aid-usage?year=${year}`,
  );
  const [fileFailure, setFileFailure] = useState<string | undefined>();
  const currency = data?.currency ?? 'RUB';
  const max = Math.max(
    1,
    ...(data?.rows ?? []).map((r) => asMoney(r.adults.amount).minor + asMoney(r.families.amount).minor),
  );
  return (
    <>
      <PageTitle caption={`${t.budgetYear} ${year}`}>{t.reportsTitle}</PageTitle>
      <h2>{t.reportAidUsage}</h2>
      {failure && <Failed failure={failure} />}
      {!data && !failure && <Loading />}
      {fileFailure && <Alert kind="error">{fileFailure}</Alert>}
      {data && (
        <>
          <TableWrap label={t.reportAidUsage}>
            <table class="table">
              <caption class="visually-hidden">{t.reportAidUsage}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.fundingSource}</th>
                  <th scope="col">{t.aidTypeColumn}</th>
                  <th scope="col" class="numeric">
                    {t.adults}
                  </th>
                  <th scope="col" class="numeric">
                    {t.families}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t.amountColumn}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => {
                  const adults = asMoney(r.adults.amount, currency);
                  const families = asMoney(r.families.amount, currency);
                  return (
                    <tr key={r.source + r.aidType}>
                      <td>{sourceName(r.source, lang)}</td>
                      <td>{aidTypeName(r.aidType, lang)}</td>
                      <td class="numeric">
                        {money(adults)} ({number(r.adults.persons)} {t.persons})
                      </td>
                      <td class="numeric">
                        {money(families)} ({number(r.families.persons)} {t.persons})
                      </td>
                      <td aria-hidden="true">
                        <span class="bar bar--adults" style={{ width: `${(adults.minor / max) * 8}rem` }} />
                        <span
                          class="bar bar--families"
                          style={{ width: `${(families.minor / max) * 8}rem` }}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <Button
            kind="secondary"
            type="button"
            onClick={() =>
              void download(
                `/v1/reports/aid-usage?year=${year}&format=csv`,
                session.token,
                `aid-usage-${year}.csv`,
              ).then((res) => setFileFailure(res.ok ? undefined : failureMessage(t, res)))
            }
          >
            {t.downloadReportCsv}
          </Button>
        </>
      )}
    </>
  );
}

interface MailItem {
  id?: string;
  to: string;
  subject?: string;
  text?: string;
  body?: string;
  sentAt?: string;
  at?: string;
  language?: string;
}

export function MailboxPage({ session }: { session: Session }) {
  const { t, dateTime } = useI18n();
  useTitle(t.mailboxTitle);
  const { data, failure } = useResource<{ items: MailItem[] } | MailItem[]>(session, '/local/mailbox');
  const items = Array.isArray(data) ? data : (data?.items ?? []);
  return (
    <>
      <PageTitle>{t.mailboxTitle}</PageTitle>
      <p>{t.mailboxIntro}</p>
      {failure && <Failed failure={failure} />}
      {!data && !failure && <Loading />}
      {data && items.length === 0 && <p class="inset">{t.mailboxEmpty}</p>}
      <ul class="plain mailbox">
        {[...items].reverse().map((m, i) => (
          <li class="card" key={m.id ?? i} lang={m.language}>
            <h2>{m.subject ?? '—'}</h2>
            <p class="muted">
              {t.to}: {m.to}
              {(m.sentAt ?? m.at) && ` · ${t.sentAt}: ${dateTime(m.sentAt ?? m.at ?? '')}`}
            </p>
            <p class="pre-wrap">{m.text ?? m.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
