import { Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/api/contract-lists';
import type { PlanRow } from '../../../shared/api/types';
import { call } from '../../api/client';
import { FormModal } from '../../components/FormModal';

interface Values {
  year: string;
  title: string;
  docNumber?: string;
  issuedOn?: Dayjs | null;
  signerName?: string;
  signerTitle?: string;
  generalGoal?: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Creates the year's plan (year given or typed) or edits one; the year of an existing plan never changes. */
export function PlanFormModal({ plan, year, onClose, onSaved }: { plan: PlanRow | null; year?: number; onClose: () => void; onSaved: (p: PlanRow) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const typedYear = Form.useWatch('year', form);
  const initial: Partial<Values> = plan
    ? {
        year: String(plan.year),
        title: plan.title,
        docNumber: plan.docNumber ?? undefined,
        issuedOn: plan.issuedOn ? dayjs(plan.issuedOn) : null,
        signerName: plan.signerName ?? undefined,
        signerTitle: plan.signerTitle ?? undefined,
        generalGoal: plan.generalGoal ?? undefined,
      }
    : { year: year ? String(year) : '' };
  const save = async (v: Values) => {
    const fields = {
      title: v.title.trim(),
      docNumber: blank(v.docNumber),
      issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
      signerName: blank(v.signerName),
      signerTitle: blank(v.signerTitle),
      generalGoal: blank(v.generalGoal),
    };
    return plan ? call('plans.update', { id: plan.id, patch: fields }) : call('plans.add', { year: Number(v.year), ...fields });
  };
  return (
    <FormModal
      title={plan ? t('plan.editTitle', { year: plan.year }) : t('plan.addTitle')}
      form={form}
      initialValues={initial}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      savedText={plan ? undefined : t('plan.created', { year: typedYear ?? '' })}
      width={640}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name="year"
            label={t('plan.year')}
            rules={[
              { required: true, message: t('form.required') },
              {
                validator: (_, v: string) =>
                  !v || (/^\d{4}$/.test(v.trim()) && Number(v) >= 2000 && Number(v) <= 2100)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('plan.yearRange'))),
              },
            ]}
          >
            <Input inputMode="numeric" maxLength={4} disabled={!!plan} autoFocus={!plan && !year} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="title" label={t('plan.title')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
            <Input maxLength={LIMITS.planTitle} showCount placeholder={t('plan.titlePlaceholder')} autoFocus={!!plan || !!year} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="docNumber" label={t('plan.docNumber')}>
            <Input maxLength={LIMITS.docNumber} showCount placeholder={t('plan.docNumberPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="issuedOn" label={t('plan.issuedOn')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signerName" label={t('plan.signerName')}>
            <Input maxLength={LIMITS.signerName} showCount />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signerTitle" label={t('plan.signerTitle')}>
            <Input maxLength={LIMITS.signerTitle} showCount placeholder={t('plan.signerTitlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="generalGoal" label={t('plan.generalGoal')}>
            <Input.TextArea maxLength={LIMITS.generalGoal} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
