/**
 * The words of a Vietnamese official document (Nghị định 30/2020/NĐ-CP), apart from its layout,
 * so the DOCX and XLSX writers and the UI say the same thing the same way.
 */
import type { Comparator, IndicatorOutcome } from '../../shared/rules/indicator';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../shared/rules/format-vi';
import { ROMAN_QUARTERS, type Period } from '../../shared/rules/period';
import { foldVi } from '../../shared/rules/search-fold';

const ADMIN_PREFIX = /^(phường|xã|đặc khu|thị trấn|thị xã|thành phố|tỉnh|quận|huyện)\s+/i;

/** 'Phường Hải Dương' → 'Hải Dương': the place written before the date. */
export function placeNameOf(orgName: string): string {
  const stripped = orgName.trim().replace(ADMIN_PREFIX, '');
  return stripped === '' ? orgName.trim() : stripped;
}

/** 'Phường Hải Dương' → 'phường': how running text refers to the ward itself ("UBND phường"). */
export function kindWordOf(orgName: string): string {
  const m = ADMIN_PREFIX.exec(orgName.trim());
  return m ? m[1]!.toLowerCase() : orgName.trim();
}

/** The issuing body in capitals, one line per level, as the top-left block shows it. */
export function issuingBodyLines(orgName: string): string[] {
  return ['ỦY BAN NHÂN DÂN', orgName.trim().toUpperCase()];
}

/** "UBND thành phố Hải Phòng" from "Thành phố Hải Phòng", for running text and recipient lists. */
export function committeeOf(orgName: string): string {
  const name = orgName.trim();
  return `UBND ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "Hải Dương, ngày 05 tháng 01 năm 2026". Nghị định 30 pads only days below 10 and the months
 * 1 and 2 (so a handwritten "1" cannot be turned into "11" or "12"); March to December stay bare.
 */
export function dateLineVi(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** A date line with the day and month left for the clerk, for a document not yet issued. */
export function blankDateLineVi(place: string, year: number): string {
  return `${place}, ngày      tháng      năm ${year}`;
}

/** "ngày 22/12/2024" style date inside running text, or '' when unknown. */
export function onDateVi(isoDate: string | null | undefined): string {
  return isoDate ? `ngày ${formatDateVi(isoDate)}` : '';
}

/** "Số: 45/BC-UBND", or blank space for the clerk (văn thư) to fill in when the number is issued. */
export function docNumberLine(docNumber: string | null | undefined, symbol: string): string {
  if (docNumber && docNumber.trim() !== '') return `Số: ${docNumber.trim()}`;
  return `Số:        /${symbol}`;
}

/** A bare "45" becomes "45/BC-UBND"; a full number and symbol is kept as typed. */
export function normaliseDocNumber(docNumber: string | null | undefined, symbol: string): string | null {
  const t = docNumber?.trim() ?? '';
  if (t === '') return null;
  return /^\d+$/.test(t) ? `${t}/${symbol}` : t;
}

/**
 * The signer's authority lines. A chair signs on behalf of the committee (TM.); a vice-chair signs
 * for the chair (KT.), which Nghị định 30 requires to be written out.
 */
export function signerAuthorityLines(signerTitle: string | null | undefined): string[] {
  const title = (signerTitle ?? '').trim();
  const folded = foldVi(title);
  if (folded === '' || folded === 'chu tich') return ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  if (folded.startsWith('pho chu tich')) return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  return [title.toUpperCase()];
}

const DOC_KINDS: Array<[RegExp, string]> = [
  [/^NQ/, 'Nghị quyết'],
  [/^KH/, 'Kế hoạch'],
  [/^(QĐ|QD)/, 'Quyết định'],
  // Before 'CT': 'CTr' (chương trình) also starts with it.
  [/^CTr/, 'Chương trình'],
  [/^CT/, 'Chỉ thị'],
  [/^TB/, 'Thông báo'],
  [/^KL/, 'Kết luận'],
  [/^NĐ/, 'Nghị định'],
];

/** The kind of a document read from its symbol: '57-NQ/TW' → 'Nghị quyết', '749/QĐ-TTg' → 'Quyết định'. */
export function documentKindOf(number: string): string {
  const symbol = number.split(/[-/]/).slice(1).join('-');
  for (const [re, kind] of DOC_KINDS) if (re.test(symbol)) return kind;
  return 'Văn bản';
}

/** "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", the way documents cite each other. */
export function directiveCitation(d: { number: string; issuer?: string | null; issuedOn?: string | null }): string {
  const parts = [`${documentKindOf(d.number)} số ${d.number}`];
  if (d.issuedOn) parts.push(onDateVi(d.issuedOn));
  if (d.issuer) parts.push(`của ${d.issuer}`);
  return parts.join(' ');
}

/** 'Quý III năm 2026', '6 tháng đầu năm 2026', 'năm 2026': the period as a report title says it. */
export function periodPhraseVi(p: Period): string {
  switch (p.kind) {
    case 'quarter':
      return `Quý ${ROMAN_QUARTERS[p.index - 1]} năm ${p.year}`;
    case 'half':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'month':
      return `tháng ${p.index} năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

const COMPARATOR_SIGN: Record<Comparator, string> = { '>': '>', '>=': '≥', '=': '=', '<=': '≤', '<': '<' };

export function comparatorSign(c: Comparator | null | undefined): string {
  return c ? COMPARATOR_SIGN[c] : '';
}

/** An indicator figure as a table cell shows it: '99,68%' for percentages, '1.050' otherwise. */
export function indicatorNumberVi(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return unit.trim() === '%' ? formatPercentVi(value) : formatNumberVi(value);
}

/** '≥ 100%', '> 80%', '≥ 5'. */
export function targetLabelVi(comparator: Comparator | null, target: number | null, unit: string): string {
  if (target === null) return '';
  return `${comparatorSign(comparator)} ${indicatorNumberVi(target, unit)}`.trim();
}

const OUTCOME_VI: Record<IndicatorOutcome, string> = { dat: 'Đạt', chua_dat: 'Chưa đạt', no_data: 'Chưa có số liệu' };

export function outcomeLabelVi(o: IndicatorOutcome): string {
  return OUTCOME_VI[o];
}

/** 'done / total (x%)' as running text says it, e.g. '5/22 nhiệm vụ (22,73%)'. */
export function shareVi(part: number, total: number): string {
  const pct = total === 0 ? 0 : (part * 100) / total;
  return `${part}/${total} (${formatPercentVi(pct)})`;
}
