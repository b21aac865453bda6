import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { EnrollmentRequest } from '../../components/EnrollmentRequest';
import { Fingerprint } from '../../components/Fingerprint';

export function KeyCard() {
  const { t } = useTranslation();
  const key = useApi('keys.show', {});
  return (
    <Card size="small" title={t('key.title')}>
      <AsyncView state={key}>
        {(k) => (
          <Flex vertical gap={10}>
            <Flex gap={8} align="center">
              <Typography.Text>{t('key.fingerprint')}</Typography.Text>
              {k.enrolled ? <Tag color="success">{t('sync.enrolled')}</Tag> : <Tag color="warning">{t('sync.notEnrolled')}</Tag>}
            </Flex>
            <Fingerprint value={k.fingerprint} />
            <Typography.Text type="secondary">{t('key.readAloud')}</Typography.Text>
            {k.cityFingerprint && (
              <>
                <Typography.Text>{t('sync.cityKey')}</Typography.Text>
                <Fingerprint value={k.cityFingerprint} size="small" />
              </>
            )}
            <EnrollmentRequest />
          </Flex>
        )}
      </AsyncView>
    </Card>
  );
}
