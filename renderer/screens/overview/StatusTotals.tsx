import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusCounts } from '../../../shared/api/types';
import { STATUS_ORDER } from '../../../shared/rules/task-status';
import { StatusTag } from '../../components/StatusTag';
import { navigate } from '../../shell/route';

export const BAR_COLORS = { done: '#52c41a', done_late: '#a0d911', in_progress: '#1677ff', not_started: '#bfbfbf', overdue: '#ff4d4f' } as const;

export function StatusTotals({ total, byStatus }: { total: number; byStatus: StatusCounts }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('overview.tasks')}
      extra={<Typography.Text strong>{t('overview.taskTotal', { count: total })}</Typography.Text>}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={6}>
        {STATUS_ORDER.map((st) => (
          <Flex key={st} align="center" gap={8}>
            <div style={{ width: 168 }}>
              <a
                href={`#/tasks?status=${st}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate('tasks', { status: st });
                }}
              >
                <StatusTag status={st} />
              </a>
            </div>
            <Progress
              percent={total ? (byStatus[st] * 100) / total : 0}
              showInfo={false}
              strokeColor={BAR_COLORS[st]}
              size="small"
              style={{ flex: 1, margin: 0 }}
            />
            <Typography.Text strong style={{ width: 28, textAlign: 'right' }} data-testid={`count-${st}`}>
              {byStatus[st]}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
