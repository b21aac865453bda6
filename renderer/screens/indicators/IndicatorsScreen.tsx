import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorItem } from '../../../shared/api/types';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import type { Lang } from '../../i18n/setup';
import type { ScreenProps } from '../../shell/screen-props';
import { useYear } from '../../shell/year-context';
import { IndicatorTable } from './IndicatorTable';
import { defaultPeriod, periodGroups } from './periods';
import { TrendModal } from './TrendModal';
import { ValueEntryModal } from './ValueEntryModal';

export default function IndicatorsScreen({ params }: ScreenProps) {
  const { year } = useYear();
  return <IndicatorsView key={year} year={year} openCode={params.code} />;
}

function IndicatorsView({ year, openCode }: { year: number; openCode: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(() => defaultPeriod(year, new Date().toISOString().slice(0, 10)));
  const list = useApi('indicators.list', { period });
  const [entry, setEntry] = useState<string | null>(openCode ?? null);
  const [trend, setTrend] = useState<IndicatorItem | null>(null);
  const entryItem = list.data?.find((i) => i.code === entry) ?? null;
  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        sub={t('indicators.sub', { year })}
        extra={
          <Select
            value={period}
            onChange={setPeriod}
            options={periodGroups(year, i18n.language as Lang, t)}
            style={{ width: 240 }}
            aria-label={t('indicators.period')}
            prefix={`${t('indicators.period')}:`}
          />
        }
      />
      <AsyncView state={list}>
        {(items) => <IndicatorTable items={items} loading={list.loading} onEnter={(i) => setEntry(i.code)} onTrend={setTrend} />}
      </AsyncView>
      {entryItem && <ValueEntryModal indicator={entryItem} period={period} onClose={() => setEntry(null)} onSaved={() => setEntry(null)} />}
      {trend && <TrendModal indicator={trend} onClose={() => setTrend(null)} />}
    </>
  );
}
