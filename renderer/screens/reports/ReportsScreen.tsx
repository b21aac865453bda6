/**
 * Periodic reports: pick a period, check the computed tables, write the sections I–IV and the text
 * per area, approve (which freezes it), mark it sent, and save it as DOCX or Excel; after approval,
 * a supplementary report. The plan document's own sections and issue details open in a drawer.
 */
import { App, Alert, Button, Card, Flex, Segmented, Select, Tabs, Typography } from 'antd';
import { CheckOutlined, FileAddOutlined, FileExcelOutlined, FileTextOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRow, ReportView } from '../../../shared/api/report-types';
import { formatPeriodCode } from '../../../shared/rules/period';
import { call } from '../../api/client';
import { useAction, useApi } from '../../api/use-api';
import { AsyncView } from '../../components/AsyncView';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { fmtDate, fmtDateTime } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';
import type { ScreenProps } from '../../shell/screen-props';
import { navigate } from '../../shell/route';
import { useYear } from '../../shell/year-context';
import { ApproveModal } from './ApproveModal';
import { DocumentResult } from './DocumentResult';
import { DirectiveTable, FiguresSummary, IndicatorFigureTable, OverdueTable } from './FiguresTables';
import { reportFileName } from '../../../shared/api/document-names';
import { NarrativeEditor } from './NarrativeEditor';
import { PlanDocumentDrawer } from './PlanDocumentPanel';
import { ReportBodyEditor } from './ReportBodyEditor';
import { defaultReportPeriod, reportPeriodLabel, reportPeriods, validReportPeriod } from './periods';
import { ReportStatusTag } from './ReportStatusTag';
import { saveDocument, type DocFormat, type SavedDocument } from './save-document';

export default function ReportsScreen({ params }: ScreenProps) {
  const { year } = useYear();
  return <ReportsView key={year} year={year} params={params} />;
}

function ReportsView({ year, params }: { year: number; params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const period = validReportPeriod(params.period, year) ?? defaultReportPeriod(year, new Date().toISOString().slice(0, 10));
  const supplement = /^\d{1,2}$/.test(params.supplement ?? '') ? Number(params.supplement) : 0;
  const report = useApi('reports.get', { period, supplement });
  const list = useApi('reports.list', {});
  const [planDoc, setPlanDoc] = useState(false);
  const statusOf = new Map((list.data ?? []).filter((r: ReportRow) => r.supplement === 0).map((r: ReportRow) => [r.period, r.status]));
  const supplements = (list.data ?? []).filter((r: ReportRow) => r.period === period && r.supplement > 0).map((r) => r.supplement);
  const options = reportPeriods(year).map((p) => {
    const value = formatPeriodCode(p);
    return { value, label: reportPeriodLabel(value, lang) };
  });
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        sub={t('reports.sub', { year })}
        extra={
          <Flex gap={8} wrap>
          <Button icon={<FileTextOutlined />} onClick={() => setPlanDoc(true)} data-testid="open-plan-document">
            {t('docs.planPanel')}
          </Button>
          <Select
            value={period}
            onChange={(v) => navigate('reports', { period: v })}
            options={options}
            style={{ width: 250 }}
            aria-label={t('reports.period')}
            prefix={`${t('reports.period')}:`}
            data-testid="report-period"
            optionRender={(o) => {
              const st = statusOf.get(String(o.value));
              return (
                <Flex justify="space-between" align="center" gap={8}>
                  <span>{o.label}</span>
                  {st && st !== 'draft' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`reports.status.${st}`)}
                    </Typography.Text>
                  )}
                </Flex>
              );
            }}
          />
          </Flex>
        }
      />
      {planDoc && <PlanDocumentDrawer year={year} onClose={() => setPlanDoc(false)} />}
      {supplements.length > 0 && (
        <Segmented
          style={{ marginBottom: 10 }}
          value={supplement}
          onChange={(v) => navigate('reports', { period, ...(v ? { supplement: String(v) } : {}) })}
          options={[{ value: 0, label: t('docs.original') }, ...supplements.map((n) => ({ value: n, label: t('docs.supplementN', { n }) }))]}
          data-testid="report-supplements"
        />
      )}
      <AsyncView state={report}>
        {(r) => (
          <ReportBody
            key={`${r.period}-${r.supplement}-${r.status}`}
            report={r}
            loading={report.loading}
          />
        )}
      </AsyncView>
    </>
  );
}

