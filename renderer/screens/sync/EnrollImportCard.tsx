import { Alert, Card, Flex, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { asFileInput, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { Fingerprint } from '../../components/Fingerprint';
import { FormError } from '../../components/FormError';

export function EnrollImportCard({ enrolled }: { enrolled: boolean }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<Output<'enroll.import'> | null>(null);
  const run = useAction((f: PickedFile) => call('enroll.import', asFileInput(f)));
  return (
    <Card size="small" title={t('sync.enrollTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{enrolled ? t('sync.enrollDone') : t('sync.enrollHelp')}</Typography.Text>
        <div>
          <FilePickButton
            label={t('sync.enrollButton')}
            icon={<SafetyCertificateOutlined />}
            type={enrolled ? 'default' : 'primary'}
            accept=".json"
            filters={[{ name: t('files.enrollment'), extensions: ['json'] }]}
            busy={run.busy}
            testId="enroll-response-input"
            onPicked={async (f) => {
              setResult(null);
              const r = await run.run(f);
              if (r) setResult(r);
            }}
          />
        </div>
        <FormError error={run.error} onClose={run.clearError} />
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="enroll-result"
            title={t('sync.enrollImported', { city: result.cityCode })}
            description={
              <Flex vertical gap={6}>
                <span>{t('sync.cityKey')}</span>
                <Fingerprint value={result.cityFingerprint} size="small" />
                <span>{t('sync.ownKey')}</span>
                <Fingerprint value={result.wardFingerprint} size="small" />
                <Typography.Text type="secondary">{t('sync.enrollCompare')}</Typography.Text>
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
