import { clock } from '../lib/clock.js';
import { csvHeaders } from '../lib/csv.js';
import { httpRoute } from '../lib/http.js';
import { officeYear } from '../lib/office-day.js';
import { parseQuery } from '../lib/query.js';
import { budgetsCsv, budgetsReport } from '../use-cases/reports/budgets-report.js';
import { reportQuery } from './report-query.js';

export const handler = httpRoute({ action: 'reports:read' }, async (req) => {
  const { year = officeYear(clock.now()), format } = parseQuery(reportQuery, req.query);
  const report = await budgetsReport(year);
  if (format === 'csv') {
    return { status: 200, text: budgetsCsv(report), headers: csvHeaders(`budgets-${year}.csv`) };
  }
  return { status: 200, body: report };
});
