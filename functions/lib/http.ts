import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod/mini';
import { type Action, can, explainDenial } from '../../domain/permissions.js';
import {
  AppError,
  ForbiddenError,
  PayloadTooLargeError,
  TransientError,
  toProblem,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
import { parseGroupsClaim } from './jwt-claims.js';
import { logger } from './logger.js';
import { metrics } from './metrics.js';

/** Business limit on request bodies (API.md): larger → 413, before any parsing. */
export const maxBodyBytes = 64 * 1024;

export interface Principal {
  readonly sub: string;
  readonly username: string;
  readonly roles: readonly string[];
}

export interface HttpRequest<Body> {
  /** Upper case: a function serving two routes of one path (PUT and DELETE) tells them apart by it. */
  readonly method: string;
  readonly body: Body;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly principal: Principal | undefined;
  readonly sourceIp: string;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** A document that is not JSON (minutes as Markdown, payment files): sent as is, with `headers`. */
  readonly text?: string;
}

type Event = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown> } };
  };
};

interface RouteOptions<S extends z.ZodMiniType | undefined> {
  /** The permission matrix action this route needs; omit for public routes. */
  readonly action?: Action;
  /**
   * Lets signed-in staff add fields on a public route (e.g. clerks registering by phone): the
   * route is open to everyone, and `action` names what only staff may add. The gateway passes no
   * claims on such routes, so the handler verifies the token and checks `action` itself.
   */
  readonly optionalAuth?: boolean;
  /**
   * The body schema, or a function giving it per request (for checks that need today's date, or
   * data such as the catalogue, which it may read: hence it may return a promise).
   */
  readonly body?: S | (() => S | Promise<S>);
}

type BodyOf<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrorList {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
type FieldErrorList = { path: string; message: string }[];

function principalOf(event: Event): Principal | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) return undefined;
  const sub = String(claims.sub ?? '');
  const username = String(claims.username ?? claims['cognito:username'] ?? sub);
  return { sub, username, roles: parseGroupsClaim(claims['cognito:groups']) };
}

function bodyText(event: Event): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Carries the parsed request from the middleware to the handler. Keyed by the event object, so
 * concurrent invocations in one process (the local runtime) never see each other's requests.
 */
const parsedRequests = new WeakMap<object, HttpRequest<unknown>>();

/** Parses, limits and validates the request; authorises the caller. Nothing is written on failure. */
function requestParser<S extends z.ZodMiniType | undefined>(
  options: RouteOptions<S>,
): MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> {
  return {
    name: 'aidflow-request',
    async before(request) {
      const event = request.event;
      const raw = event.body ?? '';
      const size = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, 'utf8');
      if (size > maxBodyBytes) {
        throw new PayloadTooLargeError(
          `The body is ${size} bytes; the limit is ${maxBodyBytes} bytes (64 KiB).`,
        );
      }
      const principal = principalOf(event);
      if (options.action && !options.optionalAuth) {
        if (!principal) throw new UnauthorizedError('Sign in to use this route.');
        if (!can(principal.roles, options.action)) {
          throw new ForbiddenError(explainDenial(principal.roles, options.action), {
            code: 'role_required',
            action: options.action,
          });
        }
      }
      let body: unknown;
      if (options.body) {
        const contentType = (event.headers?.['content-type'] ?? 'application/json').toLowerCase();
        if (!contentType.includes('json')) {
          throw new UnsupportedMediaTypeError('Send the body as JSON (Content-Type: application/json).');
        }
        const text = bodyText(event);
        if (text.trim() === '')
          throw new ValidationError([{ path: '', message: 'A JSON body is required.' }]);
        try {
          body = JSON.parse(text);
        } catch {
          throw new ValidationError(
            [{ path: '', message: 'The body is not valid JSON.' }],
            'The body is not valid JSON.',
          );
        }
        const schema = typeof options.body === 'function' ? await options.body() : options.body;
        const parsed = (schema as z.ZodMiniType).safeParse(body);
        if (!parsed.success) throw new ValidationError(zodIssuesToFieldErrors(parsed.error.issues));
        body = parsed.data;
      }
      const req: HttpRequest<unknown> = {
        method: (event.requestContext?.http?.method ?? 'GET').toUpperCase(),
        body,
        path: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers: Object.fromEntries(
          Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']),
        ),
        principal,
        sourceIp: event.requestContext?.http?.sourceIp ?? '',
      };
      parsedRequests.set(event, req);
    },
  };
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function problemResponse(
  status: number,
  problem: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
    body: JSON.stringify(problem),
  };
}

/** Maps every error to problem+json: bad input is a 4xx, never a 5xx. */
const problemErrors: MiddlewareObj<Event, APIGatewayProxyStructuredResultV2> = {
  name: 'aidflow-problem-errors',
  onError(request) {
    const error = request.error;
    if (error instanceof AppError) {
      const headers: Record<string, string> = {};
      if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number') {
        headers['retry-after'] = String(error.retryAfterSeconds);
      }
      if (error.status >= 500) logger.error('request failed', { error });
      request.response = problemResponse(error.status, toProblem(error), headers);
      return request.response;
    }
    if (error instanceof TransientError) {
      logger.warn('transient failure', { errorName: error.name, errorMessage: error.message });
      request.response = problemResponse(
        503,
        {
          type: 'about:blank',
          title: 'Service busy',
          status: 503,
          detail: 'Please try again in a moment.',
          code: 'busy',
        },
        { 'retry-after': '2' },
      );
      return request.response;
    }
    logger.error('unexpected error', {
      errorName: error?.name,
      errorMessage: error?.message,
      stack: error?.stack,
    });
    request.response = problemResponse(500, {
      type: 'about:blank',
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side. Your request was not completed; please try again later.',
      code: 'internal',
    });
    return request.response;
  },
};

/**
 * Who may call a handler, as its `httpRoute` options say: exposed on the handler so that a test
 * can hold it against the route table (the gateway's authorizer is configured from the table, the
 * 403 from these options; the two must agree).
 */
export interface RouteAccess {
  readonly auth: 'public' | 'jwt' | 'optional-jwt';
  readonly action: Action | undefined;
}

/**
 * Builds an HTTP handler: middleware first (logging context, problem mapping, parsing and
 * authorisation), the route's use-case call last.
 */
export function httpRoute<S extends z.ZodMiniType | undefined = undefined>(
  options: RouteOptions<S>,
  handle: (req: HttpRequest<BodyOf<S>>) => Promise<HttpResult>,
) {
  const access: RouteAccess = {
    auth: options.optionalAuth ? 'optional-jwt' : options.action ? 'jwt' : 'public',
    action: options.action,
  };
  return Object.assign(routeHandler(options, handle), { access });
}

function routeHandler<S extends z.ZodMiniType | undefined>(
  options: RouteOptions<S>,
  handle: (req: HttpRequest<BodyOf<S>>) => Promise<HttpResult>,
) {
  return middy<Event, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(problemErrors)
    .use(requestParser(options))
    .handler(async (event) => {
      const req = parsedRequests.get(event) as HttpRequest<BodyOf<S>> | undefined;
      if (!req) throw new Error('request parser did not run');
      const result = await handle(req);
      if (result.text !== undefined) {
        return {
          statusCode: result.status,
          headers: { 'cache-control': 'no-store', ...(result.headers ?? {}) },
          body: result.text,
        };
      }
      if (result.status >= 400 && result.body && typeof result.body === 'object' && 'title' in result.body) {
        return problemResponse(result.status, result.body, result.headers);
      }
      return json(result.status, result.body, result.headers);
    });
}
