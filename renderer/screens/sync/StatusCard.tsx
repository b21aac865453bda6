import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WardSyncStatus } from '../../../shared/api/sync-types';
import { Fingerprint } from '../../components/Fingerprint';
import { fmtDateTime } from '../../i18n/format';

export function StatusCard({ status: s }: { status: WardSyncStatus }) {
  const { t } = useTranslation();
  const unacknowledged = s.history.filter((h) => h.kind !== 'catalog' && !h.acknowledgedAt).length;
  return (
    <Card size="small" title={t('sync.state')}>
      <Descriptions size="small" column={3} styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t('sync.enrollment')}>
          {s.enrolled ? <Tag color="success">{t('sync.enrolled')}</Tag> : <Tag color="warning">{t('sync.notEnrolled')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.waiting')}>
          <Tag color={s.waitingChanges > 0 ? 'orange' : 'default'} data-testid="waiting-changes">
            {t('sync.waitingCount', { count: s.waitingChanges })}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.unacknowledged')}>
          <Tag color={unacknowledged > 0 ? 'orange' : 'default'}>{t('sync.bundleCount', { count: unacknowledged })}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.ownKey')}>
          <Fingerprint value={s.fingerprint} size="small" />
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastExport')}>{s.lastExportAt ? fmtDateTime(s.lastExportAt) : t('sync.never')}</Descriptions.Item>
        <Descriptions.Item label={t('sync.lastCatalog')}>{s.lastCatalogAt ? fmtDateTime(s.lastCatalogAt) : t('sync.never')}</Descriptions.Item>
        <Descriptions.Item label={t('sync.cityKey')}>
          <Fingerprint value={s.cityFingerprint} size="small" />
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.sequence')} span={2}>
          {t('sync.sequenceLine', { last: s.lastSeq, exported: s.lastExportedSeq, acked: s.lastAcknowledgedSeq })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
