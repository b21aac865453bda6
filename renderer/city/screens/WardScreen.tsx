import { App, Button, Card, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityTaskRow, WardPage } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { Fingerprint } from '../../components/Fingerprint';
import { OutcomeTag } from '../../components/OutcomeTag';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { useDebounced } from '../../api/use-debounced';
import { toApiError } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { fmtDate, fmtDateTime, fmtNumber, fmtValue, periodLabel } from '../../i18n/format';
import { navigate } from '../../shell/route';
import { cityCall, download, useCity } from '../api';
import type { Scope } from '../scope';
import { CompletenessTag, ContactLinks } from './common';

function WardPicker({ scope, value }: { scope: Scope; value: string | undefined }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const list = useCity('city.completeness', { period: scope.period, group: scope.group, search: q || undefined, page: 1, pageSize: 30 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      aria-label={t('city.pickWard')}
      placeholder={t('city.pickWard')}
      value={value}
      style={{ width: 300 }}
      loading={list.loading}
      onChange={(code: string) => navigate('ward', { code })}
      options={(list.data?.rows ?? []).map((r) => ({ value: r.wardCode, label: `${r.wardName} (${r.wardCode})` }))}
    />
  );
}

function ContactEditor({ page, onSaved }: { page: WardPage; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = async () => {
    const v = (await form.validateFields()) as Record<string, string>;
    try {
      await cityCall('city.wards.setInfo', {
        wardCode: page.wardCode,
        group: v.group ?? null,
        contactName: v.name ?? null,
        contactTitle: v.title ?? null,
        contactPhone: v.phone ?? null,
        contactEmail: v.email ?? null,
      });
      void message.success(t('city.saved'));
      setOpen(false);
      onSaved();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('city.contactEdit')}
      </Button>
      <Modal
        open={open}
        title={t('city.contactEdit')}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ group: page.group, name: page.contact.name, title: page.contact.title, phone: page.contact.phone, email: page.contact.email }}
        >
          <Form.Item name="group" label={t('city.group')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="name" label={t('city.contactName')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="title" label={t('city.contactTitle')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('city.contactPhone')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="email" label={t('city.contactEmail')} rules={[{ type: 'email' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Page({ scope, page, reload }: { scope: Scope; page: WardPage; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const openReport = async (period: string) => {
    setBusy(period);
    try {
      download(await cityCall('city.wardReport', { wardCode: page.wardCode, period }));
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(null);
    }
  };
  const revoke = (keyId: string) => {
    let reason = '';
    modal.confirm({
      title: t('city.revoke'),
      content: <Input placeholder={t('city.revokeReason')} onChange={(e) => (reason = e.target.value)} />,
      okText: t('city.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await cityCall('city.keys.revoke', { wardCode: page.wardCode, keyId, reason: reason || '—' });
          void message.success(t('city.revoked.done'));
          reload();
        } catch (e) {
          void message.error(errorText(toApiError(e)));
        }
      },
    });
  };
  const tl = page.tally;
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'status', label: t('city.nav.completeness'), children: <CompletenessTag status={page.completeness} /> },
            { key: 'group', label: t('city.group'), children: page.group ?? '—' },
            {
              key: 'contact',
              label: t('city.contact'),
              children: (
                <Space>
                  <ContactLinks contact={page.contact} />
                  {scope.isAdmin && <ContactEditor page={page} onSaved={reload} />}
                </Space>
              ),
            },
            {
              key: 'plan',
              label: t('city.plan'),
              span: 3,
              children: page.plan
                ? `${page.plan.title}${page.plan.docNumber ? ` (${page.plan.docNumber})` : ''}`
                : t('city.noPlan', { year: scope.period.slice(0, 4) }),
            },
            {
              key: 'tally',
              label: t('city.tasks'),
              span: 3,
              children: `${fmtNumber(tl.total, 0)} — ${t('city.done')} ${tl.done + tl.doneLate} (${t('city.doneLate')} ${tl.doneLate}), ${t('city.inProgress')} ${tl.inProgress}, ${t('city.notStarted')} ${tl.notStarted}, ${t('city.overdue')} ${tl.overdue}`,
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'tasks',
              label: `${t('city.tasksTab')} (${page.tasks.length})`,
              children: (
                <Table<CityTaskRow>
                  size="small"
                  rowKey="id"
                  dataSource={page.tasks}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: t('city.no'), dataIndex: 'no', width: 50 },
                    { title: t('city.taskContent'), dataIndex: 'content' },
                    { title: t('city.directive'), dataIndex: 'directive', width: 130 },
                    { title: t('city.leadUnit'), dataIndex: 'leadUnit', width: 170 },
                    { title: t('city.deadline'), dataIndex: 'deadline', width: 100, render: (v: string | null) => fmtDate(v) },
                    { title: t('city.taskStatus'), dataIndex: 'status', width: 170, render: (s: CityTaskRow['status']) => <StatusTag status={s} /> },
                  ]}
                />
              ),
            },
            {
              key: 'indicators',
              label: `${t('city.nav.indicators')} (${page.indicators.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="code"
                  dataSource={page.indicators}
                  pagination={false}
                  columns={[
                    { title: t('city.wardCode'), dataIndex: 'code', width: 90 },
                    { title: t('city.indicator'), dataIndex: 'name' },
                    {
                      title: t('city.target'),
                      key: 't',
                      width: 120,
                      render: (_, r) =>
                        r.comparator && r.target !== null ? `${r.comparator.replace('>=', '≥').replace('<=', '≤')} ${fmtValue(r.target, r.unit)}` : '',
                    },
                    { title: t('city.value'), key: 'v', width: 120, align: 'right', render: (_, r) => fmtValue(r.value, r.unit) },
                    {
                      title: t('city.met'),
                      dataIndex: 'outcome',
                      width: 120,
                      render: (o: WardPage['indicators'][number]['outcome']) => <OutcomeTag outcome={o} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'reports',
              label: `${t('city.reports')} (${page.reports.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="period"
                  dataSource={page.reports}
                  pagination={false}
                  columns={[
                    { title: t('city.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
                    {
                      title: t('city.taskStatus'),
                      dataIndex: 'status',
                      width: 110,
                      render: (s: string) => (
                        <Tag color={s === 'draft' ? 'default' : 'success'}>{t(`city.reportStatus.${s as 'draft' | 'approved' | 'sent'}`)}</Tag>
                      ),
                    },
                    { title: t('city.docNumber'), dataIndex: 'docNumber', width: 130 },
                    { title: t('city.reportReceived'), dataIndex: 'receivedAt', width: 140, render: (v: string | null) => fmtDateTime(v) },
                    {
                      title: '',
                      key: 'open',
                      width: 120,
                      render: (_, r) =>
                        r.status !== 'draft' && (
                          <Button size="small" loading={busy === r.period} onClick={() => void openReport(r.period)}>
                            {t('city.openDocx')}
                          </Button>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'keys',
              label: t('city.keys'),
              children: (
                <>
                  <Table
                    size="small"
                    rowKey="keyId"
                    dataSource={page.keys}
                    pagination={false}
                    columns={[
                      { title: t('city.fingerprint'), dataIndex: 'fingerprint', render: (f: string) => <Fingerprint value={f} size="small" /> },
                      { title: t('city.enroll.received'), dataIndex: 'addedAt', width: 140, render: (v: string) => fmtDateTime(v) },
                      {
                        title: t('city.taskStatus'),
                        key: 's',
                        width: 220,
                        render: (_, k) =>
                          k.revokedAt ? (
                            <Tag color="error">{`${t('city.revoked')} ${fmtDateTime(k.revokedAt)}`}</Tag>
                          ) : (
                            <Tag color="success">{t('city.active')}</Tag>
                          ),
                      },
                      {
                        title: '',
                        key: 'a',
                        width: 100,
                        render: (_, k) =>
                          scope.isAdmin && !k.revokedAt ? (
                            <Button size="small" danger onClick={() => revoke(k.keyId)}>
                              {t('city.revoke')}
                            </Button>
                          ) : null,
                      },
                    ]}
                  />
                  <Typography.Title level={5} style={{ marginTop: 14 }}>
                    {t('city.bundles')}
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey="bundleId"
                    dataSource={page.bundles}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    columns={[
                      { title: t('city.bundle.received'), dataIndex: 'receivedAt', width: 150, render: (v: string) => fmtDateTime(v) },
                      { title: t('city.bundle.range'), key: 'r', width: 120, render: (_, b) => `${b.seqFrom}–${b.seqTo}` },
                      {
                        title: t('city.bundle.status'),
                        dataIndex: 'status',
                        width: 130,
                        render: (s: string) => t(s === 'applied' ? 'city.bundle.applied' : 'city.bundle.pending'),
                      },
                      { title: t('city.bundle.receipt'), dataIndex: 'receipt', width: 110, render: (v: boolean) => (v ? '✓' : '') },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function Loaded({ scope, code }: { scope: Scope; code: string }) {
  const data = useCity('city.ward', { period: scope.period, wardCode: code });
  return <AsyncView state={data}>{(p) => <Page scope={scope} page={p} reload={data.reload} />}</AsyncView>;
}

export function WardScreen({ scope, params }: { scope: Scope; params: Record<string, string> }) {
  const { t } = useTranslation();
  const code = params.code;
  return (
    <>
      <PageHeader title={t('city.nav.ward')} extra={<WardPicker scope={scope} value={code} />} />
      {code ? <Loaded key={code} scope={scope} code={code} /> : <Empty description={t('city.pickWard')} />}
    </>
  );
}
