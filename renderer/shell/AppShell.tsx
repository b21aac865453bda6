import { Suspense, useEffect } from 'react';
import { Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingState } from '../components/LoadingState';
import { NAV } from './nav';
import { navigate, useRoute } from './route';
import { useProfile } from './profile-context';
import { YearProvider, YearSelect } from './year-context';

/** Alt+1 … Alt+5 jump between screens, for officers who work from the keyboard. */
function useScreenShortcuts(): void {
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const item = NAV[Number(e.key) - 1];
      if (item) {
        e.preventDefault();
        navigate(item.key);
      }
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}

export function AppShell() {
  const { t } = useTranslation();
  const { profile } = useProfile();
  const route = useRoute();
  useScreenShortcuts();
  const current = NAV.find((n) => n.key === route.screen) ?? NAV[0]!;
  const Screen = current.screen;
  return (
    <YearProvider>
      <Layout style={{ height: '100vh' }}>
        <Layout.Sider width={212} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '14px 16px 10px' }}>
            <Typography.Text strong style={{ fontSize: 17, color: '#1f4e99' }}>
              WardPlan
            </Typography.Text>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: profile.orgName }} style={{ margin: '2px 0 0', fontSize: 12 }}>
              {profile.orgName}
            </Typography.Paragraph>
          </div>
          <YearSelect />
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[current.key]}
              style={{ borderInlineEnd: 'none' }}
              items={NAV.map((n, i) => ({
                key: n.key,
                icon: n.icon,
                label: t(n.label),
                title: `${t(n.label)} (Alt+${i + 1})`,
              }))}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content
          style={{
            overflow: 'auto',
            padding: '14px 18px',
            background: '#f5f6f8',
          }}
        >
          <main>
            <ErrorBoundary key={current.key}>
              <Suspense fallback={<LoadingState />}>
                <Screen key={current.key} params={route.params} />
              </Suspense>
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </YearProvider>
  );
}
