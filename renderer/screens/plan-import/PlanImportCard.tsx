/**
 * Importing the plan a ward already keeps: the officer picks its Excel or Word appendix, maps any
 * column the app did not recognise, corrects rows in the preview, sees which units and
 * directives would be created, then imports all rows or only those without errors. Nothing is
 * written before that last click, and the import is one transaction in the core.
 */
import { Alert, Button, Card, Checkbox, Flex, InputNumber, Tag, Typography } from 'antd';
import { DownloadOutlined, FileSearchOutlined, ImportOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget, ImportField, PlanImportApplied, PlanImportPreview } from '../../../shared/api/contract-plan-import';
import { call } from '../../api/client';
import { asFileInput, type PickedFile } from '../../api/files';
import { useAction } from '../../api/use-api';
import { FilePickButton } from '../../components/FilePickButton';
import { FormError } from '../../components/FormError';
import { useErrorText } from '../../i18n/errors';
import { navigate } from '../../shell/route';
import { PLAN_TEMPLATE_FILE_NAME } from '../../../shared/api/document-names';
import { DocumentResult } from '../reports/DocumentResult';
import { saveDocument, type SavedDocument } from '../reports/save-document';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewTable } from './ImportPreviewTable';

type EditedRows = Array<{ row: number; values: Partial<Record<ImportField, string>> }>;

