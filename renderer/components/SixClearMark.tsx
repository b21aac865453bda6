import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { sixClearLabel, type SixClearKey } from '../../shared/rules/six-clear';
import type { Lang } from '../i18n/setup';

/** ✓ when the task states all six; otherwise how many are missing, and which, on hover or focus. */
export function SixClearMark({ missing }: { missing: SixClearKey[] }) {
  const { t, i18n } = useTranslation();
  if (missing.length === 0) {
    return (
      <Tooltip title={t('sixClear.complete')}>
        <Tag color="success" style={{ marginInlineEnd: 0 }} aria-label={t('sixClear.complete')}>
          ✓
        </Tag>
      </Tooltip>
    );
  }
  const list = missing.map((k) => sixClearLabel(k, i18n.language as Lang)).join(', ');
  const label = t('sixClear.missing', { list });
  return (
    <Tooltip title={label}>
      <Tag color="warning" style={{ marginInlineEnd: 0 }} tabIndex={0} aria-label={label}>
        {t('sixClear.missingCount', { count: missing.length })}
      </Tag>
    </Tooltip>
  );
}
