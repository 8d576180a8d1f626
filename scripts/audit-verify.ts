import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeChainProblem } from '../domain/audit-chain.js';
import { localCredentials, localRegion } from '../local/dynamodb-local.js';
import { readRuntimeInfo } from '../local/runtime-info.js';
import { verifyAuditTrails } from './audit-trails.js';

/*
 * npm run audit:verify — checks every case's audit hash chain (domain/audit-chain.ts) and exits 1
 * if any event was edited or deleted, 0 when every chain is intact.
 *
 * Which table: DYNAMODB_ENDPOINT (optional in AWS) and TABLE_NAME from the environment; without
 * them, the local runtime running on AIDFLOW_DATA_DIR (default .data), as it announces itself in
 * <data dir>/runtime.json. AUDIT_VERIFY_SEGMENTS sets the parallel Scan segments (default 4).
 * `--json` prints the report as JSON.
 */

function target(): { endpoint: string | undefined; tableName: string; local: boolean } {
  const { DYNAMODB_ENDPOINT, TABLE_NAME, AIDFLOW_DATA_DIR } = process.env;
  if (TABLE_NAME) return { endpoint: DYNAMODB_ENDPOINT || undefined, tableName: TABLE_NAME, local: false };
  const dataDir = resolve(AIDFLOW_DATA_DIR || '.data');
  const running = readRuntimeInfo(dataDir);
  if (!running) {
    console.error(
      `No table to check: set TABLE_NAME (and DYNAMODB_ENDPOINT for DynamoDB Local), or start the local runtime (npm start) on ${dataDir}.`,
    );
    process.exit(2);
  }
  return { endpoint: running.dynamoEndpoint, tableName: running.tableName, local: true };
}

const json = process.argv.includes('--json');
const { endpoint, tableName, local } = target();
const segments = Math.max(1, Number(process.env.AUDIT_VERIFY_SEGMENTS ?? 4) || 4);
// DynamoDB Local takes any credentials; name them when the environment has none, as the runtime does.
const useLocalCredentials = local || (endpoint !== undefined && !process.env.AWS_ACCESS_KEY_ID);
const client = new DynamoDBClient({
  ...(endpoint ? { endpoint } : {}),
  region: process.env.AWS_REGION ?? localRegion,
  ...(useLocalCredentials ? { credentials: localCredentials } : {}),
});
const doc = DynamoDBDocumentClient.from(client);

try {
  const report = await verifyAuditTrails({ doc, tableName, segments });
  if (json) {
    console.log(JSON.stringify({ tableName, ...report }, null, 2));
  } else {
    for (const finding of report.findings) {
      const name = finding.reference ? `${finding.reference} (${finding.caseId})` : finding.caseId;
      for (const problem of finding.problems) console.log(`✗ ${name}: ${describeChainProblem(problem)}`);
    }
    const verdict =
      report.findings.length === 0
        ? 'every chain is intact'
        : `${report.findings.length} case(s) with problems`;
    console.log(
      `audit:verify ${tableName}: ${report.cases} case(s), ${report.events} event(s) checked in ${report.elapsedMs} ms; ${verdict}`,
    );
  }
  process.exitCode = report.findings.length === 0 ? 0 : 1;
} catch (error) {
  console.error(`audit:verify could not read ${tableName}: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  client.destroy();
}
