import { Alert, Button, Card, Empty } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskItem, TaskStatus } from '../../../shared/api/types';
import { useApi } from '../../api/use-api';
import { useDebounced } from '../../api/use-debounced';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import type { ScreenProps } from '../../shell/screen-props';
import { navigate } from '../../shell/route';
import { useYear } from '../../shell/year-context';
import { PlanFormModal } from '../lists/PlanFormModal';
import { TaskDetailDrawer } from './TaskDetailDrawer';
import { TaskFilters, type Filters } from './TaskFilters';
import { TaskFormDrawer } from './TaskFormDrawer';
import { TaskTable } from './TaskTable';
import { useCatalog, type Catalog } from './use-catalog';

export default function TasksScreen({ params }: ScreenProps) {
  const catalog = useCatalog();
  return <AsyncView state={catalog}>{(c) => (c.plan ? <TasksView key={c.plan.id} catalog={c} params={params} /> : <NoPlan year={c.year} />)}</AsyncView>;
}

/** A ward without a plan for the year creates it right here, then adds its tasks. */
function NoPlan({ year }: { year: number }) {
  const { t } = useTranslation();
  const { setYear } = useYear();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title={t('tasks.title')} sub={t('overview.noPlan')} />
      <Card>
        <Empty description={t('plan.noneTitle', { year })}>
          <p style={{ maxWidth: 560, margin: '0 auto 12px', color: 'rgba(0,0,0,0.55)' }}>{t('plan.noneText')}</p>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('plan.create')}
          </Button>
        </Empty>
      </Card>
      {creating && (
        <PlanFormModal
          plan={null}
          year={year}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            setYear(p.year);
          }}
        />
      )}
    </>
  );
}

function TasksView({ catalog, params }: { catalog: Catalog; params: Record<string, string> }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({
    status: params.status as TaskStatus | undefined,
    areaCode: params.area,
    search: '',
  });
  const search = useDebounced(filters.search.trim());
  const list = useApi('tasks.list', {
    status: filters.status,
    areaCode: filters.areaCode,
    search: search || undefined,
    planYear: catalog.plan?.year,
  });
  const [editing, setEditing] = useState<TaskItem | 'new' | null>(null);
  const openTask = params.task ?? null;
  const setOpenTask = (id: string | null) => navigate('tasks', id ? { ...params, task: id } : withoutTask(params));
  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        sub={catalog.plan?.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('tasks.add')}
          </Button>
        }
      />
      {catalog.units.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 10 }}
          title={t('unit.none')}
          action={
            <Button size="small" onClick={() => navigate('lists', { tab: 'units' })}>
              {t('nav.lists')}
            </Button>
          }
        />
      )}
      <TaskFilters value={filters} onChange={setFilters} areas={catalog.areas} />
      <AsyncView state={list}>
        {(tasks) => <TaskTable tasks={tasks} loading={list.loading} onOpen={(task) => setOpenTask(task.id)} onEdit={setEditing} />}
      </AsyncView>
      {editing && (
        <TaskFormDrawer
          catalog={catalog}
          task={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null);
            setOpenTask(id);
          }}
        />
      )}
      {openTask && (
        <TaskDetailDrawer
          id={openTask}
          catalog={catalog}
          onClose={() => setOpenTask(null)}
          onEdit={(task) => setEditing(task)}
          onDeleted={() => setOpenTask(null)}
        />
      )}
    </>
  );
}

function withoutTask(params: Record<string, string>): Record<string, string> {
  const { task: _task, ...rest } = params;
  return rest;
}
