import { App as AntApp, Button, Card, ConfigProvider, Flex, Form, Input, Layout, Menu, Select, Space, Tag, Typography, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  HomeOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityMe, CityOverview } from '../../shared/api/contract-city';
import type { ApiError } from '../../shared/api/contract';
import { toApiError } from '../api/client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { errorText } from '../i18n/errors';
import { useLang } from '../i18n/use-lang';
import { periodLabel } from '../i18n/format';
import { navigate, useRoute } from '../shell/route';
import { cityCall, me, setSignedOutHandler, signIn, signOut } from './api';
// Each screen is its own chunk: the first page loads only its own screen, and the chart library
// only once a screen with a chart is opened.
const LOADERS = {
  completeness: () => import('./screens/CompletenessScreen').then((m) => ({ default: m.CompletenessScreen })),
  directives: () => import('./screens/DirectivesScreen').then((m) => ({ default: m.DirectivesScreen })),
  indicators: () => import('./screens/IndicatorsScreen').then((m) => ({ default: m.IndicatorsScreen })),
  ward: () => import('./screens/WardScreen').then((m) => ({ default: m.WardScreen })),
  report: () => import('./screens/CityReportScreen').then((m) => ({ default: m.CityReportScreen })),
  enrollment: () => import('./screens/EnrollmentScreen').then((m) => ({ default: m.EnrollmentScreen })),
  catalog: () => import('./screens/CatalogScreen').then((m) => ({ default: m.CatalogScreen })),
  users: () => import('./screens/UsersScreen').then((m) => ({ default: m.UsersScreen })),
};
// The screen asked for in the address starts loading now, beside the sign-in check, not after it.
void (LOADERS[/^#\/(\w+)/.exec(window.location.hash)?.[1] as keyof typeof LOADERS] ?? LOADERS.completeness)().catch(() => undefined);
const CompletenessScreen = lazy(LOADERS.completeness);
const DirectivesScreen = lazy(LOADERS.directives);
const IndicatorsScreen = lazy(LOADERS.indicators);
const WardScreen = lazy(LOADERS.ward);
const EnrollmentScreen = lazy(LOADERS.enrollment);
const CatalogScreen = lazy(LOADERS.catalog);
const CityReportScreen = lazy(LOADERS.report);
const UsersScreen = lazy(LOADERS.users);
import type { Scope } from './scope';
import type { UiKey } from '../i18n/setup';

/** The ward app's theme: 13 px text and lower controls, readable on old 1366×768 screens. */
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1f5fbf', fontSize: 13, controlHeight: 30, fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif' },
};

interface NavItem {
  key: string;
  label: UiKey;
  icon: ReactNode;
  admin?: boolean;
  screen: (p: { scope: Scope; params: Record<string, string> }) => ReactNode;
}

const NAV: NavItem[] = [
  { key: 'completeness', label: 'city.nav.completeness', icon: <CheckSquareOutlined />, screen: (p) => <CompletenessScreen {...p} /> },
  { key: 'directives', label: 'city.nav.directives', icon: <BookOutlined />, screen: (p) => <DirectivesScreen {...p} /> },
  { key: 'indicators', label: 'city.nav.indicators', icon: <BarChartOutlined />, screen: (p) => <IndicatorsScreen {...p} /> },
  { key: 'ward', label: 'city.nav.ward', icon: <HomeOutlined />, screen: (p) => <WardScreen {...p} /> },
  { key: 'report', label: 'city.nav.report', icon: <FileTextOutlined />, screen: (p) => <CityReportScreen {...p} /> },
  { key: 'enrollment', label: 'city.nav.enrollment', icon: <KeyOutlined />, admin: true, screen: () => <EnrollmentScreen /> },
  { key: 'catalog', label: 'city.nav.catalog', icon: <AuditOutlined />, admin: true, screen: (p) => <CatalogScreen {...p} /> },
  { key: 'users', label: 'city.nav.users', icon: <TeamOutlined />, admin: true, screen: () => <UsersScreen /> },
];

