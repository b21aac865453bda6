import { Alert, App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { DatabaseOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { asFileInput, pickOutDir, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { FormError } from '../../components/FormError';
import type { BackupInfo } from '../../../shared/api/contract-lists';
import { fmtBytes, fmtDateTime } from '../../i18n/format';
import { useProfile } from '../../shell/profile-context';

export function BackupCard() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { profile } = useProfile();
  const [made, setMade] = useState<Output<'backup.create'> | null>(null);
  const backup = useAction(async () => {
    const dir = await pickOutDir();
    return dir ? call('backup.create', dir) : undefined;
  });
  const restore = useAction((f: PickedFile) => call('backup.restore', { ...asFileInput(f), confirm: true }));
  const inspect = useAction((f: PickedFile) => call('backup.inspect', asFileInput(f)));
  // What the backup holds is shown before anything is replaced; the safe answer is focused.
  const confirmRestore = async (f: PickedFile) => {
    const info = await inspect.run(f);
    if (!info) return;
    modal.confirm({
      title: t('backup.previewTitle'),
      width: 560,
      content: <BackupPreview info={info} currentOrg={profile.orgCode} />,
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      autoFocusButton: 'cancel',
      onOk: async () => {
        const r = await restore.run(f);
        if (!r) return;
        // Everything loaded is stale now (./changes) and loads again from the restored data.
        modal.success({ title: t('backup.restored', { file: r.restoredFrom }), content: t('backup.previousKept', { path: r.previousKeptAt }) });
      },
    });
  };
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
            busy={restore.busy || inspect.busy}
            onPicked={confirmRestore}
          />
        </Flex>
        <FormError error={backup.error ?? inspect.error ?? restore.error} onClose={() => (backup.clearError(), inspect.clearError(), restore.clearError())} />
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
      </Flex>
    </Card>
  );
}

function BackupPreview({ info, currentOrg }: { info: BackupInfo; currentOrg: string }) {
  const { t } = useTranslation();
  const c = info.counts;
  return (
    <Flex vertical gap={8} data-testid="backup-preview">
      <Typography.Text type="secondary">{t('backup.confirmText', { file: info.fileName })}</Typography.Text>
      {info.orgCode !== currentOrg && <Alert type="warning" showIcon title={t('backup.otherOrg', { org: `${info.orgName} (${info.orgCode})` })} />}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'ward', label: t('backup.previewWard'), children: `${info.orgName} (${info.orgCode})` },
          { key: 'made', label: t('backup.previewMadeAt'), children: fmtDateTime(info.madeAt) },
          { key: 'last', label: t('backup.previewLastChange'), children: fmtDateTime(info.lastChangeAt) },
          {
            key: 'counts',
            label: t('backup.previewCounts'),
            children: t('backup.previewCountsText', {
              plans: c.plans,
              tasks: c.tasks,
              progress: c.progress,
              evidence: c.evidence,
              files: c.files,
              values: c.indicatorValues,
              units: c.units,
            }),
          },
        ]}
      />
    </Flex>
  );
}
