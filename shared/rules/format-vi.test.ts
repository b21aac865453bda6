import { describe, expect, it } from 'vitest';
import { formatDateVi, formatMoneyVnd, formatNumberEn, formatNumberVi, formatPercentEn, formatPercentVi, parseDateVi, parseNumberVi } from './format-vi';

describe('formatNumberVi', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumberVi(3658476)).toBe('3.658.476');
    expect(formatNumberVi(85.87, 2)).toBe('85,87');
    expect(formatNumberVi(1050.5, 1)).toBe('1.050,5');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(1000)).toBe('1.000');
    expect(formatNumberVi(0)).toBe('0');
    expect(formatNumberVi(1234567890123)).toBe('1.234.567.890.123');
  });
  it('fixed decimals pad, default shows up to two and drops zeros', () => {
    expect(formatNumberVi(85.8, 2)).toBe('85,80');
    expect(formatNumberVi(100, 2)).toBe('100,00');
    expect(formatNumberVi(85.8)).toBe('85,8');
    expect(formatNumberVi(85.876)).toBe('85,88');
    expect(formatNumberVi(100.001)).toBe('100');
    expect(formatNumberVi(85.8, 2, { trimZeros: true })).toBe('85,8');
  });
  it('rounds on the decimal value, not its binary image', () => {
    expect(formatNumberVi(1.005, 2)).toBe('1,01');
    expect(formatNumberVi(99.995, 2)).toBe('100,00');
    expect(formatNumberVi(0.1 + 0.2)).toBe('0,3');
  });
  it('negative numbers, never a negative zero', () => {
    expect(formatNumberVi(-3658476)).toBe('-3.658.476');
    expect(formatNumberVi(-11.8, 2)).toBe('-11,80');
    expect(formatNumberVi(-0.001, 2)).toBe('0,00');
    expect(formatNumberVi(-0)).toBe('0');
  });
  it('non-finite → empty string', () => {
    expect(formatNumberVi(Number.NaN)).toBe('');
    expect(formatNumberVi(Number.POSITIVE_INFINITY)).toBe('');
  });
  it('English twin', () => {
    expect(formatNumberEn(3658476.5, 1)).toBe('3,658,476.5');
  });
});

describe('formatPercentVi', () => {
  it.each<[number, string]>([
    [85.87, '85,87%'],
    [100, '100%'],
    [99.5, '99,5%'],
    [99.68, '99,68%'],
    [99.679448, '99,68%'],
    [0, '0%'],
    [72.2, '72,2%'],
  ])('%s → %s', (n, s) => {
    expect(formatPercentVi(n)).toBe(s);
  });
  it('fewer decimals on request, empty for no data', () => {
    expect(formatPercentVi(85.87, 1)).toBe('85,9%');
    expect(formatPercentVi(Number.NaN)).toBe('');
    expect(formatPercentEn(85.87)).toBe('85.87%');
  });
});

