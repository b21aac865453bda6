import { describe, expect, it } from 'vitest';
import { foldVi, matchesSearch } from './search-fold';

describe('foldVi', () => {
  it('strips every Vietnamese diacritic and lower-cases', () => {
    expect(foldVi('Chuyển đổi số')).toBe('chuyen doi so');
    expect(foldVi('ĐỔI')).toBe('doi');
    expect(foldVi('Đà Nẵng')).toBe('da nang');
    expect(foldVi('Hằng quý, Hàng quý')).toBe('hang quy, hang quy');
    expect(foldVi('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ')).toBe('aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy');
    expect(foldVi('ƯƠ ươ')).toBe('uo uo');
  });
  it('treats composed and decomposed text alike', () => {
    const nfc = 'Thủ tục hành chính'.normalize('NFC');
    const nfd = 'Thủ tục hành chính'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVi(nfd)).toBe(foldVi(nfc));
    expect(foldVi(nfd)).toBe('thu tuc hanh chinh');
  });
  it('collapses and trims whitespace of every kind', () => {
    expect(foldVi('  Chữ   ký\tsố\n\u00a0(CKS) ')).toBe('chu ky so (cks)');
  });
  it('handles empty input', () => {
    expect(foldVi('')).toBe('');
    expect(foldVi(null)).toBe('');
    expect(foldVi(undefined)).toBe('');
  });
});

describe('matchesSearch', () => {
  it('finds accented text from unaccented queries', () => {
    expect(matchesSearch('Kế hoạch Chuyển đổi số phường Hải Dương năm 2026', 'chuyen doi so')).toBe(true);
    expect(matchesSearch('Đà Nẵng', 'da')).toBe(true);
    expect(matchesSearch('CHUYỂN ĐỔI', 'doi')).toBe(true);
    expect(matchesSearch('Chuyển đổi số', 'CHUYỂN ĐỔI SỐ')).toBe(true);
  });
  it('needs every word, in any order', () => {
    expect(matchesSearch('Chuyển đổi số', 'so chuyen')).toBe(true);
    expect(matchesSearch('Chuyển đổi', 'chuyen doi so')).toBe(false);
    expect(matchesSearch('Chữ ký số', 'chuyen')).toBe(false);
  });
  it('d and đ both match đ, but accents are ignored rather than required', () => {
    expect(matchesSearch('Đề án 06', 'de an')).toBe(true);
    expect(matchesSearch('Dữ liệu số', 'đữ')).toBe(true);
  });
  it('an empty or blank query matches everything; an empty haystack only that', () => {
    expect(matchesSearch('Bất kỳ', '')).toBe(true);
    expect(matchesSearch('Bất kỳ', '   ')).toBe(true);
    expect(matchesSearch('', 'a')).toBe(false);
    expect(matchesSearch(null, 'a')).toBe(false);
  });
});

describe('words, not letters', () => {
  it('finds every word in any order, but not scattered letters', () => {
    expect(matchesSearch('Cấp chữ ký số cho cán bộ mới', 'số ký')).toBe(true);
    expect(matchesSearch('abc', 'cab')).toBe(false);
    expect(matchesSearch('Cấp chữ ký số', '  ')).toBe(true);
    expect(matchesSearch(null, '')).toBe(true);
    expect(matchesSearch(null, 'x')).toBe(false);
  });
});
