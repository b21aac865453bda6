import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow, CityUserRow } from '../../../shared/api/contract-city';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { toApiError } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { fmtDateTime } from '../../i18n/format';
import { cityCall, useCity } from '../api';

function UserForm({ mode, name, onDone }: { mode: 'add' | 'passwd'; name?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const save = async () => {
    const v = (await form.validateFields()) as { name: string; role: 'admin' | 'viewer'; password: string };
    try {
      if (mode === 'add') await cityCall('city.users.add', v);
      else await cityCall('city.users.passwd', { name: name!, password: v.password });
      void message.success(t('city.saved'));
      setOpen(false);
      onDone();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  };
  return (
    <>
      <Button size={mode === 'add' ? 'middle' : 'small'} type={mode === 'add' ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {t(mode === 'add' ? 'city.users.add' : 'city.users.passwd')}
      </Button>
      <Modal
        open={open}
        title={t(mode === 'add' ? 'city.users.add' : 'city.users.passwd')}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'viewer' }}>
          {mode === 'add' && (
            <>
              <Form.Item name="name" label={t('city.userName')} rules={[{ required: true, message: t('form.required') }]}>
                <Input maxLength={64} autoComplete="off" />
              </Form.Item>
              <Form.Item name="role" label={t('city.users.role')}>
                <Select
                  options={[
                    { value: 'viewer', label: t('city.roleViewer') },
                    { value: 'admin', label: t('city.roleAdmin') },
                  ]}
                />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="password"
            label={t('city.password')}
            rules={[{ required: true, min: 10, message: errorText({ code: 'auth.password_too_short', params: { min: 10 } }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function UsersScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useCity('city.users.list', {});
  const [page, setPage] = useState(1);
  const audit = useCity('city.audit', { page, pageSize: 20 });
  const reload = () => (users.reload(), audit.reload());
  const disable = async (name: string) => {
    try {
      await cityCall('city.users.disable', { name });
      reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  };
  return (
    <>
      <PageHeader title={t('city.nav.users')} extra={<UserForm mode="add" onDone={reload} />} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <AsyncView state={users}>
          {(rows) => (
            <Table<CityUserRow>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={false}
              columns={[
                { title: t('city.userName'), dataIndex: 'name' },
                { title: t('city.users.role'), dataIndex: 'role', width: 130, render: (r: string) => t(r === 'admin' ? 'city.roleAdmin' : 'city.roleViewer') },
                { title: t('city.users.created'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
                { title: '', dataIndex: 'disabled', width: 100, render: (d: boolean) => (d ? <Tag>{t('city.users.disabled')}</Tag> : null) },
                {
                  title: '',
                  key: 'a',
                  width: 220,
                  render: (_, u) =>
                    !u.disabled && (
                      <Space>
                        <UserForm mode="passwd" name={u.name} onDone={reload} />
                        <Button size="small" danger onClick={() => void disable(u.name)}>
                          {t('city.users.disable')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <Card size="small" title={t('city.audit')}>
        <AsyncView state={audit}>
          {(a) => (
            <Table<AuditRow>
              size="small"
              rowKey="id"
              dataSource={a.rows}
              pagination={{ current: page, pageSize: 20, total: a.total, showSizeChanger: false, onChange: setPage }}
              columns={[
                { title: t('city.audit.at'), dataIndex: 'at', width: 150, render: (v: string) => fmtDateTime(v) },
                { title: t('city.audit.actor'), dataIndex: 'actor', width: 160 },
                { title: t('city.audit.action'), dataIndex: 'action', width: 170 },
                { title: '', dataIndex: 'detail', ellipsis: true },
              ]}
            />
          )}
        </AsyncView>
      </Card>
    </>
  );
}
