import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/api/contract';
import { call } from '../api/client';
import { pickOutDir } from '../api/files';
import { useAction } from '../api/use-api';
import { FormError } from './FormError';

/**
 * Writes the key enrollment request for the city. The first time, this is also what creates
 * the installation's key, so the fingerprint appears only afterwards.
 */
export function EnrollmentRequest({ onWritten, primary }: { onWritten?: (r: Output<'keys.enrollmentRequest'>) => void; primary?: boolean }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<Output<'keys.enrollmentRequest'> | null>(null);
  const action = useAction(async () => {
    const dir = await pickOutDir();
    if (!dir) return undefined;
    return call('keys.enrollmentRequest', dir);
  });
  const write = async () => {
    const r = await action.run();
    if (r) {
      setResult(r);
      onWritten?.(r);
    }
  };
  return (
    <Flex vertical gap={10}>
      <FormError error={action.error} onClose={action.clearError} />
      <div>
        <Button type={primary ? 'primary' : 'default'} loading={action.busy} onClick={() => void write()}>
          {t('key.writeRequest')}
        </Button>
      </div>
      {result && (
        <Alert
          type="success"
          showIcon
          title={t('key.requestWritten')}
          description={
            <Flex vertical gap={8}>
              <Typography.Text>
                {t('key.requestPath')}{' '}
                <Typography.Text code copyable data-testid="enrollment-request-path">
                  {result.path}
                </Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">{t('key.requestNext')}</Typography.Text>
            </Flex>
          }
        />
      )}
    </Flex>
  );
}
