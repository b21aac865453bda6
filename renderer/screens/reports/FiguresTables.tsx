/**
 * The report's computed sections as the document has them: task statistics per source directive,
 * the indicator table with its outcome, and the overdue tasks. Read-only; the figures come from
 * the core (live for a draft, frozen once approved).
 */
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectiveTally, IndicatorFigure, OverdueTask, ReportFigures, StatusTally } from '../../../shared/api/report-types';
import { targetText } from '../../../shared/rules/indicator';
import { OutcomeTag } from '../../components/OutcomeTag';
import { fmtDate, fmtNumber, fmtPercent, fmtValue, periodLabel } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';

function rate(t: StatusTally): string {
  return t.assigned === 0 ? '—' : fmtPercent((t.done * 100) / t.assigned);
}

/** The headline figures above the tables: what the officer checks before anything else. */
export function FiguresSummary({ figures: f }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const total = f.tasks.total;
  const ind = f.indicators;
  const stat = (label: string, value: number, testId: string, color?: string, suffix?: string) => (
    <Col flex="1 1 0" style={{ minWidth: 104, display: 'flex' }}>
      {/* Titles of two lines and of one sit side by side: the figures line up along the bottom. */}
      <Statistic
        title={label}
        value={value}
        suffix={suffix}
        groupSeparator="."
        styles={{
          root: { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: '100%' },
          content: { fontSize: 22, lineHeight: 1.2, color },
          title: { fontSize: 12, lineHeight: 1.35, marginBottom: 2 },
        }}
        data-testid={testId}
      />
    </Col>
  );
  return (
    <Card size="small" styles={{ body: { padding: '8px 16px' } }}>
      <Row gutter={[16, 4]} wrap={false} style={{ overflowX: 'auto' }}>
        {stat(t('reports.assigned'), total.assigned, 'figure-assigned')}
        {stat(t('reports.done'), total.done, 'figure-done', '#389e0d', total.assigned ? `(${rate(total)})` : undefined)}
        {stat(t('reports.inProgress'), total.inProgress, 'figure-in-progress', '#1f5fbf')}
        {stat(t('reports.notStarted'), total.notStarted, 'figure-not-started')}
        {stat(t('reports.overdue'), total.overdue, 'figure-overdue', total.overdue > 0 ? '#cf1322' : undefined)}
        <Col flex="none" style={{ borderInlineStart: '1px solid #f0f0f0', padding: 0 }} aria-hidden />
        {stat(t('reports.indMet'), ind.met, 'figure-ind-met', '#389e0d', `/ ${ind.total}`)}
        {stat(t('reports.indNotMet'), ind.notMet, 'figure-ind-not-met', ind.notMet > 0 ? '#cf1322' : undefined)}
        {stat(t('reports.indNoData'), ind.noData, 'figure-ind-no-data')}
      </Row>
    </Card>
  );
}

type DirectiveRowItem = DirectiveTally & { key: string; stt: number | null };

