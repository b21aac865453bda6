import { describe, expect, it } from 'vitest';
import { directiveListLabel } from './directive-list-label';

describe('directive label', () => {
  it('puts number and date first, then the title, then the issuer', () => {
    expect(directiveListLabel({ number: '57-NQ/TW', issuedOn: '2024-12-22', issuer: 'Bộ Chính trị', title: 'Về đột phá phát triển khoa học, công nghệ' })).toBe(
      '57-NQ/TW ngày 22/12/2024: Về đột phá phát triển khoa học, công nghệ (Bộ Chính trị)',
    );
  });

  it('does not repeat an issuer the title already names, whatever its accents or case', () => {
    expect(
      directiveListLabel({ number: null, issuedOn: null, issuer: 'Ban Chỉ đạo Trung ương', title: 'Các Thông báo kết luận của Ban Chỉ đạo Trung ương' }),
    ).toBe('Các Thông báo kết luận của Ban Chỉ đạo Trung ương');
    expect(
      directiveListLabel({ number: '', issuedOn: null, issuer: 'ban chi dao trung uong', title: 'Các Thông báo kết luận của Ban Chỉ đạo  Trung ương' }),
    ).toBe('Các Thông báo kết luận của Ban Chỉ đạo  Trung ương');
  });

  it('does not repeat an issuer the number names', () => {
    expect(directiveListLabel({ number: '111/KH-UBND', issuedOn: null, issuer: 'UBND', title: 'Kế hoạch chuyển đổi số' })).toBe(
      '111/KH-UBND: Kế hoạch chuyển đổi số',
    );
  });

  it('names a document without number by title and issuer', () => {
    expect(directiveListLabel({ number: null, issuedOn: '2025-01-05', issuer: 'UBND thành phố', title: 'Các văn bản chỉ đạo về chuyển đổi số' })).toBe(
      'ngày 05/01/2025: Các văn bản chỉ đạo về chuyển đổi số (UBND thành phố)',
    );
  });
});
