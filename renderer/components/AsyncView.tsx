import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-api';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

/**
 * Loading, failed or loaded. When a reload fails over data already shown, the data stays and
 * the error sits above it, so the officer does not lose the page they were reading.
 */
export function AsyncView<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.data === undefined) {
    return state.error ? <ErrorState error={state.error} onRetry={state.reload} /> : <LoadingState />;
  }
  return (
    <>
      {state.error && (
        <div style={{ marginBottom: 12 }}>
          <ErrorState error={state.error} onRetry={state.reload} />
        </div>
      )}
      {children(state.data)}
    </>
  );
}
