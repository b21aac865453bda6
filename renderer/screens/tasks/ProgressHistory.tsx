import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressItem } from '../../../shared/api/types';
import type { RecordedStatus } from '../../../shared/rules/task-status';
import { fmtDate } from '../../i18n/format';

const COLORS: Record<RecordedStatus, string> = { not_started: 'gray', in_progress: 'blue', done: 'green' };

export function ProgressHistory({ items }: { items: ProgressItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.none')} />;
  return (
    <Timeline
      items={[...items].reverse().map((p) => ({
        color: COLORS[p.status],
        content: (
          <div>
            <Typography.Text strong>{fmtDate(p.date)}</Typography.Text> <Tag style={{ marginInline: 6 }}>{t(`progress.status.${p.status}`)}</Tag>
            <Typography.Text strong>{p.percent}%</Typography.Text>
            <Typography.Text type="secondary"> — {p.byName}</Typography.Text>
            {p.note && <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
