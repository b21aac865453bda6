import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { indicatorOutcomeLabel, type IndicatorOutcome } from '../../shared/rules/indicator';
import type { Lang } from '../i18n/setup';

const COLORS: Record<IndicatorOutcome, string> = { dat: 'success', chua_dat: 'error', no_data: 'default' };

export function OutcomeTag({ outcome }: { outcome: IndicatorOutcome }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={COLORS[outcome]} style={{ marginInlineEnd: 0 }}>
      {indicatorOutcomeLabel(outcome, i18n.language as Lang)}
    </Tag>
  );
}
