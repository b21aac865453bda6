import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, OutboxStatus } from '../../../shared/api/contract-hub';
import { fmtBytes, fmtDateTime } from '../../i18n/format';
import { useErrorText } from '../../i18n/errors';
import { useLang } from '../../i18n/use-lang';

const COLOR: Record<OutboxStatus, string> = { waiting: 'default', sent: 'processing', pending: 'warning', acknowledged: 'success', refused: 'error' };

/** Every bundle of this ward and where it stands with the city, with the city's own words. */
export function OutboxTable({ items }: { items: OutboxItem[] }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const errorText = useErrorText();
  return (
    <Table<OutboxItem>
      size="small"
      rowKey="bundleId"
      dataSource={items}
      data-testid="hub-outbox"
      pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
      locale={{ emptyText: t('hub.outboxEmpty') }}
      columns={[
        { title: t('sync.createdAt'), dataIndex: 'createdAt', width: 132, render: (v: string) => fmtDateTime(v) },
        { title: t('sync.file'), dataIndex: 'fileName', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
        { title: t('sync.range'), width: 110, render: (_, o) => `${o.seqFrom}–${o.seqTo}` },
        { title: t('sync.size'), dataIndex: 'size', width: 90, align: 'right', render: (n: number) => fmtBytes(n) },
        {
          title: t('hub.status'),
          width: 210,
          render: (_, o) => (
            <Tag color={COLOR[o.status]} data-testid="outbox-status">
              {t(`hub.status.${o.status}`)}
            </Tag>
          ),
        },
        {
          title: t('hub.reason'),
          render: (_, o) => {
            const text =
              o.outcome && o.status !== 'acknowledged'
                ? o.outcome.message[lang]
                : o.lastError
                  ? errorText(o.lastError)
                  : o.acknowledgedAt
                    ? t('sync.acknowledged', { date: fmtDateTime(o.acknowledgedAt) })
                    : '';
            return (
              <Typography.Text type={o.status === 'refused' ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                {text}
              </Typography.Text>
            );
          },
        },
      ]}
    />
  );
}
