import { Button, Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityDirectiveRow, CityTaskRow, DirectiveWardRow, StatusTally } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { useDebounced } from '../../api/use-debounced';
import { fmtDate, fmtNumber, periodLabel } from '../../i18n/format';
import { navigate } from '../../shell/route';
import { useCity } from '../api';
import type { Scope } from '../scope';

function tallyColumns<T extends StatusTally>(
  t: (k: 'city.tasks' | 'city.done' | 'city.doneLate' | 'city.inProgress' | 'city.notStarted' | 'city.overdue') => string,
) {
  const n = (v: number) => fmtNumber(v, 0);
  return [
    { title: t('city.tasks'), dataIndex: 'total', width: 90, align: 'right' as const, render: n },
    { title: t('city.done'), key: 'done', width: 100, align: 'right' as const, render: (_: unknown, r: T) => n(r.done + r.doneLate) },
    { title: t('city.doneLate'), dataIndex: 'doneLate', width: 90, align: 'right' as const, render: n },
    { title: t('city.inProgress'), dataIndex: 'inProgress', width: 100, align: 'right' as const, render: n },
    { title: t('city.notStarted'), dataIndex: 'notStarted', width: 100, align: 'right' as const, render: n },
    {
      title: t('city.overdue'),
      dataIndex: 'overdue',
      width: 80,
      align: 'right' as const,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{n(v)}</Typography.Text> : n(v)),
    },
  ];
}

function WardTasks({ scope, ward, directive }: { scope: Scope; ward: DirectiveWardRow; directive: string }) {
  const { t } = useTranslation();
  const data = useCity('city.wardTasks', { period: scope.period, wardCode: ward.wardCode, directive });
  return (
    <Card
      size="small"
      title={t('city.drillTasks', { ward: ward.wardName })}
      extra={<Button onClick={() => navigate('ward', { code: ward.wardCode })}>{t('city.openWard')}</Button>}
      style={{ marginTop: 12 }}
    >
      <AsyncView state={data}>
        {(rows) => (
          <Table<CityTaskRow>
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            columns={[
              { title: t('city.no'), dataIndex: 'no', width: 50 },
              { title: t('city.taskContent'), dataIndex: 'content' },
              { title: t('city.leadUnit'), dataIndex: 'leadUnit', width: 170 },
              { title: t('city.deadline'), dataIndex: 'deadline', width: 100, render: (v: string | null) => fmtDate(v) },
              { title: t('city.taskStatus'), dataIndex: 'status', width: 170, render: (s: CityTaskRow['status']) => <StatusTag status={s} /> },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}

function DirectiveWards({ scope, directive }: { scope: Scope; directive: CityDirectiveRow }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [ward, setWard] = useState<DirectiveWardRow | null>(null);
  const q = useDebounced(search, 250);
  const data = useCity('city.directiveWards', {
    period: scope.period,
    directive: directive.key,
    group: scope.group,
    search: q || undefined,
    page,
    pageSize: 20,
  });
  const name = directive.key === '' ? t('city.noDirective') : directive.number;
  return (
    <>
      <Card
        size="small"
        title={t('city.drillWards', { directive: name })}
        extra={
          <Input.Search
            allowClear
            placeholder={t('city.search')}
            value={search}
            onChange={(e) => (setSearch(e.target.value), setPage(1))}
            style={{ width: 240 }}
          />
        }
        style={{ marginTop: 12 }}
      >
        <AsyncView state={data}>
          {(d) => (
            <Table<DirectiveWardRow>
              size="small"
              rowKey="wardCode"
              dataSource={d.rows}
              loading={data.loading}
              pagination={{ current: page, pageSize: 20, total: d.total, showSizeChanger: false, onChange: setPage }}
              onRow={(r) => ({ onClick: () => setWard(r) })}
              rowClassName={(r) => (ward?.wardCode === r.wardCode ? 'wp-row-clickable wp-row-selected' : 'wp-row-clickable')}
              columns={[{ title: t('city.ward'), dataIndex: 'wardName' }, ...tallyColumns<DirectiveWardRow>(t)]}
            />
          )}
        </AsyncView>
      </Card>
      {ward && <WardTasks key={ward.wardCode + directive.key} scope={scope} ward={ward} directive={directive.key} />}
    </>
  );
}

export function DirectivesScreen({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const data = useCity('city.directives', { period: scope.period, group: scope.group });
  const [selected, setSelected] = useState<CityDirectiveRow | null>(null);
  return (
    <>
      <PageHeader
        title={`${t('city.nav.directives')} — ${periodLabel(scope.period, i18n.language === 'en' ? 'en' : 'vi')}`}
        sub={data.data ? t('city.asOf', { date: fmtDate(data.data.asOf) }) : undefined}
      />
      <AsyncView state={data}>
        {(d) => (
          <Card size="small">
            <Table<CityDirectiveRow>
              size="small"
              rowKey="key"
              dataSource={d.rows}
              pagination={false}
              onRow={(r) => ({ onClick: () => setSelected(r) })}
              rowClassName={(r) => (selected?.key === r.key ? 'wp-row-clickable wp-row-selected' : 'wp-row-clickable')}
              columns={[
                {
                  title: t('city.directive'),
                  dataIndex: 'number',
                  render: (_, r) =>
                    r.key === '' ? (
                      <Typography.Text type="secondary">{t('city.noDirective')}</Typography.Text>
                    ) : (
                      <span>
                        <Typography.Text strong>{r.number}</Typography.Text>
                        {r.title && <Typography.Text type="secondary"> — {r.title}</Typography.Text>}
                      </span>
                    ),
                },
                { title: t('city.wards'), dataIndex: 'wards', width: 100, align: 'right', render: (v: number) => fmtNumber(v, 0) },
                ...tallyColumns<CityDirectiveRow>(t),
              ]}
              summary={() => (
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t('city.totals')}</Table.Summary.Cell>
                  {[
                    d.totals.wards,
                    d.totals.total,
                    d.totals.done + d.totals.doneLate,
                    d.totals.doneLate,
                    d.totals.inProgress,
                    d.totals.notStarted,
                    d.totals.overdue,
                  ].map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {fmtNumber(v, 0)}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          </Card>
        )}
      </AsyncView>
      {selected && <DirectiveWards key={selected.key + scope.period + (scope.group ?? '')} scope={scope} directive={selected} />}
    </>
  );
}
