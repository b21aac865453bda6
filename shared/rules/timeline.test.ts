import { describe, expect, it } from 'vitest';
import demoPlan from '../demo/phuong-hai-duong-2026.json';
import { RECURRENCES, formatTimelineEn, formatTimelineVi, parseTimeline, timelineDeadline, type Timeline } from './timeline';

const Q3: Timeline = { kind: 'deadline', start: '2026-07-01', deadline: '2026-09-30' };

describe('parseTimeline: quarters', () => {
  it.each([
    'Quý III/2026',
    'quý iii/2026',
    'QUÝ III/2026',
    'Quy III/2026',
    'quy iii / 2026',
    '  Quý   III/2026  ',
    'Quý 3/2026',
    'Quý 3 năm 2026',
    'Quý III năm 2026',
    'Quý III - 2026',
    'Quý III 2026',
    'Quí III/2026',
    'Quý III/2026.',
    'Trong Quý III/2026',
    'Hoàn thành trong quý III/2026',
    'Quý III/2026'.normalize('NFD'),
  ])('%s → Q3 2026', (text) => {
    expect(parseTimeline(text, 2025)).toEqual(Q3);
  });

  it('takes the plan year when the text gives none', () => {
    expect(parseTimeline('Quý II', 2026)).toEqual({ kind: 'deadline', start: '2026-04-01', deadline: '2026-06-30' });
    expect(parseTimeline('Quý IV', 2027)).toEqual({ kind: 'deadline', start: '2027-10-01', deadline: '2027-12-31' });
    expect(parseTimeline('quy 1', 2026)).toEqual({ kind: 'deadline', start: '2026-01-01', deadline: '2026-03-31' });
  });

  it('keeps the year written in the text over the plan year', () => {
    expect(parseTimeline('Quý I/2027', 2026)).toEqual({ kind: 'deadline', start: '2027-01-01', deadline: '2027-03-31' });
  });

  it.each(['Quý V/2026', 'Quý 5/2026', 'Quý 0/2026', 'Quý IIII/2026', 'Quý III/26', 'Trước Quý III/2026'])('%s is unparsed', (text) => {
    expect(parseTimeline(text, 2026).kind).toBe('unparsed');
  });
});

describe('parseTimeline: dates', () => {
  it.each([
    ['Trước 30/9/2026', '2026-09-30'],
    ['Trước ngày 30/09/2026', '2026-09-30'],
    ['truoc ngay 30/09/2026', '2026-09-30'],
    ['TRƯỚC NGÀY 30/9/2026', '2026-09-30'],
    ['Hoàn thành trước 15/6/2026', '2026-06-15'],
    ['Hoàn thành trước ngày 15/6/2026', '2026-06-15'],
    ['30/9/2026', '2026-09-30'],
    ['30-9-2026', '2026-09-30'],
    ['30.09.2026', '2026-09-30'],
    ['Chậm nhất ngày 31/12/2026', '2026-12-31'],
    ['Hạn hoàn thành: 31/3/2026', '2026-03-31'],
    ['Ngày 30 tháng 9 năm 2026', '2026-09-30'],
    ['Trước ngày 29/2/2028', '2028-02-29'],
  ])('%s → %s', (text, deadline) => {
    expect(parseTimeline(text, 2026)).toEqual({ kind: 'deadline', deadline });
  });

  it('takes the plan year for a date without one', () => {
    expect(parseTimeline('Trước 30/9', 2027)).toEqual({ kind: 'deadline', deadline: '2027-09-30' });
  });

  it('reads a range, the start borrowing the end year when it has none', () => {
    expect(parseTimeline('Từ 01/3/2026 đến 30/6/2026', 2026)).toEqual({
      kind: 'deadline',
      start: '2026-03-01',
      deadline: '2026-06-30',
    });
    expect(parseTimeline('Từ ngày 1/3 đến ngày 30/6/2027', 2026)).toEqual({
      kind: 'deadline',
      start: '2027-03-01',
      deadline: '2027-06-30',
    });
    expect(parseTimeline('01/3/2026 - 30/6/2026', 2026)).toEqual({
      kind: 'deadline',
      start: '2026-03-01',
      deadline: '2026-06-30',
    });
  });

  it.each([
    '31/2/2026',
    'Trước 31/2/2026',
    '29/2/2026', // not a leap year
    '31/4/2026',
    '30/13/2026',
    '0/1/2026',
    '30/9/26',
    'Từ 30/6/2026 đến 01/3/2026', // ends before it starts
    'Từ 30/2/2026 đến 30/6/2026',
  ])('%s is unparsed', (text) => {
    expect(parseTimeline(text, 2026)).toEqual({ kind: 'unparsed', text });
  });
});

