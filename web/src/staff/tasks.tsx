import { useEffect, useState } from 'preact/hooks';
import { type TaskType, taskTitle } from '../../../domain/tasks.js';
import { api, type Failure } from '../api.js';
import { useCatalogue } from '../catalogue.js';
import { failureMessage } from '../errors.js';
import { Link, navigate, useLocation, withQuery } from '../router.js';
import { Alert, Button, Loading, PageTitle, Pagination, Select, TableWrap, Tag, useTitle } from '../ui.js';
import { inboxOrder, isClaimedByOther, isOverdue, type TaskSummary } from './inbox-order.js';
import { departmentLabel, topicLabel } from './routing-names.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

export type { TaskSummary } from './inbox-order.js';

/** A one-off message shown on the next page (e.g. "decision recorded" on the inbox). */
let flash: string | undefined;
export function setFlash(message: string): void {
  flash = message;
}

const pageSize = 20;
/**
 * The inbox reads this many tasks before it sorts them (pages of 100): a priority appeal or an
 * overdue task received late must not wait behind a page of older routine ones.
 */
const inboxReadLimit = 500;

/** Where "back to your tasks" goes: the inbox page the reader came from (kept for the tab). */
const inboxKey = 'aidflow.inbox';
export function inboxHref(): string {
  const kept = sessionStorage.getItem(inboxKey);
  return kept?.startsWith('/staff/tasks') ? kept : '/staff/tasks';
}
/**
 * The task type the inbox is narrowed to (`?type=`, kept with its address), or undefined for all:
 * "then open the next task" after a decision stays with the kind of work the reader chose.
 */
export function inboxTaskType(): string | undefined {
  return new URL(inboxHref(), location.origin).searchParams.get('type') || undefined;
}

/** After the heading took the focus (and was read out), the one-off message is put in. */
const flashDelayMs = 400;

export function localTaskTitle(
  task: { type: string; caseReference: string; title: string },
  lang: 'en' | 'uk' | 'ru' | 'zh',
): string {
  try {
    return taskTitle(task.type as TaskType, task.caseReference, lang);
  } catch {
    return task.title;
  }
}

/** The inbox's tasks, read up to `inboxReadLimit` from `cursor` (pages of 100) so one order covers them. */
export async function readInbox(
  token: string,
  cursor?: string,
): Promise<{ ok: true; items: TaskSummary[]; cursor?: string } | ({ ok: false } & Failure)> {
  const items: TaskSummary[] = [];
  let next = cursor;
  do {
    const params = new URLSearchParams({ limit: '100' });
    if (next) params.set('cursor', next);
    const res = await api<{ items: TaskSummary[]; cursor?: string }>('GET', `/v1/tasks?${params}`, { token });
    if (!res.ok) return res;
    items.push(...res.data.items);
    next = res.data.cursor;
  } while (next && items.length < inboxReadLimit);
  return next ? { ok: true, items, cursor: next } : { ok: true, items };
}

/**
 * The one-off message left for this page (setFlash), said in a live region that is already on
 * the page once the focus has moved to the heading: a region inserted with its text in it is not
 * announced by screen readers, and one filled as the focus moves is talked over by the heading.
 */
export function FlashRegion() {
  const [message] = useState(() => {
    const m = flash;
    flash = undefined;
    return m;
  });
  const [said, setSaid] = useState<string | undefined>();
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setSaid(message), flashDelayMs);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="flash">
      {said && (
        <div class="alert alert--success">
          <p>{said}</p>
        </div>
      )}
    </div>
  );
}

