import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { budgetWriteSchema } from '../../../domain/budget.js';
import type { Money } from '../../../domain/money.js';
import { can } from '../../../domain/permissions.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { type FieldError, failureMessage } from '../errors.js';
import { minorToInput, minorUnitsOrRaw } from '../form-values.js';
import { officeCurrency } from '../pages/apply.js';
import { useLocation } from '../router.js';
import {
  Alert,
  Button,
  ErrorSummary,
  errorFor,
  Loading,
  PageTitle,
  Progress,
  Select,
  TableWrap,
  TextField,
  useTitle,
} from '../ui.js';
import { BudgetGapAlerts, budgetsChanged, useBudgetGaps } from './budget-gaps.js';
import { Failed, useResource, yearChoices } from './resource.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/** Budget figures may come as Money or as plain minor units. */
function asMoney(value: Money | number | undefined, currency = officeCurrency): Money {
  return typeof value === 'number' ? { currency, minor: value } : (value ?? { currency, minor: 0 });
}

interface Line {
  source: string;
  year: number;
  opening: Money | number;
  allocated: Money | number;
  reserved: Money | number;
  spent: Money | number;
  remaining: Money | number;
}

/** Each funding source's money for a year; the administrator changes allocation and opening balance. */
export function BudgetsPage({ session }: { session: Session }) {
  const { t, lang, money } = useStaffI18n();
  const { sourceName, catalogue } = useCatalogue();
  useTitle(t.budgetsTitle);
  const years = yearChoices();
  // The desk's year-turn warning links here with the year and the first source to set.
  const { query } = useLocation();
  const asked = query.get('year') ?? '';
  const [year, setYear] = useState(
    years.includes(asked) ? asked : (years[1] ?? String(new Date().getFullYear())),
  );
  const [newSource, setNewSource] = useState(query.get('source') ?? undefined);
  const list = useResource<{ items: Line[] }>(session, `/v1/budgets?year=${year}`);
  const gaps = useBudgetGaps(session);
  const [editing, setEditing] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const mayWrite = can(session.roles, 'budgets:write');
  const lines = list.data?.items ?? [];
  const editable = editing ?? '';
  const formHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      {notice && <Alert kind="success">{notice}</Alert>}
      <BudgetGapAlerts
        session={session}
        gaps={gaps}
        onSet={(gap) => {
          setEditing(undefined);
          setNewSource(gap.sources[0]);
          setYear(String(gap.year));
          formHeading.current?.focus();
        }}
      />
      <PageTitle caption={`${t.budgetYear} ${year}`}>{t.budgetsTitle}</PageTitle>
      <form class="inline-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <Select
          id="budgetYear"
          label={t.budgetYear}
          value={year}
          onChange={(y) => {
            setEditing(undefined);
            setYear(y);
          }}
          choices={years.map((y) => ({ value: y, label: y }))}
        />
      </form>
      {list.failure && <Failed failure={list.failure} onRetry={list.reload} />}
      {list.loading && <Loading />}
      {list.data && lines.length === 0 && <p class="inset">{t.noBudgets(year)}</p>}
      {lines.length > 0 && (
        <TableWrap label={t.budgetsTitle}>
          <table class="table">
            <caption class="visually-hidden">{`${t.budgetsTitle} ${year}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fundingSource}</th>
                {[t.opening, t.allocated, t.reserved, t.spent, t.remaining].map((h) => (
                  <th scope="col" class="numeric" key={h}>
                    {h}
                  </th>
                ))}
                {mayWrite && (
                  <th scope="col">
                    <span class="visually-hidden">{t.actions}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {lines.map((b) => (
                <tr key={b.source}>
                  <th scope="row">{sourceName(b.source)}</th>
                  {[b.opening, b.allocated, b.reserved, b.spent, b.remaining].map((m, i) => (
                    <td class="numeric" key={i}>
                      {money(asMoney(m))}
                    </td>
                  ))}
                  {mayWrite && (
                    <td>
                      <Button kind="link" type="button" onClick={() => setEditing(b.source)}>
                        {t.change}
                        <span class="visually-hidden"> {sourceName(b.source)}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {mayWrite && list.data && (
        <BudgetForm
          key={`${year}/${editable}/${newSource ?? ''}`}
          session={session}
          year={year}
          heading={formHeading}
          line={lines.find((l) => l.source === editable)}
          newSource={newSource}
          sources={catalogue.fundingSources.map((f) => ({ value: f.code, label: f.name[lang] }))}
          onSaved={(text) => {
            setNotice(text);
            setEditing(undefined);
            setNewSource(undefined);
            list.reload();
            budgetsChanged();
          }}
        />
      )}
    </>
  );
}

function BudgetForm(p: {
  session: Session;
  year: string;
  heading: RefObject<HTMLHeadingElement | null>;
  line: Line | undefined;
  /** The source a new line is for (the year-turn warning's first), when no line is being changed. */
  newSource: string | undefined;
  sources: { value: string; label: string }[];
  onSaved: (text: string) => void;
}) {
  const { t, money } = useStaffI18n();
  const [source, setSource] = useState(
    p.line?.source ?? p.sources.find((s) => s.value === p.newSource)?.value ?? p.sources[0]?.value ?? '',
  );
  const [allocated, setAllocated] = useState(p.line ? minorToInput(asMoney(p.line.allocated).minor) : '');
  const [opening, setOpening] = useState(p.line ? minorToInput(asMoney(p.line.opening).minor) : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const label = p.sources.find((s) => s.value === source)?.label ?? source;
  const heading = p.heading;
  // "Change" on a line, or "Set the budget lines" on the year-turn warning, opens the form with
  // that line: take the keyboard there.
  useEffect(() => {
    if (p.line || p.newSource) heading.current?.focus();
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const allocatedMinor = minorUnitsOrRaw(allocated);
    const openingMinor = minorUnitsOrRaw(opening);
    const body = {
      allocated: { currency: officeCurrency, minor: allocatedMinor },
      ...(openingMinor !== undefined ? { opening: { currency: officeCurrency, minor: openingMinor } } : {}),
    };
    const parsed = budgetWriteSchema.safeParse(body);
    const problems: FieldError[] = parsed.success
      ? []
      : parsed.error.issues.map((i) =>
          i.path[0] === 'opening'
            ? { field: 'budgetOpening', message: t.err.budgetAmount.invalid }
            : {
                field: 'budgetAllocated',
                message:
                  allocatedMinor === undefined ? t.err.budgetAmount.missing : t.err.budgetAmount.invalid,
              },
        );
    setErrors(problems);
    if (!parsed.success) return;
    setBusy(true);
    setFailure(undefined);
    const res = await api<Line>('PUT', `/v1/budgets/${encodeURIComponent(source)}/${p.year}`, {
      token: p.session.token,
      body: parsed.data,
    });
    setBusy(false);
    if (res.ok) p.onSaved(t.budgetSaved(label, p.year, money(parsed.data.allocated)));
    else if (res.kind === 'http' && res.status === 409) {
      // The server says how much is committed; the words are the desk's (its detail is English).
      const committed = (res.problem as { committed?: unknown }).committed;
      const amount =
        typeof committed === 'number' ? ` (${money({ ...parsed.data.allocated, minor: committed })})` : '';
      setErrors([{ field: 'budgetAllocated', message: `${t.err.budgetAmount.belowCommitted}${amount}` }]);
    } else setFailure(failureMessage(t, res));
  };

  return (
    <section aria-labelledby="budget-form-title" class="decision-panel">
      <h2 id="budget-form-title" tabIndex={-1} ref={heading}>
        {t.changeBudget(p.year)}
      </h2>
      <ErrorSummary errors={errors} />
      {failure && <Alert kind="error">{failure}</Alert>}
      <form noValidate onSubmit={submit}>
        <Select
          id="budgetSource"
          label={t.fundingSource}
          value={source}
          onChange={setSource}
          choices={p.sources}
        />
        <TextField
          id="budgetAllocated"
          label={t.allocatedRoubles}
          inputMode="decimal"
          width="medium"
          value={allocated}
          onInput={setAllocated}
          error={errorFor(errors, 'budgetAllocated')}
        />
        <TextField
          id="budgetOpening"
          label={t.openingRoubles}
          hint={t.openingHint}
          optional
          inputMode="decimal"
          width="medium"
          value={opening}
          onInput={setOpening}
          error={errorFor(errors, 'budgetOpening')}
        />
        <Button busy={busy} busyText={t.saving}>
          {t.saveBudget}
        </Button>
        <Progress active={busy} text={t.saving} />
      </form>
    </section>
  );
}
