import * as z from 'zod/mini';
import { newRuleSetSchema } from '../../domain/rule-set-versions.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { createRuleSet } from '../use-cases/rule-sets.js';

const path = z.object({ aidType: z.string().check(z.minLength(1), z.maxLength(64)) });

export const handler = httpRoute({ action: 'rules:write', body: newRuleSetSchema }, async (req) => {
  const { aidType } = parseQuery(path, req.path);
  const principal = req.principal;
  if (!principal) throw new Error('httpRoute lets no anonymous caller through a staff route');
  const created = await createRuleSet({ aidType, body: req.body, principal, now: clock.now() });
  return {
    status: 201,
    body: created,
    headers: { location: `/v1/rule-sets/${encodeURIComponent(aidType)}` },
  };
});
