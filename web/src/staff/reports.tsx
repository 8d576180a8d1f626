import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { departments } from '../../../domain/appeal-routing.js';
import { localeOf } from '../../../domain/catalogue.js';
import { appealChannels, appealKinds } from '../../../domain/catalogue-seed.js';
import type { Money } from '../../../domain/money.js';
import { reportPeriodTooLong } from '../../../domain/report-period.js';
import { download } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Select,
  SummaryList,
  TableWrap,
  TextField,
  useTitle,
} from '../ui.js';
import { BarChart } from './chart.js';
import { Failed, useResource, yearChoices } from './resource.js';
import { topicLabel } from './routing-names.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * The reports the offices publish every year (DOMAIN.md): aid paid by funding source and type,
 * budget movement, and appeals answered on time. Each is a chart, the same figures as a table,
 * and a CSV download of what the API returns.
 */

interface UsageCell {
  amount: Money;
  persons: number;
}
const usageColumns = ['adults', 'disabled', 'pensioners', 'other', 'families'] as const;
type UsageColumn = (typeof usageColumns)[number];
type UsageFigures = Record<UsageColumn, UsageCell>;
interface AidUsage {
  year: number;
  currency: string;
  rows: ({ source: string; aidType: string } & UsageFigures)[];
  totals: UsageFigures;
}
type BudgetFigures = Record<
  | 'opening'
  | 'allocated'
  | 'reserved'
  | 'spent'
  | 'spentOnAdults'
  | 'spentOnFamilies'
  | 'closing'
  | 'remaining',
  Money
>;
interface BudgetsReport {
  year: number;
  currency: string;
  rows: ({ source: string } & BudgetFigures)[];
  totals: BudgetFigures;
}
interface AppealsReport {
  from: string;
  to: string;
  received: {
    total: number;
    priority: number;
    byChannel: Record<string, number>;
    byKind: Record<string, number>;
    byTopic: Record<string, number>;
    byDepartment: Record<string, number>;
  };
  answered: { total: number; onTime: number; late: number; averageDaysToAnswer: number | null };
  overdue: number;
  extensions: number;
  repeatAppeals: number;
  forwarded: number;
  notAnswerable: number;
  feedback: { count: number; averageRating: number | null; byRating: Record<string, number> };
}

function useDownload(session: Session) {
  const { t } = useStaffI18n();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const get = async (path: string, filename: string) => {
    setBusy(path);
    const res = await download(path, session.token, filename);
    setBusy(undefined);
    setFailure(res.ok ? undefined : failureMessage(t, res));
  };
  return { failure, busy, get };
}

export function ReportsPage({ session }: { session: Session }) {
  const { t } = useStaffI18n();
  useTitle(t.reportsTitle);
  const years = yearChoices();
  const [year, setYear] = useState(years[1] ?? String(new Date().getFullYear()));
  return (
    <>
      <PageTitle>{t.reportsTitle}</PageTitle>
      <p>{t.reportsIntro}</p>
      <form class="inline-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <Select
          id="reportYear"
          label={t.reportYear}
          value={year}
          onChange={setYear}
          choices={years.map((y) => ({ value: y, label: y }))}
        />
      </form>
      <AidUsageReport session={session} year={year} />
      <BudgetMovementReport session={session} year={year} />
      <AppealsOnTimeReport session={session} />
    </>
  );
}

/** The rows of each funding source together, in the report's order: a source heads its aid types. */
function bySource<R extends { source: string }>(rows: readonly R[]): [string, R[]][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.source);
    if (group) group.push(row);
    else groups.set(row.source, [row]);
  }
  return [...groups];
}

/**
 * Sums written as figures of their currency, with its decimals but without its sign, and the sign
 * to name the currency once ("₽" in Russian, "RUB" in English).
 */
function figuresOf(
  locale: string,
  currency: string,
): { currency: string; format: (minor: number) => string } {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const figure = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return {
    currency: money.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency,
    format: (minor) => figure.format(minor / 10 ** digits),
  };
}

