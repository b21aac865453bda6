import { App, Button, Flex, List, Tooltip, Typography, type UploadFile } from 'antd';
import { DeleteOutlined, DownloadOutlined, ExportOutlined, FileOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../shared/api/types';
import { call } from '../../api/client';
import { openEvidence, saveEvidenceCopy, type EvidenceOutcome } from '../../api/evidence-files';
import { bridge } from '../../api/bridge';
import { useAction } from '../../api/use-api';
import { confirmRemoval } from '../../components/confirm';
import { FormError } from '../../components/FormError';
import { fmtBytes, fmtDateTime } from '../../i18n/format';
import { attachFiles } from './attach';
import { FilePicker } from './FilePicker';

/** The task's evidence: open, save a copy, remove a wrong one; and files added on their own. */
export function EvidenceList({ taskId, items }: { taskId: string; items: EvidenceItem[] }) {
  const { t } = useTranslation();
  const app = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const markDone = (uid: string) => setFiles((fs) => fs.map((f) => (f.uid === uid ? { ...f, status: 'done' } : f)));
  const attach = useAction(async () => {
    await attachFiles(taskId, files, null, markDone);
    return true;
  });
  const fileAction = useAction((run: () => Promise<EvidenceOutcome>) => run());
  const say = (o: EvidenceOutcome | undefined) => {
    if (!o) return;
    if (o.kind === 'copied') void app.message.success(t('evidence.copied', { path: o.path }));
    else void app.message.success(t(o.kind === 'opened' ? 'evidence.opened' : 'evidence.downloaded', { file: o.fileName }));
  };
  const desktop = !!bridge();
  return (
    <Flex vertical gap={8}>
      {items.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={items}
          renderItem={(e) => (
            <List.Item>
              <Flex gap={8} align="center" style={{ width: '100%' }}>
                <FileOutlined />
                <Typography.Link
                  style={{ flex: 1, minWidth: 0 }}
                  ellipsis
                  title={e.fileName}
                  data-testid="evidence-name"
                  onClick={async () => say(await fileAction.run(() => openEvidence(e.id)))}
                >
                  {e.fileName}
                </Typography.Link>
                <Typography.Text type="secondary">{fmtBytes(e.size)}</Typography.Text>
                <Typography.Text type="secondary">{fmtDateTime(e.addedAt)}</Typography.Text>
                <Tooltip title={t('evidence.open')}>
                  <Button
                    size="small"
                    icon={<ExportOutlined />}
                    aria-label={t('evidence.open')}
                    onClick={async () => say(await fileAction.run(() => openEvidence(e.id)))}
                  />
                </Tooltip>
                {desktop && (
                  <Tooltip title={t('evidence.saveCopy')}>
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      aria-label={t('evidence.saveCopy')}
                      onClick={async () => say(await fileAction.run(() => saveEvidenceCopy(e.id, e.fileName)))}
                    />
                  </Tooltip>
                )}
                <Tooltip title={t('evidence.remove')}>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('evidence.remove')}
                    onClick={() =>
                      confirmRemoval(app, t, {
                        title: t('evidence.removeTitle', { file: e.fileName }),
                        content: t('evidence.removeText'),
                        okText: t('evidence.remove'),
                        run: () => call('evidence.remove', { id: e.id }),
                        done: t('lists.deleted'),
                      })
                    }
                  />
                </Tooltip>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <FormError error={attach.error ?? fileAction.error} onClose={() => (attach.clearError(), fileAction.clearError())} />
      <Flex gap={8} align="start">
        <FilePicker files={files} onChange={setFiles} label={t('evidence.add')} />
        {files.some((f) => f.status !== 'done') && (
          <Button
            type="primary"
            loading={attach.busy}
            onClick={async () => {
              if (await attach.run()) {
                setFiles([]);
                void app.message.success(t('evidence.added'));
              }
            }}
          >
            {t('evidence.upload')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
