import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

/**
 * A screen that crashed (or whose code failed to load) shows a message and a retry instead of a
 * blank window; the rest of the app, and whatever is typed in other screens, keeps working.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <ErrorState error={{ code: 'internal', params: { message: this.state.error.message } }} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
