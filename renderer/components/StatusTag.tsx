import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { taskStatusLabel, type TaskStatus } from '../../shared/rules/task-status';
import type { Lang } from '../i18n/setup';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  done: 'success',
  done_late: 'lime',
  in_progress: 'processing',
  not_started: 'default',
  overdue: 'error',
};

export function StatusTag({ status }: { status: TaskStatus }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {taskStatusLabel(status, i18n.language as Lang)}
    </Tag>
  );
}
