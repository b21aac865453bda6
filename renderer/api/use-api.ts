/** Loading a method's result into a screen, and running a change with its busy and error state. */
import { keepPreviousData, QueryClientContext, useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useContext } from 'react';
import type { ApiError, Input, Method, Output } from '../../shared/api/contract';
import { call, toApiError } from './client';
import { createQueryClient } from './query-client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** A request is on its way (the first one, or a reload over data still shown). */
  loading: boolean;
  /** Asks again, for the retry button of a failed load. */
  reload: () => void;
}

export interface LoadOptions<T> {
  /** Milliseconds until asking again while the answer says work is under way (a send); false: not again. */
  pollEvery?: (data: T | undefined) => number | false;
}

/** For a page that mounts no provider of its own (the city dashboard): one cache for the page. */
let pageClient: QueryClient | undefined;

/**
 * Loads `load(input)` under the key `[name, input]`, again whenever the input changes (compared by
 * value) or a change marks it stale. The last data stays on screen while a new answer loads, so
 * filtering a table does not blank it. The ward's and the city's APIs both load through it.
 */
export function useLoaded<I, T>(name: string, input: I, load: (input: I) => Promise<T>, opts: LoadOptions<T> = {}): Loaded<T> {
  const client = useContext(QueryClientContext) ?? (pageClient ??= createQueryClient());
  const { pollEvery } = opts;
  const q = useQuery(
    {
      queryKey: [name, input],
      queryFn: () => load(input),
      placeholderData: keepPreviousData,
      refetchInterval: pollEvery ? (query) => pollEvery(query.state.data) : false,
    },
    client,
  );
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: q.data, error: q.error ? toApiError(q.error) : undefined, loading: q.isFetching, reload };
}

export function useApi<M extends Method>(method: M, input: Input<M>, opts?: LoadOptions<Output<M>>): Loaded<Output<M>> {
  return useLoaded(method, input, (i) => call(method, i), opts);
}

export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<T | undefined>;
  busy: boolean;
  error: ApiError | undefined;
  clearError: () => void;
}

/**
 * Wraps a change (a save, an export). A failure is kept as `error` for the form to show, and
 * `run` resolves to undefined, so callers keep what the user typed instead of resetting. What the
 * change made stale reloads by itself (./changes).
 */
export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const m = useMutation({ mutationFn: (args: A) => fn(...args) });
  const { mutateAsync, reset } = m;
  const run = useCallback(
    async (...args: A) => {
      try {
        return await mutateAsync(args);
      } catch {
        return undefined;
      }
    },
    [mutateAsync],
  );
  return { run, busy: m.isPending, error: m.error ? toApiError(m.error) : undefined, clearError: reset };
}
