import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { z } from 'zod';
import { matchPath, type RouteSpec } from '../functions/http/routes.js';
import { zodIssuesToFieldErrors } from '../functions/lib/http.js';
import { InvalidCredentials, InvalidGrant, type LocalIssuer, type StaffDirectory } from './local-issuer.js';

/**
 * The local stand-in for API Gateway (HTTP API, Lambda proxy integration, payload format 2.0):
 * it matches the shared route table, plays the JWT authorizer with the local issuer, builds the
 * same `APIGatewayProxyEventV2` a Lambda receives in AWS and maps the handler's result back the
 * way API Gateway does, including API Gateway's own error answers (`{"message": "…"}`).
 */

/** API Gateway's hard limit on a request payload. The 64 KiB business limit is the handler's. */
export const maxPayloadBytes = 10 * 1024 * 1024;

/** API Gateway gives up on an integration after 30 s and answers 503. */
const defaultIntegrationTimeoutMs = 30_000;

/** The account id DynamoDB Local and the other local endpoints use. */
const localAccountId = '000000000000';

export type LocalEvent = APIGatewayProxyEventV2WithJWTAuthorizer | APIGatewayProxyEventV2;

export interface ExtraRouteResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface ExtraRoute {
  /** HTTP method, any case. */
  method: string;
  /** An exact path or a template in API Gateway syntax (`/mailbox/{id}`). */
  path: string;
  handle: (req: IncomingMessage, body: Buffer, url: URL) => Promise<ExtraRouteResult>;
}

export interface LocalHttpServerOptions {
  routes: readonly RouteSpec[];
  invoke: (
    functionName: string,
    event: APIGatewayProxyEventV2WithJWTAuthorizer | APIGatewayProxyEventV2,
  ) => Promise<APIGatewayProxyStructuredResultV2 | string | object>;
  issuer: LocalIssuer;
  directory: StaffDirectory;
  /** Served after the built-in routes and before the route table (static web app, local mailbox …). */
  extraRoutes?: ExtraRoute[];
  /**
   * A GET that matches nothing and is not an API path (`/v1/…`): the web app's own "page not
   * found", in the person's language, instead of the gateway's JSON (a mistyped link or `/apply/`).
   */
  pageNotFound?: ExtraRoute['handle'];
  healthy: () => boolean;
  log?: (line: string) => void;
  /** Origins allowed by CORS (API Gateway's CORS configuration); omitted → no CORS headers. */
  corsOrigins?: readonly string[];
  integrationTimeoutMs?: number;
}

interface Outgoing {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export function createLocalHttpServer(opts: LocalHttpServerOptions): Server {
  const log = opts.log ?? (() => {});
  const server = createServer((req, res) => {
    const started = Date.now();
    const requestId = randomUUID();
    handle(opts, req, requestId)
      .catch((error: unknown) => {
        log(`local http server failed on ${req.method} ${rawPathOf(req)}: ${describeError(error)}`);
        return gatewayError(500, 'Internal Server Error');
      })
      .then((out) => {
        send(res, out, requestId, corsHeaders(opts, req));
        log(`${req.method} ${rawPathOf(req)} ${out.statusCode} ${Date.now() - started}ms`);
      });
  });
  return server;
}

async function handle(
  opts: LocalHttpServerOptions,
  req: IncomingMessage,
  requestId: string,
): Promise<Outgoing> {
  const log = opts.log ?? (() => {});
  const method = (req.method ?? 'GET').toUpperCase();
  const { rawPath, rawQueryString } = splitTarget(req.url ?? '/');
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);

  const read = await readBody(req, maxPayloadBytes);
  if (read.tooLarge) return gatewayError(413, 'Request Entity Too Large');
  const body = read.body;

  // CORS preflight is answered by API Gateway itself when CORS is configured.
  if (method === 'OPTIONS' && req.headers['access-control-request-method'] && allowedOrigin(opts, req)) {
    return {
      statusCode: 204,
      headers: {
        'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
        'access-control-allow-headers':
          'authorization,content-type,idempotency-key,if-none-match,x-access-code',
        'access-control-max-age': '600',
      },
      body: Buffer.alloc(0),
    };
  }

  const builtIn = await builtInRoute(opts, method, rawPath, body);
  if (builtIn) return builtIn;

  // The app's files answer HEAD as GET, as CloudFront and S3 do (Node leaves the body out); the
  // API's routes do not, as under API Gateway.
  const fileMethod = method === 'HEAD' ? 'GET' : method;
  for (const extra of opts.extraRoutes ?? []) {
    if (extra.method.toUpperCase() !== fileMethod) continue;
    if (extra.path !== rawPath && !safeMatch(extra.path, rawPath)) continue;
    const result = await extra.handle(req, body, url);
    return {
      statusCode: result.statusCode,
      headers: { ...(result.headers ?? {}) },
      body: typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body,
    };
  }

