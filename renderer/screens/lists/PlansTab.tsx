import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '../../../shared/api/types';
import { call } from '../../api/client';
import { confirmRemoval } from '../../components/confirm';
import { fmtDate } from '../../i18n/format';
import { useYear } from '../../shell/year-context';
import { ListTable } from './ListTable';
import { PlanFormModal } from './PlanFormModal';

export function PlansTab() {
  const { t } = useTranslation();
  const app = App.useApp();
  const { plans, setYear, year } = useYear();
  const [editing, setEditing] = useState<PlanRow | 'new' | null>(null);
  const retire = (p: PlanRow) =>
    confirmRemoval(app, t, {
      title: t('plan.deleteTitle', { year: p.year }),
      content: t('plan.deleteText'),
      okText: t('lists.delete'),
      run: () => call('plans.retire', { id: p.id }),
      done: t('lists.deleted'),
    });
  return (
    <>
      <ListTable<PlanRow>
        testId="plans"
        rows={plans}
        loading={false}
        onAdd={() => setEditing('new')}
        onEdit={setEditing}
        onRetire={retire}
        retireLabel={t('lists.delete')}
        columns={[
          { title: t('plan.year'), dataIndex: 'year', width: 70 },
          { title: t('plan.title'), dataIndex: 'title' },
          { title: t('plan.docNumber'), dataIndex: 'docNumber', width: 130 },
          { title: t('plan.issuedOn'), dataIndex: 'issuedOn', width: 110, render: (d: string | null) => (d ? fmtDate(d) : '') },
          { title: t('plan.signerName'), width: 220, render: (_, p) => [p.signerTitle, p.signerName].filter(Boolean).join(' ') },
        ]}
      />
      {editing && (
        <PlanFormModal
          plan={editing === 'new' ? null : editing}
          year={editing === 'new' && !plans.some((p) => p.year === year) ? year : undefined}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setYear(p.year);
          }}
        />
      )}
    </>
  );
}
