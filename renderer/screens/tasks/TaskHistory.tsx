import { Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/api/contract-lists';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { fmtDate, fmtDateTime } from '../../i18n/format';
import type { UiKey } from '../../i18n/setup';

const KNOWN = new Set(['task.add', 'task.update', 'task.delete', 'task.progress', 'progress.correct', 'progress.remove', 'evidence.attach', 'evidence.remove']);

/** Column names as the forms call them; a field not listed keeps its column name. */
const FIELD_LABELS: Record<string, UiKey> = {
  percent: 'progress.percent',
  status: 'task.status',
  note: 'progress.note',
  date: 'progress.date',
  content: 'task.content',
  timeline: 'task.timeline',
  person: 'task.person',
  output: 'task.output',
  authority: 'task.authority',
};

/** Who changed or removed what, and when: the audit log of the task, its progress and its files. */
export function TaskHistory({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const history = useApi('tasks.history', { id: taskId });
  const value = (field: string, v: string | null) => {
    if (v === null || v === '') return '—';
    if (field === 'status' && ['not_started', 'in_progress', 'done'].includes(v)) return t(`progress.status.${v as 'done'}`);
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v;
  };
  const fieldText = (f: string) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f);
  const actionText = (h: HistoryEntry) => (KNOWN.has(h.action) ? t(`history.action.${h.action}` as 'history.action.task.add') : h.action);
  return (
    <AsyncView state={history}>
      {(items) =>
        items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.none')} />
        ) : (
          <List
            size="small"
            dataSource={items}
            data-testid="task-history"
            renderItem={(h) => (
              <List.Item style={{ display: 'block' }}>
                <Typography.Text type="secondary">{fmtDateTime(h.at)}</Typography.Text> · <Typography.Text strong>{actionText(h)}</Typography.Text>
                {h.subject && <Typography.Text> — {h.subject.replace(/^\d{4}-\d{2}-\d{2}/, (d) => fmtDate(d))}</Typography.Text>}
                <Typography.Text type="secondary"> · {h.actor}</Typography.Text>
                {h.reason && <div>{t('history.reason', { reason: h.reason })}</div>}
                {h.action !== 'task.add' && h.changes.length > 0 && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                    {h.changes
                      .filter((c) => !c.field.endsWith('_at') && !c.field.endsWith('_id') && c.field !== 'partner_unit_ids')
                      .map((c) => `${fieldText(c.field)}: ${value(c.field, c.from)} → ${value(c.field, c.to)}`)
                      .join('; ')}
                  </div>
                )}
              </List.Item>
            )}
          />
        )
      }
    </AsyncView>
  );
}
