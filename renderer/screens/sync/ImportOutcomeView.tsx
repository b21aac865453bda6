import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/api/sync-types';
import { useErrorText } from '../../i18n/errors';

/** What receiving a bundle did, one line per outcome, with the reason when it was refused. */
export function ImportOutcomeView({ outcome: o }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const main = (() => {
    switch (o.status) {
      case 'applied':
        return (
          <Alert
            type="success"
            showIcon
            title={t('sync.importApplied', { count: o.applied })}
            description={o.acknowledged.length ? t('sync.importAcknowledged', { count: o.acknowledged.length }) : undefined}
          />
        );
      case 'duplicate':
        return <Alert type="info" showIcon title={t('sync.importDuplicate')} />;
      case 'pending':
        return (
          <Alert
            type="warning"
            showIcon
            title={t('sync.importPending')}
            description={o.missing ? t('sync.importMissing', { from: o.missing.from, to: o.missing.to }) : undefined}
          />
        );
      case 'refused':
        return <Alert type="error" showIcon title={t('sync.importRefused')} description={o.error ? text(o.error) : undefined} />;
    }
  })();
  return (
    <Flex vertical gap={6} data-testid="import-result" data-status={o.status}>
      {main}
      {o.released.map((r) => (
        <ImportOutcomeView key={r.bundleId ?? r.file} outcome={r} />
      ))}
    </Flex>
  );
}
