import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The key fingerprint in groups large enough to read aloud over the phone, digit by digit. */
export function Fingerprint({ value, size = 'large' }: { value: string | null; size?: 'large' | 'small' }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('key.none')}</Typography.Text>;
  const groups = value.split(/\s+/);
  return (
    <Flex gap={size === 'large' ? 16 : 8} wrap aria-label={t('key.fingerprintAria', { value })} data-testid="fingerprint">
      {groups.map((g, i) => (
        <span
          key={i}
          style={{
            fontFamily: 'Consolas, "DejaVu Sans Mono", monospace',
            fontSize: size === 'large' ? 26 : 15,
            fontWeight: 600,
            letterSpacing: size === 'large' ? 3 : 1,
            padding: size === 'large' ? '4px 10px' : '0 4px',
            background: '#f0f5ff',
            border: '1px solid #adc6ff',
            borderRadius: 6,
          }}
        >
          {g}
        </span>
      ))}
    </Flex>
  );
}
