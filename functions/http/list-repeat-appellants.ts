import { httpRoute } from '../lib/http.js';
import { listRepeatAppellants } from '../use-cases/appeals/repeat-appellants.js';

export const handler = httpRoute({ action: 'appeals:repeat-appellants' }, async () => ({
  status: 200,
  body: await listRepeatAppellants(),
}));
