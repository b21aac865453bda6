import { Card, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupCount } from '../../../shared/api/types';
import { STATUS_ORDER, taskStatusLabel } from '../../../shared/rules/task-status';
import type { Lang } from '../../i18n/setup';
import { navigate } from '../../shell/route';
import { BAR_COLORS } from './StatusTotals';

/**
 * One line per area: its name, a bar split by status, the total and the overdue count. A bar
 * rather than five number columns, so the long area names fit beside it at 1366 px.
 */
export function AreaTable({ groups }: { groups: GroupCount[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Card size="small" title={t('overview.byArea')} extra={<Typography.Text type="secondary">{t('overview.byAreaHint')}</Typography.Text>}>
      <Flex vertical gap={4} role="list">
        {groups.map((g) => {
          const breakdown = STATUS_ORDER.filter((s) => g.byStatus[s] > 0)
            .map((s) => `${taskStatusLabel(s, lang)}: ${g.byStatus[s]}`)
            .join('; ');
          return (
            <Flex key={g.code} align="center" gap={10} role="listitem" style={{ minHeight: 26 }}>
              <a
                href={`#/tasks?area=${g.code}`}
                style={{ width: 270, flex: 'none', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                title={g.name}
                onClick={(e) => {
                  e.preventDefault();
                  navigate('tasks', { area: g.code });
                }}
              >
                {g.name}
              </a>
              <Tooltip title={breakdown}>
                <div
                  tabIndex={0}
                  aria-label={`${g.name}: ${breakdown}`}
                  style={{ flex: 1, display: 'flex', height: 12, borderRadius: 6, overflow: 'hidden', background: '#f0f0f0' }}
                >
                  {STATUS_ORDER.map((s) =>
                    g.byStatus[s] > 0 ? <div key={s} style={{ width: `${(g.byStatus[s] * 100) / g.total}%`, background: BAR_COLORS[s] }} /> : null,
                  )}
                </div>
              </Tooltip>
              <Typography.Text strong style={{ width: 26, textAlign: 'right' }}>
                {g.total}
              </Typography.Text>
              <Typography.Text type={g.byStatus.overdue ? 'danger' : 'secondary'} style={{ width: 92, fontSize: 12 }}>
                {g.byStatus.overdue ? t('overview.areaOverdue', { count: g.byStatus.overdue }) : ''}
              </Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