export function PlanImportCard({ defaultYear, onImported }: { defaultYear: number; onImported: (year: number) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [year, setYear] = useState(defaultYear);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, ColumnTarget> | undefined>();
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  /** The file's header fingerprint, kept once rows are edited (the edited preview has none). */
  const [fingerprint, setFingerprint] = useState<string | undefined>();
  const [edited, setEdited] = useState<EditedRows | null>(null);
  const [createMissing, setCreateMissing] = useState(true);
  const [done, setDone] = useState<PlanImportApplied | null>(null);
  const [templateDoc, setTemplateDoc] = useState<SavedDocument | null>(null);

  const template = useAction(() => saveDocument(PLAN_TEMPLATE_FILE_NAME, 'xlsx', t('files.xlsx'), (outPath) => call('documents.planTemplate', { outPath })));
  const previewer = useAction((input: Parameters<typeof call<'planImport.preview'>>[1]) => call('planImport.preview', input));
  const importer = useAction((input: Parameters<typeof call<'planImport.apply'>>[1]) => call('planImport.apply', input));

  const show = (p: PlanImportPreview) => {
    setPreview(p);
    if (p.fingerprint) setFingerprint(p.fingerprint);
  };

  const onPicked = async (f: PickedFile) => {
    setPicked(f);
    setPreview(null);
    setEdited(null);
    setMapping(undefined);
    setDone(null);
    importer.clearError();
    const p = await previewer.run({ file: asFileInput(f), year });
    if (p) show(p);
  };

  const remap = async (m: Record<string, ColumnTarget>) => {
    if (!picked) return;
    const next = { ...mapping, ...m };
    setMapping(next);
    setEdited(null);
    const p = await previewer.run({ file: asFileInput(picked), year, mapping: next });
    if (p) show(p);
  };

  const changeYear = async (y: number) => {
    setYear(y);
    if (!picked || !preview) return;
    const p = await previewer.run(edited ? { rows: edited, year: y } : { file: asFileInput(picked), year: y, mapping });
    if (p) show(p);
  };

  const edit = async (row: number, field: ImportField, value: string) => {
    if (!preview) return;
    const rows: EditedRows = (edited ?? preview.rows.map((r) => ({ row: r.row, values: r.values }))).map((r) =>
      r.row === row ? { row, values: { ...r.values, [field]: value } } : r,
    );
    setEdited(rows);
    const p = await previewer.run({ rows, year });
    if (p) show({ ...p, kind: preview.kind, table: preview.table, headerRows: preview.headerRows, columns: preview.columns, mapping: preview.mapping });
  };

  const runImport = async (onlyValid: boolean) => {
    if (!picked || !preview) return;
    const source = edited ? { rows: edited, fingerprint } : { file: asFileInput(picked) };
    const r = await importer.run({ ...source, year, mapping, createMissing, onlyValid });
    if (r) {
      setDone(r);
      setPreview(null);
      setEdited(null);
      onImported(r.year);
    }
  };

  const reset = () => {
    setPicked(null);
    setPreview(null);
    setEdited(null);
    setDone(null);
  };

  const proposed = (preview?.proposedUnits.length ?? 0) + (preview?.proposedDirectives.length ?? 0);
  const blockedByMapping = (preview?.unmapped.length ?? 0) > 0;
  const blockedByCreate = proposed > 0 && !createMissing;
  const counts = preview?.counts;

  return (
    <Card size="small" title={t('planImport.title')} data-testid="plan-import">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('planImport.help')}</Typography.Text>
        <Flex gap={12} align="center" wrap>
          <Flex gap={6} align="center">
            <Typography.Text>{t('planImport.year')}</Typography.Text>
            <InputNumber
              aria-label={t('planImport.year')}
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100 && void changeYear(v)}
              style={{ width: 90 }}
            />
          </Flex>
          <FilePickButton
            label={t('planImport.pick')}
            icon={<FileSearchOutlined />}
            accept=".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            filters={[{ name: t('planImport.files'), extensions: ['xlsx', 'docx'] }]}
            busy={previewer.busy && !preview}
            type={preview ? 'default' : 'primary'}
            testId="plan-sheet-input"
            onPicked={(f) => void onPicked(f)}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={template.busy}
            onClick={async () => {
              const r = await template.run();
              if (r) setTemplateDoc(r);
            }}
          >
            {t('planImport.template')}
          </Button>
        </Flex>
        <FormError error={template.error} onClose={template.clearError} />
        {(previewer.error ?? importer.error) && (
          <Alert
            type="error"
            showIcon
            data-testid="import-error"
            title={t(previewer.error ? 'planImport.readFailed' : 'planImport.importFailed')}
            description={errorText((previewer.error ?? importer.error)!)}
            closable={{ onClose: () => (previewer.clearError(), importer.clearError()) }}
          />
        )}
        {templateDoc && <DocumentResult doc={templateDoc} onClose={() => setTemplateDoc(null)} />}

        {preview && picked && (
          <>
            <Typography.Text data-testid="import-found">
              {edited
                ? t('planImport.foundRows', { name: picked.name })
                : t('planImport.found', { name: picked.name, table: preview.table, rows: preview.headerRows.join(', ') })}
            </Typography.Text>
            {blockedByMapping && (
              <ImportMappingStep columns={preview.columns} unmapped={preview.unmapped} busy={previewer.busy} onApply={(m) => void remap(m)} />
            )}
            {counts && (
              <Alert
                type={counts.withErrors > 0 ? 'warning' : 'info'}
                showIcon
                data-testid="import-summary"
                title={`${t('planImport.summary', { rows: counts.rows, valid: counts.valid, errors: counts.withErrors, warnings: counts.withWarnings })}${
                  preview.planExists ? '' : ` ${t('planImport.planWillBeCreated', { year })}`
                }`}
              />
            )}
            {proposed > 0 && (
              <Card size="small" title={t('planImport.proposedTitle')} data-testid="import-proposed">
                <Flex vertical gap={8}>
                  {preview.proposedUnits.length > 0 && (
                    <div>
                      <Typography.Text strong>{t('planImport.proposedUnits', { count: preview.proposedUnits.length })}: </Typography.Text>
                      <Flex wrap gap={4} style={{ marginTop: 4 }}>
                        {preview.proposedUnits.map((u) => (
                          <Tag key={u.code} color="gold">
                            {u.name}{' '}
                            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                              ({u.code})
                            </Typography.Text>
                          </Tag>
                        ))}
                      </Flex>
                    </div>
                  )}
                  {preview.proposedDirectives.length > 0 && (
                    <div>
                      <Typography.Text strong>{t('planImport.proposedDirectives', { count: preview.proposedDirectives.length })}: </Typography.Text>
                      <Flex wrap gap={4} style={{ marginTop: 4 }}>
                        {preview.proposedDirectives.map((d) => (
                          <Tag key={d.code} color="gold" title={d.title}>
                            {d.number}
                          </Tag>
                        ))}
                      </Flex>
                    </div>
                  )}
                  <Checkbox checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} data-testid="create-missing">
                    {t('planImport.createMissing')}
                  </Checkbox>
                </Flex>
              </Card>
            )}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">{t('planImport.editHint')}</Typography.Text>
              <Flex gap={8} wrap>
                {counts && counts.withErrors > 0 && counts.valid > 0 && (
                  <Button icon={<ImportOutlined />} disabled={blockedByMapping || blockedByCreate} loading={importer.busy} onClick={() => void runImport(true)}>
                    {t('planImport.importValid', { count: counts.valid })}
                  </Button>
                )}
                <Button
                  type="primary"
                  icon={<ImportOutlined />}
                  disabled={blockedByMapping || blockedByCreate || !counts || counts.withErrors > 0 || counts.rows === 0}
                  loading={importer.busy}
                  onClick={() => void runImport(false)}
                >
                  {t('planImport.importAll', { count: counts?.rows ?? 0 })}
                </Button>
              </Flex>
            </Flex>
            {(blockedByMapping || blockedByCreate) && (
              <Typography.Text type="warning">{blockedByMapping ? t('planImport.needMapping') : t('planImport.needCreate')}</Typography.Text>
            )}
            <ImportPreviewTable
              rows={preview.rows}
              newCodes={new Set([...preview.proposedUnits.map((u) => u.code), ...preview.proposedDirectives.map((d) => d.code)])}
              onEdit={(row, field, v) => void edit(row, field, v)}
            />
          </>
        )}

        {done && (
          <Alert
            type="success"
            showIcon
            data-testid="import-done"
            title={t('planImport.done', { count: done.imported, year: done.year })}
            description={
              <Flex vertical gap={2}>
                {done.planCreated && <span>{t('planImport.planCreated', { year: done.year })}</span>}
                <span>{t('planImport.doneDetails', { units: done.createdUnits.length, directives: done.createdDirectives.length })}</span>
                {done.skipped > 0 && <span>{t('planImport.skipped', { count: done.skipped })}</span>}
              </Flex>
            }
            action={
              <Flex vertical gap={6}>
                <Button icon={<UnorderedListOutlined />} onClick={() => navigate('tasks')}>
                  {t('planImport.openTasks')}
                </Button>
                <Button onClick={reset}>{t('planImport.again')}</Button>
              </Flex>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
