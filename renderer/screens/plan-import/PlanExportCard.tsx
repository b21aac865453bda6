import { Button, Card, Flex, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { planFileName } from '../../../shared/api/document-names';
import { DocumentResult } from '../reports/DocumentResult';
import { saveDocument, type DocFormat, type SavedDocument } from '../reports/save-document';

/** The plan with its task appendix, as the Word document the ward issues or as an Excel workbook. */
export function PlanExportCard({ plan }: { plan: PlanRow | null }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<SavedDocument | null>(null);
  const [format, setFormat] = useState<DocFormat | null>(null);
  const run = useAction((f: DocFormat, year: number) =>
    saveDocument(planFileName(year, f), f, t(f === 'docx' ? 'files.docx' : 'files.xlsx'), (outPath) => call('documents.plan', { format: f, year, outPath })),
  );
  const save = async (f: DocFormat) => {
    if (!plan) return;
    setFormat(f);
    setDoc(null);
    const r = await run.run(f, plan.year);
    if (r) setDoc(r);
  };
  return (
    <Card size="small" title={t('planFiles.exportTitle')}>
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Typography.Text type="secondary" style={{ flex: '1 1 420px' }}>
            {plan ? t('planFiles.exportHelp', { year: plan.year }) : t('planFiles.noPlan')}
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button icon={<FileWordOutlined />} disabled={!plan || run.busy} loading={run.busy && format === 'docx'} onClick={() => void save('docx')}>
              {t('planFiles.exportDocx')}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={!plan || run.busy} loading={run.busy && format === 'xlsx'} onClick={() => void save('xlsx')}>
              {t('planFiles.exportXlsx')}
            </Button>
          </Flex>
        </Flex>
        <FormError error={run.error} onClose={run.clearError} />
        {doc && <DocumentResult doc={doc} onClose={() => setDoc(null)} />}
      </Flex>
    </Card>
  );
}
