/**
 * Every row of the officer's file as the task it will become, with its errors (red) and warnings
 * (amber) beside it. The cells the officer typed are editable in place; an edit is checked again
 * at once by the core, with the same rules as the file.
 */
import { Flex, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportRow } from '../../../shared/api/contract-plan-import';
import { formatDateVi } from '../../../shared/rules/format-vi';
import { useErrorText } from '../../i18n/errors';

function Editable({
  value,
  field,
  row,
  onEdit,
}: {
  value: string;
  field: ImportField;
  row: number;
  onEdit: (row: number, field: ImportField, v: string) => void;
}) {
  return (
    <Typography.Text
      style={{ whiteSpace: 'pre-line', fontSize: 13 }}
      data-testid={`cell-${row}-${field}`}
      editable={{
        triggerType: ['text', 'icon'],
        onChange: (v) => {
          if (v !== value) onEdit(row, field, v);
        },
      }}
    >
      {value}
    </Typography.Text>
  );
}

export function ImportPreviewTable({
  rows,
  newCodes,
  onEdit,
}: {
  rows: ImportRow[];
  /** Units and directives the import would create: their tags are marked. */
  newCodes: ReadonlySet<string>;
  onEdit: (row: number, field: ImportField, value: string) => void;
}) {
  const { t } = useTranslation();
  const codeTag = (code: string) => (
    <Tag
      key={code}
      color={newCodes.has(code) ? 'gold' : undefined}
      title={newCodes.has(code) ? t('planImport.newTag') : undefined}
      style={{ marginInlineEnd: 0, width: 'fit-content' }}
    >
      {code}
    </Tag>
  );
  const text = useErrorText();
  const cell = (field: ImportField, width: number, extra?: (r: ImportRow) => React.ReactNode) => ({
    title: t(`planImport.field.${field}`),
    width,
    render: (_: unknown, r: ImportRow) => (
      <Flex vertical gap={2}>
        <Editable value={r.values[field] ?? ''} field={field} row={r.row} onEdit={onEdit} />
        {extra?.(r)}
      </Flex>
    ),
  });
  return (
    <Table<ImportRow>
      size="small"
      bordered
      rowKey="row"
      dataSource={rows}
      data-testid="import-preview"
      scroll={{ x: 1500 }}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      onRow={(r) => ({ 'data-row': r.row, 'data-errors': r.errors.length }) as HTMLAttributes<HTMLElement>}
      rowClassName={(r) => (r.errors.length > 0 ? 'import-row-error' : '')}
      columns={[
        {
          title: t('planImport.row'),
          width: 58,
          align: 'center',
          fixed: 'left',
          render: (_, r) => (
            <Flex vertical align="center" gap={2}>
              <strong>{r.row}</strong>
              {r.errors.length > 0 ? (
                <CloseCircleFilled style={{ color: '#cf1322' }} aria-label="error" />
              ) : r.warnings.length > 0 ? (
                <WarningFilled style={{ color: '#d48806' }} aria-label="warning" />
              ) : (
                <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="ok" />
              )}
            </Flex>
          ),
        },
        cell('no', 56),
        cell('content', 300),
        cell('lead', 170, (r) => r.task.leadUnitCode && codeTag(r.task.leadUnitCode)),
        cell('partners', 200, (r) => (
          <Flex wrap gap={2}>
            {r.task.partnerUnitCodes.map(codeTag)}
            {r.task.partnerNote && <Tag color="default">{t('planImport.partnerNote')}</Tag>}
          </Flex>
        )),
        cell(
          'timeline',
          130,
          (r) =>
            r.task.deadline && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('planImport.due', { date: formatDateVi(r.task.deadline) })}
              </Typography.Text>
            ),
        ),
        cell(
          'area',
          150,
          (r) =>
            r.task.areaCode && (
              <Tag color="blue" style={{ width: 'fit-content' }}>
                {r.task.areaCode}
              </Tag>
            ),
        ),
        cell('source', 130, (r) => r.task.sourceCode && codeTag(r.task.sourceCode)),
        cell('output', 170),
        {
          title: t('planImport.check'),
          width: 250,
          // Kept in view while the wide row scrolls: the errors are what the officer is looking for.
          fixed: 'right',
          render: (_, r) =>
            r.errors.length + r.warnings.length === 0 ? (
              <Typography.Text type="success">{t('planImport.ok')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 16, fontSize: 12 }} data-testid={`check-${r.row}`}>
                {r.errors.map((e, i) => (
                  <li key={`e${i}`} style={{ color: '#cf1322' }}>
                    {text(e)}
                  </li>
                ))}
                {r.warnings.map((w, i) => (
                  <li key={`w${i}`} style={{ color: '#ad6800' }}>
                    {text(w)}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
