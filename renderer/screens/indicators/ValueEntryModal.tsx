import { App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/contract';
import type { IndicatorItem } from '../../../shared/api/types';
import { evaluateIndicator, ratioPercent, targetText } from '../../../shared/rules/indicator';
import { parseNumberVi } from '../../../shared/rules/format-vi';
import { validateIndicatorValue } from '../../../shared/rules/validation';
import { call } from '../../api/client';
import { useAction } from '../../api/use-api';
import { FormError } from '../../components/FormError';
import { OutcomeTag } from '../../components/OutcomeTag';
import { useErrorText } from '../../i18n/errors';
import { fmtNumber, fmtPercent, fmtValue, periodLabel } from '../../i18n/format';
import type { Lang } from '../../i18n/setup';

interface Values {
  value?: string;
  numerator?: string;
  denominator?: string;
  note?: string;
}

type Field = 'value' | 'numerator' | 'denominator';

/** Which input a refusal from the core belongs under, so the message sits where the fix is. */
function fieldOf(e: ApiError, isRatio: boolean): Field | null {
  if (e.code.startsWith('value.numerator')) return 'numerator';
  if (e.code.startsWith('value.denominator')) return 'denominator';
  if (e.code.startsWith('value.')) return isRatio ? null : 'value';
  return null;
}

const show = (n: number | null | undefined) => (n === null || n === undefined ? undefined : fmtNumber(n));

export function ValueEntryModal({
  indicator: ind,
  period,
  onClose,
  onSaved,
}: {
  indicator: IndicatorItem;
  period: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const text = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [unreadable, setUnreadable] = useState<Field | null>(null);
  const num = Form.useWatch('numerator', form);
  const den = Form.useWatch('denominator', form);
  const plain = Form.useWatch('value', form);
  const save = useAction((v: Values) => {
    const note = v.note?.trim() ? v.note.trim() : null;
    if (ind.isRatio)
      return call('values.set', { indicatorCode: ind.code, period, numerator: parseNumberVi(v.numerator), denominator: parseNumberVi(v.denominator), note });
    return call('values.set', { indicatorCode: ind.code, period, value: parseNumberVi(v.value), note });
  });

  // Live result: the figure as the core will compute it, judged by the same rules it will apply,
  // so a numerator above its denominator never previews as a 100% "Đạt".
  const typed = ind.isRatio
    ? { value: null, numerator: parseNumberVi(num), denominator: parseNumberVi(den) }
    : { value: parseNumberVi(plain), numerator: null, denominator: null };
  const complete = ind.isRatio ? typed.numerator !== null && typed.denominator !== null : typed.value !== null;
  const liveIssue = complete ? validateIndicatorValue({ unit: ind.unit, isRatio: ind.isRatio }, typed)[0] : undefined;
  const live = !complete || liveIssue ? null : ind.isRatio ? ratioPercent(typed.numerator!, typed.denominator!) : typed.value;
  const liveOutcome = live !== null && ind.comparator && ind.target !== null ? evaluateIndicator(ind.comparator, ind.target, live) : null;

  const apiField = save.error ? fieldOf(save.error, ind.isRatio) : null;
  const help = (f: Field) => {
    if (unreadable === f) return { validateStatus: 'error' as const, help: text({ code: `value.${f === 'value' ? '' : `${f}_`}not_a_number`, params: {} }) };
    if (save.error && apiField === f) return { validateStatus: 'error' as const, help: <span data-testid="value-error">{text(save.error)}</span> };
    return {};
  };
  const submit = async (v: Values) => {
    const fields: Field[] = ind.isRatio ? ['numerator', 'denominator'] : ['value'];
    const bad = fields.find((f) => v[f]?.trim() && parseNumberVi(v[f]) === null);
    setUnreadable(bad ?? null);
    if (bad) return;
    if (!(await save.run(v))) return;
    void message.success(t('lists.saved'));
    onSaved();
  };
  const numberInput = (f: Field) => (
    <Input inputMode="decimal" placeholder={t('indicators.numberPlaceholder')} onChange={() => (unreadable === f ? setUnreadable(null) : undefined)} />
  );

  return (
    <Modal
      open
      width={640}
      title={t('indicators.entryTitle', { code: ind.code, period: periodLabel(period, lang) })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{ind.name}</Typography.Paragraph>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('indicator.target')}>
          {ind.comparator && ind.target !== null ? targetText(ind.comparator, ind.target, ind.unit, lang) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('indicator.baseline')}>{ind.baseline !== null ? fmtValue(ind.baseline, ind.unit) : '—'}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ value: show(ind.value), numerator: show(ind.numerator), denominator: show(ind.denominator), note: undefined }}
        onFinish={submit}
        onValuesChange={() => save.error && save.clearError()}
      >
        {save.error && apiField === null && <FormError error={save.error} onClose={save.clearError} />}
        {ind.isRatio ? (
          <>
            <Form.Item name="numerator" label={ind.numeratorLabel ?? t('indicators.numerator')} {...help('numerator')}>
              {numberInput('numerator')}
            </Form.Item>
            <Form.Item name="denominator" label={ind.denominatorLabel ?? t('indicators.denominator')} {...help('denominator')}>
              {numberInput('denominator')}
            </Form.Item>
          </>
        ) : (
          <Form.Item name="value" label={t('indicators.valueIn', { unit: ind.unit })} {...help('value')}>
            {numberInput('value')}
          </Form.Item>
        )}
        <Form.Item label={ind.isRatio ? t('indicators.ratio') : t('indicators.result')}>
          <span data-testid="live-value" style={{ fontSize: 18, fontWeight: 600, marginRight: 10 }}>
            {live !== null ? (ind.isRatio ? fmtPercent(live) : fmtValue(live, ind.unit)) : '—'}
          </span>
          {liveOutcome && <OutcomeTag outcome={liveOutcome} />}
          {liveIssue && !save.error && <Typography.Text type="warning">{text({ code: liveIssue.code, params: liveIssue.params ?? {} })}</Typography.Text>}
        </Form.Item>
        <Form.Item name="note" label={t('indicators.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
        </Form.Item>
        {/* The form's default button: Enter in a single-line field submits, as in every dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
