import { App, Button, Card, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityInput } from '../../../shared/api/contract-city';
import { PageHeader } from '../../components/PageHeader';
import { toApiError } from '../../api/client';
import { errorText } from '../../i18n/errors';
import { fmtBytes, periodLabel } from '../../i18n/format';
import { cityCall, download } from '../api';
import type { Scope } from '../scope';

type Table = NonNullable<CityInput<'city.report'>['table']>;
const TABLES: Table[] = ['directives', 'completeness', 'indicators', 'wards'];

export function CityReportScreen({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [table, setTable] = useState<Table>('directives');
  const run = async (key: string, fn: () => Promise<{ fileName: string; contentBase64: string; size: number }>) => {
    setBusy(key);
    try {
      const f = await fn();
      download(f);
      void message.success(t('city.report.saved', { file: f.fileName, size: fmtBytes(f.size) }));
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    } finally {
      setBusy(null);
    }
  };
  const period = scope.period;
  const isMonth = /-\d{2}$/.test(period);
  return (
    <>
      <PageHeader title={`${t('city.report.title')} — ${periodLabel(period, i18n.language === 'en' ? 'en' : 'vi')}`} />
      <Card size="small" title={t('city.report.title')} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            disabled={isMonth}
            loading={busy === 'docx'}
            onClick={() => void run('docx', () => cityCall('city.report', { period, format: 'docx' }))}
          >
            {t('city.report.docx')}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            disabled={isMonth}
            loading={busy === 'xlsx'}
            onClick={() => void run('xlsx', () => cityCall('city.report', { period, format: 'xlsx' }))}
          >
            {t('city.report.xlsx')}
          </Button>
          <Select<Table>
            aria-label="CSV"
            value={table}
            onChange={setTable}
            style={{ width: 200 }}
            options={TABLES.map((x) => ({ value: x, label: t(`city.report.table.${x}`) }))}
          />
          <Button
            icon={<FileTextOutlined />}
            disabled={isMonth}
            loading={busy === 'csv'}
            onClick={() => void run('csv', () => cityCall('city.report', { period, format: 'csv', table }))}
          >
            {t('city.report.csv')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('city.report.exchange')}>
        <Space wrap>
          {(['dhis2', 'adx', 'csv'] as const).map((format) => (
            <Button key={format} loading={busy === `x-${format}`} onClick={() => void run(`x-${format}`, () => cityCall('city.export', { period, format }))}>
              {format === 'csv' ? 'CSV' : t(`city.report.${format}`)}
            </Button>
          ))}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 10, marginBottom: 0 }}>
          docs/interchange.md
        </Typography.Paragraph>
      </Card>
    </>
  );
}
