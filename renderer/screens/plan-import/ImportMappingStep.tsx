/** The mapping step: what each column of the officer's file holds, asked only when a column was not recognised. */
import { Alert, Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ColumnTarget, type ImportColumn } from '../../../shared/api/contract-plan-import';

const TARGETS: ColumnTarget[] = [...IMPORT_FIELDS, 'ignore'];

export function ImportMappingStep({
  columns,
  unmapped,
  busy,
  onApply,
}: {
  columns: ImportColumn[];
  unmapped: string[];
  busy: boolean;
  onApply: (mapping: Record<string, ColumnTarget>) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Record<string, ColumnTarget>>({});
  const shown = columns.filter((c) => c.header !== '' || c.field !== null || unmapped.includes(c.column));
  const missing = unmapped.filter((c) => !choice[c]);
  return (
    <Card size="small" title={t('planImport.mappingTitle')} data-testid="import-mapping">
      <Flex vertical gap={10}>
        <Alert type="warning" showIcon title={t('planImport.mappingHelp')} />
        <Table<ImportColumn>
          size="small"
          bordered
          rowKey="column"
          pagination={false}
          dataSource={shown}
          columns={[
            { title: t('planImport.column'), dataIndex: 'column', width: 70, align: 'center' },
            { title: t('planImport.header'), dataIndex: 'header', render: (h: string) => h || '—' },
            {
              title: t('planImport.holds'),
              width: 260,
              render: (_, c) => (
                <Flex gap={6} align="center">
                  <Select<ColumnTarget>
                    style={{ width: 200 }}
                    virtual={false}
                    size="small"
                    aria-label={`${t('planImport.column')} ${c.column}`}
                    data-testid={`map-${c.column}`}
                    placeholder={t('planImport.unrecognised')}
                    status={unmapped.includes(c.column) && !choice[c.column] ? 'warning' : undefined}
                    value={choice[c.column] ?? c.field ?? undefined}
                    options={TARGETS.map((f) => ({ value: f, label: t(`planImport.field.${f}`) }))}
                    onChange={(v) => setChoice((m) => ({ ...m, [c.column]: v }))}
                  />
                  {c.how === 'remembered' && !choice[c.column] && <Tag>{t('planImport.remembered')}</Tag>}
                </Flex>
              ),
            },
          ]}
        />
        <div>
          <Button type="primary" disabled={missing.length > 0} loading={busy} onClick={() => onApply(choice)}>
            {t('planImport.applyMapping')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