function ReportBody({ report: r, loading }: { report: ReportView; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = i18n.language as Lang;
  const label = reportPeriodLabel(r.period, lang);
  const [approving, setApproving] = useState(false);
  const [unsaved, setUnsaved] = useState<string[]>([]);
  const [doc, setDoc] = useState<SavedDocument | null>(null);
  const onDirtyChange = useCallback((areas: string[]) => setUnsaved(areas), []);
  const sent = useAction(() => call('reports.markSent', { period: r.period, supplement: r.supplement }));
  const supplementAction = useAction(() => call('reports.createSupplement', { period: r.period }));
  const createSupplement = async () => {
    const created = await supplementAction.run();
    if (created) {
      void message.success(t('docs.supplementCreated', { n: created.supplement }));
      navigate('reports', { period: r.period, supplement: String(created.supplement) });
    }
  };
  const download = useAction((format: DocFormat) =>
    saveDocument(reportFileName(r.period, format, r.status, r.supplement), format, t(format === 'docx' ? 'files.docx' : 'files.xlsx'), (outPath) =>
      call('documents.report', { period: r.period, supplement: r.supplement, format, outPath }),
    ),
  );
  const [format, setFormat] = useState<DocFormat | null>(null);
  const save = async (f: DocFormat) => {
    setFormat(f);
    setDoc(null);
    const saved = await download.run(f);
    if (saved) setDoc(saved);
  };
  const confirmSent = () =>
    modal.confirm({
      title: t('reports.markSentTitle', { period: label }),
      content: t('reports.markSentText'),
      okText: t('reports.markSentOk'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        if (await sent.run()) {
          void message.success(t('reports.markedSent', { period: label }));
        }
      },
    });
  const frozen = r.status !== 'draft';
  const f = r.figures;
  return (
    <Flex vertical gap={10}>
      <Card size="small" styles={{ body: { padding: '10px 16px' } }}>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {label}
                {r.supplement > 0 && ` — ${t('docs.supplementN', { n: r.supplement })}`}
              </Typography.Text>
              <ReportStatusTag status={r.status} />
              {r.docNumber && <Typography.Text>{t('reports.docNumber', { number: r.docNumber })}</Typography.Text>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.asOf', { date: fmtDate(f.asOf) })}. {r.figuresFrozen ? t('reports.frozenFigures') : t('reports.liveFigures')}
            </Typography.Text>
            {(r.approvedBy || r.sentAt) && (
              <Typography.Text style={{ fontSize: 12 }} data-testid="report-approval">
                {r.approvedBy && t('reports.approvedLine', { by: r.approvedBy, at: fmtDateTime(r.approvedAt) })}
                {r.sentAt && ` · ${t('reports.sentLine', { at: fmtDateTime(r.sentAt) })}`}
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={8} wrap>
            {r.status === 'draft' && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproving(true)}>
                {t('reports.approve')}
              </Button>
            )}
            {r.status === 'approved' && (
              <Button type="primary" icon={<SendOutlined />} loading={sent.busy} onClick={confirmSent}>
                {t('reports.markSent')}
              </Button>
            )}
            {frozen && (
              <Button icon={<FileAddOutlined />} loading={supplementAction.busy} onClick={() => void createSupplement()} data-testid="create-supplement">
                {t('docs.createSupplement')}
              </Button>
            )}
            <Button icon={<FileWordOutlined />} loading={download.busy && format === 'docx'} disabled={download.busy} onClick={() => void save('docx')}>
              {t('reports.downloadDocx')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={download.busy && format === 'xlsx'} disabled={download.busy} onClick={() => void save('xlsx')}>
              {t('reports.downloadXlsx')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <FormError
        error={download.error ?? sent.error ?? supplementAction.error}
        onClose={() => (download.clearError(), sent.clearError(), supplementAction.clearError())}
      />
      {doc && <DocumentResult doc={doc} onClose={() => setDoc(null)} />}
      {frozen && <Alert type="info" showIcon data-testid="report-frozen" title={t('reports.frozenBanner')} />}
      <FiguresSummary figures={f} />
      <Card size="small" styles={{ body: { padding: '0 12px 12px' } }} loading={false} style={{ opacity: loading ? 0.6 : 1 }}>
        <Tabs
          defaultActiveKey="tasks"
          items={[
            { key: 'tasks', label: t('reports.tabTasks'), children: <DirectiveTable figures={f} /> },
            { key: 'indicators', label: t('reports.tabIndicators', { count: f.indicators.total }), children: <IndicatorFigureTable figures={f} /> },
            { key: 'overdue', label: t('reports.tabOverdue', { count: f.tasks.overdue.length }), children: <OverdueTable figures={f} /> },
            { key: 'body', label: t('docs.tabBody'), children: <ReportBodyEditor report={r} /> },
            {
              key: 'narrative',
              label: (
                <span>
                  {t('reports.tabNarrative')}
                  {unsaved.length > 0 && <span style={{ color: '#d46b08' }}> ●</span>}
                </span>
              ),
              // Always mounted, so approval knows about unsaved text even before the tab is opened.
              forceRender: true,
              children: <NarrativeEditor report={r} onDirtyChange={onDirtyChange} />,
            },
          ]}
        />
      </Card>
      {approving && (
        <ApproveModal
          report={r}
          periodLabel={label}
          unsavedAreas={unsaved}
          onClose={() => setApproving(false)}
          onApproved={() => {
            setApproving(false);
            void message.success(t('reports.approved', { period: label }));
          }}
        />
      )}
    </Flex>
  );
}
