import * as z from 'zod/mini';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { officeDate } from '../lib/office-day.js';
import { parseQuery } from '../lib/query.js';
import { listRuleSets } from '../use-cases/rule-sets.js';

const path = z.object({ aidType: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ action: 'rules:read' }, async (req) => {
  const { aidType } = parseQuery(path, req.path);
  return { status: 200, body: await listRuleSets(aidType, officeDate(clock.now())) };
});
