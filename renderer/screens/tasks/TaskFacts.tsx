import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskItem } from '../../../shared/api/types';
import { SixClearMark } from '../../components/SixClearMark';
import { fmtDate } from '../../i18n/format';
import type { Catalog } from './use-catalog';

export function TaskFacts({ task, catalog }: { task: TaskItem; catalog: Catalog }) {
  const { t } = useTranslation();
  const unitName = (code: string) => catalog.units.find((u) => u.code === code)?.name ?? code;
  const directive = catalog.directives.find((d) => d.code === task.sourceCode);
  const dash = <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <Descriptions size="small" bordered column={1} styles={{ label: { width: 168 } }}>
      <Descriptions.Item label={t('task.content')}>{task.content}</Descriptions.Item>
      <Descriptions.Item label={t('task.area')}>{task.areaName}</Descriptions.Item>
      <Descriptions.Item label={t('task.lead')}>{task.leadUnitName}</Descriptions.Item>
      <Descriptions.Item label={t('task.partners')}>
        {task.partnerUnitCodes.length || task.partnerNote
          ? [...task.partnerUnitCodes.map(unitName), ...(task.partnerNote ? [task.partnerNote] : [])].join('; ')
          : dash}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.timeline')}>
        {task.timeline || dash}
        {task.deadline && ` — ${t('task.deadlineShort', { date: fmtDate(task.deadline) })}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.source')}>{directive ? `${directive.number} — ${directive.title}` : task.sourceNumber || dash}</Descriptions.Item>
      <Descriptions.Item label={t('task.output')}>{task.output || dash}</Descriptions.Item>
      <Descriptions.Item label={t('task.person')}>{task.person || dash}</Descriptions.Item>
      <Descriptions.Item label={t('task.authority')}>{task.authority || dash}</Descriptions.Item>
      <Descriptions.Item label={t('task.sixClear')}>
        <SixClearMark missing={task.sixClearMissing} />
      </Descriptions.Item>
    </Descriptions>
  );
}
