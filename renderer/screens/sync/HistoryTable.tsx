import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BundleHistoryItem } from '../../../shared/api/sync-types';
import { fmtBytes, fmtDateTime } from '../../i18n/format';

export function HistoryTable({ items }: { items: BundleHistoryItem[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sync.history')} styles={{ body: { padding: 0 } }}>
      <Table<BundleHistoryItem>
        size="small"
        rowKey="bundleId"
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('sync.historyEmpty') }}
        expandable={{
          rowExpandable: (h) => !!h.receipt,
          expandedRowRender: (h) =>
            h.receipt && (
              <Descriptions size="small" column={2} title={t('sync.receipt')}>
                <Descriptions.Item label={t('sync.receiptApplied')}>{fmtDateTime(h.receipt.appliedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('sync.receiptChanges')}>{h.receipt.changes}</Descriptions.Item>
                <Descriptions.Item label={t('sync.receiptBy')}>{h.receipt.cityCode}</Descriptions.Item>
                <Descriptions.Item label={t('sync.receiptBundle')}>
                  <Typography.Text code>{h.receipt.bundleId}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            ),
        }}
        columns={[
          { title: t('sync.createdAt'), dataIndex: 'createdAt', width: 132, render: (v: string) => fmtDateTime(v) },
          { title: t('sync.file'), dataIndex: 'fileName', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
          {
            title: t('sync.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => t(k === 'snapshot' ? 'sync.kindSnapshot' : k === 'catalog' ? 'sync.kindCatalog' : 'sync.kindChanges'),
          },
          { title: t('sync.range'), width: 130, render: (_, h) => `${h.seqFrom}–${h.seqTo}` },
          { title: t('sync.size'), dataIndex: 'size', width: 100, align: 'right', render: (n: number) => fmtBytes(n) },
          {
            title: t('sync.ack'),
            width: 220,
            render: (_, h) =>
              h.acknowledgedAt ? (
                <Tag color="success" data-testid="bundle-ack">
                  {t('sync.acknowledged', { date: fmtDateTime(h.acknowledgedAt) })}
                </Tag>
              ) : (
                <Tag color="orange" data-testid="bundle-ack">
                  {t('sync.awaitingAck')}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
