import { Button, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WardSyncStatus } from '../../../shared/api/sync-types';
import type { Loaded } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { fmtDateTime } from '../../i18n/format';
import { navigate } from '../../shell/route';

export function SyncCard({ sync }: { sync: Loaded<WardSyncStatus> }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('overview.sync')}
      style={{ height: '100%' }}
      extra={
        <Button size="small" type="link" onClick={() => navigate('sync')}>
          {t('overview.openSync')}
        </Button>
      }
    >
      <AsyncView state={sync}>
        {(s) => (
          <Descriptions size="small" column={1} styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('sync.enrollment')}>
              {s.enrolled ? <Tag color="success">{t('sync.enrolled')}</Tag> : <Tag color="warning">{t('sync.notEnrolled')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('sync.lastExport')}>{s.lastExportAt ? fmtDateTime(s.lastExportAt) : t('sync.never')}</Descriptions.Item>
            <Descriptions.Item label={t('sync.lastCatalog')}>{s.lastCatalogAt ? fmtDateTime(s.lastCatalogAt) : t('sync.never')}</Descriptions.Item>
            <Descriptions.Item label={t('sync.waiting')}>
              <Tag color={s.waitingChanges > 0 ? 'orange' : 'default'} data-testid="waiting-changes">
                {t('sync.waitingCount', { count: s.waitingChanges })}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
        )}
      </AsyncView>
    </Card>
  );
}
