/**
 * The words of a Vietnamese official document (Nghị định 30/2020/NĐ-CP), apart from its layout,
 * so the DOCX and XLSX writers and the UI say the same thing the same way.
 */
import type { Comparator, IndicatorOutcome } from '../../shared/rules/indicator';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../shared/rules/format-vi';
import { ROMAN_QUARTERS, type Period } from '../../shared/rules/period';
import { foldVi } from '../../shared/rules/search-fold';
import { directiveLabel } from '../../shared/rules/directive-label';

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

/**
 * The date line of a document not yet issued: day, month and year left for the clerk, so a draft
 * never carries a date as if it had been signed.
 */
export function blankDateLineVi(place: string): string {
  return `${place}, ngày … tháng … năm …`;
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

/** "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", the way documents cite each other. */
export function directiveCitation(d: { number: string | null; issuer?: string | null; issuedOn?: string | null }): string {
  return directiveLabel(d);
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

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → 'I', 14 → 'XIV': how appendices number their area sections. */
export function romanNumeral(n: number): string {
  let out = '';
  let rest = Math.max(0, Math.floor(n));
  for (const [v, r] of ROMAN) {
    while (rest >= v) {
      out += r;
      rest -= v;
    }
  }
  return out;
}

/**
 * Groups rows under their areas, in the areas' order, each group headed by a section row
 * ["I", "AREA NAME"]; areas with no rows are left out. Returns the rows and which are headings.
 */
export function groupByArea<T extends { areaCode: string }>(
  areas: Array<{ code: string; name: string }>,
  items: T[],
  toRow: (item: T) => string[],
): { rows: string[][]; sections: Set<number> } {
  const rows: string[][] = [];
  const sections = new Set<number>();
  let n = 0;
  const known = new Set(areas.map((a) => a.code));
  const groups = [...areas, ...[...new Set(items.map((i) => i.areaCode))].filter((c) => !known.has(c)).map((c) => ({ code: c, name: c }))];
  for (const a of groups) {
    const inArea = items.filter((i) => i.areaCode === a.code);
    if (inArea.length === 0) continue;
    sections.add(rows.length);
    rows.push([romanNumeral(++n), a.name.toUpperCase()]);
    for (const i of inArea) rows.push(toRow(i));
  }
  return { rows, sections };
}

/** "Ủy ban nhân dân phường Hải Dương", as running text names the committee in full. */
export function committeeLongOf(orgName: string): string {
  return `Ủy ban nhân dân ${orgName.charAt(0).toLowerCase()}${orgName.slice(1)}`;
}

/** The plan's subject as its title line says it: "Chuyển đổi số phường Hải Dương năm 2026". */
export function planSubjectOf(plan: { title: string; year: number }): string {
  const t = plan.title.replace(/^kế hoạch\s+/i, '').trim();
  return t === '' ? `Chuyển đổi số năm ${plan.year}` : `${t.charAt(0).toUpperCase()}${t.slice(1)}`;
}

/** "(Kèm theo Kế hoạch số 111/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân phường Hải Dương)"; blanks while not issued. */
export function planReferenceOf(plan: { docNumber: string | null; issuedOn: string | null }, orgName: string): string {
  const date = plan.issuedOn ? `ngày ${formatDateVi(plan.issuedOn)}` : 'ngày      /      /';
  return `(Kèm theo Kế hoạch ${[plan.docNumber ? `số ${plan.docNumber}` : '', date].filter(Boolean).join(' ')} của ${committeeLongOf(orgName)})`;
}
