/**
 * i18next with two namespaces: `ui` (every screen string, shared/i18n/ui-*.ts) and `errors`
 * (the core's messages, shared/i18n/messages.ts). Keys are flat ('nav.tasks', 'value.missing'),
 * so dots are not path separators.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { errorMessages, I18N_OPTIONS, type Lang } from '../../shared/i18n/messages';
import { uiEn } from '../../shared/i18n/ui-en';
import { uiVi } from '../../shared/i18n/ui-vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    keySeparator: false;
    nsSeparator: false;
    resources: { ui: typeof uiVi; errors: Record<string, string> };
  }
}

export type { Lang };
export type UiKey = keyof typeof uiVi;

const STORAGE_KEY = 'wardplan.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A locked-down profile without storage still works; it just starts in Vietnamese.
  }
}

export function applyLang(lang: Lang): void {
  dayjs.locale(lang);
  document.documentElement.lang = lang;
}

export function initI18n(lang: Lang = storedLang()): typeof i18next {
  applyLang(lang);
  void i18next.use(initReactI18next).init({
    ...I18N_OPTIONS,
    lng: lang,
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    resources: {
      vi: { ui: uiVi, errors: errorMessages.vi },
      en: { ui: uiEn, errors: errorMessages.en },
    },
  });
  return i18next;
}
