import { Button, Flex, Table, Tooltip, Typography } from 'antd';
import { EditOutlined, LineChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IndicatorItem } from '../../../shared/api/types';
import { targetText } from '../../../shared/rules/indicator';
import { OutcomeTag } from '../../components/OutcomeTag';
import { fmtNumber, fmtValue } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';

interface Props {
  items: IndicatorItem[];
  loading: boolean;
  onEnter: (i: IndicatorItem) => void;
  onTrend: (i: IndicatorItem) => void;
}

export function IndicatorTable({ items, loading, onEnter, onTrend }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Table<IndicatorItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ y: 'calc(100vh - 190px)' }}
      locale={{ emptyText: t('indicators.empty') }}
      columns={[
        { title: t('indicator.code'), dataIndex: 'code', width: 70 },
        {
          title: t('indicator.name'),
          dataIndex: 'name',
          render: (name: string, i) => (
            <div>
              <div className="wp-clamp-2" title={name}>
                {name}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.areaName}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('indicator.target'),
          width: 96,
          render: (_, i) =>
            i.comparator && i.target !== null ? <Typography.Text strong>{targetText(i.comparator, i.target, i.unit, lang)}</Typography.Text> : '—',
        },
        { title: t('indicator.baseline'), width: 84, align: 'right', render: (_, i) => (i.baseline !== null ? fmtValue(i.baseline, i.unit) : '—') },
        {
          title: t('indicator.value'),
          width: 150,
          align: 'right',
          render: (_, i) =>
            i.value === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <div data-testid={`value-${i.code}`}>
                <Typography.Text strong>{fmtValue(i.value, i.unit)}</Typography.Text>
                {i.numerator !== null && i.denominator !== null && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
                    {fmtNumber(i.numerator)} / {fmtNumber(i.denominator)}
                  </div>
                )}
              </div>
            ),
        },
        {
          title: t('indicator.outcome'),
          width: 130,
          render: (_, i) => (
            <span data-testid={`outcome-${i.code}`}>
              <OutcomeTag outcome={i.outcome} />
            </span>
          ),
        },
        {
          title: '',
          width: 116,
          render: (_, i) => (
            <Flex gap={4}>
              <Button size="small" icon={<EditOutlined />} onClick={() => onEnter(i)} aria-label={t('indicators.enterFor', { code: i.code })}>
                {t('indicators.enter')}
              </Button>
              <Tooltip title={t('indicators.trend')}>
                <Button
                  size="small"
                  type="text"
                  icon={<LineChartOutlined />}
                  onClick={() => onTrend(i)}
                  aria-label={t('indicators.trendFor', { code: i.code })}
                />
              </Tooltip>
            </Flex>
          ),
        },
      ]}
    />
  );
}
