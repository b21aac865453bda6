import { Alert, Button, Card, Descriptions, Flex, Progress, Space, Typography } from 'antd';
import { CloudUploadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call, toApiError } from '../../api/client';
import { afterChange, queryKey } from '../../api/query-client';
import { useApi } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { fmtBytes, fmtDateTime } from '../../i18n/format';
import { useErrorText } from '../../i18n/errors';
import { useLang } from '../../i18n/use-lang';
import { navigate } from '../../shell/route';
import { OutboxTable } from './OutboxTable';
import type { ApiError } from '../../../shared/api/contract';

type Outbox = Output<'hub.outbox'>;

/** How often the screen asks the host how the send is going. */
const POLL_MS = 500;

/** "Gửi lên thành phố": one click sends everything waiting, shows progress, then the city's answer. */
export function HubSendCard({ enrolled }: { enrolled: boolean }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const errorText = useErrorText();
  const check = useApi('hub.check', {});
  const client = useQueryClient();
  const outbox = useApi('hub.outbox', {}, { pollEvery: (b) => (b?.progress.running ? POLL_MS : false) });
  const box = outbox.data;
  const [error, setError] = useState<ApiError | undefined>();
  const [finished, setFinished] = useState(false);
  const running = !!box?.progress.running;
  const wasRunning = useRef(false);
  // The send runs on in the host after its call returned: what it changed is stale only once it ends.
  useEffect(() => {
    if (wasRunning.current && !running) {
      setFinished(true);
      void afterChange(client, 'hub.send');
    }
    wasRunning.current = running;
  }, [running, client]);

  const send = async () => {
    setError(undefined);
    setFinished(false);
    try {
      const p = await call('hub.send', {});
      client.setQueryData<Outbox>(queryKey('hub.outbox', {}), (b) => (b ? { ...b, progress: p } : b));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const c = check.data;
  const reachable = !!c?.reachable;
  const p = box?.progress;
  const latest = box?.items.find((i) => i.outcome);
  const stageText = () => {
    if (!p?.stage) return '';
    if (p.stage === 'upload') {
      const args = { sent: fmtBytes(p.bytesSent), total: fmtBytes(p.bytesTotal), attempt: p.attempt };
      return p.attempt > 1 ? t('hub.stage.uploadRetry', args) : t('hub.stage.upload', args);
    }
    return p.stage === 'export' || p.stage === 'catalog' ? t(`hub.stage.${p.stage}`) : '';
  };

  return (
    <Card size="small" title={t('hub.sendTitle')}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('hub.sendHelp')}</Typography.Text>
        {check.loading && !c && <Typography.Text type="secondary">{t('hub.checking')}</Typography.Text>}
        {c && !c.address && (
          <Alert
            type="info"
            showIcon
            data-testid="hub-offline"
            title={t('hub.noAddress')}
            action={
              <Button size="small" icon={<SettingOutlined />} onClick={() => navigate('settings')}>
                {t('hub.openSettings')}
              </Button>
            }
          />
        )}
        {c?.address && !reachable && (
          <Alert
            type="warning"
            showIcon
            data-testid="hub-offline"
            title={t('hub.offline')}
            description={
              <>
                {c.error && <div>{errorText(c.error)}</div>}
                <div>{t('hub.offlineUsb')}</div>
              </>
            }
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={check.reload}>
                {t('hub.retryCheck')}
              </Button>
            }
          />
        )}
        {c?.address && reachable && <Typography.Text data-testid="hub-online">{t('hub.online', { address: c.address })}</Typography.Text>}
        {!enrolled && <Alert type="warning" showIcon title={t('sync.exportNotEnrolled')} />}
        <Space>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={running}
            disabled={!reachable || !enrolled}
            onClick={() => void send()}
            data-testid="hub-send"
          >
            {t('hub.sendButton')}
          </Button>
        </Space>
        {running && p && (
          <div role="status" aria-live="polite" data-testid="hub-progress">
            <Progress percent={p.stage === 'upload' && p.bytesTotal ? Math.floor((100 * p.bytesSent) / p.bytesTotal) : 100} status="active" size="small" />
            <Typography.Text type="secondary">{stageText()}</Typography.Text>
          </div>
        )}
        <FormError error={error ?? outbox.error} onClose={() => setError(undefined)} />
        {finished && p?.stage === 'failed' && p.error && (
          <Alert type="error" showIcon title={t('hub.failed')} description={errorText(p.error)} data-testid="hub-failed" />
        )}
        {finished && p?.stage === 'done' && latest?.outcome && (
          <Alert
            type={latest.status === 'refused' ? 'error' : latest.status === 'acknowledged' ? 'success' : 'info'}
            showIcon
            data-testid="hub-answer"
            title={t('hub.cityAnswer')}
            description={
              <>
                <div>{latest.outcome.message[lang]}</div>
                {latest.outcome.receipt && (
                  <Descriptions size="small" column={2} style={{ marginTop: 6 }}>
                    <Descriptions.Item label={t('sync.receiptApplied')}>{fmtDateTime(latest.outcome.receipt.appliedAt)}</Descriptions.Item>
                    <Descriptions.Item label={t('sync.receiptBy')}>{latest.outcome.receipt.cityCode}</Descriptions.Item>
                  </Descriptions>
                )}
                {p.error && <div>{errorText(p.error)}</div>}
              </>
            }
          />
        )}
        <Typography.Text strong>{t('hub.outbox')}</Typography.Text>
        <OutboxTable items={box?.items ?? []} />
      </Flex>
    </Card>
  );
}
