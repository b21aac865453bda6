import { Button, Card, Drawer, Flex, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/api/types';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { StatusTag } from '../../components/StatusTag';
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
  onChanged: () => void;
  /** Bumped by the screen after the task was edited elsewhere (the edit drawer). */
  version: number;
}

export function TaskDetailDrawer({ id, catalog, onClose, onEdit, onChanged, version }: Props) {
  const { t } = useTranslation();
  const detail = useApi('tasks.get', { id });
  const { reload } = detail;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const changed = () => {
    detail.reload();
    onChanged();
  };
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
          <Button icon={<EditOutlined />} onClick={() => onEdit(task)}>
            {t('action.edit')}
          </Button>
        )
      }
    >
      <AsyncView state={detail}>
        {(d) => (
          <Flex vertical gap={12}>
            <TaskFacts task={d.task} catalog={catalog} />
            <Card size="small" title={t('progress.title')}>
              {/* Remounted after each update so its starting values are the task's new status and percent. */}
              <ProgressForm key={`${d.task.id}:${d.progress.length}`} task={d.task} onSaved={changed} />
            </Card>
            <Card size="small" title={t('progress.history')}>
              <ProgressHistory items={d.progress} />
            </Card>
            <Card size="small" title={<Typography.Text strong>{t('evidence.title', { count: d.evidence.length })}</Typography.Text>}>
              <EvidenceList taskId={d.task.id} items={d.evidence} onAdded={changed} />
            </Card>
          </Flex>
        )}
      </AsyncView>
    </Drawer>
  );
}
