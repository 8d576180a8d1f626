import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { type Catalogue, codesOf } from '../../domain/catalogue-entries.js';
import { seedCatalogue } from '../../domain/catalogue-seed.js';
import { api } from './api.js';
import { useI18n } from './i18n.js';

/**
 * The catalogue (categories, aid types, funding sources) as the office has it now: loaded from
 * `GET /v1/catalogue`, so an entry an administrator adds shows up without a release. Until it
 * arrives, or when it cannot be loaded, the release's seed stands in: the forms never wait on it.
 */
export interface CatalogueState {
  catalogue: Catalogue;
  /** The codes the application form accepts (the shared schema's catalogue context). */
  codes: ReturnType<typeof codesOf>;
  /** True once the office's catalogue arrived (false: the seed is shown). */
  loaded: boolean;
  aidTypeName: (code: string) => string;
  categoryName: (code: string) => string;
  sourceName: (code: string) => string;
  /** Loads it again (after an administrator changed it). */
  reload: () => void;
}

const seedCodes = codesOf(seedCatalogue);

let cached: Catalogue | undefined;
let inflight: Promise<Catalogue | undefined> | undefined;
const listeners = new Set<(c: Catalogue) => void>();

function fetchCatalogue(force = false): Promise<Catalogue | undefined> {
  if (force) inflight = undefined;
  // A forced load asks past the browser's cache (GET /v1/catalogue may be kept a minute).
  inflight ??= api<Catalogue>('GET', '/v1/catalogue', {
    timeoutMs: 10_000,
    ...(force ? { cache: 'no-cache' as const } : {}),
  }).then((res) => {
    if (
      res.ok &&
      Array.isArray(res.data?.aidTypes) &&
      Array.isArray(res.data.recipientCategories) &&
      Array.isArray(res.data.fundingSources)
    ) {
      cached = res.data;
      for (const l of listeners) l(res.data);
      return res.data;
    }
    // Not there (yet) or failing: the seed stays; the next page load tries again.
    inflight = undefined;
    return undefined;
  });
  return inflight;
}

const CatalogueContext = createContext<Catalogue | undefined>(undefined);

export function CatalogueProvider({ children }: { children: preact.ComponentChildren }) {
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>(cached);
  useEffect(() => {
    listeners.add(setCatalogue);
    void fetchCatalogue();
    return () => {
      listeners.delete(setCatalogue);
    };
  }, []);
  return <CatalogueContext.Provider value={catalogue}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): CatalogueState {
  const loadedCatalogue = useContext(CatalogueContext);
  const { lang } = useI18n();
  return useMemo(() => {
    const catalogue = loadedCatalogue ?? seedCatalogue;
    const find = (list: readonly { code: string; name: Record<string, string> }[], code: string) =>
      list.find((e) => e.code === code)?.name[lang] ?? code;
    return {
      catalogue,
      codes: loadedCatalogue ? codesOf(loadedCatalogue) : seedCodes,
      loaded: loadedCatalogue !== undefined,
      aidTypeName: (code) => find(catalogue.aidTypes, code),
      categoryName: (code) => find(catalogue.recipientCategories, code),
      sourceName: (code) => find(catalogue.fundingSources, code),
      reload: () => void fetchCatalogue(true),
    };
  }, [loadedCatalogue, lang]);
}
