import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { DatabaseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { asFileInput, pickOutDir, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { FormError } from '../../components/FormError';
import { fmtBytes } from '../../i18n/format';
import { useProfile } from '../../shell/profile-context';

export function BackupCard() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { reloadApp } = useProfile();
  const [made, setMade] = useState<Output<'backup.create'> | null>(null);
  const [restored, setRestored] = useState<Output<'backup.restore'> | null>(null);
  const backup = useAction(async () => {
    const dir = await pickOutDir();
    return dir ? call('backup.create', dir) : undefined;
  });
  const restore = useAction((f: PickedFile) => call('backup.restore', { ...asFileInput(f), confirm: true }));
  const confirmRestore = (f: PickedFile) =>
    modal.confirm({
      title: t('backup.confirmTitle'),
      content: t('backup.confirmText', { file: f.name }),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        const r = await restore.run(f);
        if (r) {
          setRestored(r);
          reloadApp();
        }
      },
    });
  return (
    <Card size="small" title={t('backup.title')}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('backup.help')}</Typography.Text>
        <Flex gap={8}>
          <Button
            icon={<DatabaseOutlined />}
            loading={backup.busy}
            onClick={async () => {
              const r = await backup.run();
              if (r) setMade(r);
            }}
          >
            {t('backup.create')}
          </Button>
          <FilePickButton
            label={t('backup.restore')}
            icon={<RollbackOutlined />}
            accept=".wpbak"
            filters={[{ name: t('files.backups'), extensions: ['wpbak'] }]}
            busy={restore.busy}
            onPicked={confirmRestore}
          />
        </Flex>
        <FormError error={backup.error ?? restore.error} onClose={() => (backup.clearError(), restore.clearError())} />
        {made && (
          <Alert
            type="success"
            showIcon
            title={t('backup.created', { size: fmtBytes(made.size) })}
            description={
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {made.path}
              </Typography.Text>
            }
          />
        )}
        {restored && <Alert type="success" showIcon title={t('backup.restored', { file: restored.restoredFrom })} description={t('backup.previousKept', { path: restored.previousKeptAt })} />}
      </Flex>
    </Card>
  );
}
