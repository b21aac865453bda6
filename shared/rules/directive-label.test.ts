import { describe, expect, it } from 'vitest';
import { directiveLabel, documentKindFromSymbol } from './directive-label';

describe('directiveLabel', () => {
  it('cites a numbered directive with kind, number, date and issuer', () => {
    expect(
      directiveLabel({
        number: '57-NQ/TW',
        issuer: 'Bộ Chính trị',
        issuedOn: '2024-12-22',
      }),
    ).toBe('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị');
    expect(
      directiveLabel({
        number: '359/KH-UBND',
        issuer: 'UBND thành phố',
        issuedOn: '2025-12-31',
      }),
    ).toBe('Kế hoạch số 359/KH-UBND ngày 31/12/2025 của UBND thành phố');
  });

  it('leaves out what is missing', () => {
    expect(directiveLabel({ number: '57-NQ/TW' })).toBe('Nghị quyết số 57-NQ/TW');
    expect(directiveLabel({ number: '57-NQ/TW', issuedOn: '2024-12-22' })).toBe('Nghị quyết số 57-NQ/TW ngày 22/12/2024');
    expect(directiveLabel({ number: '57-NQ/TW', issuer: 'Bộ Chính trị' })).toBe('Nghị quyết số 57-NQ/TW của Bộ Chính trị');
    expect(
      directiveLabel({
        number: '',
        issuer: 'Bộ Chính trị',
        issuedOn: '2024-12-22',
      }),
    ).toBe('Văn bản ngày 22/12/2024 của Bộ Chính trị');
    expect(
      directiveLabel({
        number: null,
        kind: 'Thông báo',
        issuer: 'Ban Chỉ đạo Trung ương',
      }),
    ).toBe('Thông báo của Ban Chỉ đạo Trung ương');
    expect(directiveLabel({})).toBe('Văn bản');
  });

  it('does not call a name a number, nor repeat the kind or the issuer', () => {
    const name = 'Thông báo kết luận của Ban Chỉ đạo Trung ương';
    expect(directiveLabel({ number: name, issuer: 'Ban Chỉ đạo Trung ương' })).toBe(name);
    expect(
      directiveLabel({
        number: name,
        issuer: 'Ban Chỉ đạo Trung ương',
        issuedOn: '2025-03-05',
      }),
    ).toBe(`${name} ngày 05/03/2025`);
    expect(
      directiveLabel({
        number: 'thông báo kết luận',
        issuer: 'Ban Chỉ đạo Trung ương',
      }),
    ).toBe('Thông báo kết luận của Ban Chỉ đạo Trung ương');
    expect(directiveLabel({ number: 'Kết luận 123-KL/TW', issuer: 'Bộ Chính trị' })).toBe('Kết luận số 123-KL/TW của Bộ Chính trị');
    expect(
      directiveLabel({
        number: 'Kế hoạch số 02-KH/BCĐTW',
        issuer: 'Ban Chỉ đạo Trung ương',
      }),
    ).toBe('Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương');
    expect(directiveLabel({ number: 'Đề án 06', issuer: 'Thủ tướng Chính phủ' })).toBe('Đề án số 06 của Thủ tướng Chính phủ');
    expect(
      directiveLabel({
        number: 'Chuyển đổi số quốc gia',
        kind: 'Chương trình',
        issuer: 'Thủ tướng Chính phủ',
      }),
    ).toBe('Chương trình Chuyển đổi số quốc gia của Thủ tướng Chính phủ');
  });

  it('uses the kind the catalog names, else the symbol, else "Văn bản"', () => {
    expect(
      directiveLabel({
        number: '05',
        kind: 'Thông báo',
        issuer: 'UBND thành phố',
      }),
    ).toBe('Thông báo số 05 của UBND thành phố');
    expect(directiveLabel({ number: '12/UBND-VP', issuer: 'UBND thành phố' })).toBe('Văn bản số 12/UBND-VP của UBND thành phố');
    expect(directiveLabel({ number: '749/QĐ-TTg' })).toBe('Quyết định số 749/QĐ-TTg');
    expect(documentKindFromSymbol('06/CT-TTg')).toBe('Chỉ thị');
    expect(documentKindFromSymbol('01/CTr-UBND')).toBe('Chương trình');
    expect(documentKindFromSymbol('123')).toBeNull();
  });
});
