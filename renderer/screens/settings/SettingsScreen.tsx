import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { BackupCard } from './BackupCard';
import { HubAddressCard } from './HubAddressCard';
import { KeyCard } from './KeyCard';
import { LanguageCard } from './LanguageCard';
import { ProfileCard } from './ProfileCard';

export default function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[12, 12]}>
        <Col span={10}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <LanguageCard />
            </Col>
            <Col span={24}>
              <ProfileCard />
            </Col>
          </Row>
        </Col>
        <Col span={14}>
          <Row gutter={[12, 12]}>
            <Col span={24}>
              <KeyCard />
            </Col>
            <Col span={24}>
              <HubAddressCard />
            </Col>
            <Col span={24}>
              <BackupCard />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}
