import { App, Button, Card, Drawer, Flex, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/api/types';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { StatusTag } from '../../components/StatusTag';
import { call } from '../../api/client';
import { confirmRemoval } from '../../components/confirm';
import { TaskHistory } from './TaskHistory';
import { EvidenceList } from './EvidenceList';
import { ProgressForm } from './ProgressForm';
import { ProgressHistory } from './ProgressHistory';
import { TaskFacts } from './TaskFacts';
import type { Catalog } from './use-catalog';

interface Props {
  id: string;
  catalog: Catalog;
  onClose: () => void;
  onEdit: (t: TaskItem) => void;
  onDeleted: () => void;
}

export function TaskDetailDrawer({ id, catalog, onClose, onEdit, onDeleted }: Props) {
  const { t } = useTranslation();
  const app = App.useApp();
  const detail = useApi('tasks.get', { id });
  const task = detail.data?.task;
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={
        task ? (
          <Flex gap={8} align="center">
            <span>{t('tasks.detailTitle', { no: task.no })}</span>
            <StatusTag status={task.status} />
          </Flex>
        ) : (
          t('tasks.detail')
        )
      }
      extra={
        task && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => onEdit(task)}>
              {t('action.edit')}
            </Button>
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                confirmRemoval(app, t, {
                  title: t('task.deleteTitle', { no: task.no }),
                  content: t('task.deleteText'),
                  okText: t('task.delete'),
                  run: () => call('tasks.delete', { id: task.id }),
                  done: t('lists.deleted'),
                  onDone: onDeleted,
                })
              }
            >
              {t('task.delete')}
            </Button>
          </Flex>
        )
      }
    >
      <AsyncView state={detail}>
        {(d) => (
          <Flex vertical gap={12}>
            <TaskFacts task={d.task} catalog={catalog} />
            <Card size="small" title={t('progress.title')}>
              {/* Remounted after each update so its starting values are the task's new status and percent. */}
              <ProgressForm key={`${d.task.id}:${d.progress.length}`} task={d.task} />
            </Card>
            <Card size="small" title={t('progress.history')}>
              <ProgressHistory items={d.progress} />
            </Card>
            <Card size="small" title={<Typography.Text strong>{t('evidence.title', { count: d.evidence.length })}</Typography.Text>}>
              <EvidenceList taskId={d.task.id} items={d.evidence} />
            </Card>
            <Card size="small" title={t('history.title')}>
              <TaskHistory taskId={d.task.id} />
            </Card>
          </Flex>
        )}
      </AsyncView>
    </Drawer>
  );
}
