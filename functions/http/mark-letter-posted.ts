import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { markLetterPosted } from '../use-cases/letters.js';

export const handler = httpRoute({ action: 'letters:post' }, async (req) => ({
  status: 200,
  body: await markLetterPosted({
    letterId: req.path.letterId ?? '',
    principal: req.principal!,
    now: clock.now(),
  }),
}));
