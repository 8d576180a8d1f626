import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaEsbuildOptions } from '../../infra/bundling.js';
import { localCredentials } from '../../local/dynamodb-local.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { type ProbeStep, probeEmail, probeNotifications, probeSms } from './bundled-probe.js';

/**
 * The Lambda bundles swap three SDK modules for our own (infra/bundling.ts): env-only credentials
 * for the default credential chain, a stub for the event-stream codec, and a stand-in that keeps
 * DynamoDB endpoint discovery off. These tests bundle a
 * probe with exactly the Lambdas' esbuild settings and run it in a fresh Node process with a
 * Lambda-like environment, against DynamoDB Local and a local stand-in for SES and SNS.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const credentials = {
  AWS_ACCESS_KEY_ID: 'AKIABUNDLEPROBE',
  AWS_SECRET_ACCESS_KEY: 'bundle-probe-secret-key',
  AWS_SESSION_TOKEN: 'bundle-probe-session-token',
};
const region = 'eu-central-1';
/**
 * DynamoDB Local keeps one database per access key (local/dynamodb-local.ts): the DynamoDB probes
 * sign with the key whose database holds the test table.
 */
const dynamoCredentials = { ...credentials, AWS_ACCESS_KEY_ID: localCredentials.accessKeyId };

interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** SES (2010-12-01) and SNS answer the query protocol in XML; the two differ by their Action. */
function answer(action: string | null): { status: number; xml: string } {
  if (action === 'SendEmail') {
    return {
      status: 200,
      xml: '<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendEmailResult><MessageId>ses-message-1</MessageId></SendEmailResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></SendEmailResponse>',
    };
  }
  if (action === 'Publish') {
    return {
      status: 200,
      xml: '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>sns-message-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></PublishResponse>',
    };
  }
  return { status: 400, xml: `<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>` };
}

