import { type Catalogue, mergeCatalogue } from '../../domain/catalogue-entries.js';
import { seedCatalogue } from '../../domain/catalogue-seed.js';
import { currentCatalogue } from '../lib/store/catalogue.js';

/**
 * GET /v1/catalogue: the seed of this release extended by what administrators stored. The only
 * handler that shows the seed's names, so the only one that bundles catalogue-seed.ts (issue 7).
 */
export async function catalogueView(): Promise<Catalogue> {
  return mergeCatalogue(seedCatalogue, (await currentCatalogue()).stored);
}
