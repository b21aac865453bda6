import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLang, rememberLang, type Lang } from './setup';

/** The current language and a setter that also remembers it for the next start. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n } = useTranslation();
  const set = useCallback(
    (lang: Lang) => {
      rememberLang(lang);
      applyLang(lang);
      void i18n.changeLanguage(lang);
    },
    [i18n],
  );
  return [i18n.language === 'en' ? 'en' : 'vi', set];
}
