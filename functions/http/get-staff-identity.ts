import * as z from 'zod/mini';
import { staffUsernameSchema } from '../../domain/staff-identity.js';
import { httpRoute } from '../lib/http.js';
import { parseQuery } from '../lib/query.js';
import { staffIdentityStatus } from '../use-cases/staff-identity.js';

const path = z.object({ username: staffUsernameSchema });

export const handler = httpRoute({ action: 'staff:read' }, async (req) => {
  const { username } = parseQuery(path, req.path);
  return { status: 200, body: await staffIdentityStatus(username) };
});
