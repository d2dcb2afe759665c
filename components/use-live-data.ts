import { useCallback, useEffect, useState } from 'preact/hooks';

/** What a page shows while its data loads, when loading failed, and once it is there. */
export type LiveData<T> = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & T);

/**
 * Loads a page's data, and loads it again whenever `subscribe` says something changed (new samples, the
 * active tab moved). Returns the state and a `reload` for the page's own actions.
 */
export function useLiveData<T extends object>(
  load: () => Promise<T>,
  subscribe: (onChange: () => void) => () => void,
): [LiveData<T>, () => void] {
  const [state, setState] = useState<LiveData<T>>({ status: 'loading' });
  const reload = useCallback(() => {
    load().then(
      (data) => setState({ status: 'ready', ...data }),
      (error: unknown) => setState({ status: 'error', message: String(error) }),
    );
  }, [load]);
  useEffect(() => {
    reload();
    return subscribe(reload);
  }, [reload, subscribe]);
  return [state, reload];
}
