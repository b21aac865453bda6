import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskBrief } from '../../../shared/api/types';
import { StatusTag } from '../../components/StatusTag';
import { fmtDate } from '../../i18n/format';
import { navigate } from '../../shell/route';

export function TaskList({ title, tasks, empty, danger, more }: { title: string; tasks: TaskBrief[]; empty: string; danger?: boolean; more?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<span style={{ color: danger && tasks.length ? '#cf1322' : undefined }}>{`${title} (${tasks.length})`}</span>}>
      {tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '4px 0' }} />
      ) : (
        <List
          size="small"
          dataSource={tasks.slice(0, 5)}
          split={false}
          footer={more && tasks.length > 5 ? <Typography.Link onClick={more}>{t('overview.seeAll', { count: tasks.length })}</Typography.Link> : null}
          renderItem={(task) => (
            <List.Item style={{ padding: '3px 0' }}>
              <Flex gap={8} align="start" style={{ width: '100%' }}>
                <Typography.Text type="secondary" style={{ width: 22, flex: 'none' }}>
                  {task.no}.
                </Typography.Text>
                <a
                  href={`#/tasks?task=${task.id}`}
                  className="wp-clamp-2"
                  style={{ flex: 1 }}
                  title={task.content}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('tasks', { task: task.id });
                  }}
                >
                  {task.content}
                </a>
                <Flex vertical align="end" style={{ flex: 'none' }}>
                  <Typography.Text strong>{fmtDate(task.deadline)}</Typography.Text>
                  {danger ? null : <StatusTag status={task.status} />}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
