import { Button, Progress, Table, Tooltip, Typography } from 'antd';
import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/api/types';
import { SixClearMark } from '../../components/SixClearMark';
import { StatusTag } from '../../components/StatusTag';
import { fmtDate } from '../../i18n/format';

interface Props {
  tasks: TaskItem[];
  loading: boolean;
  onOpen: (t: TaskItem) => void;
  onEdit: (t: TaskItem) => void;
}

export function TaskTable({ tasks, loading, onOpen, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Table<TaskItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={tasks}
      scroll={{ y: 'calc(100vh - 250px)' }}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('tasks.count', { count: n }),
        size: 'small',
      }}
      locale={{ emptyText: t('tasks.empty') }}
      columns={[
        { title: t('task.no'), dataIndex: 'no', width: 52, align: 'right' },
        {
          title: t('task.content'),
          dataIndex: 'content',
          render: (content: string, task) => (
            // A real link, so Tab reaches it and Enter opens it.
            <a
              href={`#/tasks?task=${task.id}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(task);
              }}
              className="wp-clamp-2"
              title={content}
              data-testid="task-open"
            >
              {content}
            </a>
          ),
        },
        {
          title: t('task.areaShort'),
          dataIndex: 'areaCode',
          width: 80,
          render: (code: string, task) => (
            <Tooltip title={task.areaName}>
              <span tabIndex={0}>{code}</span>
            </Tooltip>
          ),
        },
        {
          title: t('task.leadShort'),
          dataIndex: 'leadUnitCode',
          width: 92,
          render: (code: string, task) => (
            <Tooltip title={task.leadUnitName}>
              <span tabIndex={0}>{code}</span>
            </Tooltip>
          ),
        },
        {
          title: t('task.timeline'),
          width: 142,
          render: (_, task) => (
            <div>
              <div>{task.timeline}</div>
              {task.deadline && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('task.deadlineShort', { date: fmtDate(task.deadline) })}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: t('task.status'),
          width: 172,
          render: (_, task) => (
            <div>
              <StatusTag status={task.status} />
              {task.percent > 0 && task.percent < 100 && <Progress percent={task.percent} size="small" style={{ margin: '2px 0 0', width: 150 }} />}
            </div>
          ),
        },
        { title: t('task.sixClear'), width: 84, render: (_, task) => <SixClearMark missing={task.sixClearMissing} /> },
        {
          title: <PaperClipOutlined aria-label={t('task.evidence')} />,
          dataIndex: 'evidenceCount',
          width: 40,
          align: 'center',
          render: (n: number) => (n ? n : ''),
        },
        {
          title: '',
          width: 44,
          render: (_, task) => (
            <Tooltip title={t('action.edit')}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => onEdit(task)} />
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
