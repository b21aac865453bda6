/**
 * A plan kept in Excel, in three steps: the template, a check of every row (nothing imported),
 * then the import, possible only once the check found no bad row. The core checks again on import,
 * so a file changed in between is refused whole rather than half imported.
 */
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { CheckOutlined, DownloadOutlined, FileSearchOutlined, ImportOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSheetCheck, PlanSheetImported } from '../../../shared/api/contract';
import { call } from '../../api/client';
import { asFileInput, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { FormError } from '../../components/FormError';
import { navigate } from '../../shell/route';
import { PLAN_TEMPLATE_FILE_NAME } from '../../../shared/api/document-names';
import { DocumentResult } from '../reports/DocumentResult';
import { saveDocument, type SavedDocument } from '../reports/save-document';
import { RowProblemsTable } from './RowProblemsTable';

function Step({ n, title, help, done, children }: { n: number; title: string; help: string; done?: boolean; children: ReactNode }) {
  return (
    <Col span={8}>
      <Flex vertical gap={6} style={{ height: '100%', padding: '10px 12px', border: '1px solid #f0f0f0', borderRadius: 8, background: '#fcfcfd' }}>
        <Flex align="center" gap={8}>
          <span
            aria-hidden
            style={{
              display: 'inline-flex',
              width: 22,
              height: 22,
              borderRadius: 11,
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 12,
              lineHeight: 1,
              fontWeight: 600,
              color: '#fff',
              background: done ? '#389e0d' : '#1f5fbf',
              flex: 'none',
            }}
          >
            {done ? <CheckOutlined /> : n}
          </span>
          <Typography.Text strong>{title}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1 }}>
          {help}
        </Typography.Text>
        <div>{children}</div>
      </Flex>
    </Col>
  );
}

export function PlanImportCard({ year, onImported }: { year: number; onImported: () => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [checked, setChecked] = useState<PlanSheetCheck | null>(null);
  const [imported, setImported] = useState<PlanSheetImported | null>(null);
  const [templateDoc, setTemplateDoc] = useState<SavedDocument | null>(null);
  const template = useAction(() =>
    saveDocument(PLAN_TEMPLATE_FILE_NAME, 'xlsx', t('files.xlsx'), (outPath) => call('documents.planTemplate', { outPath })),
  );
  const check = useAction((f: PickedFile) => call('plan.checkSheet', { ...asFileInput(f), year }));
  const importer = useAction((f: PickedFile) => call('plan.importSheet', { ...asFileInput(f), year }));

  const onPicked = async (f: PickedFile) => {
    setPicked(f);
    setChecked(null);
    setImported(null);
    importer.clearError();
    const r = await check.run(f);
    if (r) setChecked(r);
  };
  const runImport = async () => {
    if (!picked) return;
    const r = await importer.run(picked);
    if (r) {
      setImported(r);
      setChecked(null);
      setPicked(null);
      onImported();
    }
  };
  const ready = checked?.ok === true && !!picked;

  return (
    <Card size="small" title={t('planFiles.importTitle')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('planFiles.importHelp', { year })}</Typography.Text>
        <Row gutter={12}>
          <Step n={1} title={t('planFiles.step1')} help={t('planFiles.step1Help')} done={!!templateDoc}>
            <Button
              icon={<DownloadOutlined />}
              loading={template.busy}
              onClick={async () => {
                const r = await template.run();
                if (r) setTemplateDoc(r);
              }}
            >
              {t('planFiles.template')}
            </Button>
          </Step>
          <Step n={2} title={t('planFiles.step2')} help={t('planFiles.step2Help')} done={checked?.ok === true || !!imported}>
            <FilePickButton
              label={t('planFiles.pick')}
              icon={<FileSearchOutlined />}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              filters={[{ name: t('files.xlsx'), extensions: ['xlsx'] }]}
              busy={check.busy}
              type={ready || imported ? 'default' : 'primary'}
              testId="plan-sheet-input"
              onPicked={(f) => void onPicked(f)}
            />
          </Step>
          <Step n={3} title={t('planFiles.step3')} help={t('planFiles.step3Help')} done={!!imported}>
            <Button type="primary" icon={<ImportOutlined />} disabled={!ready} loading={importer.busy} onClick={() => void runImport()}>
              {checked?.ok ? t('planFiles.import', { count: checked.rows }) : t('planFiles.importNone')}
            </Button>
          </Step>
        </Row>
        <FormError error={template.error ?? check.error ?? importer.error} onClose={() => (template.clearError(), check.clearError(), importer.clearError())} />
        {templateDoc && <DocumentResult doc={templateDoc} onClose={() => setTemplateDoc(null)} />}
        {checked && !checked.ok && picked && (
          <Flex vertical gap={8} data-testid="check-result" data-ok="false">
            <Alert
              type="error"
              showIcon
              title={t('planFiles.bad', { name: picked.name, count: checked.problems.length })}
              description={t('planFiles.badHelp')}
            />
            <RowProblemsTable problems={checked.problems} />
          </Flex>
        )}
        {checked?.ok && picked && (
          <Alert
            type="success"
            showIcon
            data-testid="check-result"
            data-ok="true"
            title={t('planFiles.good', { name: picked.name, count: checked.rows, year: checked.year })}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            data-testid="import-done"
            title={t('planFiles.imported', { count: imported.imported, year: imported.year })}
            description={imported.planCreated ? t('planFiles.planCreated', { year: imported.year }) : undefined}
            action={
              <Button icon={<UnorderedListOutlined />} onClick={() => navigate('tasks')}>
                {t('planFiles.openTasks')}
              </Button>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
