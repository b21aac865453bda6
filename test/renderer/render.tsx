/**
 * Renders a piece of the ward app in jsdom the way App.tsx mounts it (antd's App, one query
 * client, Vietnamese first), talking to a real API through the desktop bridge.
 */
import { configure, render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { WardplanBridge } from '../../shared/api/bridge-types';
import { ApiQueryProvider, createQueryClient } from '../../renderer/api/query-client';
import { initI18n } from '../../renderer/i18n/setup';
import { ProfileContext } from '../../renderer/shell/profile-context';
import { YearProvider } from '../../renderer/shell/year-context';
import type { Profile } from '../../shared/api/types';

// A bound for a loaded CPU, not a measured time: a screen waits for the real API and SQLite.
configure({ asyncUtilTimeout: 15_000 });

const jsdomComputedStyle = window.getComputedStyle.bind(window);

/** What jsdom lacks and antd's layout asks for. */
function fillInJsdom(): void {
  // antd measures scrollbars through ::-webkit-scrollbar, which jsdom does not implement.
  window.getComputedStyle = (el: Element) => jsdomComputedStyle(el);
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export function renderWard(ui: ReactNode, bridge: WardplanBridge): RenderResult & { client: QueryClient } {
  fillInJsdom();
  window.wardplan = bridge;
  initI18n('vi');
  const client = createQueryClient();
  const result = render(
    <ConfigProvider locale={viVN}>
      <AntApp>
        <ApiQueryProvider client={client}>{ui}</ApiQueryProvider>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...result, client };
}

/** A screen inside the shell's contexts: the signed-in ward's profile and the plan year. */
export function InShell({ profile, children }: { profile: Profile; children: ReactNode }) {
  return (
    <ProfileContext.Provider value={{ profile }}>
      <YearProvider>{children}</YearProvider>
    </ProfileContext.Provider>
  );
}
