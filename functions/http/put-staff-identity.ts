import * as z from 'zod/mini';
import { staffIdentitySchema, staffUsernameSchema } from '../../domain/staff-identity.js';
import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { setStaffIdentity } from '../use-cases/staff-identity.js';

const path = z.object({ username: staffUsernameSchema });

export const handler = httpRoute({ action: 'staff:write', body: staffIdentitySchema }, async (req) => {
  const { username } = parseQuery(path, req.path);
  const principal = req.principal;
  if (!principal) throw new Error('httpRoute lets no anonymous caller through a staff route');
  return {
    status: 200,
    body: await setStaffIdentity({ username, identity: req.body, principal, now: clock.now() }),
  };
});
