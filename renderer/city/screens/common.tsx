import { Button, Space, Tag, Typography } from 'antd';
import { PhoneOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CompletenessStatus, WardContact } from '../../../shared/api/contract-city';
import { navigate } from '../../shell/route';

export const COMPLETENESS_COLORS: Record<CompletenessStatus, string> = {
  on_time: 'success',
  late: 'warning',
  overdue: 'error',
  waiting: 'processing',
  not_enrolled: 'default',
};

export function CompletenessTag({ status }: { status: CompletenessStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COMPLETENESS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`city.status.${status}`)}
    </Tag>
  );
}

/** One click to the person to call: tel: and mailto: open the PC's phone or mail program. */
export function ContactLinks({ contact }: { contact: WardContact }) {
  const { t } = useTranslation();
  if (!contact.name && !contact.phone && !contact.email) return <Typography.Text type="secondary">{t('city.noContact')}</Typography.Text>;
  return (
    <Space size={6} wrap>
      {contact.name && <span>{contact.name}</span>}
      {contact.phone && (
        <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>
          <PhoneOutlined /> {contact.phone}
        </a>
      )}
      {contact.email && (
        <a href={`mailto:${contact.email}`}>
          <MailOutlined /> {contact.email}
        </a>
      )}
    </Space>
  );
}

export function WardLink({ code, name, period }: { code: string; name: string; period?: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => navigate('ward', period ? { code, period } : { code })}>
      {name}
    </Button>
  );
}
