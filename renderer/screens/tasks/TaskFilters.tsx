import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaRow, TaskStatus } from '../../../shared/api/types';
import { STATUS_ORDER, taskStatusLabel } from '../../../shared/rules/task-status';
import type { Lang } from '../../i18n/setup';
import { viSearch } from '../../components/vi-search';

export interface Filters {
  status: TaskStatus | undefined;
  areaCode: string | undefined;
  search: string;
}

export function TaskFilters({ value, onChange, areas }: { value: Filters; onChange: (f: Filters) => void; areas: AreaRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 10 }} role="search">
      <Input.Search
        allowClear
        value={value.search}
        onChange={(e) => onChange({ ...value, search: e.target.value })}
        placeholder={t('tasks.searchPlaceholder')}
        aria-label={t('tasks.search')}
        style={{ width: 340 }}
      />
      <Select<TaskStatus>
        allowClear
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        placeholder={t('tasks.allStatuses')}
        aria-label={t('task.status')}
        style={{ width: 220 }}
        options={STATUS_ORDER.map((s) => ({ value: s, label: taskStatusLabel(s, lang) }))}
      />
      <Select<string>
        allowClear
        showSearch={viSearch}
        value={value.areaCode}
        onChange={(areaCode) => onChange({ ...value, areaCode })}
        placeholder={t('tasks.allAreas')}
        aria-label={t('task.area')}
        style={{ width: 320 }}
        options={areas.map((a) => ({ value: a.code, label: a.name }))}
      />
    </Flex>
  );
}