export function TasksPage({ session }: { session: Session }) {
  const { t, lang, date, money } = useStaffI18n();
  const { aidTypeName, categoryName } = useCatalogue();
  useTitle(t.tasksTitle);
  const [tasks, setTasks] = useState<TaskSummary[] | undefined>();
  const [cursor, setCursor] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [busy, setBusy] = useState(false);
  // The page is in the address, so Back from a task and the return after a decision land on it.
  const { query } = useLocation();
  const asked = Math.max(1, Math.floor(Number(query.get('page')) || 1));
  // A reviewer with forty tasks of several kinds may work through one kind at a time.
  const typeShown = query.get('type') ?? '';
  useEffect(() => {
    sessionStorage.setItem(inboxKey, `${location.pathname}${location.search}`);
  }, [asked, typeShown]);
  const setPage = (n: number) =>
    navigate(
      withQuery('/staff/tasks', { type: typeShown || undefined, page: n > 1 ? String(n) : undefined }),
    );
  const showType = (type: string) =>
    navigate(withQuery('/staff/tasks', { type: type || undefined, page: undefined }));

  const load = async (more = false) => {
    setBusy(true);
    const res = await readInbox(session.token, more ? cursor : undefined);
    setBusy(false);
    if (!res.ok) return setFailure(res);
    setFailure(undefined);
    setTasks([...(more ? (tasks ?? []) : []), ...res.items]);
    setCursor(res.cursor);
  };
  useEffect(() => {
    void load();
  }, [session.token]);

  const now = Date.now();
  const all = tasks ?? [];
  const sorted = all
    .filter((task) => !typeShown || task.type === typeShown)
    .sort((a, b) => inboxOrder(a, b, now, session.username));
  const typeCounts = new Map<string, number>();
  for (const task of all) typeCounts.set(task.type, (typeCounts.get(task.type) ?? 0) + 1);
  // The type asked for stays a choice when none is left, so the select says what is shown.
  if (typeShown && !typeCounts.has(typeShown)) typeCounts.set(typeShown, 0);
  const typeName = (type: string) => t.taskTypes[type] ?? type;
  const claimedByOther = (task: TaskSummary) => isClaimedByOther(task, now, session.username);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(asked, pages);
  const shown = sorted.slice((page - 1) * pageSize, page * pageSize);
  // Said beside the count: overdue tasks come first, but on page 1 of 5 nobody sees how many.
  const overdueCount = sorted.filter((task) => isOverdue(task, now)).length;
  const today = new Date().toDateString();

  return (
    <>
      <PageTitle>{t.tasksTitle}</PageTitle>
      <FlashRegion />
      <p>{t.tasksIntro}</p>
      {failure && (
        <Alert
          kind="error"
          title={t.errorSummaryTitle}
          action={
            <Button kind="secondary" type="button" onClick={() => void load()}>
              {t.tryAgain}
            </Button>
          }
        >
          <p>{failureMessage(t, failure)}</p>
        </Alert>
      )}
      {!tasks && !failure && <Loading />}
      {tasks && (
        <>
          {typeCounts.size > 1 && (
            <form class="inline-form" noValidate onSubmit={(e) => e.preventDefault()}>
              <Select
                id="taskType"
                label={t.showTaskType}
                value={typeShown}
                onChange={showType}
                choices={[
                  { value: '', label: t.allTaskTypes(all.length) },
                  ...[...typeCounts]
                    .sort(([a], [b]) => typeName(a).localeCompare(typeName(b), lang))
                    .map(([type, n]) => ({ value: type, label: `${typeName(type)} (${n})` })),
                ]}
              />
            </form>
          )}
          <div class="toolbar">
            <p role="status" data-testid="task-count">
              {cursor ? t.taskCountAtLeast(sorted.length) : t.taskCount(sorted.length)}
              {overdueCount > 0 && ` · ${t.overdueCount(overdueCount)}`}
            </p>
            <Button kind="secondary" type="button" busy={busy} onClick={() => void load()}>
              {t.refresh}
            </Button>
          </div>
          {sorted.length === 0 ? (
            <p class="inset">
              {typeShown && all.length > 0 ? t.noTasksOfType(typeName(typeShown)) : t.tasksEmpty}
            </p>
          ) : (
            <TableWrap label={t.tasksTitle}>
              <table class="table">
                <caption class="visually-hidden">{t.tasksTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.taskColumn}</th>
                    <th scope="col">{t.dueColumn}</th>
                    <th scope="col">{t.receivedColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((task) => {
                    const overdue = isOverdue(task, now);
                    return (
                      <tr
                        key={task.taskId}
                        class={overdue ? 'row--overdue' : undefined}
                        data-claimed-by={claimedByOther(task) ? task.claim?.claimedBy : undefined}
                      >
                        <td>
                          <Link
                            href={`/staff/tasks/${encodeURIComponent(task.taskId)}`}
                            data-task-type={task.type}
                            data-reference={task.caseReference}
                          >
                            {localTaskTitle(task, lang)}
                          </Link>
                          {task.brief?.priority && (
                            <>
                              {' '}
                              <Tag tone="red">{t.priorityTag}</Tag>
                            </>
                          )}
                          <br />
                          <span class="muted">
                            {[
                              t.taskTypes[task.type] ?? task.type,
                              task.department && departmentLabel(task.department, lang),
                              task.brief?.applicant,
                              task.brief?.aidType && aidTypeName(task.brief.aidType),
                              task.brief?.amount && money(task.brief.amount),
                              task.brief?.topic && topicLabel(task.brief.topic, lang),
                              task.brief?.categories?.map(categoryName).join(', '),
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </span>
                          {task.claim && claimedByOther(task) && (
                            <>
                              <br />
                              <Tag tone="grey">{t.claimedBy(task.claim.claimedBy)}</Tag>
                            </>
                          )}
                        </td>
                        <td>
                          {task.dueAt ? date(task.dueAt) : '—'}{' '}
                          {overdue ? (
                            <Tag tone="red">{t.overdue}</Tag>
                          ) : task.dueAt && new Date(task.dueAt).toDateString() === today ? (
                            <Tag tone="yellow">{t.dueToday}</Tag>
                          ) : null}
                        </td>
                        <td>{date(task.createdAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={page} pages={pages} onPage={setPage} />
          {cursor && (
            <Button kind="secondary" type="button" busy={busy} onClick={() => void load(true)}>
              {t.moreTasks}
            </Button>
          )}
        </>
      )}
    </>
  );
}
