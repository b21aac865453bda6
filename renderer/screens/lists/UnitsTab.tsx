import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/api/contract-lists';
import type { UnitRow } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useApi } from '../../api/use-api';
import { confirmRemoval } from '../../components/confirm';
import { FormModal } from '../../components/FormModal';
import { ListTable } from './ListTable';
import { codeRules } from './code-rules';

export function UnitsTab() {
  const { t } = useTranslation();
  const app = App.useApp();
  const units = useApi('units.list', {});
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  return (
    <>
      <ListTable<UnitRow>
        testId="units"
        rows={units.data ?? []}
        loading={units.loading}
        onAdd={() => setEditing('new')}
        onEdit={setEditing}
        onRetire={(u) =>
          confirmRemoval(app, t, {
            title: t('lists.retireTitle', { name: u.name }),
            content: t('lists.retireText'),
            okText: t('lists.retire'),
            run: () => call('units.retire', { id: u.id }),
            done: t('lists.retired'),
          })
        }
        columns={[
          { title: t('lists.code'), dataIndex: 'code', width: 140 },
          { title: t('unit.name'), dataIndex: 'name' },
        ]}
      />
      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </>
  );
}

function UnitFormModal({ unit, onClose, onSaved }: { unit: UnitRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string; name: string }>();
  return (
    <FormModal
      title={unit ? t('unit.editTitle', { code: unit.code }) : t('unit.addTitle')}
      form={form}
      initialValues={unit ?? {}}
      save={(v) => (unit ? call('units.update', { id: unit.id, name: v.name.trim() }) : call('units.add', { code: v.code.trim(), name: v.name.trim() }))}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item name="code" label={t('lists.code')} extra={unit ? undefined : t('lists.codeHelp')} rules={unit ? [] : codeRules(t)}>
        <Input maxLength={LIMITS.code} showCount disabled={!!unit} autoFocus={!unit} />
      </Form.Item>
      <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={LIMITS.unitName} showCount placeholder={t('unit.namePlaceholder')} autoFocus={!!unit} />
      </Form.Item>
    </FormModal>
  );
}
