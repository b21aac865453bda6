import { Card, Col, Input, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessRow, CompletenessStatus } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { fmtDate, fmtDateTime, periodLabel } from '../../i18n/format';
import { useDebounced } from '../../api/use-debounced';
import { useCity } from '../api';
import type { Scope } from '../scope';
import { CompletenessTag, ContactLinks, WardLink } from './common';

const STATUSES: CompletenessStatus[] = ['on_time', 'late', 'overdue', 'waiting', 'not_enrolled'];

export function CompletenessScreen({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<CompletenessStatus | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const q = useDebounced(search, 250);
  const data = useCity('city.completeness', { period: scope.period, group: scope.group, status: status || undefined, search: q || undefined, page, pageSize });
  return (
    <>
      <PageHeader
        title={`${t('city.nav.completeness')} — ${periodLabel(scope.period, i18n.language === 'en' ? 'en' : 'vi')}`}
        sub={data.data ? t('city.dueOn', { date: fmtDate(data.data.dueOn) }) : undefined}
      />
      <AsyncView state={data}>
        {(d) => (
          <>
            <Row gutter={10} style={{ marginBottom: 12 }}>
              {STATUSES.map((s) => (
                <Col key={s} flex="1">
                  <Card
                    size="small"
                    hoverable
                    onClick={() => (setStatus(status === s ? '' : s), setPage(1))}
                    style={{ borderColor: status === s ? '#1f5fbf' : undefined }}
                    data-testid={`count-${s}`}
                  >
                    <Statistic title={t(`city.status.${s}`)} value={d.counts[s]} suffix={`/ ${d.counts.total}`} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small">
              <Row gutter={10} style={{ marginBottom: 10 }} align="middle">
                <Col>
                  <Segmented<CompletenessStatus | ''>
                    value={status}
                    onChange={(v) => (setStatus(v), setPage(1))}
                    options={[{ value: '', label: t('city.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`city.status.${s}`) }))]}
                  />
                </Col>
                <Col flex="auto">
                  <Input.Search
                    allowClear
                    placeholder={t('city.search')}
                    value={search}
                    onChange={(e) => (setSearch(e.target.value), setPage(1))}
                    style={{ maxWidth: 280 }}
                  />
                </Col>
                <Col>
                  <Typography.Text type="secondary">
                    {t('city.total')}: {d.total}
                  </Typography.Text>
                </Col>
              </Row>
              <Table<CompletenessRow>
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
                scroll={{ y: 'calc(100vh - 390px)' }}
                columns={[
                  { title: t('city.wardCode'), dataIndex: 'wardCode', width: 110 },
                  { title: t('city.ward'), dataIndex: 'wardName', render: (_, r) => <WardLink code={r.wardCode} name={r.wardName} /> },
                  { title: t('city.group'), dataIndex: 'group', width: 130 },
                  { title: t('city.bundle.status'), dataIndex: 'status', width: 150, render: (s: CompletenessStatus) => <CompletenessTag status={s} /> },
                  { title: t('city.reportReceived'), dataIndex: 'reportReceivedAt', width: 130, render: (v: string | null) => fmtDateTime(v) },
                  { title: t('city.lastBundle'), dataIndex: 'lastBundleAt', width: 130, render: (v: string | null) => fmtDateTime(v) },
                  { title: t('city.lastReceipt'), dataIndex: 'lastReceiptAt', width: 130, render: (v: string | null) => fmtDateTime(v) },
                  { title: t('city.contact'), dataIndex: 'contact', render: (_, r) => <ContactLinks contact={r.contact} /> },
                ]}
              />
            </Card>
          </>
        )}
      </AsyncView>
    </>
  );
}