  const found = findRoute(opts.routes, method, rawPath);
  if (found === 'bad-path') return gatewayError(400, 'Bad Request');
  if (!found) {
    if (opts.pageNotFound && fileMethod === 'GET' && !rawPath.startsWith('/v1/')) {
      const result = await opts.pageNotFound(req, body, url);
      return {
        statusCode: result.statusCode,
        headers: { ...(result.headers ?? {}) },
        body: typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body,
      };
    }
    return gatewayError(404, 'Not Found');
  }
  const { route, pathParameters } = found;

  // The JWT authorizer, on `jwt` routes only. API Gateway cannot express `optional-jwt`: the CDK
  // stack leaves such routes open at the gateway (infra/constructs/api.ts), so here too they get
  // no authorizer and no claims; the Authorization header reaches the handler untouched.
  let claims: Record<string, string> | undefined;
  if (route.auth === 'jwt') {
    const token = bearerToken(headerValue(req, 'authorization'));
    if (!token) return gatewayError(401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
    try {
      claims = flattenClaims(await opts.issuer.verify(token));
    } catch {
      return gatewayError(401, 'Unauthorized', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  const event = buildEvent({
    req,
    requestId,
    method,
    rawPath,
    rawQueryString,
    routeKey: route.path === '$default' ? '$default' : `${route.method} ${route.path}`,
    pathParameters,
    body,
    claims,
  });

  let result: unknown;
  try {
    result = await withTimeout(
      opts.invoke(route.function, event),
      opts.integrationTimeoutMs ?? defaultIntegrationTimeoutMs,
    );
  } catch (error) {
    if (error instanceof IntegrationTimeout) {
      log(`${route.function} did not answer within the integration timeout`);
      return gatewayError(503, 'Service Unavailable');
    }
    // A function error is a 500 in API Gateway too; the details go to the log, not the client.
    log(`${route.function} failed: ${describeError(error)}`);
    return gatewayError(500, 'Internal Server Error');
  }
  try {
    return fromLambdaResult(result);
  } catch (error) {
    log(`${route.function} returned a malformed response: ${describeError(error)}`);
    return gatewayError(500, 'Internal Server Error');
  }
}

// ---------------------------------------------------------------------------------------------
// Built-in routes: health, the local sign-in, the issuer's discovery documents.

const passwordGrantSchema = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});
/** A sign-in renewed before its access token ends (the desk does it a few minutes before). */
const refreshGrantSchema = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1).max(4096),
});

/** Signing out: the refresh token renews nothing from then on (Cognito's `/oauth2/revoke`). */
const revocationSchema = z.object({ token: z.string().min(1).max(4096) });