function SignIn({ onDone }: { onDone: (m: CityMe) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { name: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await signIn(v.name, v.password));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex align="center" justify="center" style={{ height: '100vh' }}>
      <Card title={t('city.signInTitle')} style={{ width: 380 }}>
        <Form layout="vertical" onFinish={(v: { name: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="name" label={t('city.userName')} rules={[{ required: true, message: t('form.required') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('city.password')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Typography.Paragraph type="danger" role="alert">
              {errorText(error)}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('city.signIn')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

function Shell({ who, onSignOut }: { who: CityMe; onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useLang();
  const route = useRoute();
  const [overview, setOverview] = useState<CityOverview | null>(who.overview ?? null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [period, setPeriod] = useState<string | null>(who.overview?.currentPeriod ?? null);
  const [group, setGroup] = useState<string | undefined>();
  const isAdmin = who.user.role === 'admin';
  useEffect(() => {
    // The session's answer brought it; asked again only after a failure.
    if (attempt === 0 && who.overview) return;
    setFailed(null);
    cityCall('city.overview', {}).then(
      (o) => {
        setOverview(o);
        setPeriod((p) => p ?? o.currentPeriod);
      },
      (e: unknown) => setFailed(toApiError(e)),
    );
  }, [attempt, who.overview]);
  const items = NAV.filter((n) => isAdmin || !n.admin);
  const current = items.find((n) => n.key === route.screen) ?? items[0]!;
  if (failed) return <ErrorState error={failed} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!overview || !period) return <LoadingState />;
  const scope: Scope = { period, group, overview, isAdmin };
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={212} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '14px 16px 10px' }}>
          <Typography.Text strong style={{ fontSize: 17, color: '#1f4e99' }}>
            WardPlan
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
            {overview.city.name}
          </Typography.Paragraph>
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[current.key]}
            style={{ borderInlineEnd: 'none' }}
            items={items.map((n) => ({ key: n.key, icon: n.icon, label: t(n.label) }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', height: 48, lineHeight: '48px', padding: '0 18px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Space>
              <Typography.Text type="secondary">{t('city.period')}</Typography.Text>
              <Select
                aria-label={t('city.period')}
                value={period}
                style={{ width: 190 }}
                onChange={setPeriod}
                options={overview.periods.map((p) => ({ value: p, label: periodLabel(p, i18n.language === 'en' ? 'en' : 'vi') }))}
              />
              <Select
                aria-label={t('city.group')}
                value={group ?? ''}
                style={{ width: 200 }}
                onChange={(v: string) => setGroup(v || undefined)}
                options={[{ value: '', label: t('city.allGroups') }, ...overview.groups.map((g) => ({ value: g, label: g }))]}
              />
            </Space>
            <Space>
              <Typography.Text>{who.user.name}</Typography.Text>
              <Tag color={isAdmin ? 'blue' : 'default'}>{t(isAdmin ? 'city.roleAdmin' : 'city.roleViewer')}</Tag>
              <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
                {lang === 'vi' ? 'English' : 'Tiếng Việt'}
              </Button>
              <Button size="small" onClick={onSignOut}>
                {t('city.signOut')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: '14px 18px', background: '#f5f6f8' }}>
          <main>
            <ErrorBoundary key={current.key}>
              <Suspense fallback={<LoadingState />}>{current.screen({ scope, params: route.params })}</Suspense>
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Gate() {
  const [who, setWho] = useState<CityMe | null | undefined>(undefined);
  useEffect(() => {
    setSignedOutHandler(() => setWho(null));
    me().then(setWho, () => setWho(null));
  }, []);
  const out = useCallback(() => {
    void signOut().finally(() => setWho(null));
  }, []);
  if (who === undefined) return <LoadingState />;
  if (who === null) return <SignIn onDone={setWho} />;
  return <Shell who={who} onSignOut={out} />;
}

export function CityApp() {
  const [lang] = useLang();
  const locale = useMemo(() => (lang === 'en' ? enUS : viVN), [lang]);
  return (
    <ConfigProvider locale={locale} theme={THEME} componentSize="middle">
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}