export function DirectiveTable({ figures: f }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const rows: DirectiveRowItem[] = f.tasks.byDirective.map((d, i) => ({ ...d, key: d.code ?? '-', stt: i + 1 }));
  const count = (key: keyof StatusTally, title: string, width = 96) => ({
    title,
    dataIndex: key,
    width,
    align: 'center' as const,
    render: (n: number) => fmtNumber(n),
  });
  return (
    <Table<DirectiveRowItem>
      size="small"
      bordered
      rowKey="key"
      dataSource={rows}
      pagination={false}
      data-testid="directive-table"
      locale={{ emptyText: t('reports.noTasks') }}
      columns={[
        { title: t('task.no'), dataIndex: 'stt', width: 52, align: 'center' },
        {
          title: t('reports.col.directive'),
          render: (_, d) =>
            d.code === null ? (
              <Typography.Text type="secondary">{t('reports.noDirective')}</Typography.Text>
            ) : (
              <div>
                <Typography.Text strong>{d.number ?? d.code}</Typography.Text>
                {d.issuedOn && <Typography.Text type="secondary"> · {fmtDate(d.issuedOn)}</Typography.Text>}
                {d.title && (
                  <div className="wp-clamp-2" style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }} title={d.title}>
                    {d.title}
                  </div>
                )}
              </div>
            ),
        },
        count('assigned', t('reports.col.assigned'), 84),
        count('done', t('reports.col.done')),
        count('doneLate', t('reports.col.doneLate')),
        count('inProgress', t('reports.col.inProgress'), 110),
        count('notStarted', t('reports.col.notStarted')),
        count('overdue', t('reports.col.overdue'), 80),
        { title: t('reports.col.rate'), width: 96, align: 'center', render: (_, d) => rate(d) },
      ]}
      summary={() => {
        const s = f.tasks.total;
        return (
          <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1}>{t('reports.total')}</Table.Summary.Cell>
            {[s.assigned, s.done, s.doneLate, s.inProgress, s.notStarted, s.overdue].map((n, i) => (
              <Table.Summary.Cell key={i} index={i + 2} align="center">
                <span data-testid={i === 0 ? 'total-assigned' : undefined}>{fmtNumber(n)}</span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={8} align="center">
              {rate(s)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        );
      }}
    />
  );
}

export function IndicatorFigureTable({ figures: f }: { figures: ReportFigures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Table<IndicatorFigure>
      size="small"
      bordered
      rowKey="code"
      dataSource={f.indicators.rows}
      pagination={false}
      data-testid="indicator-figure-table"
      locale={{ emptyText: t('reports.noIndicators') }}
      columns={[
        { title: t('indicator.code'), dataIndex: 'code', width: 72 },
        {
          title: t('indicator.name'),
          dataIndex: 'name',
          render: (name: string) => (
            <div className="wp-clamp-2" title={name}>
              {name}
            </div>
          ),
        },
        {
          title: t('indicator.target'),
          width: 110,
          align: 'right',
          render: (_, r) => (r.comparator && r.target !== null ? targetText(r.comparator, r.target, r.unit, lang) : '—'),
        },
        { title: t('indicator.baseline'), width: 96, align: 'right', render: (_, r) => (r.baseline !== null ? fmtValue(r.baseline, r.unit) : '—') },
        {
          title: t('reports.col.value'),
          width: 150,
          align: 'right',
          render: (_, r) =>
            r.value === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <div>
                <Typography.Text strong>{fmtValue(r.value, r.unit)}</Typography.Text>
                {r.valuePeriod && r.valuePeriod !== f.period && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>{t('reports.valueOf', { period: periodLabel(r.valuePeriod, lang) })}</div>
                )}
              </div>
            ),
        },
        {
          title: t('indicator.outcome'),
          width: 130,
          align: 'center',
          render: (_, r) => (
            <span data-testid={`figure-outcome-${r.code}`}>
              <OutcomeTag outcome={r.outcome} />
            </span>
          ),
        },
      ]}
    />
  );
}

export function OverdueTable({ figures: f }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  return (
    <Table<OverdueTask>
      size="small"
      bordered
      rowKey="no"
      dataSource={f.tasks.overdue}
      pagination={false}
      data-testid="overdue-table"
      locale={{ emptyText: t('reports.noOverdue') }}
      columns={[
        { title: t('task.no'), dataIndex: 'no', width: 52, align: 'center' },
        {
          title: t('task.content'),
          dataIndex: 'content',
          render: (c: string) => (
            <div className="wp-clamp-2" title={c}>
              {c}
            </div>
          ),
        },
        { title: t('task.lead'), dataIndex: 'leadUnitName', width: 220 },
        { title: t('reports.col.deadline'), dataIndex: 'deadline', width: 100, align: 'center', render: (d: string) => fmtDate(d) },
        { title: t('reports.col.daysOverdue'), dataIndex: 'daysOverdue', width: 100, align: 'center' },
        { title: t('reports.col.percent'), dataIndex: 'percent', width: 84, align: 'center', render: (p: number) => fmtPercent(p) },
      ]}
    />
  );
}
