/**
 * The HTTP client of the API.md contract. Every call resolves (never throws) to a result the
 * page can explain to a person: what happened and what to do.
 */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /**
   * What went wrong, for the page (it words it in the reader's language, errors.ts): the kind
   * (`conflict`, `not_found`, …) or a precise code (`nothing_to_batch`, `already_answered`, …).
   */
  code?: string;
  errors?: FieldProblem[];
  /** The problem's other fields (`answeredAt`, `caseStatus`, `skipped`, …), by its code. */
  [extension: string]: unknown;
}

export type Failure =
  /** The browser could not reach the server (offline, DNS, server down) or it took too long. */
  | { kind: 'network'; status: 0 }
  /** The route does not exist on this server (yet): the gateway's own 404. */
  | { kind: 'unavailable'; status: 404 }
  /** The server answered with an error; `problem` is its RFC 9457 body when it sent one. */
  | { kind: 'http'; status: number; problem: Problem; retryAfterSeconds?: number };

export type ApiResult<T> = ({ ok: true; status: number; data: T } | ({ ok: false } & Failure)) & {
  headers?: Headers;
};

export interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** The HTTP cache mode: 'no-cache' revalidates a response the server lets browsers keep. */
  cache?: RequestCache;
}

/** Called when a staff request is refused for an expired or invalid token (401). */
let onUnauthorised: (() => void) | undefined;
export function setUnauthorisedHandler(handler: () => void): void {
  onUnauthorised = handler;
}

export async function api<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body,
      signal: controller.signal,
      credentials: 'same-origin',
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch {
    return { ok: false, kind: 'network', status: 0 };
  } finally {
    clearTimeout(timer);
  }
  const parsed = parseBody(await res.text().catch(() => ''));
  if (res.ok) return { ok: true, status: res.status, data: parsed as T, headers: res.headers };
  return { ok: false, ...failureOf(res, parsed, options.token !== undefined) };
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** What a refused request failed with: the gateway's own 404, or the server's problem and its code. */
function failureOf(res: Response, parsed: unknown, withToken: boolean): Failure {
  const isObject = typeof parsed === 'object' && parsed !== null;
  if (res.status === 404 && isObject && 'message' in (parsed as object) && !('type' in (parsed as object))) {
    return { kind: 'unavailable', status: 404 };
  }
  if (res.status === 401 && withToken) onUnauthorised?.();
  const retryAfter = Number(res.headers.get('retry-after'));
  return {
    kind: 'http',
    status: res.status,
    problem: isObject ? (parsed as Problem) : {},
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/** Downloads a file from the API (e.g. a payment batch's CSV) with the staff token. */
export async function download(path: string, token: string, filename: string): Promise<ApiResult<null>> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return { ok: false, kind: 'network', status: 0 };
  }
  // A refused file says why, as any other request does (e.g. `office_account_missing`).
  if (!res.ok) return { ok: false, ...failureOf(res, parseBody(await res.text().catch(() => '')), true) };
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, status: res.status, data: null };
}

/** A random id for Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
