import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { EnrollImportCard } from './EnrollImportCard';
import { ExportCard } from './ExportCard';
import { HistoryTable } from './HistoryTable';
import { HubSendCard } from './HubSendCard';
import { ImportCard } from './ImportCard';
import { StatusCard } from './StatusCard';

export default function SyncScreen() {
  const { t } = useTranslation();
  const status = useApi('sync.status', {});
  return (
    <>
      <PageHeader title={t('sync.title')} sub={t('sync.sub')} />
      <AsyncView state={status}>
        {(s) => (
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <StatusCard status={s} />
            </Col>
            <Col span={24}>
              <HubSendCard enrolled={s.enrolled} />
            </Col>
            <Col span={8}>
              <ExportCard enrolled={s.enrolled} />
            </Col>
            <Col span={8}>
              <ImportCard />
            </Col>
            <Col span={8}>
              <EnrollImportCard enrolled={s.enrolled} />
            </Col>
            <Col span={24}>
              <HistoryTable items={s.history} />
            </Col>
          </Row>
        )}
      </AsyncView>
    </>
  );
}
