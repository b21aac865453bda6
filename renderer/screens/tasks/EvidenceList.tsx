import { Button, Flex, List, Typography, type UploadFile } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../shared/api/types';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { fmtBytes, fmtDateTime } from '../../i18n/format';
import { attachFiles } from './attach';
import { FilePicker } from './FilePicker';

/** The task's evidence, and files added on their own (not with a progress update). */
export function EvidenceList({ taskId, items, onAdded }: { taskId: string; items: EvidenceItem[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const markDone = (uid: string) => setFiles((fs) => fs.map((f) => (f.uid === uid ? { ...f, status: 'done' } : f)));
  const attach = useAction(async () => {
    await attachFiles(taskId, files, null, markDone);
    return true;
  });
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
                <Typography.Text style={{ flex: 1 }} ellipsis={{ tooltip: e.fileName }} data-testid="evidence-name">
                  {e.fileName}
                </Typography.Text>
                <Typography.Text type="secondary">{fmtBytes(e.size)}</Typography.Text>
                <Typography.Text type="secondary">{fmtDateTime(e.addedAt)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <FormError error={attach.error} onClose={attach.clearError} />
      <Flex gap={8} align="start">
        <FilePicker files={files} onChange={setFiles} label={t('evidence.add')} />
        {files.some((f) => f.status !== 'done') && (
          <Button
            type="primary"
            loading={attach.busy}
            onClick={async () => {
              if (await attach.run()) {
                setFiles([]);
                onAdded();
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
