import { renderMinutes } from '../../domain/commission.js';
import { httpRoute } from '../lib/http.js';
import { officeTimeZone } from '../lib/office-day.js';
import { minutesOf } from '../use-cases/commission.js';

/** The commission's minutes of a case as a Markdown document (download). */
export const handler = httpRoute({ action: 'cases:read' }, async (req) => {
  const minutes = await minutesOf(req.path.caseId ?? '');
  return {
    status: 200,
    text: renderMinutes(minutes, officeTimeZone()),
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="minutes-${minutes.caseReference}.md"`,
    },
  };
});
