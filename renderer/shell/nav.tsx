/**
 * The screens of the left menu, in order. All but the overview load on first visit, so the
 * start does not wait for the chart library or the forms of other screens.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import {
  BookOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  FundOutlined,
  SettingOutlined,
  SyncOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { UiKey } from '../i18n/setup';
import type { ScreenProps } from './screen-props';
// Every start lands here, so it is in the first bundle: a lazy screen would suspend, and React
// holds a suspended screen back for a few hundred milliseconds before revealing it.
import OverviewScreen from '../screens/overview/OverviewScreen';

export interface NavItem {
  key: string;
  label: UiKey;
  icon: ReactNode;
  screen: ComponentType<ScreenProps>;
}

export const NAV: NavItem[] = [
  { key: 'overview', label: 'nav.overview', icon: <DashboardOutlined />, screen: OverviewScreen },
  { key: 'tasks', label: 'nav.tasks', icon: <UnorderedListOutlined />, screen: lazy(() => import('../screens/tasks/TasksScreen')) },
  { key: 'indicators', label: 'nav.indicators', icon: <FundOutlined />, screen: lazy(() => import('../screens/indicators/IndicatorsScreen')) },
  { key: 'reports', label: 'nav.reports', icon: <FileTextOutlined />, screen: lazy(() => import('../screens/reports/ReportsScreen')) },
  { key: 'plan-files', label: 'nav.planFiles', icon: <FileExcelOutlined />, screen: lazy(() => import('../screens/plan-import/PlanFilesScreen')) },
  { key: 'lists', label: 'nav.lists', icon: <BookOutlined />, screen: lazy(() => import('../screens/lists/ListsScreen')) },
  { key: 'sync', label: 'nav.sync', icon: <SyncOutlined />, screen: lazy(() => import('../screens/sync/SyncScreen')) },
  { key: 'settings', label: 'nav.settings', icon: <SettingOutlined />, screen: lazy(() => import('../screens/settings/SettingsScreen')) },
];
