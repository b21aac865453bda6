/**
 * The ward app's one cache of loaded answers. Queries are keyed by method and arguments
 * (`[method, input]`); a successful change marks stale what ./changes says it touched.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { Input, Method } from '../../shared/api/contract';
import { setChangeListener } from './client';
import { CHANGES } from './changes';

export function queryKey<M extends Method>(method: M, input: Input<M>): readonly [M, Input<M>] {
  return [method, input];
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A refused call is an answer, not a network hiccup: it is shown at once with a retry button.
      // The data changes only through this app, so a focus or reconnect brings nothing new.
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** Marks stale, and reloads where shown, every answer `method` may have changed. */
export function afterChange(client: QueryClient, method: Method): Promise<void> {
  const stale = CHANGES[method];
  if (!stale) return Promise.resolve();
  if (stale === 'everything') return client.invalidateQueries();
  return Promise.all(stale.map((m) => client.invalidateQueries({ queryKey: [m] }))).then(() => undefined);
}

export function ApiQueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  useEffect(() => setChangeListener((method) => void afterChange(client, method)), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
