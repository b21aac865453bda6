import { App, Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/api/contract-lists';
import type { IndicatorItem } from '../../../shared/api/types';
import { COMPARATORS, targetText } from '../../../shared/rules/indicator';
import { parseNumberVi } from '../../../shared/rules/format-vi';
import { call } from '../../api/client';
import { useApi } from '../../api/use-api';
import { confirmRemoval } from '../../components/confirm';
import { FormModal } from '../../components/FormModal';
import { viSearch } from '../../components/vi-search';
import { fmtNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';
import { useYear } from '../../shell/year-context';
import { ListTable } from './ListTable';
import { codeRules } from './code-rules';

export function IndicatorsTab() {
  const { t, i18n } = useTranslation();
  const app = App.useApp();
  const { year } = useYear();
  const list = useApi('indicators.list', { year });
  const [editing, setEditing] = useState<IndicatorItem | 'new' | null>(null);
  return (
    <>
      <ListTable<IndicatorItem>
        testId="indicators"
        rows={list.data ?? []}
        loading={list.loading}
        onAdd={() => setEditing('new')}
        onEdit={setEditing}
        onRetire={(ind) =>
          confirmRemoval(app, t, {
            title: t('lists.retireTitle', { name: ind.name }),
            content: t('lists.retireText'),
            okText: t('lists.retire'),
            run: () => call('indicators.retire', { id: ind.id }),
            done: t('lists.retired'),
          })
        }
        columns={[
          { title: t('lists.code'), dataIndex: 'code', width: 90 },
          { title: t('indicatorForm.name'), dataIndex: 'name' },
          { title: t('indicator.area'), dataIndex: 'areaName', width: 200, ellipsis: true },
          { title: t('indicator.unit'), dataIndex: 'unit', width: 90 },
          {
            title: t('indicator.targetFor', { year }),
            width: 150,
            render: (_, ind) =>
              ind.comparator && ind.target !== null ? targetText(ind.comparator, ind.target, ind.unit, i18n.language as Lang) : t('indicator.noTarget'),
          },
        ]}
      />
      {editing && (
        <IndicatorFormModal indicator={editing === 'new' ? null : editing} year={year} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      )}
    </>
  );
}

interface Values {
  code: string;
  areaCode: string;
  name: string;
  unit: string;
  isRatio: boolean;
  numeratorLabel?: string;
  denominatorLabel?: string;
  note?: string;
  comparator?: string;
  target?: string;
  baseline?: string;
}

const numberText = (n: number | null) => (n === null ? undefined : fmtNumber(n));

function IndicatorFormModal({
  indicator: ind,
  year,
  onClose,
  onSaved,
}: {
  indicator: IndicatorItem | null;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const areas = useApi('areas.list', {});
  const isRatio = Form.useWatch('isRatio', form);
  const initial: Partial<Values> = ind
    ? {
        code: ind.code,
        areaCode: ind.areaCode,
        name: ind.name,
        unit: ind.unit,
        isRatio: ind.isRatio,
        numeratorLabel: ind.numeratorLabel ?? undefined,
        denominatorLabel: ind.denominatorLabel ?? undefined,
        note: ind.note ?? undefined,
        comparator: ind.comparator ?? '>=',
        target: numberText(ind.target),
        baseline: numberText(ind.baseline),
      }
    : { isRatio: false, comparator: '>=', unit: '%' };
  // A figure that is not a number is refused with a message, never guessed at or dropped.
  const numberRule = {
    validator: (_: unknown, v: string | undefined) =>
      !v?.trim() || parseNumberVi(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('indicator.notNumber'))),
  };
  const save = (v: Values) => {
    const target = v.target?.trim()
      ? { year, comparator: v.comparator ?? '>=', target: parseNumberVi(v.target)!, baseline: v.baseline?.trim() ? parseNumberVi(v.baseline) : null }
      : null;
    const fields = {
      areaCode: v.areaCode,
      name: v.name.trim(),
      unit: v.unit.trim(),
      isRatio: !!v.isRatio,
      numeratorLabel: v.isRatio ? (v.numeratorLabel?.trim() ?? null) : null,
      denominatorLabel: v.isRatio ? (v.denominatorLabel?.trim() ?? null) : null,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    return ind
      ? call('indicators.update', { id: ind.id, patch: { ...fields, ...(target ? { target } : {}) } })
      : call('indicators.add', { code: v.code.trim(), ...fields, target });
  };
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <FormModal
      title={ind ? t('indicator.editTitle', { code: ind.code }) : t('indicator.addTitle')}
      form={form}
      initialValues={initial}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      width={720}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label={t('lists.code')} rules={ind ? [] : codeRules(t)}>
            <Input maxLength={LIMITS.code} showCount disabled={!!ind} autoFocus={!ind} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="areaCode" label={t('indicator.area')} rules={[{ required: true, message: t('form.required') }]}>
            <Select showSearch={viSearch} loading={areas.loading} options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="name" label={t('indicatorForm.name')} rules={[required]}>
            <Input maxLength={LIMITS.indicatorName} showCount autoFocus={!!ind} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label={t('indicator.unit')} rules={[required]}>
            <Input maxLength={LIMITS.indicatorUnit} showCount />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="isRatio" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('indicator.isRatio')}</Checkbox>
          </Form.Item>
        </Col>
        {isRatio && (
          <>
            <Col span={12}>
              <Form.Item name="numeratorLabel" label={t('indicator.numeratorLabel')} rules={[required]}>
                <Input maxLength={LIMITS.ratioLabel} showCount />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="denominatorLabel" label={t('indicator.denominatorLabel')} rules={[required]}>
                <Input maxLength={LIMITS.ratioLabel} showCount />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
        {t('indicator.targetFor', { year })}
      </Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="comparator" label={t('indicator.comparator')}>
            <Select options={COMPARATORS.map((c) => ({ value: c, label: c.replace('>=', '≥').replace('<=', '≤') }))} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="target" label={t('indicatorForm.target')} rules={[numberRule]}>
            <Input inputMode="decimal" placeholder="80" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="baseline" label={t('indicatorForm.baseline')} rules={[numberRule]}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('indicator.note')}>
            <Input.TextArea maxLength={LIMITS.indicatorNote} showCount autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