function AidUsageReport({ session, year }: { session: Session; year: string }) {
  const { t, lang, money, number } = useStaffI18n();
  const { aidTypeName, sourceName } = useCatalogue();
  const report = useResource<AidUsage>(session, `/v1/reports/aid-usage?year=${year}`);
  const file = useDownload(session);
  const data = report.data;
  const m = (minor: number) => money({ currency: data?.currency ?? 'RUB', minor });
  // The currency is named once, in the caption: "RUB 156,790,012.23 (4,035 people)" five times a
  // row made the table 1 700 px wide in a 960 px page. The people are a line of their own.
  const figures = figuresOf(localeOf[lang], data?.currency ?? 'RUB');
  const figure = (c: UsageCell) => (
    <>
      {figures.format(c.amount.minor)}{' '}
      <span class="figure-note">{t.personCount(c.persons, number(c.persons))}</span>
    </>
  );
  const usageHeadings: Record<UsageColumn, string> = {
    adults: t.adults,
    disabled: t.ofWhichDisabled,
    pensioners: t.ofWhichPensioners,
    other: t.ofWhichOther,
    families: t.families,
  };
  return (
    <section aria-labelledby="aid-usage-title" class="report">
      <h2 id="aid-usage-title">{t.reportAidUsage}</h2>
      {report.failure && <Failed failure={report.failure} onRetry={report.reload} />}
      {report.loading && <Loading />}
      {data && data.rows.length === 0 && <p class="inset">{t.reportEmpty(year)}</p>}
      {data && data.rows.length > 0 && (
        <>
          <BarChart
            id="chart-aid-usage"
            title={t.chartAidUsage(year)}
            description={t.chartSeeTable}
            series={[
              { key: 'adults', label: t.adults },
              { key: 'families', label: t.families },
            ]}
            rows={data.rows.map((r) => ({
              key: `${r.source}/${r.aidType}`,
              label: `${sourceName(r.source)} · ${aidTypeName(r.aidType)}`,
              values: [r.adults.amount.minor, r.families.amount.minor],
            }))}
            format={m}
          />
          <TableWrap label={t.tableOf(t.reportAidUsage)}>
            <table class="table table--compact table--sticky-first" data-testid="aid-usage">
              <caption>{t.tableAidUsage(year, figures.currency)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.aidTypeColumn}</th>
                  {usageColumns.map((c) => (
                    <th key={c} scope="col" class="numeric">
                      {usageHeadings[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              {bySource(data.rows).map(([source, rows]) => (
                <tbody key={source}>
                  <tr class="table-group">
                    <th scope="rowgroup" colSpan={usageColumns.length + 1}>
                      <span>{sourceName(source)}</span>
                    </th>
                  </tr>
                  {rows.map((r) => (
                    <FiguresRow
                      key={r.aidType}
                      name={aidTypeName(r.aidType)}
                      columns={usageColumns}
                      figure={(c) => figure(r[c])}
                    />
                  ))}
                </tbody>
              ))}
              <tfoot>
                <FiguresRow name={t.total} columns={usageColumns} figure={(c) => figure(data.totals[c])} />
              </tfoot>
            </table>
          </TableWrap>
        </>
      )}
      {file.failure && <Alert kind="error">{file.failure}</Alert>}
      <Button
        kind="secondary"
        type="button"
        busy={file.busy !== undefined}
        onClick={() =>
          void file.get(`/v1/reports/aid-usage?year=${year}&format=csv`, `aid-usage-${year}.csv`)
        }
      >
        {t.downloadReportCsvNamed(t.reportAidUsage)}
      </Button>
    </section>
  );
}

/**
 * Each source's balances first (the closing balance, what is still available), then how they came
 * about; what was spent on whom is a table of its own. Nine figures side by side were twice the
 * page's width, and the two that matter were last, to be scrolled to.
 */
const budgetColumns = ['closing', 'remaining', 'opening', 'allocated', 'reserved', 'spent'] as const;
const spentByGroupColumns = ['spent', 'spentOnAdults', 'spentOnFamilies'] as const;
type BudgetColumn = (typeof budgetColumns)[number] | (typeof spentByGroupColumns)[number];

function BudgetMovementReport({ session, year }: { session: Session; year: string }) {
  const { t, money } = useStaffI18n();
  const { sourceName } = useCatalogue();
  const report = useResource<BudgetsReport>(session, `/v1/reports/budgets?year=${year}`);
  const file = useDownload(session);
  const data = report.data;
  const m = (minor: number) => money({ currency: data?.currency ?? 'RUB', minor });
  const heading: Record<BudgetColumn, string> = {
    opening: t.opening,
    allocated: t.allocated,
    reserved: t.reserved,
    spent: t.spent,
    spentOnAdults: t.spentOnAdults,
    spentOnFamilies: t.spentOnFamilies,
    closing: t.closing,
    remaining: t.remaining,
  };
  const charted = ['opening', 'allocated', 'spent', 'closing'] as const;
  return (
    <section aria-labelledby="budget-movement-title" class="report">
      <h2 id="budget-movement-title">{t.reportBudgets}</h2>
      {report.failure && <Failed failure={report.failure} onRetry={report.reload} />}
      {report.loading && <Loading />}
      {data && data.rows.length === 0 && <p class="inset">{t.reportEmpty(year)}</p>}
      {data && data.rows.length > 0 && (
        <>
          <BarChart
            id="chart-budgets"
            title={t.chartBudgets(year)}
            description={t.chartSeeTable}
            series={charted.map((c) => ({ key: c, label: heading[c] }))}
            rows={data.rows.map((r) => ({
              key: r.source,
              label: sourceName(r.source),
              values: charted.map((c) => r[c].minor),
            }))}
            format={m}
          />
          <BudgetTable
            testId="budget-balances"
            label={t.tableOf(t.reportBudgets)}
            caption={t.chartBudgets(year)}
            columns={budgetColumns}
            heading={heading}
            report={data}
          />
          <h3>{t.reportBudgetsSpentByGroup}</h3>
          <BudgetTable
            testId="budget-spent-by-group"
            label={t.tableOf(t.reportBudgetsSpentByGroup)}
            caption={t.chartBudgetsSpentByGroup(year)}
            columns={spentByGroupColumns}
            heading={heading}
            report={data}
          />
        </>
      )}
      {file.failure && <Alert kind="error">{file.failure}</Alert>}
      <Button
        kind="secondary"
        type="button"
        busy={file.busy !== undefined}
        onClick={() => void file.get(`/v1/reports/budgets?year=${year}&format=csv`, `budgets-${year}.csv`)}
      >
        {t.downloadReportCsvNamed(t.reportBudgets)}
      </Button>
    </section>
  );
}

/** A row of a report's table: its name, then one right-aligned figure per column. */
function FiguresRow<C extends string>(p: {
  name: ComponentChildren;
  columns: readonly C[];
  figure: (column: C) => ComponentChildren;
}) {
  return (
    <tr>
      <th scope="row">{p.name}</th>
      {p.columns.map((c) => (
        <td class="numeric" key={c}>
          {p.figure(c)}
        </td>
      ))}
    </tr>
  );
}

/** One table of the budget report: a row per funding source, the chosen figures, and their totals. */
function BudgetTable(p: {
  testId: string;
  label: string;
  caption: string;
  columns: readonly BudgetColumn[];
  heading: Record<BudgetColumn, string>;
  report: BudgetsReport;
}) {
  const { t, money } = useStaffI18n();
  const { sourceName } = useCatalogue();
  return (
    <TableWrap label={p.label}>
      <table class="table table--compact" data-testid={p.testId}>
        <caption class="visually-hidden">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.fundingSource}</th>
            {p.columns.map((c) => (
              <th scope="col" class="numeric" key={c} data-column={c}>
                {p.heading[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.report.rows.map((r) => (
            <FiguresRow
              key={r.source}
              name={sourceName(r.source)}
              columns={p.columns}
              figure={(c) => money(r[c])}
            />
          ))}
        </tbody>
        <tfoot>
          <FiguresRow name={t.total} columns={p.columns} figure={(c) => money(p.report.totals[c])} />
        </tfoot>
      </table>
    </TableWrap>
  );
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function AppealsOnTimeReport({ session }: { session: Session }) {
  const { t, lang, number, date } = useStaffI18n();
  const thisYear = new Date().getFullYear();
  const [from, setFrom] = useState(`${thisYear}-01-01`);
  const [to, setTo] = useState(`${thisYear}-12-31`);
  const [period, setPeriod] = useState({ from, to });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const report = useResource<AppealsReport>(
    session,
    `/v1/reports/appeals?from=${period.from}&to=${period.to}`,
  );
  const file = useDownload(session);
  const data = report.data;

  const show = (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!isDate(from)) problems.push({ field: 'periodFrom', message: t.err.periodFrom.invalid });
    if (!isDate(to)) problems.push({ field: 'periodTo', message: t.err.periodTo.invalid });
    if (problems.length === 0 && from > to)
      problems.push({ field: 'periodTo', message: t.err.periodTo.beforeFrom });
    if (problems.length === 0 && reportPeriodTooLong(from, to))
      problems.push({ field: 'periodTo', message: t.err.periodTo.tooLong });
    setErrors(problems);
    if (problems.length === 0) setPeriod({ from, to });
  };
  // The server checks the period too (e.g. at most five years): its field errors land on the fields.
  const serverErrors: FieldError[] =
    report.failure?.kind === 'http' && report.failure.status === 400
      ? (report.failure.problem.errors ?? []).map((e) => ({
          field: e.path === 'from' ? 'periodFrom' : 'periodTo',
          message: e.message,
        }))
      : [];
  const shown = errors.length > 0 ? errors : serverErrors;
  const named = (list: readonly { code: string; name: Record<string, string> }[], code: string) =>
    list.find((x) => x.code === code)?.name[lang] ?? code;
  const counters = (title: string, values: Record<string, number>, name: (code: string) => string) => (
    <TableWrap label={title}>
      <table class="table table--compact">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.reportItem}</th>
            <th scope="col" class="numeric">
              {t.reportCount}
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(values).length === 0 ? (
            <tr>
              <td colSpan={2}>—</td>
            </tr>
          ) : (
            Object.entries(values).map(([code, n]) => (
              <tr key={code}>
                <td>{name(code)}</td>
                <td class="numeric">{number(n)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <section aria-labelledby="appeals-report-title" class="report">
      <h2 id="appeals-report-title">{t.reportAppeals}</h2>
      <ErrorSummary errors={errors} />
      <form class="inline-form" noValidate onSubmit={show}>
        <TextField
          id="periodFrom"
          label={t.periodFrom}
          type="date"
          width="medium"
          value={from}
          onInput={setFrom}
          error={errorFor(shown, 'periodFrom')}
        />
        <TextField
          id="periodTo"
          label={t.periodTo}
          type="date"
          width="medium"
          value={to}
          onInput={setTo}
          error={errorFor(shown, 'periodTo')}
        />
        <Button kind="secondary">{t.showReport}</Button>
      </form>
      {report.failure && serverErrors.length === 0 && (
        <Failed failure={report.failure} onRetry={report.reload} />
      )}
      {report.loading && <Loading />}
      {data && (
        <>
          <p>{t.reportPeriod(date(data.from), date(data.to))}</p>
          <BarChart
            id="chart-appeals"
            title={t.chartAppeals}
            description={t.chartSeeTable}
            series={[{ key: 'count', label: t.reportCount }]}
            rows={[
              { key: 'onTime', label: t.answeredOnTime, values: [data.answered.onTime] },
              { key: 'late', label: t.answeredLate, values: [data.answered.late] },
              { key: 'overdue', label: t.overdueOpen, values: [data.overdue] },
            ]}
            format={number}
          />
          <SummaryList
            rows={[
              { key: t.received, value: number(data.received.total) },
              { key: t.priorityAppeals, value: number(data.received.priority) },
              { key: t.answeredTotal, value: number(data.answered.total) },
              { key: t.answeredOnTime, value: number(data.answered.onTime) },
              { key: t.answeredLate, value: number(data.answered.late) },
              { key: t.overdueOpen, value: number(data.overdue) },
              {
                key: t.averageDays,
                value:
                  data.answered.averageDaysToAnswer === null
                    ? '—'
                    : number(data.answered.averageDaysToAnswer),
              },
              { key: t.extensions, value: number(data.extensions) },
              { key: t.repeatAppeals, value: number(data.repeatAppeals) },
              { key: t.forwarded, value: number(data.forwarded) },
              { key: t.notAnswerable, value: number(data.notAnswerable) },
              {
                key: t.feedbackAverage,
                value:
                  data.feedback.averageRating === null
                    ? '—'
                    : t.ratingOf(number(data.feedback.averageRating), number(data.feedback.count)),
              },
            ]}
          />
          <div class="report-grid">
            {counters(t.byChannel, data.received.byChannel, (c) => named(appealChannels, c))}
            {counters(t.byKind, data.received.byKind, (c) => named(appealKinds, c))}
            {counters(t.byTopic, data.received.byTopic, (c) => topicLabel(c, lang))}
            {counters(t.byDepartment, data.received.byDepartment, (c) => named(departments, c))}
          </div>
        </>
      )}
      {file.failure && <Alert kind="error">{file.failure}</Alert>}
      <Button
        kind="secondary"
        type="button"
        busy={file.busy !== undefined}
        onClick={() =>
          void file.get(
            `/v1/reports/appeals?from=${period.from}&to=${period.to}&format=csv`,
            `appeals-${period.from}-${period.to}.csv`,
          )
        }
      >
        {t.downloadReportCsvNamed(t.reportAppeals)}
      </Button>
    </section>
  );
}
