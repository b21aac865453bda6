import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogView } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { toApiError } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { fmtDateTime, fmtValue } from '../../i18n/format';
import { cityCall, download, useCity } from '../api';
import type { Scope } from '../scope';

const COMPARATORS = ['>=', '>', '=', '<=', '<'];
const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤' };

export function CatalogScreen({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(scope.period.slice(0, 4)));
  const data = useCity('city.catalog', { year });
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<'target' | 'publish' | null>(null);
  const setTarget = async (cat: CatalogView) => {
    const v = (await form.validateFields()) as { indicatorCode: string; wardCode: string; comparator: string; target: number };
    setBusy('target');
    try {
      await cityCall('city.catalog.setTarget', { ...v, year: cat.year, wardCode: v.wardCode ?? '' });
      void message.success(t('city.saved'));
      data.reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(null);
    }
  };
  const publish = async () => {
    setBusy('publish');
    try {
      const r = await cityCall('city.catalog.publish', {});
      download(r);
      void message.success(t('city.catalog.published', { file: r.fileName, changes: r.changes, wards: r.wards }));
      data.reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <PageHeader
        title={t('city.nav.catalog')}
        extra={
          <Space>
            <Select
              aria-label={t('city.catalog.year')}
              value={year}
              onChange={setYear}
              options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))}
            />
            <Button type="primary" loading={busy === 'publish'} onClick={() => void publish()}>
              {t('city.catalog.publish')}
            </Button>
          </Space>
        }
      />
      <AsyncView state={data}>
        {(cat) => (
          <>
            <Typography.Paragraph type="secondary">
              {cat.lastPublishedAt
                ? t('city.catalog.lastPublished', { at: fmtDateTime(cat.lastPublishedAt), changes: cat.changesSincePublish })
                : t('city.catalog.never', { changes: cat.changesSincePublish })}
            </Typography.Paragraph>
            <Card size="small" title={t('city.catalog.setTarget')} style={{ marginBottom: 12 }}>
              <Form form={form} layout="inline" initialValues={{ wardCode: '', comparator: '>=' }}>
                <Form.Item name="indicatorCode" rules={[{ required: true, message: t('form.required') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('city.indicator')}
                    placeholder={t('city.indicator')}
                    style={{ width: 320 }}
                    options={cat.indicators.map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
                  />
                </Form.Item>
                <Form.Item name="wardCode">
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    aria-label={t('city.ward')}
                    style={{ width: 220 }}
                    options={[{ value: '', label: t('city.catalog.forAll') }, ...cat.wards.map((w) => ({ value: w.code, label: `${w.name} (${w.code})` }))]}
                  />
                </Form.Item>
                <Form.Item name="comparator">
                  <Select
                    aria-label={t('city.catalog.comparator')}
                    style={{ width: 70 }}
                    options={COMPARATORS.map((c) => ({ value: c, label: SIGN[c] ?? c }))}
                  />
                </Form.Item>
                <Form.Item name="target" rules={[{ required: true, message: t('form.required') }]}>
                  <InputNumber aria-label={t('city.target')} placeholder={t('city.target')} decimalSeparator="," style={{ width: 120 }} />
                </Form.Item>
                <Button htmlType="button" loading={busy === 'target'} onClick={() => void setTarget(cat)}>
                  {t('city.catalog.setTarget')}
                </Button>
              </Form>
            </Card>
            <Card size="small">
              <Table
                size="small"
                rowKey="code"
                dataSource={cat.indicators}
                pagination={false}
                columns={[
                  { title: t('city.wardCode'), dataIndex: 'code', width: 90 },
                  { title: t('city.indicator'), dataIndex: 'name' },
                  { title: t('city.area'), dataIndex: 'areaName', width: 200 },
                  {
                    title: t('city.catalog.targets'),
                    key: 'targets',
                    width: 280,
                    render: (_, i: CatalogView['indicators'][number]) =>
                      i.targets
                        .map((x) => `${x.wardCode || t('city.catalog.forAll')}: ${SIGN[x.comparator] ?? x.comparator} ${fmtValue(x.target, i.unit)}`)
                        .join('; '),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </AsyncView>
    </>
  );
}
