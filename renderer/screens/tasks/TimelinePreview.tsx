import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseTimeline } from '../../../shared/rules/timeline';
import { fmtDate } from '../../i18n/format';

/** What the core will read from the timeline text: the officer sees the deadline before saving. */
export function TimelinePreview({ text, planYear }: { text: string | undefined; planYear: number }) {
  const { t } = useTranslation();
  if (!text?.trim()) return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;
  const tl = parseTimeline(text, planYear);
  switch (tl.kind) {
    case 'deadline':
      return (
        // A deadline outside the plan's year is shown as a warning before the save asks about it.
        <Typography.Text type={tl.deadline.startsWith(`${planYear}-`) ? 'success' : 'warning'} data-testid="timeline-preview">
          {tl.start ? t('timeline.range', { start: fmtDate(tl.start), end: fmtDate(tl.deadline) }) : t('timeline.deadline', { date: fmtDate(tl.deadline) })}
        </Typography.Text>
      );
    case 'recurring':
      return <Typography.Text data-testid="timeline-preview">{t('timeline.recurring')}</Typography.Text>;
    case 'on-request':
      return <Typography.Text data-testid="timeline-preview">{t('timeline.onRequest')}</Typography.Text>;
    case 'unparsed':
      return (
        <Typography.Text type="warning" data-testid="timeline-preview">
          {t('timeline.unparsed')}
        </Typography.Text>
      );
  }
}
