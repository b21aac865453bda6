import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/contract';
import { useErrorText } from '../i18n/errors';

/** A save that failed: shown above the form, which keeps everything typed. */
export function FormError({ error, onClose }: { error: ApiError | undefined; onClose?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('state.saveFailed')}
      description={text(error)}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 12 }}
    />
  );
}
