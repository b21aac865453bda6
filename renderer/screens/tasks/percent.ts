import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/**
 * A percent is typed as text and checked, never clamped: 140 or "bốn mươi" is refused with a
 * message saying what is allowed, and the officer fixes it.
 */
export function percentRules(t: TFunction<'ui'>): Rule[] {
  return [
    { required: true, whitespace: true, message: t('form.required') },
    {
      validator: (_, v: string | number | undefined) => {
        const s = String(v ?? '').trim();
        if (s === '') return Promise.resolve();
        const n = /^-?\d+$/.test(s) ? Number(s) : NaN;
        return Number.isInteger(n) && n >= 0 && n <= 100 ? Promise.resolve() : Promise.reject(new Error(t('progress.percentRange')));
      },
    },
  ];
}
