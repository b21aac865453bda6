import { Button, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/api/types';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { EnrollmentRequest } from '../../components/EnrollmentRequest';
import { Fingerprint } from '../../components/Fingerprint';

/**
 * After setup: the key fingerprint (made with the first enrollment request), then the app. Setting
 * up marks nothing stale, so the app opens only when the officer leaves this step.
 */
export function KeyStep({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const openApp = () => void client.invalidateQueries({ queryKey: ['app.status'] });
  const key = useApi('keys.show', {});
  const [written, setWritten] = useState(false);
  return (
    <Flex vertical gap={14}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('setup.created', { org: profile.orgName, code: profile.orgCode })}</Typography.Paragraph>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('key.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('key.explain')}
      </Typography.Paragraph>
      <AsyncView state={key}>{(k) => <Fingerprint value={k.fingerprint} />}</AsyncView>
      <EnrollmentRequest primary onWritten={() => setWritten(true)} />
      <div>
        <Button type={written ? 'primary' : 'default'} onClick={openApp}>
          {written ? t('setup.goOverview') : t('setup.later')}
        </Button>
      </div>
    </Flex>
  );
}
