import { Tag } from 'antd';
import { CheckCircleOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../shared/api/report-types';

const LOOK: Record<ReportStatus, { color: string; icon: ReactNode }> = {
  draft: { color: 'gold', icon: <EditOutlined /> },
  approved: { color: 'green', icon: <CheckCircleOutlined /> },
  sent: { color: 'blue', icon: <SendOutlined /> },
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={LOOK[status].color} icon={LOOK[status].icon} style={{ marginInlineEnd: 0 }} data-testid="report-status">
      {t(`reports.status.${status}`)}
    </Tag>
  );
}
