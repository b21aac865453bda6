import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/api/contract-lists';
import type { DirectiveRow } from '../../../shared/api/types';
import { directiveListLabel } from '../../../shared/rules/directive-list-label';
import { call } from '../../api/client';
import { useApi } from '../../api/use-api';
import { confirmRemoval } from '../../components/confirm';
import { FormModal } from '../../components/FormModal';
import { ListTable } from './ListTable';
import { codeRules } from './code-rules';

export function DirectivesTab() {
  const { t } = useTranslation();
  const app = App.useApp();
  const list = useApi('directives.list', {});
  const [editing, setEditing] = useState<DirectiveRow | 'new' | null>(null);
  return (
    <>
      <ListTable<DirectiveRow>
        testId="directives"
        rows={list.data ?? []}
        loading={list.loading}
        onAdd={() => setEditing('new')}
        onEdit={setEditing}
        onRetire={(d) =>
          confirmRemoval(app, t, {
            title: t('lists.retireTitle', { name: directiveListLabel(d) }),
            content: t('lists.retireText'),
            okText: t('lists.retire'),
            run: () => call('directives.retire', { id: d.id }),
            done: t('lists.retired'),
          })
        }
        columns={[
          { title: t('lists.code'), dataIndex: 'code', width: 110 },
          { title: t('directive.label'), render: (_, d) => directiveListLabel(d) },
          { title: t('directive.issuer'), dataIndex: 'issuer', width: 220 },
        ]}
      />
      {editing && <DirectiveFormModal directive={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </>
  );
}

interface Values {
  code: string;
  number?: string;
  date?: Dayjs | null;
  issuer: string;
  title: string;
}

function DirectiveFormModal({ directive: d, onClose, onSaved }: { directive: DirectiveRow | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = (v: Values) => {
    const fields = {
      number: v.number?.trim() ? v.number.trim() : null,
      date: v.date ? v.date.format('YYYY-MM-DD') : null,
      issuer: v.issuer.trim(),
      title: v.title.trim(),
    };
    return d ? call('directives.update', { id: d.id, patch: fields }) : call('directives.add', { code: v.code.trim(), ...fields });
  };
  return (
    <FormModal
      title={d ? t('directive.editTitle', { code: d.code }) : t('directive.addTitle')}
      form={form}
      initialValues={d ? { code: d.code, number: d.number || undefined, date: d.issuedOn ? dayjs(d.issuedOn) : null, issuer: d.issuer, title: d.title } : {}}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      width={680}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t('lists.code')} rules={d ? [] : codeRules(t)}>
            <Input maxLength={LIMITS.code} showCount disabled={!!d} autoFocus={!d} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="number" label={t('directive.number')} extra={t('directive.numberHelp')}>
            <Input maxLength={LIMITS.directiveNumber} showCount placeholder="57-NQ/TW" autoFocus={!!d} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="date" label={t('directive.date')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="issuer" label={t('directive.issuer')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input maxLength={LIMITS.directiveIssuer} showCount placeholder="Bộ Chính trị" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="title" label={t('directive.title')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input.TextArea maxLength={LIMITS.directiveTitle} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
