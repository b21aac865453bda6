/**
 * The texts of the main process's own menu and dialogs (the application menu, picking a file or a
 * folder, saving, backup from the menu, About, a failed start), in both languages, through
 * i18next like every other message. The page keeps its language in its own storage, out
 * of the main process's reach, so the dialogs follow WARDPLAN_LANG, else the system's language
 * when it is English, else Vietnamese.
 */
import type { i18n } from 'i18next';
import { createI18n, type Lang } from '../shared/i18n/messages';

export const dialogVi = {
  'backup.title': 'Sao lưu',
  'backup.nothing': 'Chưa có dữ liệu để sao lưu.',
  'backup.nothing_detail': 'Hãy hoàn tất bước thiết lập ban đầu trước.',
  'backup.pick': 'Chọn thư mục để lưu bản sao lưu',
  'backup.pick_button': 'Sao lưu vào đây',
  'backup.done': 'Đã sao lưu dữ liệu.',
  'backup.done_detail': 'Tệp: {{path}}\nDung lượng: {{mb}} MB',
  'backup.failed': 'Chưa sao lưu được.',
  'about.title': 'Giới thiệu WardPlan',
  'about.text': 'Kế hoạch chuyển đổi số của phường, xã — làm việc không cần mạng, đồng bộ với thành phố bằng gói có chữ ký.',
  'about.data': 'Dữ liệu: {{path}}',
  'about.log': 'Nhật ký: {{path}}',
  'pick.folder': 'Chọn thư mục (ví dụ ổ USB)',
  'pick.folder_button': 'Chọn thư mục',
  'pick.file': 'Chọn tệp',
  'pick.file_button': 'Mở',
  'save.title': 'Lưu tệp',
  'save.button': 'Lưu',
  'fatal.title': 'WardPlan không khởi động được',
  // '&' marks the letter of the Alt-key shortcut.
  'menu.file': '&Tệp',
  'menu.backup': 'Sao lưu…',
  'menu.quit': 'Thoát',
  'menu.edit': '&Chỉnh sửa',
  'menu.undo': 'Hoàn tác',
  'menu.redo': 'Làm lại',
  'menu.cut': 'Cắt',
  'menu.copy': 'Sao chép',
  'menu.paste': 'Dán',
  'menu.select_all': 'Chọn tất cả',
  'menu.view': '&Hiển thị',
  'menu.reload': 'Tải lại',
  'menu.dev_tools': 'Công cụ nhà phát triển',
  'menu.zoom_in': 'Phóng to',
  'menu.zoom_out': 'Thu nhỏ',
  'menu.zoom_reset': 'Kích thước thật',
  'menu.full_screen': 'Toàn màn hình',
  'menu.help': 'Trợ &giúp',
  'menu.about': 'Giới thiệu WardPlan',
};

export const dialogEn: Record<keyof typeof dialogVi, string> = {
  'backup.title': 'Backup',
  'backup.nothing': 'There is no data to back up yet.',
  'backup.nothing_detail': 'Finish the first set-up first.',
  'backup.pick': 'Choose the folder for the backup',
  'backup.pick_button': 'Back up here',
  'backup.done': 'The data is backed up.',
  'backup.done_detail': 'File: {{path}}\nSize: {{mb}} MB',
  'backup.failed': 'The backup did not succeed.',
  'about.title': 'About WardPlan',
  'about.text': "Wards' digital-transformation plans — works offline, syncs with the city through signed bundles.",
  'about.data': 'Data: {{path}}',
  'about.log': 'Log: {{path}}',
  'pick.folder': 'Choose a folder (a USB drive, for example)',
  'pick.folder_button': 'Choose folder',
  'pick.file': 'Choose a file',
  'pick.file_button': 'Open',
  'save.title': 'Save file',
  'save.button': 'Save',
  'fatal.title': 'WardPlan could not start',
  'menu.file': '&File',
  'menu.backup': 'Back up…',
  'menu.quit': 'Quit',
  'menu.edit': '&Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.select_all': 'Select All',
  'menu.view': '&View',
  'menu.reload': 'Reload',
  'menu.dev_tools': 'Developer Tools',
  'menu.zoom_in': 'Zoom In',
  'menu.zoom_out': 'Zoom Out',
  'menu.zoom_reset': 'Actual Size',
  'menu.full_screen': 'Full Screen',
  'menu.help': '&Help',
  'menu.about': 'About WardPlan',
};

export type DialogKey = keyof typeof dialogVi;

export function dialogLang(env: NodeJS.ProcessEnv, systemLocale: string): Lang {
  if (env.WARDPLAN_LANG === 'en' || env.WARDPLAN_LANG === 'vi') return env.WARDPLAN_LANG;
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

let instance: i18n | null = null;

export function dialogText(lang: Lang, key: DialogKey, params: Record<string, string | number> = {}): string {
  instance ??= createI18n(lang, { vi: { desktop: dialogVi }, en: { desktop: dialogEn } });
  return (instance.t as (k: string, o: Record<string, unknown>) => string)(key, { ...params, lng: lang, ns: 'desktop' });
}
