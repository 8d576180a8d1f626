import { httpRoute } from '../lib/http.js';
import { catalogueView } from '../use-cases/catalogue-view.js';

/** Public: the web app loads it for the application form; it changes rarely, so caches may keep it a minute. */
export const handler = httpRoute({}, async () => ({
  status: 200,
  body: await catalogueView(),
  headers: { 'cache-control': 'public, max-age=60' },
}));
