/**
 * Every error message of the product in both languages, keyed by AppError code. The renderer
 * loads these into i18next; Node hosts (the command line) format them with `formatMessage`.
 */
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
import { sealMessagesEn, sealMessagesVi } from './messages-seal';

export type Lang = 'vi' | 'en';

export const errorMessages: Record<Lang, Record<string, string>> = {
  vi: {
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
    ...sealMessagesVi,
  },
  en: {
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
    ...sealMessagesEn,
  },
};

/** Same placeholder syntax as i18next ({{name}}), so one message file serves both. */
export function formatMessage(lang: Lang, code: string, params: Record<string, string | number> = {}): string {
  const template = errorMessages[lang][code] ?? errorMessages.vi[code] ?? code;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (params[k] === undefined ? `{{${k}}}` : String(params[k])));
}
