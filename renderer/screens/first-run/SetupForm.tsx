import { Button, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Input as ApiInput, Output } from '../../../shared/api/contract';
import { city as demoCity, ward as demoWard } from '../../../shared/demo/phuong-hai-duong-2026.json';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/errors';

type Values = Omit<ApiInput<'app.setup'>, 'demo'> & { start: 'demo' | 'empty' };

const CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** The demo plan belongs to a real ward, so choosing it fixes the ward and the city. */
const DEMO_FIELDS = { wardCode: demoWard.code, wardName: demoWard.name, cityCode: demoCity.code, cityName: demoCity.name };

export function SetupForm({ onCreated }: { onCreated: (p: Output<'app.setup'>) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const start = Form.useWatch('start', form);
  const demo = start === 'demo';
  const save = useAction((v: Values) => {
    const { start: s, ...rest } = v;
    return call('app.setup', { ...rest, ...(s === 'demo' ? DEMO_FIELDS : {}), demo: s === 'demo' });
  });
  const codeRule = { pattern: CODE, message: errorText({ code: 'catalog.bad_code', params: { code: '…' } }) };
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ start: 'empty' }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.start === 'demo') form.setFieldsValue(DEMO_FIELDS);
      }}
      onFinish={async (v) => {
        const p = await save.run(v);
        if (p) onCreated(p);
      }}
    >
      <FormError error={save.error} onClose={save.clearError} />
      <Form.Item name="start" label={t('setup.start')}>
        <Radio.Group
          options={[
            { value: 'empty', label: t('setup.startEmpty') },
            { value: 'demo', label: t('setup.startDemo') },
          ]}
        />
      </Form.Item>
      {demo && <Typography.Paragraph type="secondary">{t('setup.demoNote')}</Typography.Paragraph>}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="wardCode" label={t('setup.wardCode')} rules={[required, codeRule]} extra={t('setup.codeHint')}>
            <Input disabled={demo} autoFocus />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="wardName" label={t('setup.wardName')} rules={[required]}>
            <Input disabled={demo} placeholder={t('setup.wardNamePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="cityCode" label={t('setup.cityCode')} rules={[required, codeRule]}>
            <Input disabled={demo} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="cityName" label={t('setup.cityName')} rules={[required]}>
            <Input disabled={demo} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="officerName" label={t('setup.officerName')} rules={[required]}>
            <Input autoComplete="name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="officerTitle" label={t('setup.officerTitle')}>
            <Input placeholder={t('setup.officerTitlePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.busy}>
        {t('setup.create')}
      </Button>
    </Form>
  );
}
