import { isIsoDate } from '../../domain/dates.js';
import { reportPeriodTooLong } from '../../domain/report-period.js';
import { ValidationError } from '../lib/errors.js';
import { httpRoute } from '../lib/http.js';
import { appealsReport, appealsReportCsv } from '../use-cases/appeals/appeals-report.js';

export const handler = httpRoute({ action: 'reports:read' }, async (req) => {
  const { from = '', to = '', format = 'json' } = req.query;
  const errors = [
    ...(isIsoDate(from)
      ? []
      : [{ path: 'from', message: 'Give the first day as YYYY-MM-DD, e.g. 2026-01-01.' }]),
    ...(isIsoDate(to) ? [] : [{ path: 'to', message: 'Give the last day as YYYY-MM-DD, e.g. 2026-12-31.' }]),
    ...(format === 'json' || format === 'csv'
      ? []
      : [{ path: 'format', message: 'Use format=json or format=csv.' }]),
  ];
  if (errors.length === 0 && from > to)
    errors.push({ path: 'to', message: 'The last day is before the first.' });
  // At most five years in one report (domain/report-period.ts): one query per year.
  if (errors.length === 0 && reportPeriodTooLong(from, to)) {
    errors.push({ path: 'to', message: 'Ask for at most five years at a time.' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  const report = await appealsReport(from, to);
  if (format === 'csv') {
    return {
      status: 200,
      text: appealsReportCsv(report),
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="appeals-${from}-${to}.csv"`,
      },
    };
  }
  return { status: 200, body: report };
});
