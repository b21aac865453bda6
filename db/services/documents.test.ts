import { describe, expect, it } from 'vitest';
import { demoWard, dumpDatabase } from '../../test/support/temp';
import { directivesInReportOrder, setDirectiveOrder } from './directive-order';
import { archiveLine, cleanRecipients, getDocumentSettings, getPlanDocument, saveDocumentSettings, savePlanDocument, withArchiveLine } from './documents';
import { setAggregation } from './indicators';
import { saveReportBody } from './reports';

describe('recipients', () => {
  it('takes lines as typed: dashes and the "Lưu" line dropped, the drafting unit’s line added last', () => {
    expect(cleanRecipients(['- UBND thành phố Hải Phòng;\n  Sở Khoa học và Công nghệ;', '', 'Lưu: VT, VP.'])).toEqual([
      'UBND thành phố Hải Phòng;',
      'Sở Khoa học và Công nghệ;',
    ]);
    expect(archiveLine('VHXH')).toBe('Lưu: VT, VHXH.');
    expect(archiveLine(' ')).toBe('Lưu: VT.');
    expect(withArchiveLine(['A;'], 'VP')).toEqual(['A;', 'Lưu: VT, VP.']);
    // A list frozen at approval keeps its own last line.
    expect(withArchiveLine(['A;', 'Lưu: VT, VHXH.'], 'VP')).toEqual(['A;', 'Lưu: VT, VHXH.']);
  });

  it('refuses a list that would not fit the block, changing nothing', () => {
    const { s, db } = demoWard();
    const before = dumpDatabase(db);
    expect(() =>
      saveDocumentSettings(s, {
        draftingUnit: 'VHXH',
        reportRecipients: Array.from({ length: 31 }, (_, i) => `Nơi ${i}`),
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'documents.too_many_recipients',
        params: { count: 31, max: 30 },
      }),
    );
    expect(() => saveReportBody(s, { period: '2026-Q3', recipients: ['x'.repeat(301)] })).toThrow(
      expect.objectContaining({ code: 'documents.recipient_too_long' }),
    );
    expect(dumpDatabase(db)).toBe(before);
    expect(getDocumentSettings(s).draftingUnit).toBe('');
  });
});

describe('the plan document', () => {
  it('is a draft until it has an issue date; a bad date is refused and nothing changes', () => {
    const { s, db } = demoWard();
    expect(getPlanDocument(s, 2026).draft).toBe(true);
    const before = dumpDatabase(db);
    expect(() =>
      savePlanDocument(s, {
        year: 2026,
        issuedOn: '2026-02-30',
        solutions: 'x',
      }),
    ).toThrow(expect.objectContaining({ code: 'date.invalid' }));
    expect(dumpDatabase(db)).toBe(before);
    const d = savePlanDocument(s, {
      year: 2026,
      issuedOn: '2026-01-05',
      solutions: 'Giải pháp.',
      recipients: ['A;'],
    });
    expect([d.draft, d.plan.issuedOn, d.solutions, d.recipients, d.recipientsCustom]).toEqual([false, '2026-01-05', 'Giải pháp.', ['A;'], true]);
    // Only what is given changes; null goes back to the ward's list.
    const e = savePlanDocument(s, { year: 2026, recipients: null });
    expect([e.solutions, e.recipientsCustom, e.plan.signerName]).toEqual(['Giải pháp.', false, 'Phạm Thị Thanh Vân']);
  });
});

describe('directive order and indicator rules', () => {
  it('orders the ward’s own directives as set, refusing a code twice', () => {
    const { s } = demoWard();
    expect(directivesInReportOrder(s).map((d) => d.code)).toEqual(['NQ57', 'NQ71', 'KH02', 'KH12TU', 'KH238', 'KH359', 'QD749']);
    expect(() => setDirectiveOrder(s, ['KH359', 'KH359'])).toThrow(expect.objectContaining({ code: 'directive.order_duplicate' }));
    expect(() => setDirectiveOrder(s, ['NOPE'])).toThrow(expect.objectContaining({ code: 'directive.not_own' }));
    expect(setDirectiveOrder(s, ['QD749', 'KH359']).map((d) => d.code)).toEqual(['QD749', 'KH359', 'NQ57', 'NQ71', 'KH02', 'KH12TU', 'KH238']);
  });

  it('sets an indicator’s aggregation rule, refusing an unknown one', () => {
    const { s } = demoWard();
    expect(() => setAggregation(s, 'CQ-07', 'median')).toThrow(expect.objectContaining({ code: 'indicator.bad_aggregation' }));
    expect(setAggregation(s, 'CQ-07', 'sum')).toEqual({
      code: 'CQ-07',
      aggregation: 'sum',
    });
    expect((s.db.sqlite.prepare("SELECT aggregation FROM indicator WHERE code = 'CQ-07'").get() as { aggregation: string }).aggregation).toBe('sum');
  });
});
