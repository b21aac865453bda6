import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useMemo, useState } from 'react';
import { ApiQueryProvider, createQueryClient } from './api/query-client';
import { useApi } from './api/use-api';
import { AsyncView } from './components/AsyncView';
import { PassphraseDialog } from './components/PassphraseDialog';
import { useLang } from './i18n/use-lang';
import { FirstRunScreen } from './screens/first-run/FirstRunScreen';
import { AppShell } from './shell/AppShell';
import { ProfileContext } from './shell/profile-context';

/**
 * Dense but readable: antd's compact algorithm drops text to 11–12 px, too small for officers on
 * old 1366×768 screens, so the default algorithm is kept with 13 px text and lower controls.
 */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fbf',
    fontSize: 13,
    controlHeight: 30,
    fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  },
};

function Boot() {
  const status = useApi('app.status', {});
  return (
    <AsyncView state={status}>
      {(s) =>
        s.initialized && s.profile ? (
          <ProfileContext.Provider value={{ profile: s.profile }}>
            <AppShell />
          </ProfileContext.Provider>
        ) : (
          <FirstRunScreen />
        )
      }
    </AsyncView>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  const [lang] = useLang();
  const locale = useMemo(() => (lang === 'en' ? enUS : viVN), [lang]);
  return (
    <ConfigProvider locale={locale} theme={THEME} componentSize="middle">
      <AntApp>
        <ApiQueryProvider client={client}>
          <Boot />
          <PassphraseDialog />
        </ApiQueryProvider>
      </AntApp>
    </ConfigProvider>
  );
}
