/**
 * The city report's files: DOCX for signing, XLSX with one sheet per table, CSV of one table
 * (UTF-8 with BOM so Excel opens Vietnamese text correctly).
 */
import { indicatorOutcomeLabel } from '../../shared/rules/indicator';
import { AppError } from '../../shared/errors';
import { addTableSheet, newWorkbook, workbookBuffer, NUMFMT_DECIMAL, NUMFMT_INTEGER, type SheetSpec } from '../reports/xlsx-common';
import type { Session } from '../session';
import { localTime } from './completeness';
import { COMPLETENESS_LABEL_VI, cityReportFigures, type CityReportFigures } from './report-data';
import { renderCityReportDocx } from './report-docx';

export type CityTable = 'directives' | 'completeness' | 'indicators' | 'wards';

function tables(f: CityReportFigures): Record<CityTable, SheetSpec> {
  const int = (w: number, header: string) => ({ header, width: w, numFmt: NUMFMT_INTEGER, align: 'center' as const });
  const d = f.directives;
  return {
    directives: {
      name: 'Theo văn bản chỉ đạo',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Văn bản chỉ đạo', width: 24 },
        { header: 'Trích yếu', width: 40 },
        int(10, 'Số phường, xã'),
        int(10, 'Số nhiệm vụ'),
        int(12, 'Đã hoàn thành (tổng)'),
        int(12, 'Trong đó hoàn thành muộn'),
        int(12, 'Đang thực hiện trong hạn'),
        int(12, 'Chưa triển khai'),
        int(10, 'Quá hạn'),
      ],
      rows: [
        ...d.rows.map((r, i) => [
          i + 1,
          r.key === '' ? 'Không nêu văn bản' : r.number,
          r.title,
          r.wards,
          r.total,
          r.done + r.doneLate,
          r.doneLate,
          r.inProgress,
          r.notStarted,
          r.overdue,
        ]),
        [
          '',
          'Tổng cộng',
          '',
          d.totals.wards,
          d.totals.total,
          d.totals.done + d.totals.doneLate,
          d.totals.doneLate,
          d.totals.inProgress,
          d.totals.notStarted,
          d.totals.overdue,
        ],
      ],
      boldRows: new Set([d.rows.length]),
    },
    completeness: {
      name: 'Tình hình báo cáo',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Mã', width: 16 },
        { header: 'Phường, xã, đặc khu', width: 28 },
        { header: 'Cụm, nhóm', width: 18 },
        { header: 'Tình hình báo cáo', width: 24 },
        { header: 'Nhận báo cáo lúc', width: 18 },
        { header: 'Gói gần nhất', width: 18 },
        { header: 'Biên nhận gần nhất', width: 18 },
        { header: 'Người liên hệ', width: 24 },
        { header: 'Điện thoại', width: 16 },
        { header: 'Thư điện tử', width: 24 },
      ],
      rows: cityCompletenessRows(f),
    },
    indicators: {
      name: 'Chỉ tiêu',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Mã', width: 12 },
        { header: 'Chỉ tiêu', width: 44 },
        { header: 'Đơn vị tính', width: 10 },
        { header: 'Chỉ tiêu thành phố giao', width: 14 },
        { header: 'Kết quả toàn thành phố', width: 14, numFmt: NUMFMT_DECIMAL, align: 'right' },
        { header: 'Tổng tử số', width: 16, numFmt: NUMFMT_DECIMAL, align: 'right' },
        { header: 'Tổng mẫu số', width: 16, numFmt: NUMFMT_DECIMAL, align: 'right' },
        { header: 'Đánh giá', width: 14 },
        int(10, 'Số phường, xã'),
        int(8, 'Đạt'),
        int(10, 'Chưa đạt'),
        int(12, 'Chưa có số liệu'),
      ],
      rows: f.indicators.map((r, i) => [
        i + 1,
        r.code,
        r.name,
        r.unit,
        r.cityComparator && r.cityTarget !== null ? `${r.cityComparator} ${r.cityTarget}` : '',
        r.city.value,
        r.city.numerator,
        r.city.denominator,
        r.cityComparator ? indicatorOutcomeLabel(r.cityOutcome, 'vi') : '',
        r.wards,
        r.met,
        r.notMet,
        r.noData,
      ]),
    },
    wards: {
      name: 'Từng phường, xã',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Mã', width: 16 },
        { header: 'Phường, xã, đặc khu', width: 28 },
        { header: 'Cụm, nhóm', width: 18 },
        { header: 'Tình hình báo cáo', width: 24 },
        int(10, 'Số nhiệm vụ'),
        int(12, 'Đã hoàn thành'),
        int(12, 'Hoàn thành muộn'),
        int(12, 'Đang thực hiện'),
        int(12, 'Chưa triển khai'),
        int(10, 'Quá hạn'),
        int(10, 'Chỉ tiêu đạt'),
        int(10, 'Số chỉ tiêu'),
      ],
      rows: f.wards.map((r, i) => [
        i + 1,
        r.wardCode,
        r.wardName,
        r.group,
        COMPLETENESS_LABEL_VI[r.completeness],
        r.tally.total,
        r.tally.done + r.tally.doneLate,
        r.tally.doneLate,
        r.tally.inProgress,
        r.tally.notStarted,
        r.tally.overdue,
        r.indicatorsMet,
        r.indicators,
      ]),
    },
  };
}

function cityCompletenessRows(f: CityReportFigures): SheetSpec['rows'] {
  return f.rows.map((r, i) => [
    i + 1,
    r.wardCode,
    r.wardName,
    r.group,
    COMPLETENESS_LABEL_VI[r.status],
    localTime(r.reportReceivedAt),
    localTime(r.lastBundleAt),
    localTime(r.lastReceiptAt),
    r.contact.name,
    r.contact.phone,
    r.contact.email,
  ]);
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && 'value' in v ? String(v.value ?? '') : String(v);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableCsv(spec: SheetSpec): Buffer {
  const lines = [spec.columns.map((c) => csvField(c.header)).join(','), ...spec.rows.map((r) => r.map(csvField).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function cityReportXlsx(f: CityReportFigures): Promise<Buffer> {
  const wb = newWorkbook(`Ban Chỉ đạo chuyển đổi số ${f.cityName}`);
  const t = tables(f);
  for (const k of ['directives', 'completeness', 'indicators', 'wards'] as const) addTableSheet(wb, t[k]);
  return workbookBuffer(wb);
}

export async function cityReportFile(
  s: Session,
  period: string,
  format: 'docx' | 'xlsx' | 'csv',
  table: CityTable = 'directives',
): Promise<{ data: Buffer; fileName: string }> {
  const f = cityReportFigures(s, period);
  const base = `Bao-cao-thanh-pho_${f.cityCode}_${f.scope.code}`;
  if (format === 'docx') return { data: await renderCityReportDocx(f), fileName: `${base}.docx` };
  if (format === 'xlsx') return { data: await cityReportXlsx(f), fileName: `${base}.xlsx` };
  if (!(table in tables(f))) throw new AppError('api.bad_input', { field: 'table', detail: table });
  return { data: tableCsv(tables(f)[table]), fileName: `${base}_${table}.csv` };
}
