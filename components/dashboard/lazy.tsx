import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading the code now (once), e.g. when the page is idle, so the first use does not wait. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * A component whose code is its own chunk, loaded on first use. The views the first page does not show
 * (the other tabs, the detail dialog) then stay out of what the browser loads, compiles and runs before
 * the samples table draws.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => (pending ??= load().then((c) => (loaded = c)));
  function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (component) return undefined;
      let live = true;
      preload().then(
        (c) => live && setComponent(() => c),
        (e: unknown) => live && setError(String(e)),
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (error !== null) return <p role="alert">Could not load this part of the page: {error}</p>;
    const Loaded = component;
    return Loaded ? <Loaded {...props} /> : <p role="status">Loading…</p>;
  }
  return Object.assign(Lazy, { preload });
}
