import { Alert, Button, Card, Checkbox, Descriptions, Flex, Progress, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/api/sync-types';
import { call } from '../../api/client';
import { pickOutDir } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { fmtBytes } from '../../i18n/format';

/** Seconds since `busy` began: the core gives no progress figures, so at least show it is alive. */
function useElapsed(busy: boolean): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    if (!busy) return;
    setS(0);
    const id = setInterval(() => setS((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [busy]);
  return s;
}

export function ExportCard({ enrolled }: { enrolled: boolean }) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const run = useAction(async () => {
    const dir = await pickOutDir();
    if (!dir) return undefined;
    return call('sync.export', { ...dir, full: full || undefined });
  });
  const elapsed = useElapsed(run.busy);
  return (
    <Card size="small" title={t('sync.exportTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('sync.exportHelp')}</Typography.Text>
        {!enrolled && <Alert type="warning" showIcon title={t('sync.exportNotEnrolled')} />}
        <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} disabled={run.busy}>
          {t('sync.exportFull')}
        </Checkbox>
        <div>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={run.busy}
            onClick={async () => {
              setResult(null);
              const r = await run.run();
              if (r) setResult(r);
            }}
          >
            {t('sync.exportButton')}
          </Button>
        </div>
        {run.busy && (
          <div role="status" aria-live="polite">
            <Progress percent={100} status="active" showInfo={false} size="small" />
            <Typography.Text type="secondary">{t('sync.exporting', { seconds: elapsed })}</Typography.Text>
          </div>
        )}
        <FormError error={run.error} onClose={run.clearError} />
        {result?.status === 'nothing_new' && <Alert type="info" showIcon title={t('sync.nothingNew')} data-testid="export-result" />}
        {result?.status === 'written' && (
          <Alert
            type="success"
            showIcon
            data-testid="export-result"
            title={t('sync.exported')}
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('sync.file')}>
                  <Typography.Text strong>{result.fileName}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('sync.size')}>{fmtBytes(result.size)}</Descriptions.Item>
                <Descriptions.Item label={t('sync.range')}>
                  {t('sync.rangeLine', { from: result.seqFrom, to: result.seqTo, changes: result.changes, blobs: result.blobs })}
                </Descriptions.Item>
                <Descriptions.Item label={t('sync.savedAt')}>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="export-path">
                    {result.path}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