/** SQS answers SendMessageBatch in its JSON protocol, with each body's MD5, which the client checks. */
function sqsAnswer(body: string): string {
  const { Entries } = JSON.parse(body) as { Entries: { Id: string; MessageBody: string }[] };
  return JSON.stringify({
    Successful: Entries.map((e) => ({
      Id: e.Id,
      MessageId: `sqs-${e.Id}`,
      MD5OfMessageBody: createHash('md5').update(e.MessageBody, 'utf8').digest('hex'),
    })),
    Failed: [],
  });
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * The Signature V4 of a captured request recomputed with the given secret (the test's own check of
 * the signer's work, over the headers the request says it signed), and its credential scope.
 */
function verifySignature(request: CapturedRequest, secret: string) {
  const authorization = String(request.headers.authorization);
  const parts =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!parts) throw new Error(`not a Signature V4 authorization: ${authorization}`);
  const [, accessKeyId = '', date = '', signedRegion = '', service = '', signedHeaders = '', signature] =
    parts;
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${String(request.headers[name]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const [path = '/', query = ''] = request.url.split('?');
  const canonicalRequest = [
    request.method,
    path,
    query,
    canonicalHeaders,
    signedHeaders,
    sha256(request.body),
  ].join('\n');
  const scope = `${date}/${signedRegion}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    String(request.headers['x-amz-date']),
    scope,
    sha256(canonicalRequest),
  ].join('\n');
  const signingKey = ['aws4_request'].reduce(
    (key, part) => hmac(key, part),
    hmac(hmac(hmac(`AWS4${secret}`, date), signedRegion), service),
  );
  return {
    accessKeyId,
    region: signedRegion,
    service,
    signedHeaders: signedHeaders.split(';'),
    valid: hmac(signingKey, stringToSign).toString('hex') === signature,
  };
}

describe('a Lambda bundle (infra/bundling.ts settings and aliases)', () => {
  let workDir: string;
  let bundleFile: string;
  let metafile: Metafile;
  let table: TestTable;
  let server: Server;
  let serverUrl: string;
  const received: CapturedRequest[] = [];

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'aidflow-bundle-'));
    bundleFile = join(workDir, 'index.mjs');
    const result = await build({
      ...lambdaEsbuildOptions,
      entryPoints: [join(repoRoot, 'test/infra/bundled-probe.ts')],
      absWorkingDir: repoRoot,
      outfile: bundleFile,
      metafile: true,
      logLevel: 'error',
    });
    metafile = result.metafile;
    table = await createTestTable('keyValue');
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body });
        if (String(req.headers['x-amz-target']).startsWith('AmazonSQS.')) {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(sqsAnswer(body));
          return;
        }
        const { status, xml } = answer(new URLSearchParams(body).get('Action'));
        res.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
      });
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((closed) => server?.close(closed));
    await table?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Runs the bundle's handler once per step in one fresh Node process, as Lambda would load it. */
  async function run(steps: readonly ProbeStep[], env: Record<string, string> = credentials) {
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundleFile).href)});
      const out = [];
      for (const step of ${JSON.stringify(steps)}) {
        try { out.push({ result: await handler({ step }) }); }
        catch (error) { out.push({ error: error.message }); }
      }
      process.stdout.write(JSON.stringify(out));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        // No shared config or credentials files: what the bundle gets is the environment.
        HOME: workDir,
        AWS_CONFIG_FILE: join(workDir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
        AWS_REGION: region,
        AWS_LAMBDA_FUNCTION_NAME: 'aidflow-bundle-probe',
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        TABLE_NAME: table.tableName,
        DYNAMODB_ENDPOINT: table.endpoint,
        // The SDK's service-specific endpoint variables: the clients are built exactly as in AWS.
        AWS_ENDPOINT_URL_SES: serverUrl,
        AWS_ENDPOINT_URL_SNS: serverUrl,
        AWS_ENDPOINT_URL_SQS: serverUrl,
        ...env,
      },
      timeout: 15_000,
    });
    return JSON.parse(stdout) as { result?: unknown; error?: string }[];
  }

  it('carries the env-credentials provider and the event-stream stub instead of the SDK modules', () => {
    const inputs = Object.keys(metafile.inputs);

    expect(inputs).toContain('infra/lambda-env-credentials.ts');
    expect(inputs).toContain('infra/no-event-streams.ts');
    expect(inputs.filter((f) => /credential-provider-(node|ini|sso|process|web-identity)\//.test(f))).toEqual(
      [],
    );
    expect(inputs.filter((f) => f.includes('submodules/event-streams/'))).toEqual([]);
  });

  it("carries the endpoint-discovery stand-in instead of the SDK's discovery middleware and its endpoint cache", () => {
    const inputs = Object.keys(metafile.inputs);

    expect(inputs).toContain('infra/no-endpoint-discovery.ts');
    expect(
      inputs.filter((f) => /(middleware-endpoint-discovery|endpoint-cache|mnemonist|obliterator)\//.test(f)),
    ).toEqual([]);
  });

  it('puts, gets and writes transactions on DynamoDB through the document client', async () => {
    const [dynamo] = await run(['dynamo'], dynamoCredentials);

    expect(dynamo).toEqual({
      result: {
        afterPut: { pk: 'PROBE#1', sk: 'ITEM', note: 'put' },
        committed: { ok: true, reasons: [] },
        cancelled: { ok: false, reasons: ['ConditionalCheckFailed'] },
        afterTransaction: { pk: 'PROBE#1', sk: 'ITEM', note: 'transacted' },
      },
    });
    const second = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { pk: 'PROBE#2', sk: 'ITEM' } }),
    );
    expect(second.Item).toEqual({ pk: 'PROBE#2', sk: 'ITEM' });
  });

  it('sends the e-mail through SES and the SMS through SNS, signed with the credentials of the environment', async () => {
    received.length = 0;

    const [notify] = await run(['notify']);

    expect(notify).toEqual({
      result: { email: { messageId: 'ses-message-1' }, sms: { messageId: 'sns-message-1' } },
    });
    const byAction = new Map(received.map((r) => [new URLSearchParams(r.body).get('Action'), r]));
    expect([...byAction.keys()].sort()).toEqual(['Publish', 'SendEmail']);
    const email = new URLSearchParams(byAction.get('SendEmail')?.body);
    expect(email.get('Source')).toBe('no-reply@aidflow.example.org');
    expect(email.get('Destination.ToAddresses.member.1')).toBe(probeEmail.to);
    expect(email.get('Message.Subject.Data')).toBe(probeEmail.subject);
    expect(email.get('Message.Body.Text.Data')).toBe(probeEmail.text);
    const sms = new URLSearchParams(byAction.get('Publish')?.body);
    expect(sms.get('PhoneNumber')).toBe(probeSms.to);
    expect(sms.get('Message')).toBe(probeSms.text);
    for (const [action, service] of [
      ['SendEmail', 'ses'],
      ['Publish', 'sns'],
    ] as const) {
      const request = byAction.get(action)!;
      expect(verifySignature(request, credentials.AWS_SECRET_ACCESS_KEY)).toMatchObject({
        accessKeyId: credentials.AWS_ACCESS_KEY_ID,
        region,
        service,
        valid: true,
      });
      expect(request.headers['x-amz-security-token']).toBe(credentials.AWS_SESSION_TOKEN);
      expect(verifySignature(request, 'another-secret').valid).toBe(false);
    }
  });

  it('queues notifications through SQS SendMessageBatch, ten to a request, signed with the credentials of the environment', async () => {
    received.length = 0;

    const [enqueue] = await run(['enqueue']);

    expect(enqueue).toEqual({ result: { refused: [] } });
    const requests = received.filter((r) => r.headers['x-amz-target'] === 'AmazonSQS.SendMessageBatch');
    const entries = requests.map(
      (r) => (JSON.parse(r.body) as { Entries: { MessageBody: string }[] }).Entries,
    );
    expect(entries.map((e) => e.length)).toEqual([10, 2]);
    expect(JSON.parse(entries[0]![0]!.MessageBody)).toEqual(probeNotifications[0]);
    for (const request of requests) {
      expect(verifySignature(request, credentials.AWS_SECRET_ACCESS_KEY)).toMatchObject({
        service: 'sqs',
        valid: true,
      });
    }
  });

  it('refuses to send without credentials in the environment, with its own explanation', async () => {
    received.length = 0;

    const [notify] = await run(['notify'], {});

    expect(notify?.error).toMatch(/No AWS credentials in the environment/);
    expect(received).toEqual([]);
  });

  it('keeps working on DynamoDB when the environment turns endpoint discovery off', async () => {
    const [dynamo] = await run(['dynamo'], { ...dynamoCredentials, AWS_ENABLE_ENDPOINT_DISCOVERY: 'false' });

    expect(dynamo).toMatchObject({ result: { afterTransaction: { note: 'transacted' } } });
  });

  it('refuses to build a DynamoDB client when the environment turns endpoint discovery on', async () => {
    const runs = await Promise.all([
      run(['dynamo'], { ...dynamoCredentials, AWS_ENABLE_ENDPOINT_DISCOVERY: 'true' }),
      run(['dynamo'], { ...dynamoCredentials, AWS_ENDPOINT_DISCOVERY_ENABLED: '1' }),
    ]);

    expect(runs.map(([dynamo]) => dynamo?.error)).toEqual([
      expect.stringMatching(
        /endpoint discovery is not bundled into AidFlow Lambdas .*AWS_ENABLE_ENDPOINT_DISCOVERY="true"/,
      ),
      expect.stringMatching(
        /endpoint discovery is not bundled into AidFlow Lambdas .*AWS_ENDPOINT_DISCOVERY_ENABLED="1"/,
      ),
    ]);
  });

  it('refuses to build a DynamoDB client configured with endpoint discovery on', async () => {
    const [endpointDiscovery] = await run(['endpointDiscovery']);

    expect(endpointDiscovery).toEqual({
      result: {
        error: expect.stringMatching(
          /endpoint discovery is not bundled into AidFlow Lambdas .*endpointDiscoveryEnabled: true/,
        ),
      },
    });
  });

  it('fails loudly, with its explanation, where event streams would be needed', async () => {
    const [eventStreams] = await run(['eventStreams']);

    expect(eventStreams).toEqual({
      result: { error: expect.stringMatching(/Event streams are not bundled into AidFlow Lambdas/) },
    });
  });
});
