import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { PageHeader } from '../../components/PageHeader';
import { fmtDate } from '../../i18n/format';
import { navigate } from '../../shell/route';
import { useYear } from '../../shell/year-context';
import { AreaTable } from './AreaTable';
import { IndicatorLists } from './IndicatorLists';
import { IndicatorTotals } from './IndicatorTotals';
import { StatusTotals } from './StatusTotals';
import { SyncCard } from './SyncCard';
import { TaskList } from './TaskList';

export default function OverviewScreen() {
  const { t } = useTranslation();
  const { year } = useYear();
  const summary = useApi('summary.get', { year });
  // Asked for together with the summary, not after it has been drawn.
  const sync = useApi('sync.status', {});
  return (
    <AsyncView state={summary}>
      {(s) => (
        <>
          <PageHeader title={t('overview.title')} sub={s.plan ? t('overview.planLine', { plan: s.plan.title, date: fmtDate(s.asOf) }) : t('overview.noPlan')} />
          <Row gutter={[12, 12]}>
            <Col span={9}>
              <StatusTotals total={s.tasks.total} byStatus={s.tasks.byStatus} />
            </Col>
            <Col span={7}>
              <IndicatorTotals year={s.year} indicators={s.indicators} />
            </Col>
            <Col span={8}>
              <SyncCard sync={sync} />
            </Col>
            <Col span={13}>
              <AreaTable groups={s.tasks.byArea} />
            </Col>
            <Col span={11}>
              <Row gutter={[12, 12]}>
                <Col span={24}>
                  <TaskList
                    title={t('overview.overdue')}
                    tasks={s.tasks.overdue}
                    empty={t('overview.noOverdue')}
                    danger
                    more={() => navigate('tasks', { status: 'overdue' })}
                  />
                </Col>
                <Col span={24}>
                  <TaskList title={t('overview.upcoming')} tasks={s.tasks.upcoming} empty={t('overview.noUpcoming')} />
                </Col>
              </Row>
            </Col>
            <Col span={24}>
              <IndicatorLists indicators={s.indicators} />
            </Col>
          </Row>
        </>
      )}
    </AsyncView>
  );
}