async function builtInRoute(
  opts: LocalHttpServerOptions,
  method: string,
  rawPath: string,
  body: Buffer,
): Promise<Outgoing | undefined> {
  if (method === 'GET' && rawPath === '/health') {
    return opts.healthy()
      ? jsonResponse(200, { status: 'ok' })
      : jsonResponse(503, { status: 'starting' }, { 'retry-after': '1' });
  }
  if (method === 'GET' && rawPath === '/auth/local/.well-known/jwks.json') {
    return jsonResponse(200, opts.issuer.jwks());
  }
  if (method === 'GET' && rawPath === '/auth/local/.well-known/openid-configuration') {
    // What API Gateway reads to find the issuer's keys; handy for tools that discover them too.
    const issuer = opts.issuer.issuerUrl;
    return jsonResponse(200, {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      token_endpoint: `${issuer}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
    });
  }
  if (method === 'POST' && rawPath === '/auth/local/revoke') {
    const parsed = jsonBody(body);
    if (parsed === notJson) return notJsonProblem();
    const request = revocationSchema.safeParse(parsed);
    if (!request.success)
      return problem(
        400,
        'validation',
        'The request is not valid',
        'Send { "token" }.',
        zodIssuesToFieldErrors(request.error.issues),
      );
    await opts.issuer.revoke(request.data.token);
    return jsonResponse(200, {}, { 'cache-control': 'no-store' });
  }
  if (method === 'POST' && rawPath === '/auth/local/token') {
    const parsed = jsonBody(body);
    if (parsed === notJson) return notJsonProblem();
    const renewal = typeof parsed === 'object' && parsed !== null && 'grant_type' in parsed;
    const request = (renewal ? refreshGrantSchema : passwordGrantSchema).safeParse(parsed);
    if (!request.success) {
      return problem(
        400,
        'validation',
        'The request is not valid',
        renewal
          ? 'Send { "grant_type": "refresh_token", "refresh_token" }.'
          : 'Send { "username", "password" }.',
        zodIssuesToFieldErrors(request.error.issues),
      );
    }
    try {
      const token =
        'refresh_token' in request.data
          ? await opts.issuer.renewToken(opts.directory, request.data.refresh_token)
          : await opts.issuer.issueToken(opts.directory, request.data.username, request.data.password);
      return jsonResponse(200, token, { 'cache-control': 'no-store', pragma: 'no-cache' });
    } catch (error) {
      if (error instanceof InvalidGrant)
        return problem(400, 'invalid-grant', 'The sign-in cannot be renewed', error.message);
      if (!(error instanceof InvalidCredentials)) throw error;
      return problem(401, 'invalid-credentials', 'Sign-in failed', 'The username or the password is wrong.');
    }
  }
  return undefined;
}

const notJson = Symbol('not JSON');
function jsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return notJson;
  }
}
const notJsonProblem = () =>
  problem(400, 'validation', 'The request is not valid', 'The body is not valid JSON.', [
    { path: '', message: 'The body is not valid JSON.' },
  ]);

// ---------------------------------------------------------------------------------------------
// Routing

type Found = { route: RouteSpec; pathParameters: Record<string, string> };

/**
 * API Gateway picks the most specific route: a literal segment beats a `{parameter}` in the same
 * place. A path that matches only under another method is 404 (HTTP APIs have no 405).
 */
function findRoute(
  routes: readonly RouteSpec[],
  method: string,
  rawPath: string,
): Found | 'bad-path' | undefined {
  const candidates: Found[] = [];
  for (const route of routes) {
    if (route.path === '$default' || route.method !== method) continue;
    let params: Record<string, string> | undefined;
    try {
      params = matchPath(route.path, rawPath);
    } catch {
      // A parameter with a broken %-escape.
      return 'bad-path';
    }
    if (params) candidates.push({ route, pathParameters: params });
  }
  candidates.sort((a, b) => compareSpecificity(a.route.path, b.route.path));
  const best = candidates[0];
  if (best) return best;
  const fallback = routes.find((route) => route.path === '$default');
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

function compareSpecificity(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const aParam = isParam(sa[i] ?? '');
    const bParam = isParam(sb[i] ?? '');
    if (aParam !== bParam) return aParam ? 1 : -1;
  }
  return 0;
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function safeMatch(template: string, rawPath: string): boolean {
  try {
    return matchPath(template, rawPath) !== undefined;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The event

interface EventInput {
  req: IncomingMessage;
  requestId: string;
  method: string;
  rawPath: string;
  rawQueryString: string;
  routeKey: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  claims: Record<string, string> | undefined;
}

function buildEvent(input: EventInput): LocalEvent {
  const { req } = input;
  const now = new Date();
  const sourceIp = clientIp(req);
  const headers = combinedHeaders(req);
  // Payload 2.0 moves cookies out of the headers into `cookies`.
  const cookieHeader = headers.cookie;
  delete headers.cookie;
  // API Gateway adds these on its way in.
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${sourceIp}`
    : sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
  headers['x-amzn-trace-id'] =
    `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  const host = headers.host ?? 'localhost';
  const domainName = host.replace(/:\d+$/, '');

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    headers,
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: input.method,
        path: input.rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
  const cookies = cookieHeader
    ?.split(/;\s*/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (cookies && cookies.length > 0) event.cookies = cookies;
  const query = queryParameters(input.rawQueryString);
  if (query) event.queryStringParameters = query;
  if (Object.keys(input.pathParameters).length > 0) event.pathParameters = { ...input.pathParameters };
  if (input.body.length > 0) {
    // Text goes through as UTF-8; anything else is base64, as API Gateway does.
    if (isTextContentType(headers['content-type'])) {
      event.body = input.body.toString('utf8');
    } else {
      event.body = input.body.toString('base64');
      event.isBase64Encoded = true;
    }
  }
  if (!input.claims) return event;
  const withAuthorizer: APIGatewayProxyEventV2WithJWTAuthorizer = {
    ...event,
    requestContext: {
      ...event.requestContext,
      authorizer: { jwt: { claims: input.claims, scopes: null }, principalId: '', integrationLatency: 0 },
    },
  };
  return withAuthorizer;
}

/**
 * Claims as the HTTP API JWT authorizer hands them over: every value a string, arrays flattened
 * to `[a b]` (space-separated, in brackets), null claims left out, objects as JSON text. So
 * `"cognito:groups": ["clerk", "reviewer"]` arrives as `"[clerk reviewer]"`; handlers read it with
 * `parseGroupsClaim` from functions/lib/jwt-claims.ts.
 */
export function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) out[name] = `[${value.map(scalarText).join(' ')}]`;
    else out[name] = scalarText(value);
  }
  return out;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/** Lower-cased names; a repeated header is joined with commas (payload 2.0 has no multi-value headers). */
function combinedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const existing = headers[name];
    // Cookies are joined with '; ' so they can be split back into single cookies.
    headers[name] = existing === undefined ? value : `${existing}${name === 'cookie' ? '; ' : ','}${value}`;
  }
  return headers;
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    const existing = out[name];
    out[name] = existing === undefined ? value : `${existing},${value}`;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)$/.test(type) ||
    /^application\/[\w.-]+\+(json|xml)$/.test(type)
  );
}

/** `12/Mar/2026:19:03:58 +0000`, the format of `requestContext.time`. */
function apiGatewayTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  const withoutFragment = target.split('#')[0] ?? '';
  const q = withoutFragment.indexOf('?');
  return q === -1
    ? { rawPath: withoutFragment || '/', rawQueryString: '' }
    : { rawPath: withoutFragment.slice(0, q) || '/', rawQueryString: withoutFragment.slice(q + 1) };
}

function rawPathOf(req: IncomingMessage): string {
  return splitTarget(req.url ?? '/').rawPath;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** API Gateway takes the token with or without the `Bearer` prefix. */
function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^\s*(?:bearer\s+)?(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

// ---------------------------------------------------------------------------------------------
// The response

/**
 * Payload 2.0 response rules: an object with `statusCode` is a structured response; anything
 * else that is valid JSON becomes a 200 `application/json` with that JSON as the body.
 */
function fromLambdaResult(result: unknown): Outgoing {
  if (typeof result === 'object' && result !== null && !Array.isArray(result) && 'statusCode' in result) {
    const structured = result as APIGatewayProxyStructuredResultV2;
    const status = structured.statusCode;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
      throw new Error(`statusCode ${String(status)} is not an HTTP status`);
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) {
      const lower = name.toLowerCase();
      // Framing is the gateway's business, not the function's.
      if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue;
      headers[lower] = String(value);
    }
    if (structured.cookies && structured.cookies.length > 0) headers['set-cookie'] = [...structured.cookies];
    const bodyText = structured.body ?? '';
    const body = structured.isBase64Encoded ? Buffer.from(bodyText, 'base64') : Buffer.from(bodyText, 'utf8');
    return { statusCode: status, headers, body };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(result ?? null), 'utf8'),
  };
}

function send(res: ServerResponse, out: Outgoing, requestId: string, cors: Record<string, string>): void {
  if (res.headersSent) return;
  res.statusCode = out.statusCode;
  for (const [name, value] of Object.entries({ ...cors, ...out.headers })) res.setHeader(name, value);
  res.setHeader('apigw-requestid', requestId);
  res.setHeader('content-length', out.body.length);
  res.end(out.body);
}

/** API Gateway's own answers: `{"message": "…"}` as application/json. */
function gatewayError(statusCode: number, message: string, headers: Record<string, string> = {}): Outgoing {
  return jsonResponse(statusCode, { message }, headers);
}

function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): Outgoing {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

/** RFC 9457 problem details, with the project's problem type URIs (functions/lib/errors.ts). */
function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  errors?: Array<{ path: string; message: string }>,
): Outgoing {
  const body: Record<string, unknown> = {
    type: `https://aidflow.example.org/problems/${type}`,
    title,
    status,
    detail,
  };
  if (errors) body.errors = errors;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

function allowedOrigin(opts: LocalHttpServerOptions, req: IncomingMessage): string | undefined {
  const origin = headerValue(req, 'origin');
  if (!origin || !opts.corsOrigins) return undefined;
  return opts.corsOrigins.includes(origin) || opts.corsOrigins.includes('*') ? origin : undefined;
}

function corsHeaders(opts: LocalHttpServerOptions, req: IncomingMessage): Record<string, string> {
  const origin = allowedOrigin(opts, req);
  return origin ? { 'access-control-allow-origin': origin, vary: 'origin' } : {};
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads the whole body, keeping at most `limit` bytes. Past the limit the rest is still read and
 * dropped, so the client sees the 413 instead of a reset connection in the middle of its upload.
 */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge });
    });
    req.on('error', reject);
    // A client that hangs up mid-upload gets no answer; don't leave the request waiting forever.
    req.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection before sending the whole body'));
    });
  });
}

class IntegrationTimeout extends Error {
  override readonly name = 'IntegrationTimeout';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IntegrationTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
  return String(error);
}
