import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBoundedBody, sendAwsJson } from '../aws-json-http.js';
import type { LocalStepFunctions } from './engine.js';
import { StepFunctionsApiError } from './errors.js';
import type { ExecutionStatus } from './journal.js';
import { isRecord, type JsonRecord, parseJson } from './json.js';

/**
 * The Step Functions JSON protocol (awsJson1_0) in front of the local engine, so handlers use the
 * real @aws-sdk/client-sfn with an endpoint override. Errors go out as HTTP 400 with `__type`,
 * which the SDK turns into its typed exceptions; dates are epoch seconds, as the service sends them.
 */

const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY_BYTES = 1024 * 1024;
const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT'];

type Operation = (engine: LocalStepFunctions, body: JsonRecord) => Promise<object>;

const operations: Record<string, Operation> = {
  async StartExecution(engine, body) {
    const { executionArn, startDate } = await engine.startExecution({
      stateMachineArn: required(body, 'stateMachineArn'),
      ...optionalField(body, 'name'),
      ...optionalField(body, 'input'),
    });
    return { executionArn, startDate: epochSeconds(startDate) };
  },
  async DescribeExecution(engine, body) {
    const description = await engine.describeExecution(required(body, 'executionArn'));
    return {
      ...description,
      startDate: epochSeconds(description.startDate),
      ...(description.stopDate ? { stopDate: epochSeconds(description.stopDate) } : {}),
    };
  },
  async StopExecution(engine, body) {
    const { stopDate } = await engine.stopExecution(required(body, 'executionArn'), {
      ...optionalField(body, 'error'),
      ...optionalField(body, 'cause'),
    });
    return { stopDate: epochSeconds(stopDate) };
  },
  async SendTaskSuccess(engine, body) {
    await engine.sendTaskSuccess(required(body, 'taskToken'), required(body, 'output'));
    return {};
  },
  async SendTaskFailure(engine, body) {
    const { error, cause } = { ...optionalField(body, 'error'), ...optionalField(body, 'cause') };
    await engine.sendTaskFailure(required(body, 'taskToken'), error, cause);
    return {};
  },
  async SendTaskHeartbeat(engine, body) {
    await engine.sendTaskHeartbeat(required(body, 'taskToken'));
    return {};
  },
  async ListExecutions(engine, body) {
    const statusFilter = optionalField(body, 'statusFilter').statusFilter;
    const status = STATUSES.find((candidate) => candidate === statusFilter);
    if (statusFilter !== undefined && !status) throw invalid(`Invalid statusFilter: ${statusFilter}`);
    const maxResults = body.maxResults;
    const { executions, nextToken } = await engine.listExecutions({
      stateMachineArn: required(body, 'stateMachineArn'),
      ...(status ? { statusFilter: status } : {}),
      ...(typeof maxResults === 'number' ? { maxResults } : {}),
      ...optionalField(body, 'nextToken'),
    });
    return {
      executions: executions.map((execution) => ({
        ...execution,
        startDate: epochSeconds(execution.startDate),
        ...(execution.stopDate ? { stopDate: epochSeconds(execution.stopDate) } : {}),
      })),
      ...(nextToken ? { nextToken } : {}),
    };
  },
};

export function createStepFunctionsHandler(
  engine: LocalStepFunctions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(engine, req, res).catch((error: unknown) => {
      // Only reachable when the response itself failed; nothing more can be sent.
      res.destroy(error instanceof Error ? error : undefined);
    });
  };
}

async function handle(engine: LocalStepFunctions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    sendAwsJson(res, 405, { __type: 'UnknownOperationException', message: 'Use POST with X-Amz-Target' });
    return;
  }
  const target = req.headers['x-amz-target'];
  const operationName =
    typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const operation = operations[operationName];
  if (!operation) {
    sendAwsJson(res, 400, {
      __type: 'UnknownOperationException',
      message: `Unknown operation: ${String(target)}`,
    });
    return;
  }
  try {
    const text = await readBody(req);
    const parsed = parseJson(text === '' ? '{}' : text);
    if (!parsed.ok || !isRecord(parsed.value)) {
      sendAwsJson(res, 400, {
        __type: 'SerializationException',
        message: 'The request body is not a JSON object',
      });
      return;
    }
    sendAwsJson(res, 200, await operation(engine, parsed.value));
  } catch (error) {
    if (error instanceof StepFunctionsApiError) {
      sendAwsJson(res, 400, { __type: error.name, message: error.message });
      return;
    }
    sendAwsJson(res, 500, {
      __type: 'InternalFailure',
      message: error instanceof Error ? error.message : 'Internal failure',
    });
  }
}

const readBody = (req: IncomingMessage) =>
  readBoundedBody(req, MAX_BODY_BYTES, () => invalid('The request body is too large'));

function required(body: JsonRecord, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw invalid(`${field} is required and must be a string`);
  return value;
}

function optionalField(body: JsonRecord, field: string): Record<string, string> {
  const value = body[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  return { [field]: value };
}

const invalid = (message: string) => new StepFunctionsApiError('ValidationException', message);

const epochSeconds = (date: Date) => date.getTime() / 1000;
