import { describe, expect, it } from 'vitest';
import { dialogEn, dialogLang, dialogText, dialogVi, type DialogKey } from '../../electron/dialog-texts';

/** Letters only Vietnamese uses (any accented vowel, đ). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('the desktop dialogs', () => {
  it('speak English when asked or when the system is English, Vietnamese otherwise', () => {
    expect(dialogLang({ WARDPLAN_LANG: 'en' }, 'vi-VN')).toBe('en');
    expect(dialogLang({}, 'en-GB')).toBe('en');
    expect(dialogLang({}, 'vi')).toBe('vi');
    expect(dialogLang({ WARDPLAN_LANG: 'vi' }, 'en-US')).toBe('vi');
    expect(dialogText('en', 'backup.done_detail', { path: 'C:\\x.zip', mb: '1.5' })).toBe('File: C:\\x.zip\nSize: 1.5 MB');
    expect(dialogText('vi', 'backup.done_detail', { path: 'C:\\x.zip', mb: '1,5' })).toBe('Tệp: C:\\x.zip\nDung lượng: 1,5 MB');
  });

  it('have every text in both languages, the English with no Vietnamese in it', () => {
    const keys = Object.keys(dialogVi) as DialogKey[];
    expect(Object.keys(dialogEn).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const [vi, en] = [dialogText('vi', key, { path: 'P', mb: '1' }), dialogText('en', key, { path: 'P', mb: '1' })];
      expect(en, key).not.toMatch(VIETNAMESE);
      expect(en, key).not.toBe(vi);
      expect(vi, key).toBe(dialogVi[key].replace('{{path}}', 'P').replace('{{mb}}', '1'));
    }
  });
});
