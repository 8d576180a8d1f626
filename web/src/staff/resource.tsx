import { useEffect, useState } from 'preact/hooks';
import { api, type Failure } from '../api.js';
import { failureMessage } from '../errors.js';
import { Alert, Button, Unavailable } from '../ui.js';
import type { Session } from './session.js';
import { useStaffI18n } from './staff-strings.js';

/**
 * Loading what a staff page shows, so that nothing hangs silently: every request ends in data, "not
 * available on this server", or an error with a way to try again.
 */
export interface Resource<T> {
  data?: T;
  failure?: Failure;
  loading: boolean;
  reload: () => void;
}

export interface ResourceOptions {
  /**
   * While the same path is read again (`reload`), keep its last data instead of none: a list the
   * reader is working down stays on screen, with their place and focus in it, rather than giving
   * way to "Loading" and back. `loading` still says a read is under way.
   */
  keepWhileReloading?: boolean;
}

/** One GET resource with the staff token; `path` undefined loads nothing (yet). */
export function useResource<T>(
  session: Session,
  path: string | undefined,
  options: ResourceOptions = {},
): Resource<T> {
  // Kept with the path it answers, so a page never shows one query's data under another's.
  const [state, setState] = useState<{ path?: string; round: number; data?: T; failure?: Failure }>({
    round: -1,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    void api<T>('GET', path, { token: session.token }).then((res) => {
      if (!current) return;
      setState(res.ok ? { path, round, data: res.data } : { path, round, failure: res });
    });
    return () => {
      current = false;
    };
  }, [path, session.token, round]);
  const samePath = path !== undefined && state.path === path;
  const settled = samePath && state.round === round;
  const shown = settled || (samePath && options.keepWhileReloading === true);
  return {
    ...(shown && state.data !== undefined ? { data: state.data } : {}),
    ...(settled && state.failure ? { failure: state.failure } : {}),
    loading: path !== undefined && !settled,
    reload: () => setRound((r) => r + 1),
  };
}

/**
 * A list the API pages with `limit` and `cursor`: the cursors of the pages seen are kept, so
 * "Previous" goes back without asking the server to count.
 */
export interface CursorPages<T> extends Resource<{ items: T[]; cursor?: string }> {
  page: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
}

export function useCursorPages<T>(
  session: Session,
  path: string | undefined,
  limit = 20,
  options: ResourceOptions = {},
): CursorPages<T> {
  // The cursors belong to one query: another query starts again at its first page.
  const [state, setState] = useState<{ path?: string; cursors: (string | undefined)[] }>({ cursors: [] });
  const cursors = state.path === path ? state.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const full =
    path === undefined
      ? undefined
      : `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const resource = useResource<{ items: T[]; cursor?: string }>(session, full, options);
  return {
    ...resource,
    page: cursors.length,
    hasNext: Boolean(resource.data?.cursor),
    next: () => {
      const nextCursor = resource.data?.cursor;
      if (nextCursor) setState({ path, cursors: [...cursors, nextCursor] });
    },
    previous: () => setState({ path, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

/** Previous / page n / Next for a cursor-paged list (the total is not known). */
export function CursorPagination({ pages }: { pages: CursorPages<unknown> }) {
  const { t } = useStaffI18n();
  if (pages.page <= 1 && !pages.hasNext) return null;
  return (
    <nav class="pagination" aria-label={t.pagination}>
      <Button
        kind="secondary"
        type="button"
        disabled={pages.page <= 1 || pages.loading}
        onClick={pages.previous}
      >
        {t.previous}
      </Button>
      <span aria-current="page">{t.pageNumber(pages.page)}</span>
      <Button kind="secondary" type="button" disabled={!pages.hasNext || pages.loading} onClick={pages.next}>
        {t.next}
      </Button>
    </nav>
  );
}

/** Whether asking again may help: no answer, a timeout, a server error, too many requests. */
export function retryable(failure: Failure): boolean {
  return (
    failure.kind === 'network' ||
    (failure.kind === 'http' && (failure.status >= 500 || failure.status === 408 || failure.status === 429))
  );
}

/**
 * A failed load: "not available" for a route this server lacks, else the reason and "Try again".
 * A load is only reading, so no answer says to try again, not that typed answers are kept.
 */
export function Failed({ failure, onRetry }: { failure: Failure; onRetry?: (() => void) | undefined }) {
  const { t } = useStaffI18n();
  if (failure.kind === 'unavailable') return <Unavailable />;
  return (
    <Alert
      kind="error"
      title={t.errorSummaryTitle}
      action={
        onRetry && (
          <Button kind="secondary" type="button" onClick={onRetry}>
            {t.tryAgain}
          </Button>
        )
      }
    >
      <p>{failure.kind === 'network' ? t.networkErrorReading : failureMessage(t, failure)}</p>
    </Alert>
  );
}

/** Years a staff member may pick for yearly figures: a few back, and next year's budget. */
export function yearChoices(now = new Date()): string[] {
  const year = now.getFullYear();
  return [year + 1, year, year - 1, year - 2, year - 3, year - 4].map(String);
}
