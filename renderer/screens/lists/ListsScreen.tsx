import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import type { ScreenProps } from '../../shell/screen-props';
import { navigate } from '../../shell/route';
import { DirectivesTab } from './DirectivesTab';
import { IndicatorsTab } from './IndicatorsTab';
import { PlansTab } from './PlansTab';
import { UnitsTab } from './UnitsTab';

const TABS = ['plans', 'units', 'directives', 'indicators'] as const;
type Tab = (typeof TABS)[number];

export default function ListsScreen({ params }: ScreenProps) {
  const { t } = useTranslation();
  const tab: Tab = (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'plans';
  return (
    <>
      <PageHeader title={t('lists.title')} sub={t('lists.sub')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate('lists', { tab: k })}
        destroyOnHidden
        items={[
          { key: 'plans', label: t('lists.tab.plans'), children: <PlansTab /> },
          { key: 'units', label: t('lists.tab.units'), children: <UnitsTab /> },
          { key: 'directives', label: t('lists.tab.directives'), children: <DirectivesTab /> },
          { key: 'indicators', label: t('lists.tab.indicators'), children: <IndicatorsTab /> },
        ]}
      />
    </>
  );
}
