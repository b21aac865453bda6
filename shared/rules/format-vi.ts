/**
 * Vietnamese number, money and date formatting done by hand.
 *
 * Intl would do most of this, but Electron and Node builds may ship with a
 * small ICU that silently falls back to English separators ('3,658,476' reads
 * as 3.658 in Vietnamese), so we never depend on locale data being there.
 */
import { isFiniteNumber, roundTo } from './math';
import { isValidDateParts, parseIsoDate, toIsoDate } from './period';

export interface NumberFormatOptions {
  /** Drop trailing zeros of the decimal part (85,80 → 85,8; 100,00 → 100). */
  trimZeros?: boolean;
}

interface Separators {
  group: string;
  decimal: string;
}

const VI: Separators = { group: '.', decimal: ',' };
const EN: Separators = { group: ',', decimal: '.' };

const DEFAULT_MAX_DECIMALS = 2;

function formatWith(n: number, sep: Separators, decimals: number | undefined, opts: NumberFormatOptions): string {
  if (!isFiniteNumber(n)) return '';
  const places = decimals ?? DEFAULT_MAX_DECIMALS;
  // Without an explicit number of decimals we show what is there, up to two places.
  const trim = opts.trimZeros ?? decimals === undefined;
  const r = roundTo(n, places);
  // toFixed on the already-rounded value prints it faithfully; on the raw value it would re-round in binary.
  // Stryker disable next-line StringLiteral: split always returns at least one part, so the first default is never used
  let [intPart = '0', fracPart = ''] = Math.abs(r).toFixed(places).split('.');
  if (trim) fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  const sign = r < 0 ? '-' : '';
  return sign + intPart + (fracPart ? sep.decimal + fracPart : '');
}

/** 3658476 → '3.658.476'; (85.87, 2) → '85,87'; non-finite → ''. */
export function formatNumberVi(n: number, decimals?: number, opts: NumberFormatOptions = {}): string {
  return formatWith(n, VI, decimals, opts);
}

/** The English twin, for reports produced in English: 3658476 → '3,658,476'. */
export function formatNumberEn(n: number, decimals?: number, opts: NumberFormatOptions = {}): string {
  return formatWith(n, EN, decimals, opts);
}

/** 85.87 → '85,87%', 100 → '100%', 99.5 → '99,5%' (at most `maxDecimals`, trailing zeros dropped). */
export function formatPercentVi(n: number, maxDecimals = DEFAULT_MAX_DECIMALS): string {
  const s = formatNumberVi(n, maxDecimals, { trimZeros: true });
  return s === '' ? '' : `${s}%`;
}

export function formatPercentEn(n: number, maxDecimals = DEFAULT_MAX_DECIMALS): string {
  const s = formatNumberEn(n, maxDecimals, { trimZeros: true });
  return s === '' ? '' : `${s}%`;
}

/**
 * '2025-12-31' → '31/12/2025', always two-digit day and month so columns of
 * dates line up in reports. A value that is not an ISO date is shown as it is
 * rather than hidden.
 */
export function formatDateVi(iso: string | null | undefined): string {
  if (iso == null) return '';
  const p = parseIsoDate(iso);
  if (!p) return String(iso);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

const VI_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;

/** '31/12/2025', '1/2/2026', '01-02-2026' → ISO; two-digit years and impossible dates → null. */
export function parseDateVi(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const m = VI_DATE.exec(s.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  return isValidDateParts(year, month, day) ? toIsoDate(year, month, day) : null;
}

// Either plain digits, or digits grouped by threes with '.' (or a space, as
// some Word documents do); then an optional ',' decimal part.
const VI_NUMBER = /^(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * Reads a number written the Vietnamese way: '85,87' → 85.87,
 * '3.658.476' → 3658476, '1.050,5' → 1050.5, '-12', '85,87%' → 85.87.
 *
 * '85.87' is refused (null) rather than read as 8587: a dot followed by two
 * digits is an English decimal typed by mistake, and guessing either way
 * would store a wrong figure without anyone noticing.
 */
export function parseNumberVi(s: string | null | undefined): number | null {
  if (typeof s !== 'string') return null;
  let t = s.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (t.endsWith('%')) t = t.slice(0, -1).trim();
  let sign = 1;
  // Stryker disable next-line Regex: a sign anywhere but first makes the rest unreadable whether or not it is taken
  if (/^[-−+]/.test(t)) {
    if (t[0] !== '+') sign = -1;
    t = t.slice(1).trim();
  }
  const m = VI_NUMBER.exec(t);
  if (!m) return null;
  // Stryker disable next-line StringLiteral: the group always takes part in a match
  const intDigits = (m[1] ?? '').replace(/[. ]/g, '');
  const value = Number(m[2] === undefined ? intDigits : `${intDigits}.${m[2]}`);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : sign * value;
}

const BILLION = 1_000_000_000;
const MILLION = 1_000_000;

/**
 * Money as plans write it: 1050000000 → '1.050 triệu đồng', 2000000000 →
 * '2 tỷ đồng', 500000 → '500.000 đồng'. 'tỷ' only for whole billions because
 * plans write 1.050 triệu, not 1,05 tỷ. Amounts that are not whole thousands
 * stay in đồng so no digit is ever rounded away.
 */
export function formatMoneyVnd(n: number): string {
  if (!isFiniteNumber(n)) return '';
  const v = roundTo(n, 0);
  if (v !== 0 && v % BILLION === 0) return `${formatNumberVi(v / BILLION, 0)} tỷ đồng`;
  if (Math.abs(v) >= MILLION && v % 1000 === 0) {
    return `${formatNumberVi(v / MILLION, 3, { trimZeros: true })} triệu đồng`;
  }
  return `${formatNumberVi(v, 0)} đồng`;
}
