/** An ApiError as a sentence in the user's language, with what to do next. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/contract';
import { formatNumberVi } from '../../shared/rules/format-vi';
import i18next from 'i18next';

// Figures the officer typed come back raw from the core; show them as they were typed.
const NUMERIC_PARAMS = new Set(['numerator', 'denominator', 'value']);

function localParams(params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' && NUMERIC_PARAMS.has(k) ? formatNumberVi(v) : v;
  return out;
}

export function errorText(e: ApiError): string {
  const replace = localParams(e.params ?? {});
  if (i18next.exists(e.code, { ns: 'errors' })) return i18next.t(e.code, { ns: 'errors', replace });
  const hostKey = `error.${e.code}`;
  if (i18next.exists(hostKey, { ns: 'ui' })) return i18next.t(hostKey as 'error.unknown', { replace });
  return i18next.t('error.unknown', { replace: { code: e.code } });
}

/** Re-renders with the language, so messages already on screen switch with it. */
export function useErrorText(): (e: ApiError) => string {
  const { i18n } = useTranslation();
  return useCallback((e: ApiError) => errorText(e), [i18n.language]);
}
