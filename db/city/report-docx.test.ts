/**
 * The city report's appendix lists every ward. Its rows are written into the document's XML from
 * docx's own template row (expandAppendixRows), so here they are read back from word/document.xml
 * of a small city's report, and compared with the table docx itself writes for the same rows.
 */
import { Packer } from 'docx';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { threeWardCity, type ThreeWardCity } from '../../test/support/city-fixture';
import { dataTable, officialDocument, portraitSection } from '../reports/docx-official';
import { readDocx, readEntry } from '../reports/docx-text';
import { cityReportFigures } from './report-data';
import { APPENDIX_COLUMNS, appendixRowsOf, buildCityReportDocx, renderCityReportDocx } from './report-docx';

let c: ThreeWardCity;
beforeAll(async () => {
  c = await threeWardCity();
  c.setNow('2026-10-25T03:00:00.000Z');
}, 60_000);

/** The last table of a document's XML, as written. */
function lastTableXml(xml: string): string {
  const start = xml.lastIndexOf('<w:tbl>');
  return xml.slice(start, xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length);
}

describe('the city report DOCX', () => {
  it('lists every ward in its appendix with its reporting, tasks and indicators', async () => {
    const docx = await readDocx(await buildCityReportDocx(c.city.s, '2026-Q3'));
    const appendix = docx.tables[docx.tables.length - 1]!;
    expect(appendix).toEqual([
      ['STT', 'Phường, xã, đặc khu', 'Cụm, nhóm', 'Tình hình báo cáo', 'Số nhiệm vụ', 'Đã hoàn thành', 'Quá hạn', 'Chỉ tiêu đạt'],
      ['1', 'Phường An Biên', '', 'Đã báo cáo đúng hạn', '3', '2', '0', '1/2'],
      ['2', 'Phường Bạch Đằng', '', 'Chưa báo cáo (quá hạn)', '2', '0', '1', '1/2'],
      ['3', 'Xã Cát Hải', '', 'Báo cáo muộn', '2', '1', '0', '0/2'],
      ['4', 'Xã Bạch Long Vĩ', '', 'Chưa đăng ký', '0', '0', '0', '0/0'],
    ]);
    expect(docx.paragraphs).toContain('PHỤ LỤC');
    expect(docx.sections).toHaveLength(2);
  });

  it('writes the rows as docx writes them, escaping what a ward may type, one paragraph per line', async () => {
    // A copy: the figures' rows are the aggregations' cached ones.
    const f = structuredClone(cityReportFigures(c.city.s, '2026-Q3'));
    f.wards[1]!.wardName = `Phường <Bạch> & "Đằng" 'mới'\nDòng hai\u0001`;
    f.wards[2]!.group = 'Cụm > 2';
    // A ward (not reporting, so named in the body too) called as the template's marks are.
    f.missing[0]!.wardName = 'wp-appendix-cell-0-mark wp-appendix-cell-7-mark';
    f.wards[3]!.wardName = 'wp-appendix-cell-0-mark';
    const xml = await readEntry(await renderCityReportDocx(f), 'word/document.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const byDocx = await readEntry(
      await Packer.toBuffer(
        officialDocument({ title: 't', creator: 'c' }, [portraitSection([dataTable({ columns: APPENDIX_COLUMNS, rows: appendixRowsOf(f) })])]),
      ),
      'word/document.xml',
    );
    expect(lastTableXml(xml)).toBe(lastTableXml(byDocx));
    expect(lastTableXml(xml)).toContain('Phường &lt;Bạch&gt; &amp; &quot;Đằng&quot; &apos;mới&apos;</w:t>');
  });

  it('with no ward on the list, the appendix has its header alone', async () => {
    const f = cityReportFigures(c.city.s, '2026-Q3');
    f.wards = [];
    const docx = await readDocx(await renderCityReportDocx(f));
    expect(docx.tables[docx.tables.length - 1]).toEqual([
      ['STT', 'Phường, xã, đặc khu', 'Cụm, nhóm', 'Tình hình báo cáo', 'Số nhiệm vụ', 'Đã hoàn thành', 'Quá hạn', 'Chỉ tiêu đạt'],
    ]);
  });
});
