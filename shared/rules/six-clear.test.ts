import { describe, expect, it } from 'vitest';
import { SIX_CLEAR_KEYS, sixClearHint, sixClearLabel, sixClearMissing } from './six-clear';

const complete = {
  content: 'Triển khai chữ ký số cho cán bộ',
  leadUnit: 'VP',
  person: 'Nguyễn Văn A',
  timeline: 'Quý III/2026',
  deadline: null,
  output: 'Chứng thư số',
  authority: 'Chủ tịch UBND phường',
};

describe('sixClearMissing', () => {
  it('a complete task misses nothing', () => {
    expect(sixClearMissing(complete)).toEqual([]);
  });
  it('an empty task misses everything, in a stable order', () => {
    expect(sixClearMissing({})).toEqual(['work', 'person', 'responsible', 'time', 'output', 'authority']);
    expect(sixClearMissing({})).toEqual([...SIX_CLEAR_KEYS]);
  });
  it('maps each field to its key', () => {
    expect(sixClearMissing({ ...complete, content: null })).toEqual(['work']);
    expect(sixClearMissing({ ...complete, person: undefined })).toEqual(['person']);
    expect(sixClearMissing({ ...complete, leadUnit: '' })).toEqual(['responsible']);
    expect(sixClearMissing({ ...complete, output: '   ' })).toEqual(['output']);
    expect(sixClearMissing({ ...complete, authority: null })).toEqual(['authority']);
  });
  it('time is clear from either the timeline or a deadline', () => {
    expect(sixClearMissing({ ...complete, timeline: null, deadline: '2026-09-30' })).toEqual([]);
    expect(sixClearMissing({ ...complete, timeline: 'Thường xuyên', deadline: null })).toEqual([]);
    expect(sixClearMissing({ ...complete, timeline: ' ', deadline: '' })).toEqual(['time']);
  });
  it('blank and filler strings count as missing', () => {
    for (const blank of ['', '  ', '\t\n', '\u00a0', '-', '...', '—', '…']) {
      expect(sixClearMissing({ ...complete, person: blank })).toEqual(['person']);
    }
    // A single real character is content.
    expect(sixClearMissing({ ...complete, leadUnit: 'X' })).toEqual([]);
  });
});

describe('labels', () => {
  it('Vietnamese', () => {
    expect(SIX_CLEAR_KEYS.map((k) => sixClearLabel(k, 'vi'))).toEqual([
      'rõ việc',
      'rõ người',
      'rõ trách nhiệm',
      'rõ thời gian',
      'rõ sản phẩm',
      'rõ thẩm quyền',
    ]);
  });
  it('English and hints exist for every key and are distinct', () => {
    for (const lang of ['vi', 'en'] as const) {
      const labels = SIX_CLEAR_KEYS.map((k) => sixClearLabel(k, lang));
      const hints = SIX_CLEAR_KEYS.map((k) => sixClearHint(k, lang));
      expect(new Set(labels).size).toBe(SIX_CLEAR_KEYS.length);
      expect(new Set(hints).size).toBe(SIX_CLEAR_KEYS.length);
    }
  });
});
