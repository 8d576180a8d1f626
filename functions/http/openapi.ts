import { httpRoute } from '../lib/http.js';
import { openApiDocument } from '../lib/openapi.js';

export const handler = httpRoute({}, async () => ({
  status: 200,
  body: openApiDocument(),
  headers: { 'cache-control': 'public, max-age=300' },
}));
