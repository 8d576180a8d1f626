import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describeChainProblem } from '../domain/audit-chain.js';
import { verifyAuditTrails } from './audit-trails.js';
import { tableTarget } from './table-target.js';

/*
 * npm run audit:verify — checks every case's audit hash chain (domain/audit-chain.ts) and exits 1
 * if any event was edited or deleted, 0 when every chain is intact.
 *
 * Which table: see table-target.ts. AUDIT_VERIFY_SEGMENTS sets the parallel Scan segments (default 4).
 * `--json` prints the report as JSON.
 */

const json = process.argv.includes('--json');
const { client, tableName } = tableTarget('audit:verify');
const segments = Math.max(1, Number(process.env.AUDIT_VERIFY_SEGMENTS ?? 4) || 4);
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
