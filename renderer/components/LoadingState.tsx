import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" gap={12} style={{ padding: 48 }} role="status" aria-live="polite">
      <Spin />
      <Typography.Text type="secondary">{label ?? t('state.loading')}</Typography.Text>
    </Flex>
  );
}
