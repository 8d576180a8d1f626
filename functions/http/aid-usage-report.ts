import { clock } from '../lib/clock.js';
import { csvHeaders } from '../lib/csv.js';
import { httpRoute } from '../lib/http.js';
import { officeYear } from '../lib/office-day.js';
import { parseQuery } from '../lib/query.js';
import { aidUsageCsv, aidUsageReport } from '../use-cases/reports/aid-usage.js';
import { reportQuery } from './report-query.js';

export const handler = httpRoute({ action: 'reports:read' }, async (req) => {
  const { year = officeYear(clock.now()), format } = parseQuery(reportQuery, req.query);
  const report = await aidUsageReport(year);
  if (format === 'csv') {
    return { status: 200, text: aidUsageCsv(report), headers: csvHeaders(`aid-usage-${year}.csv`) };
  }
  return { status: 200, body: report };
});