describe('parseTimeline: months, halves, years', () => {
  it('months', () => {
    expect(parseTimeline('Tháng 6/2026', 2026)).toEqual({ kind: 'deadline', start: '2026-06-01', deadline: '2026-06-30' });
    expect(parseTimeline('tháng 02/2024', 2026)).toEqual({ kind: 'deadline', start: '2024-02-01', deadline: '2024-02-29' });
    expect(parseTimeline('Tháng 2 năm 2026', 2026)).toEqual({
      kind: 'deadline',
      start: '2026-02-01',
      deadline: '2026-02-28',
    });
    expect(parseTimeline('Trong tháng 12', 2026)).toEqual({ kind: 'deadline', start: '2026-12-01', deadline: '2026-12-31' });
    expect(parseTimeline('6/2026', 2026)).toEqual({ kind: 'deadline', start: '2026-06-01', deadline: '2026-06-30' });
    expect(parseTimeline('Tháng 13/2026', 2026).kind).toBe('unparsed');
    expect(parseTimeline('Tháng 0/2026', 2026).kind).toBe('unparsed');
  });
  it('halves', () => {
    expect(parseTimeline('6 tháng đầu năm 2026', 2025)).toEqual({
      kind: 'deadline',
      start: '2026-01-01',
      deadline: '2026-06-30',
    });
    expect(parseTimeline('6 thang dau nam 2026', 2025)).toEqual({
      kind: 'deadline',
      start: '2026-01-01',
      deadline: '2026-06-30',
    });
    expect(parseTimeline('6 tháng cuối năm', 2026)).toEqual({
      kind: 'deadline',
      start: '2026-07-01',
      deadline: '2026-12-31',
    });
    expect(parseTimeline('Sáu tháng cuối năm 2027', 2026)).toEqual({
      kind: 'deadline',
      start: '2027-07-01',
      deadline: '2027-12-31',
    });
  });
  it('years', () => {
    expect(parseTimeline('Năm 2026', 2025)).toEqual({ kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' });
    expect(parseTimeline('NAM 2026', 2025)).toEqual({ kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' });
    expect(parseTimeline('Trong năm 2026', 2025)).toEqual({ kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' });
    expect(parseTimeline('Trong năm', 2027)).toEqual({ kind: 'deadline', start: '2027-01-01', deadline: '2027-12-31' });
    expect(parseTimeline('2026', 2025)).toEqual({ kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' });
  });
});

describe('parseTimeline: recurring and on request', () => {
  it.each<[string, string]>([
    ['Thường xuyên', 'continuous'],
    ['thuong xuyen', 'continuous'],
    ['THƯỜNG XUYÊN', 'continuous'],
    ['Thường xuyên, liên tục', 'continuous'],
    ['Thực hiện thường xuyên', 'continuous'],
    ['Hằng ngày', 'continuous'],
    ['Hằng tuần', 'weekly'],
    ['Hàng tuần', 'weekly'],
    ['hang tuan', 'weekly'],
    ['Hằng tháng', 'monthly'],
    ['Định kỳ hằng tháng', 'monthly'],
    ['Hằng quý', 'quarterly'],
    ['Hàng quý', 'quarterly'],
    ['Mỗi quý', 'quarterly'],
    ['Định kỳ hằng quý', 'quarterly'],
    ['Quý/lần', 'quarterly'],
    ['3 tháng/lần', 'quarterly'],
    ['6 tháng/lần', 'half-yearly'],
    ['6 tháng / lần', 'half-yearly'],
    ['6 tháng 1 lần', 'half-yearly'],
    ['6 tháng một lần', 'half-yearly'],
    ['Định kỳ 6 tháng', 'half-yearly'],
    ['Hằng năm', 'yearly'],
    ['Hàng năm', 'yearly'],
    ['Định kỳ hằng năm', 'yearly'],
    ['12 tháng/lần', 'yearly'],
    ['Năm/lần', 'yearly'],
  ])('%s → %s', (text, every) => {
    expect(parseTimeline(text, 2026)).toEqual({ kind: 'recurring', every });
  });

  it('an interval with no matching recurrence stays unparsed', () => {
    expect(parseTimeline('2 tháng/lần', 2026).kind).toBe('unparsed');
    expect(parseTimeline('2 tuần/lần', 2026).kind).toBe('unparsed');
    // A bare duration is not a recurrence.
    expect(parseTimeline('6 tháng', 2026).kind).toBe('unparsed');
  });

  it.each(['Theo yêu cầu', 'theo yeu cau', 'Khi có yêu cầu', 'KHI CÓ YÊU CẦU', 'Theo yêu cầu của UBND thành phố', 'Theo chỉ đạo'])(
    '%s → on-request',
    (text) => {
      expect(parseTimeline(text, 2026)).toEqual({ kind: 'on-request' });
    },
  );
});

describe('parseTimeline: anything else', () => {
  it.each(['', '   ', 'abc', 'Sớm', 'Theo tiến độ dự án', 'Quý III/2026 và Quý IV/2026', 'Thường xuyên, trước 30/9/2026'])(
    '%j is unparsed, keeping the text (trimmed)',
    (text) => {
      expect(parseTimeline(text, 2026)).toEqual({ kind: 'unparsed', text: text.trim() });
    },
  );
});

describe('formatTimelineVi', () => {
  it('shows periods by their name and reads back the same', () => {
    const cases: Array<[Timeline, string]> = [
      [Q3, 'Quý III/2026'],
      [{ kind: 'deadline', start: '2026-06-01', deadline: '2026-06-30' }, 'Tháng 6/2026'],
      [{ kind: 'deadline', start: '2026-01-01', deadline: '2026-06-30' }, '6 tháng đầu năm 2026'],
      [{ kind: 'deadline', start: '2026-07-01', deadline: '2026-12-31' }, '6 tháng cuối năm 2026'],
      [{ kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' }, 'Năm 2026'],
      [{ kind: 'deadline', deadline: '2026-09-30' }, 'Trước ngày 30/09/2026'],
      [{ kind: 'deadline', start: '2026-03-01', deadline: '2026-06-30' }, 'Từ ngày 01/03/2026 đến ngày 30/06/2026'],
      [{ kind: 'recurring', every: 'continuous' }, 'Thường xuyên'],
      [{ kind: 'recurring', every: 'weekly' }, 'Hằng tuần'],
      [{ kind: 'recurring', every: 'monthly' }, 'Hằng tháng'],
      [{ kind: 'recurring', every: 'quarterly' }, 'Hằng quý'],
      [{ kind: 'recurring', every: 'half-yearly' }, 'Định kỳ 6 tháng'],
      [{ kind: 'recurring', every: 'yearly' }, 'Hằng năm'],
      [{ kind: 'on-request' }, 'Theo yêu cầu'],
    ];
    for (const [t, text] of cases) {
      expect(formatTimelineVi(t)).toBe(text);
      // planYear 1999 proves the year comes from the text, not the default.
      expect(parseTimeline(text, 1999)).toEqual(t);
    }
  });
  it('shows unparsed text as typed', () => {
    expect(formatTimelineVi({ kind: 'unparsed', text: 'Theo tiến độ' })).toBe('Theo tiến độ');
  });
  it('has an English twin', () => {
    expect(formatTimelineEn(Q3)).toBe('Q3 2026');
    expect(formatTimelineEn({ kind: 'deadline', deadline: '2026-09-30' })).toBe('By 2026-09-30');
    expect(formatTimelineEn({ kind: 'recurring', every: 'quarterly' })).toBe('Quarterly');
  });
  it('timelineDeadline', () => {
    expect(timelineDeadline(Q3)).toBe('2026-09-30');
    expect(timelineDeadline({ kind: 'on-request' })).toBeNull();
  });
});

describe('the demo plan (real ward data)', () => {
  const demo: { plan: { year: number }; tasks: Array<{ no: number; timeline: string }> } = demoPlan;

  it('has tasks to check', () => {
    expect(demo.tasks.length).toBeGreaterThan(0);
  });

  it('every task timeline parses to something other than unparsed', () => {
    const unparsed = demo.tasks
      .map((t) => ({ no: t.no, text: t.timeline, parsed: parseTimeline(t.timeline, demo.plan.year) }))
      .filter((r) => r.parsed.kind === 'unparsed');
    expect(unparsed).toEqual([]);
  });

  it('every dated timeline falls in the plan year', () => {
    for (const t of demo.tasks) {
      const parsed = parseTimeline(t.timeline, demo.plan.year);
      if (parsed.kind === 'deadline') expect(parsed.deadline.startsWith(String(demo.plan.year))).toBe(true);
    }
  });
});

describe('edges a changed rule would cross', () => {
  it.each<[string, string]>([
    ['1 tuần/lần', 'weekly'],
    ['Tuần/lần', 'weekly'],
    ['Một tuần một lần', 'weekly'],
    ['Định kỳ 1 tuần', 'weekly'],
    ['1 tháng/lần', 'monthly'],
    ['Định kỳ 12 tháng', 'yearly'],
    ['Định kỳ 3 tháng', 'quarterly'],
    ['Định kỳ quý', 'quarterly'],
    ['Định kỳ hằng tuần', 'weekly'],
    ['Mỗi tháng', 'monthly'],
    ['Mỗi năm', 'yearly'],
    ['2 quý/lần', 'half-yearly'],
    ['4 quý/lần', 'yearly'],
    ['1 quí/lần', 'quarterly'],
    ['1 năm/lần', 'yearly'],
    ['Thực hiện định kỳ 6 tháng', 'half-yearly'],
    ['Liên tục', 'continuous'],
    ['Hằng ngày, liên tục', 'continuous'],
  ])('%s → %s', (text, every) => {
    expect(parseTimeline(text, 2026)).toEqual({ kind: 'recurring', every });
  });

  it.each(['2 năm/lần', '12 tuần/lần', '4 tháng/lần', '5 quý/lần', 'Định kỳ 2 tháng', '12 tháng', 'tháng/lần hằng quý', 'Hằng', 'Thường xuyên hằng quý'])(
    '%s stays unparsed',
    (text) => {
      expect(parseTimeline(text, 2026).kind).toBe('unparsed');
    },
  );

  it('reads a range of one day', () => {
    expect(parseTimeline('Từ 05/3/2026 đến 05/3/2026', 2026)).toEqual({ kind: 'deadline', start: '2026-03-05', deadline: '2026-03-05' });
    expect(parseTimeline('Từ ngày 05/3 đến ngày 05/3', 2027)).toEqual({ kind: 'deadline', start: '2027-03-05', deadline: '2027-03-05' });
    expect(parseTimeline('Từ 06/3/2026 đến 05/3/2026', 2026).kind).toBe('unparsed');
  });
});

describe('the whole text, and nothing but the text', () => {
  it('tidies dashes, slashes, punctuation and spaces the way sheets write them', () => {
    expect(parseTimeline('Từ 01/3/2026 – 30/6/2026', 2026)).toEqual({ kind: 'deadline', start: '2026-03-01', deadline: '2026-06-30' });
    expect(parseTimeline('Quý II / 2026', 2025)).toEqual({ kind: 'deadline', start: '2026-04-01', deadline: '2026-06-30' });
    expect(parseTimeline('6 tháng /lần', 2026)).toEqual({ kind: 'recurring', every: 'half-yearly' });
    expect(parseTimeline('6 tháng/ lần', 2026)).toEqual({ kind: 'recurring', every: 'half-yearly' });
    expect(parseTimeline('Hằng quý.;', 2026)).toEqual({ kind: 'recurring', every: 'quarterly' });
    expect(parseTimeline('Hằng ngày,liên tục', 2026)).toEqual({ kind: 'recurring', every: 'continuous' });
    expect(parseTimeline('Thường xuyên,, liên tục', 2026)).toEqual({ kind: 'recurring', every: 'continuous' });
  });

  it('reads a recurrence only when it is the whole text', () => {
    for (const text of [
      'Không thường xuyên',
      'Hằng tháng trừ tháng 2',
      'Báo cáo 6 tháng/lần',
      'Định kỳ quý báo cáo',
      'Định kỳ báo cáo quý',
      'Định kỳ kiểm tra',
      'Định kỳ thực hiện 6 tháng',
      'Hằng định kỳ quý',
    ]) {
      expect(parseTimeline(text, 2026), text).toEqual({ kind: 'unparsed', text });
    }
  });

  it('a period needs a four-digit year the calendar knows', () => {
    expect(parseTimeline('Quý II/0999', 2026).kind).toBe('unparsed');
    expect(parseTimeline('Quý II', 10000).kind).toBe('unparsed');
    expect(parseTimeline('Năm 1000', 2026)).toEqual({ kind: 'deadline', start: '1000-01-01', deadline: '1000-12-31' });
    expect(parseTimeline('Năm 9999', 2026)).toEqual({ kind: 'deadline', start: '9999-01-01', deadline: '9999-12-31' });
    expect(parseTimeline('Tháng 13/2026', 2026).kind).toBe('unparsed');
    expect(parseTimeline('Quý 5', 2026).kind).toBe('unparsed');
  });

  it('a range with one side unreadable stays unparsed', () => {
    expect(parseTimeline('Từ đầu năm đến 30/6/2026', 2026)).toEqual({ kind: 'unparsed', text: 'Từ đầu năm đến 30/6/2026' });
    expect(parseTimeline('Từ 01/3/2026 đến cuối năm', 2026).kind).toBe('unparsed');
    expect(parseTimeline('Từ ngày 1 tháng 3 đến ngày 30 tháng 6 năm 2026', 2026)).toEqual({ kind: 'deadline', start: '2026-03-01', deadline: '2026-06-30' });
  });

  it('takes anything that is not a string as empty', () => {
    expect(parseTimeline(null as unknown as string, 2026)).toEqual({ kind: 'unparsed', text: '' });
    expect(parseTimeline(' .;: ', 2026)).toEqual({ kind: 'unparsed', text: '.;:' });
  });

  it('shows a range as a period only when it is exactly one', () => {
    const notAPeriod: Timeline = { kind: 'deadline', start: '2026-08-01', deadline: '2026-09-30' };
    expect(formatTimelineVi(notAPeriod)).toBe('Từ ngày 01/08/2026 đến ngày 30/09/2026');
    expect(formatTimelineEn(notAPeriod)).toBe('From 2026-08-01 to 2026-09-30');
    expect(formatTimelineEn({ kind: 'deadline', deadline: '2026-09-30' })).toBe('By 2026-09-30');
    expect(formatTimelineEn(Q3)).toBe('Q3 2026');
    expect(formatTimelineEn({ kind: 'on-request' })).toBe('On request');
    expect(formatTimelineEn({ kind: 'unparsed', text: 'Theo tiến độ' })).toBe('Theo tiến độ');
    expect(formatTimelineEn({ kind: 'recurring', every: 'half-yearly' })).toBe('Every six months');
    // A deadline no calendar has is shown as typed, not turned into a period.
    expect(formatTimelineEn({ kind: 'deadline', start: '2026-07-01', deadline: '2026-13-31' })).toBe('From 2026-07-01 to 2026-13-31');
  });
});

describe('last details', () => {
  it('a stray full stop after a space is tidied away', () => {
    expect(parseTimeline('Hằng quý .', 2026)).toEqual({ kind: 'recurring', every: 'quarterly' });
  });

  it('a range that starts a period but ends inside it is not that period', () => {
    const t: Timeline = { kind: 'deadline', start: '2026-07-01', deadline: '2026-08-31' };
    expect(formatTimelineVi(t)).toBe('Từ ngày 01/07/2026 đến ngày 31/08/2026');
    expect(parseTimeline(formatTimelineVi(t), 2026)).toEqual(t);
  });
});

describe('every form read whole, every label written', () => {
  it('lists the recurrences and labels each in English', () => {
    expect(RECURRENCES).toEqual(['continuous', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly']);
    expect(RECURRENCES.map((every) => formatTimelineEn({ kind: 'recurring', every }))).toEqual([
      'Ongoing',
      'Weekly',
      'Monthly',
      'Quarterly',
      'Every six months',
      'Yearly',
    ]);
    expect(parseTimeline('Hằng quí', 2026)).toEqual({ kind: 'recurring', every: 'quarterly' });
  });

  it.each([
    'Không theo yêu cầu',
    'Tháng 3 năm 2026 và tháng 4',
    'x3/2026',
    '3/2026x',
    '12/2026 và 1/2027',
    'Kế hoạch 6 tháng đầu năm',
    '6 tháng đầu năm 2026 và năm 2027',
    '6 tháng đầu 2026 xyz',
    'Cả năm 2026 và 2027',
    'Trong năm 2026 x',
    'x 2026',
    '2026 x',
    'Ngày 30 tháng 9 năm 2026 x',
    'x 30 tháng 9 năm 2026',
    'Xong trước 30/9/2026 hoặc sớm hơn',
    'Từ 01/3 đến 30/6/2026 x',
    'x từ 01/3/2026 - 30/6/2026',
    'Từ 01/3-30/6/2026 x',
    'x 01/3-30/6/2026',
    'Kế hoạch trong quý II',
  ])('%s stays unparsed', (text) => {
    expect(parseTimeline(text, 2026)).toEqual({ kind: 'unparsed', text });
  });

  it.each<[string, Timeline]>([
    ['12/2026', { kind: 'deadline', start: '2026-12-01', deadline: '2026-12-31' }],
    ['Tháng 12', { kind: 'deadline', start: '2026-12-01', deadline: '2026-12-31' }],
    ['6 tháng đầu 2027', { kind: 'deadline', start: '2027-01-01', deadline: '2027-06-30' }],
    ['Sáu tháng cuối', { kind: 'deadline', start: '2026-07-01', deadline: '2026-12-31' }],
    ['Hoàn thành trong quý II', { kind: 'deadline', start: '2026-04-01', deadline: '2026-06-30' }],
    ['Trong năm', { kind: 'deadline', start: '2026-01-01', deadline: '2026-12-31' }],
    ['Ngày 30 tháng 12', { kind: 'deadline', deadline: '2026-12-30' }],
    ['01/3-30/6/2026', { kind: 'deadline', start: '2026-03-01', deadline: '2026-06-30' }],
    ['Từ ngày 01/3-30/6/2026', { kind: 'deadline', start: '2026-03-01', deadline: '2026-06-30' }],
    ['Thực hiện theo văn bản chỉ đạo', { kind: 'on-request' }],
  ])('%s', (text, t) => {
    expect(parseTimeline(text, 2026)).toEqual(t);
  });
});
