import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WardSummary } from '../../../shared/api/types';
import { indicatorOutcomeLabel } from '../../../shared/rules/indicator';
import type { Lang } from '../../i18n/setup';

export function IndicatorTotals({ year, indicators }: { year: number; indicators: WardSummary['indicators'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Card size="small" title={t('overview.indicators', { year })} style={{ height: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Statistic title={indicatorOutcomeLabel('dat', lang)} value={indicators.met} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={indicatorOutcomeLabel('chua_dat', lang)} value={indicators.notMet} styles={{ content: { color: '#cf1322' } }} />
        <Statistic title={indicatorOutcomeLabel('no_data', lang)} value={indicators.noData} />
      </Flex>
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>{t('overview.indicatorTotal', { count: indicators.total })}</div>
    </Card>
  );
}
