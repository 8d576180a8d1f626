import { useEffect, useState } from 'preact/hooks';
import {
  type BudgetGap,
  type BudgetLineSummary,
  budgetGaps,
  comingGapsFromMonth,
} from '../../../domain/budget-gaps.js';
import type { Money } from '../../../domain/money.js';
import { can } from '../../../domain/permissions.js';
import { api } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { Link } from '../router.js';
import { Alert, Button } from '../ui.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

interface LineAnswer {
  source: string;
  allocated: Money | number;
  opening: Money | number;
}

const minorOf = (value: Money | number | undefined) =>
  typeof value === 'number' ? value : (value?.minor ?? 0);

/** The office's calendar date: the browser's, as staff work in the office's time zone. */
export function officeToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A saved budget line changes what the desk should say, wherever the warning is shown.
const changeListeners = new Set<() => void>();
export function budgetsChanged(): void {
  for (const listener of changeListeners) listener();
}

async function linesOf(session: Session, year: number): Promise<BudgetLineSummary[] | undefined> {
  const res = await api<{ items: LineAnswer[] }>('GET', `/v1/budgets?year=${year}`, { token: session.token });
  if (!res.ok) return undefined;
  return res.data.items.map((l) => ({
    source: l.source,
    allocated: minorOf(l.allocated),
    opening: minorOf(l.opening),
  }));
}

/**
 * The budget gaps to announce today (domain/budget-gaps.ts), for someone who may read budgets.
 * Next year's lines are asked for only in December, when they are due. A failed read announces
 * nothing: the warning is advice, and the budgets page says itself when it cannot load.
 */
export function useBudgetGaps(session: Session): BudgetGap[] {
  const [gaps, setGaps] = useState<BudgetGap[]>([]);
  const [round, setRound] = useState(0);
  const mayRead = can(session.roles, 'budgets:read');
  useEffect(() => {
    const again = () => setRound((r) => r + 1);
    changeListeners.add(again);
    return () => {
      changeListeners.delete(again);
    };
  }, []);
  useEffect(() => {
    if (!mayRead) return;
    let current = true;
    const today = officeToday();
    const year = Number(today.slice(0, 4));
    const december = Number(today.slice(5, 7)) >= comingGapsFromMonth;
    void Promise.all([
      linesOf(session, year - 1),
      linesOf(session, year),
      december ? linesOf(session, year + 1) : Promise.resolve([]),
    ]).then(([lastYear, thisYear, nextYear]) => {
      if (!current) return;
      setGaps(lastYear && thisYear && nextYear ? budgetGaps(today, { lastYear, thisYear, nextYear }) : []);
    });
    return () => {
      current = false;
    };
  }, [session.token, mayRead, round]);
  return gaps;
}

/**
 * What the year's turn asks of the office: a missing line waitlists approvals now (an error), next
 * year's from 1 January (a warning). Whoever may set budgets gets the way there: `onSet` on the
 * budgets page itself, else a link to it with the year and the first source chosen.
 */
export function BudgetGapAlerts({
  session,
  gaps,
  onSet,
}: {
  session: Session;
  gaps: readonly BudgetGap[];
  onSet?: (gap: BudgetGap) => void;
}) {
  const { t, lang } = useStaffI18n();
  const { sourceName } = useCatalogue();
  const mayWrite = can(session.roles, 'budgets:write');
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return (
    <>
      {gaps.map((gap) => {
        const year = String(gap.year);
        const sources = list.format(gap.sources.map(sourceName));
        const action = !mayWrite ? undefined : onSet ? (
          <Button kind="secondary" type="button" onClick={() => onSet(gap)}>
            {t.setBudgetLines(year)}
          </Button>
        ) : (
          <Link href={`/staff/budgets?year=${year}&source=${encodeURIComponent(gap.sources[0] ?? '')}`}>
            {t.setBudgetLines(year)}
          </Link>
        );
        // No heading: on the other desk pages the alert stands above the page's own title.
        const [title, text] =
          gap.kind === 'missing'
            ? [t.budgetGapMissingTitle(year), t.budgetGapMissing(sources, year, String(gap.year - 1))]
            : [t.budgetGapComingTitle(year), t.budgetGapComing(sources, year)];
        return (
          <Alert key={gap.kind} kind={gap.kind === 'missing' ? 'error' : 'warning'} action={action}>
            <p data-budget-gap={gap.kind}>
              <strong>{title}</strong>
            </p>
            <p>{text}</p>
          </Alert>
        );
      })}
    </>
  );
}
