import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Input as ApiInput } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { useProfile } from '../../shell/profile-context';

type Values = Required<ApiInput<'profile.update'>>;

export function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { profile } = useProfile();
  const save = useAction((v: Values) =>
    call('profile.update', { orgName: v.orgName.trim(), officerName: v.officerName.trim(), officerTitle: v.officerTitle.trim() }),
  );
  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Card size="small" title={t('settings.profile')}>
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('setup.wardCode')}>{profile.orgCode}</Descriptions.Item>
        <Descriptions.Item label={t('setup.cityName')}>{profile.cityName}</Descriptions.Item>
      </Descriptions>
      {/* Keyed by the profile: after a restore the fields show the restored ward, not the one replaced. */}
      <Form<Values>
        key={`${profile.orgName}|${profile.officerName}|${profile.officerTitle}`}
        layout="vertical"
        initialValues={{ orgName: profile.orgName, officerName: profile.officerName ?? '', officerTitle: profile.officerTitle ?? '' }}
        onFinish={async (v) => {
          if (await save.run(v)) {
            void message.success(t('settings.profileSaved'));
          }
        }}
      >
        <FormError error={save.error} onClose={save.clearError} />
        <Form.Item name="orgName" label={t('setup.wardName')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="officerName" label={t('setup.officerName')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="officerTitle" label={t('setup.officerTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
