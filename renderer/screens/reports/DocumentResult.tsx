import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtBytes } from '../../i18n/format';
import type { SavedDocument } from './save-document';

/** Which file was saved, and where: the chosen path, or the host's copy beside a browser download. */
export function DocumentResult({ doc, onClose }: { doc: SavedDocument; onClose?: () => void }) {
  const { t } = useTranslation();
  const values = { file: doc.fileName, size: fmtBytes(doc.size) };
  return (
    <Alert
      type="success"
      showIcon
      data-testid="document-result"
      closable={onClose ? { onClose } : false}
      title={doc.downloaded ? t('doc.downloaded', values) : t('doc.saved', values)}
      description={
        <Typography.Text>
          {doc.downloaded ? t('doc.hostCopy') : t('doc.savedAt')}{' '}
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="document-path">
            {doc.path}
          </Typography.Text>
        </Typography.Text>
      }
    />
  );
}
