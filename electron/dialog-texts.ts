/**
 * The texts of the main process's own dialogs (backup from the menu, About), in both languages,
 * through i18next like every other message. The page keeps its language in its own storage, out
 * of the main process's reach, so the dialogs follow WARDPLAN_LANG, else the system's language
 * when it is English, else Vietnamese.
 */
import type { i18n } from 'i18next';
import { createI18n, type Lang } from '../shared/i18n/messages';

const dialogVi = {
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
};

const dialogEn: Record<keyof typeof dialogVi, string> = {
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
