import { describe, expect, it } from 'vitest';
import { dialogLang, dialogText } from '../../electron/dialog-texts';

describe('the desktop dialogs', () => {
  it('speak English when asked or when the system is English, Vietnamese otherwise', () => {
    expect(dialogLang({ WARDPLAN_LANG: 'en' }, 'vi-VN')).toBe('en');
    expect(dialogLang({}, 'en-GB')).toBe('en');
    expect(dialogLang({}, 'vi')).toBe('vi');
    expect(dialogLang({ WARDPLAN_LANG: 'vi' }, 'en-US')).toBe('vi');
    expect(dialogText('en', 'backup.done_detail', { path: 'C:\\x.zip', mb: '1.5' })).toBe('File: C:\\x.zip\nSize: 1.5 MB');
    expect(dialogText('vi', 'backup.done_detail', { path: 'C:\\x.zip', mb: '1,5' })).toBe('Tệp: C:\\x.zip\nDung lượng: 1,5 MB');
  });
});
