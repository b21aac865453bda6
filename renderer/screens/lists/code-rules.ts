import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { errorText } from '../../i18n/errors';

/** The core's rule for codes, checked while typing so the officer sees it before saving. */
export function codeRules(t: TFunction<'ui'>): Rule[] {
  return [
    { required: true, whitespace: true, message: t('form.required') },
    {
      validator: (_, v: string | undefined) =>
        !v || /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/.test(v.trim())
          ? Promise.resolve()
          : Promise.reject(new Error(errorText({ code: 'catalog.bad_code', params: { code: v } }))),
    },
  ];
}
