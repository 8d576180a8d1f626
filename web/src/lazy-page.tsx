import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './ui.js';

export interface LazyPage<P extends object> {
  readonly Page: ComponentType<P>;
  /** Fetches the page's code ahead of the visit (its failure waits for the visit to be shown). */
  readonly preload: () => void;
}

/**
 * A page whose code is a chunk of its own, fetched on the first visit (or by `preload`): the start
 * and status pages do not wait for the forms' validation code or the staff desk
 * (docs/performance.md §17). Once fetched it renders at once; a failed fetch shows `Failed` and is
 * tried again on the next visit.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Failed: ComponentType,
): LazyPage<P> {
  // Kept to render at once on the next visit; the fetch itself the browser's module map keeps and
  // shares (language-packs.ts).
  let fetched: ComponentType<P> | undefined;
  const fetch = (): Promise<ComponentType<P>> =>
    load().then((component) => {
      fetched = component;
      return component;
    });
  function Page(props: P) {
    // A component is a function: useState would call it, so it is kept wrapped.
    const [component, setComponent] = useState<{ C: ComponentType<P> } | undefined>(() =>
      fetched ? { C: fetched } : undefined,
    );
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let current = true;
      fetch().then(
        (C) => current && setComponent({ C }),
        () => current && setFailed(true),
      );
      return () => {
        current = false;
      };
    }, [component]);
    if (component) return <component.C {...props} />;
    return failed ? <Failed /> : <Loading />;
  }
  return {
    Page,
    preload: () => {
      fetch().catch(() => undefined);
    },
  };
}
