/** Loading a method's result into a screen, and running a change with its busy and error state. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Input, Method, Output } from '../../shared/api/contract';
import { call, toApiError } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Calls `load` now and whenever `name` or `input` changes (input compared by value). The last data
 * stays on screen while a new answer loads, so filtering a table does not blank it. The ward's and
 * the city's APIs both load through it.
 */
export function useLoaded<I, T>(name: string, input: I, load: (input: I) => Promise<T>): Loaded<T> {
  const key = JSON.stringify(input);
  const loadRef = useRef(load);
  loadRef.current = load;
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    loadRef.current(JSON.parse(key) as I).then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) => live && setState((s) => ({ data: s.data, error: toApiError(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function useApi<M extends Method>(method: M, input: Input<M>): Loaded<Output<M>> {
  return useLoaded(method, input, (i) => call(method, i));
}

export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<T | undefined>;
  busy: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * Wraps a change (a save, an export). A failure is kept as `error` for the form to show, and
 * `run` resolves to undefined, so callers keep what the user typed instead of resetting.
 */
export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A) => {
    setBusy(true);
    setError(undefined);
    try {
      return await fnRef.current(...args);
    } catch (e) {
      setError(toApiError(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
