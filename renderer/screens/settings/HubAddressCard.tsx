import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubCheck } from '../../../shared/api/contract-hub';
import { call } from '../../api/client';
import { useAction, useApi } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { useErrorText } from '../../i18n/errors';

/** The city's hub address, set once; saving checks that it answers as a WardPlan hub. */
export function HubAddressCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const saved = useApi('hub.getAddress', {});
  const [url, setUrl] = useState('');
  const [check, setCheck] = useState<HubCheck | null>(null);
  useEffect(() => setUrl(saved.data?.url ?? ''), [saved.data?.url]);
  const save = useAction(async () => {
    setCheck(null);
    const r = await call('hub.setAddress', { url });
    setUrl(r.url ?? '');
    if (r.url) setCheck(await call('hub.check', {}));
    return r;
  });
  return (
    <Card size="small" title={t('hub.addressTitle')}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('hub.addressHelp')}</Typography.Text>
        <Flex gap={8}>
          <Input
            aria-label={t('hub.addressLabel')}
            placeholder="https://wardplan.haiphong.gov.vn"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onPressEnter={() => void save.run()}
            data-testid="hub-address"
          />
          <Button type="primary" loading={save.busy} onClick={() => void save.run()} data-testid="hub-address-save">
            {t('hub.addressSave')}
          </Button>
        </Flex>
        <FormError error={save.error} onClose={save.clearError} />
        {check && (
          <Alert
            type={check.reachable ? 'success' : 'warning'}
            showIcon
            data-testid="hub-address-check"
            title={t('hub.addressSaved')}
            description={check.reachable ? t('hub.addressReachable', { version: check.version }) : check.error ? errorText(check.error) : null}
          />
        )}
      </Flex>
    </Card>
  );
}