describe('dates', () => {
  it('formats ISO as dd/mm/yyyy', () => {
    expect(formatDateVi('2025-12-31')).toBe('31/12/2025');
    expect(formatDateVi('2026-02-01')).toBe('01/02/2026');
  });
  it('shows an invalid date as it is and nothing for no date', () => {
    expect(formatDateVi('2026-02-30')).toBe('2026-02-30');
    expect(formatDateVi(null)).toBe('');
    expect(formatDateVi(undefined)).toBe('');
  });
  it.each<[string, string]>([
    ['31/12/2025', '2025-12-31'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    [' 29/2/2024 ', '2024-02-29'],
    ['30-9-2026', '2026-09-30'],
    ['30.9.2026', '2026-09-30'],
  ])('parses %j', (s, iso) => {
    expect(parseDateVi(s)).toBe(iso);
  });
  it.each(['29/2/2026', '31/4/2026', '32/1/2026', '1/13/2026', '31/12/25', '2025-12-31', '12/2025', '', 'abc'])('refuses %j', (s) => {
    expect(parseDateVi(s)).toBeNull();
  });
  it('round-trips', () => {
    for (const iso of ['2026-01-01', '2024-02-29', '2026-12-31']) expect(parseDateVi(formatDateVi(iso))).toBe(iso);
  });
});

describe('parseNumberVi', () => {
  it.each<[string, number]>([
    ['85,87', 85.87],
    ['3.658.476', 3658476],
    ['1.050,5', 1050.5],
    ['1.050', 1050],
    ['100', 100],
    ['0', 0],
    ['0,5', 0.5],
    ['-12', -12],
    ['−12,5', -12.5],
    ['+7', 7],
    ['85,87%', 85.87],
    [' 3 658 476 ', 3658476],
    ['3\u00a0658\u00a0476', 3658476],
    ['0012', 12],
  ])('%j → %s', (s, n) => {
    expect(parseNumberVi(s)).toBe(n);
  });
  it.each([
    '',
    ' ',
    'abc',
    '85.87', // an English decimal: refused rather than read as 8587
    '1.05',
    '1.0500',
    '1,2,3',
    '1,',
    ',5',
    '1.050.5',
    '12a',
    '--5',
    '1 2',
    '%',
    '-',
  ])('%j → null', (s) => {
    expect(parseNumberVi(s)).toBeNull();
  });
  it('reads back what formatNumberVi writes', () => {
    for (const n of [0, 1, 999, 1000, 3658476, 85.87, -1050.5, 0.01]) {
      expect(parseNumberVi(formatNumberVi(n))).toBe(n);
    }
  });
  it('null for non-strings', () => {
    expect(parseNumberVi(null)).toBeNull();
    expect(parseNumberVi(undefined)).toBeNull();
  });
});

describe('formatMoneyVnd', () => {
  it.each<[number, string]>([
    [1050000000, '1.050 triệu đồng'],
    [2000000000, '2 tỷ đồng'],
    [12000000000, '12 tỷ đồng'],
    [1500000000, '1.500 triệu đồng'],
    [2500000, '2,5 triệu đồng'],
    [1000000, '1 triệu đồng'],
    [1234567000, '1.234,567 triệu đồng'],
    [1234567, '1.234.567 đồng'],
    [500000, '500.000 đồng'],
    [999000, '999.000 đồng'],
    [0, '0 đồng'],
    [-1050000000, '-1.050 triệu đồng'],
    [-2000000000, '-2 tỷ đồng'],
    [1050000000.4, '1.050 triệu đồng'],
  ])('%s → %s', (n, s) => {
    expect(formatMoneyVnd(n)).toBe(s);
  });
  it('empty for non-finite', () => {
    expect(formatMoneyVnd(Number.NaN)).toBe('');
  });
});

describe('edges a changed rule would cross', () => {
  it('reads groups that start with two or three digits', () => {
    expect(parseNumberVi('125.000')).toBe(125000);
    expect(parseNumberVi('45.000.000')).toBe(45000000);
    expect(parseNumberVi('12 500')).toBe(12500);
    expect(parseNumberVi('999.999.999,5')).toBe(999999999.5);
    // Four digits before a group is not grouping.
    expect(parseNumberVi('1250.000')).toBeNull();
    expect(parseNumberVi('125.00')).toBeNull();
    expect(parseNumberVi('125.0000')).toBeNull();
  });

  it('reads a whole date only, not a date inside a longer run of digits', () => {
    expect(parseDateVi('131/12/2025')).toBeNull();
    expect(parseDateVi('31/12/20255')).toBeNull();
    expect(parseDateVi('x31/12/2025')).toBeNull();
    expect(parseDateVi('31/12/2025x')).toBeNull();
    expect(parseDateVi(' 31 / 12 / 2025 ')).toBe('2025-12-31');
    expect(parseDateVi('31.12.2025')).toBe('2025-12-31');
  });
});

describe('what each reader and writer does with odd input', () => {
  it('writes nothing for a value that is not a finite number', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '12' as unknown as number, null as unknown as number]) {
      expect(formatNumberVi(bad)).toBe('');
      expect(formatNumberEn(bad)).toBe('');
      expect(formatPercentVi(bad)).toBe('');
      expect(formatPercentEn(bad)).toBe('');
      expect(formatMoneyVnd(bad)).toBe('');
    }
  });

  it('percentages in English drop trailing zeros too', () => {
    expect(formatPercentEn(99.5)).toBe('99.5%');
    expect(formatPercentEn(100)).toBe('100%');
    expect(formatPercentEn(85.875, 1)).toBe('85.9%');
  });

  it('reads signs, spaces and percent signs where officers put them, and nothing else', () => {
    expect(parseNumberVi('85,87 %')).toBe(85.87);
    expect(parseNumberVi('- 12')).toBe(-12);
    expect(parseNumberVi('+ 1.050')).toBe(1050);
    expect(parseNumberVi('12\u00a03')).toBeNull();
    expect(parseNumberVi('9'.repeat(400))).toBeNull();
    expect(parseNumberVi('-0')).toBe(0);
    expect(parseDateVi(['31/12/2025'] as unknown as string)).toBeNull();
  });
});
