import { Alert, App, Button, Card, Flex, Space, Table, Tag, Typography, Upload } from 'antd';
import { KeyOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentRow } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { Fingerprint } from '../../components/Fingerprint';
import { PageHeader } from '../../components/PageHeader';
import { fileToBase64 } from '../../api/files';
import { toApiError } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { fmtDateTime } from '../../i18n/format';
import { cityCall, download, useCity } from '../api';

const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

export function EnrollmentScreen() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useCity('city.enrollments', {});
  const key = useCity('city.keys', {});
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => void message.error(errorText(toApiError(e)));
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await cityCall('city.enrollments.submit', { fileName: file.name, contentBase64: await fileToBase64(file) });
      list.reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const approve = (r: EnrollmentRow) =>
    modal.confirm({
      title: t('city.enroll.approveTitle', { ward: r.wardName }),
      width: 760,
      content: (
        <Space direction="vertical">
          <Typography.Text>{t('city.enroll.approveText')}</Typography.Text>
          <Fingerprint value={r.fingerprint} />
        </Space>
      ),
      okText: t('city.enroll.approve'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const res = await cityCall('city.enrollments.approve', { id: r.id });
          // An online request is answered by the hub; only a file request needs the answer carried back.
          if (r.source === 'file') {
            download(res);
            void message.success(t('city.enroll.approved', { file: res.fileName }));
          } else void message.success(t('city.enroll.approvedOnline'));
          list.reload();
        } catch (e) {
          fail(e);
        }
      },
    });
  const rotate = () =>
    modal.confirm({
      title: t('city.key.rotateTitle'),
      width: 640,
      content: <Typography.Paragraph>{t('city.key.rotateText')}</Typography.Paragraph>,
      okText: t('city.key.rotate'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const res = await cityCall('city.keys.rotate', {});
          void message.success(t('city.key.rotated', { fingerprint: res.fingerprint ?? '' }), 8);
          key.reload();
        } catch (e) {
          fail(e);
        }
      },
    });
  const reject = async (r: EnrollmentRow) => {
    try {
      await cityCall('city.enrollments.reject', { id: r.id });
      list.reload();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <>
      <PageHeader
        title={t('city.nav.enrollment')}
        extra={
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              {t('city.enroll.upload')}
            </Button>
          </Upload>
        }
      />
      <Card size="small" title={t('city.key.title')} style={{ marginBottom: 12 }} data-testid="city-key">
        <AsyncView state={key}>
          {(k) => (
            <Flex justify="space-between" align="center" gap={16} wrap>
              <Space direction="vertical" size={4}>
                {k.fingerprint ? <Fingerprint value={k.fingerprint} size="small" /> : <Typography.Text type="secondary">{t('city.key.none')}</Typography.Text>}
                {k.rotatedAt && (
                  <Typography.Text type="secondary">{t('city.key.rotatedAt', { at: fmtDateTime(k.rotatedAt), by: k.rotatedBy ?? '' })}</Typography.Text>
                )}
              </Space>
              <Button icon={<KeyOutlined />} danger disabled={!k.fingerprint} onClick={rotate}>
                {t('city.key.rotate')}
              </Button>
            </Flex>
          )}
        </AsyncView>
      </Card>
      <Alert type="info" showIcon message={t('city.enroll.readBack')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <AsyncView state={list}>
          {(rows) => (
            <Table<EnrollmentRow>
              size="small"
              rowKey="id"
              dataSource={rows}
              locale={{ emptyText: t('city.enroll.none') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('city.ward'), key: 'w', render: (_, r) => `${r.wardName} (${r.wardCode})` },
                { title: t('city.enroll.officer'), key: 'o', width: 140, render: (_, r) => [r.officerName, r.officerTitle].filter(Boolean).join(', ') },
                { title: t('city.fingerprint'), dataIndex: 'fingerprint', width: 310, render: (f: string) => <Fingerprint value={f} size="small" /> },
                {
                  title: t('city.enroll.source'),
                  dataIndex: 'source',
                  width: 85,
                  render: (v: EnrollmentRow['source']) => <Tag color={v === 'online' ? 'blue' : 'default'}>{t(`city.enroll.source.${v}`)}</Tag>,
                },
                { title: t('city.enroll.received'), dataIndex: 'receivedAt', width: 120, render: (v: string) => fmtDateTime(v) },
                {
                  title: t('city.taskStatus'),
                  dataIndex: 'status',
                  width: 95,
                  render: (s: EnrollmentRow['status']) => <Tag color={STATUS_COLOR[s]}>{t(`city.enroll.status.${s}`)}</Tag>,
                },
                {
                  title: '',
                  key: 'a',
                  width: 140,
                  render: (_, r) =>
                    r.status === 'pending' && (
                      <Space>
                        <Button size="small" type="primary" onClick={() => approve(r)}>
                          {t('city.enroll.approve')}
                        </Button>
                        <Button size="small" onClick={() => void reject(r)}>
                          {t('city.enroll.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
    </>
  );
}
