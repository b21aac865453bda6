import { Card, Flex, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/api/sync-types';
import { call } from '../../api/client';
import { asFileInput, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { FormError } from '../../components/FormError';
import { ImportOutcomeView } from './ImportOutcomeView';

export function ImportCard() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const run = useAction((f: PickedFile) => call('sync.import', asFileInput(f)));
  return (
    <Card size="small" title={t('sync.importTitle')} style={{ height: '100%' }}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('sync.importHelp')}</Typography.Text>
        <div>
          <FilePickButton
            label={t('sync.importButton')}
            icon={<CloudDownloadOutlined />}
            accept=".wpb"
            filters={[{ name: t('files.bundles'), extensions: ['wpb'] }]}
            busy={run.busy}
            testId="import-bundle-input"
            onPicked={async (f) => {
              setOutcome(null);
              const r = await run.run(f);
              if (r) setOutcome(r);
            }}
          />
        </div>
        <FormError error={run.error} onClose={run.clearError} />
        {outcome && <ImportOutcomeView outcome={outcome} />}
      </Flex>
    </Card>
  );
}
