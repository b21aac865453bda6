/**
 * How a document cites a directive (văn bản chỉ đạo), for every shape the catalog holds it in:
 * a proper number and symbol ("57-NQ/TW"), a bare number, no number at all, or a name typed in
 * the number field ("Thông báo kết luận của Ban Chỉ đạo Trung ương").
 *
 *   kind + "số" + number, then "ngày dd/mm/yyyy", then "của" + issuer
 *
 * - the kind comes from the caller, else from the symbol (NQ → Nghị quyết), else "Văn bản";
 * - a number that already starts with a kind word is not given a second one, and gets "số" only
 *   when what follows the kind is a number;
 * - a number with no digit in it is a name, not a number: no "số";
 * - the issuer is left out when the text already names it.
 */
import { formatDateVi } from './format-vi';
import { foldVi } from './search-fold';

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
  [/^TT/, 'Thông tư'],
  [/^HD/, 'Hướng dẫn'],
  [/^CV/, 'Công văn'],
];

/** Kind words a typed number may already start with, longest first so "Thông báo kết luận" wins over "Thông báo". */
const KIND_WORDS = [
  'Thông báo kết luận',
  'Nghị quyết',
  'Kế hoạch',
  'Quyết định',
  'Chương trình',
  'Chỉ thị',
  'Thông báo',
  'Kết luận',
  'Nghị định',
  'Thông tư',
  'Hướng dẫn',
  'Công văn',
  'Văn bản',
  'Luật',
  'Đề án',
];

export const GENERIC_KIND = 'Văn bản';

/** The kind of a document read from its symbol: '57-NQ/TW' → 'Nghị quyết'; null when the symbol does not say. */
export function documentKindFromSymbol(number: string): string | null {
  const symbol = number.split(/[-/]/).slice(1).join('-');
  if (symbol === '') return null;
  for (const [re, kind] of DOC_KINDS) if (re.test(symbol)) return kind;
  return null;
}

function startingKind(text: string): string | null {
  const folded = foldVi(text);
  for (const k of KIND_WORDS) {
    const f = foldVi(k);
    if (folded === f || folded.startsWith(`${f} `)) return k;
  }
  return null;
}

function capitalise(s: string): string {
  return s === '' ? s : `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

export interface DirectiveRef {
  number?: string | null;
  /** The document's kind when the catalog names it ("Thông báo"); otherwise read from the symbol. */
  kind?: string | null;
  issuer?: string | null;
  issuedOn?: string | null;
}

/** "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", the way documents cite each other. */
export function directiveLabel(d: DirectiveRef): string {
  const number = (d.number ?? '').trim().replace(/\s+/g, ' ');
  const issuer = (d.issuer ?? '').trim();
  let head: string;
  const typedKind = startingKind(number);
  if (typedKind) {
    // "Kết luận 123-KL/TW" → "Kết luận số 123-KL/TW"; "Thông báo kết luận của …" stays as typed.
    const rest = number.slice(typedKind.length).trim();
    const restIsNumber = /^\d/.test(rest);
    head = capitalise(restIsNumber ? `${number.slice(0, typedKind.length)} số ${rest}` : number);
  } else if (number === '') {
    head = d.kind?.trim() || GENERIC_KIND;
  } else if (!/\d/.test(number)) {
    // A name in the number field: it says what the document is.
    head = d.kind?.trim() && !foldVi(number).includes(foldVi(d.kind)) ? `${d.kind.trim()} ${number}` : capitalise(number);
  } else {
    const kind = d.kind?.trim() || documentKindFromSymbol(number) || GENERIC_KIND;
    head = `${kind} số ${number}`;
  }
  const parts = [head];
  if (d.issuedOn) parts.push(`ngày ${formatDateVi(d.issuedOn)}`);
  if (issuer !== '' && !foldVi(head).includes(foldVi(issuer))) parts.push(`của ${issuer}`);
  return parts.join(' ');
}
