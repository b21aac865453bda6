import { Card, Col, Input, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CityIndicatorRow, IndicatorWardRow } from '../../../shared/api/contract-city';
import { comparatorText, type Comparator } from '../../../shared/rules/indicator';
import { AsyncView } from '../../components/AsyncView';
import { OutcomeTag } from '../../components/OutcomeTag';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../../api/use-debounced';
import { fmtNumber, fmtValue, periodLabel } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';
import { useCity } from '../api';
import type { Scope } from '../scope';
import { WardLink } from './common';

function targetText(c: string | null, target: number | null, unit: string, lang: Lang): string {
  return c && target !== null ? `${comparatorText(c as Comparator, lang)} ${fmtValue(target, unit)}` : '';
}

function Detail({ scope, indicator }: { scope: Scope; indicator: CityIndicatorRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const q = useDebounced(search, 250);
  const data = useCity('city.indicatorDetail', { period: scope.period, code: indicator.code, group: scope.group, search: q || undefined, page, pageSize });
  return (
    <AsyncView state={data}>
      {(d) => (
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={15}>
            <Card
              size="small"
              title={`${indicator.code} — ${indicator.name}`}
              extra={
                <Input.Search
                  allowClear
                  placeholder={t('city.search')}
                  value={search}
                  onChange={(e) => (setSearch(e.target.value), setPage(1))}
                  style={{ width: 220 }}
                />
              }
            >
              <Table<IndicatorWardRow>
                size="small"
                rowKey="wardCode"
                dataSource={d.rows}
                loading={data.loading}
                pagination={{
                  current: page,
                  pageSize,
                  total: d.total,
                  showSizeChanger: true,
                  pageSizeOptions: [50, 100, 200],
                  onChange: (p, s) => (setPage(p), setPageSize(s)),
                }}
                scroll={{ y: 'calc(100vh - 420px)' }}
                columns={[
                  { title: t('city.rank'), dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
                  { title: t('city.ward'), dataIndex: 'wardName', render: (_, r) => <WardLink code={r.wardCode} name={r.wardName} /> },
                  { title: t('city.value'), dataIndex: 'value', width: 110, align: 'right', render: (v: number | null) => fmtValue(v, indicator.unit) },
                  {
                    title: `${t('city.value')} (n/d)`,
                    key: 'nd',
                    width: 150,
                    align: 'right',
                    render: (_, r) => (r.numerator !== null && r.denominator !== null ? `${fmtNumber(r.numerator)} / ${fmtNumber(r.denominator)}` : ''),
                  },
                  { title: t('city.target'), key: 'target', width: 110, render: (_, r) => targetText(r.comparator, r.target, indicator.unit, lang) },
                  { title: t('city.met'), dataIndex: 'outcome', width: 110, render: (o: IndicatorWardRow['outcome']) => <OutcomeTag outcome={o} /> },
                ]}
              />
            </Card>
          </Col>
          <Col span={9}>
            <Card size="small" title={t('city.chart')}>
              <div style={{ width: '100%', height: 260 }} data-testid="indicator-chart">
                <ResponsiveContainer>
                  <LineChart data={d.series.map((p) => ({ ...p, label: periodLabel(p.period, lang) }))} margin={{ top: 10, right: 16, left: 0, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" fontSize={11} />
                    <YAxis fontSize={11} />
                    <Tooltip formatter={(v) => fmtValue(Number(v), indicator.unit)} />
                    <Line type="monotone" dataKey="value" stroke="#1f5fbf" strokeWidth={2} connectNulls isAnimationActive={false} />
                  </LineChart>
                </ResponsiveContainer>
              </div>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('city.cityFigure')}: {fmtValue(d.indicator.city.value, indicator.unit) || t('city.noData')} ({t(`city.figure.${d.indicator.city.method}`)})
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      )}
    </AsyncView>
  );
}

export function IndicatorsScreen({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const data = useCity('city.indicators', { period: scope.period, group: scope.group });
  const [selected, setSelected] = useState<CityIndicatorRow | null>(null);
  return (
    <>
      <PageHeader title={`${t('city.nav.indicators')} — ${periodLabel(scope.period, lang)}`} />
      <AsyncView state={data}>
        {(d) => (
          <Card size="small">
            <Table<CityIndicatorRow>
              size="small"
              rowKey="code"
              dataSource={d.rows}
              pagination={false}
              scroll={{ y: selected ? 220 : 'calc(100vh - 230px)' }}
              onRow={(r) => ({ onClick: () => setSelected(r) })}
              rowClassName={(r) => (selected?.code === r.code ? 'wp-row-clickable wp-row-selected' : 'wp-row-clickable')}
              columns={[
                { title: t('city.wardCode'), dataIndex: 'code', width: 90 },
                { title: t('city.indicator'), dataIndex: 'name' },
                {
                  title: t('city.cityFigure'),
                  key: 'city',
                  width: 150,
                  align: 'right',
                  render: (_, r) => <span title={t(`city.figure.${r.city.method}`)}>{r.city.value === null ? '—' : fmtValue(r.city.value, r.unit)}</span>,
                },
                { title: t('city.cityTarget'), key: 'target', width: 120, render: (_, r) => targetText(r.cityComparator, r.cityTarget, r.unit, lang) },
                { title: t('city.wards'), dataIndex: 'wards', width: 90, align: 'right' },
                { title: t('city.met'), dataIndex: 'met', width: 70, align: 'right' },
                { title: t('city.notMet'), dataIndex: 'notMet', width: 80, align: 'right' },
                { title: t('city.noData'), dataIndex: 'noData', width: 110, align: 'right' },
              ]}
            />
          </Card>
        )}
      </AsyncView>
      {selected && <Detail key={selected.code + scope.period + (scope.group ?? '')} scope={scope} indicator={selected} />}
    </>
  );
}
