import { httpRoute } from '../lib/http.js';
import { pageQuery } from '../lib/query.js';
import { listLetters } from '../use-cases/letters.js';

export const handler = httpRoute({ action: 'letters:list' }, async (req) => ({
  status: 200,
  body: await listLetters(pageQuery(req.query)),
}));
