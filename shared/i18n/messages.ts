/**
 * Every error message of the product in both languages, keyed by AppError code. Each host
 * formats them with i18next: the renderer through react-i18next, the Node hosts (command line,
 * browser host, hub, dashboard, Electron's dialogs) through `formatMessage`, which uses an
 * i18next instance of its own, so placeholders, fallbacks and plurals behave the same everywhere.
 */
import i18next, { type i18n } from 'i18next';
import { coreMessagesEn, coreMessagesVi } from './messages-core';
import { documentsMessagesEn, documentsMessagesVi } from './messages-documents';
import { hubMessagesEn, hubMessagesVi } from './messages-hub';
import { inputMessagesEn, inputMessagesVi } from './messages-input';
import { keysMessagesEn, keysMessagesVi } from './messages-keys';
import { listsMessagesEn, listsMessagesVi } from './messages-lists';
import { planImportMessagesEn, planImportMessagesVi } from './messages-plan-import';
import { reportsMessagesEn, reportsMessagesVi } from './messages-reports';
import { rulesMessagesEn, rulesMessagesVi } from './messages-rules';
import { syncMessagesEn, syncMessagesVi } from './messages-sync';
import { trustMessagesEn, trustMessagesVi } from './messages-trust';
import { cityMessagesEn, cityMessagesVi } from './messages-city';
import { receivedMessagesEn, receivedMessagesVi } from './messages-received';
import { compactMessagesEn, compactMessagesVi } from './messages-compact';
import { coreProcessMessagesEn, coreProcessMessagesVi } from './messages-core-process';
import { sealMessagesEn, sealMessagesVi } from './messages-seal';

export type Lang = 'vi' | 'en';

const errorMessagesVi = {
  ...coreMessagesVi,
  ...rulesMessagesVi,
  ...keysMessagesVi,
  ...syncMessagesVi,
  ...trustMessagesVi,
  ...reportsMessagesVi,
  ...planImportMessagesVi,
  ...listsMessagesVi,
  ...cityMessagesVi,
  ...documentsMessagesVi,
  ...hubMessagesVi,
  ...inputMessagesVi,
  ...receivedMessagesVi,
  ...compactMessagesVi,
  ...coreProcessMessagesVi,
  ...sealMessagesVi,
};

/** Every error code of the product: an AppError with a code outside this union does not build. */
export type ErrorCode = keyof typeof errorMessagesVi;

const errorMessagesEn: Record<ErrorCode, string> = {
  ...coreMessagesEn,
  ...rulesMessagesEn,
  ...keysMessagesEn,
  ...syncMessagesEn,
  ...trustMessagesEn,
  ...reportsMessagesEn,
  ...planImportMessagesEn,
  ...listsMessagesEn,
  ...cityMessagesEn,
  ...documentsMessagesEn,
  ...hubMessagesEn,
  ...inputMessagesEn,
  ...receivedMessagesEn,
  ...compactMessagesEn,
  ...coreProcessMessagesEn,
  ...sealMessagesEn,
};

export const errorMessages: Record<Lang, Record<ErrorCode, string>> = { vi: errorMessagesVi, en: errorMessagesEn };

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorMessagesVi, code);
}

type Resources = Record<Lang, Record<string, Record<string, string>>>;

/**
 * What every host's i18next shares: flat keys ('plan.not_found', so dots are not path separators),
 * Vietnamese as the fallback, synchronous start, no HTML escaping (React and terminals escape).
 */
export const I18N_OPTIONS = {
  fallbackLng: 'vi',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
} as const;

/**
 * An i18next instance with the `errors` namespace and whatever namespaces a host adds (the
 * command line's own texts). Keys are flat ('plan.not_found'), so dots are not path separators;
 * Vietnamese is the fallback, so a text missing in English still says something.
 */
export function createI18n(lang: Lang, extra: Resources = { vi: {}, en: {} }): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    ...I18N_OPTIONS,
    lng: lang,
    ns: ['errors', ...Object.keys(extra.vi)],
    defaultNS: 'errors',
    resources: {
      vi: { errors: errorMessages.vi, ...extra.vi },
      en: { errors: errorMessages.en, ...extra.en },
    },
  });
  return instance;
}

let shared: i18n | null = null;

/** One error message in the given language; an unknown code is shown as itself rather than lost. */
export function formatMessage(lang: Lang, code: string, params: Record<string, string | number> = {}): string {
  shared ??= createI18n('vi');
  return shared.t(code, { ...params, lng: lang, ns: 'errors' });
}
