import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, setUnlocker } from '../api/client';
import { useAction } from '../api/use-api';
import { FormError } from './FormError';

const MIN_LENGTH = 8;

interface Values {
  passphrase: string;
  repeat?: string;
}

/**
 * The key's passphrase, asked in the page when the host answers that the key is locked (the
 * browser host has no terminal to ask on). It goes to the host in one call and is kept there, in
 * memory, for the session; the page forgets it as soon as the dialog closes.
 */
export function PassphraseDialog() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [asking, setAsking] = useState<{ keyExists: boolean } | null>(null);
  const answer = useRef<((ok: boolean) => void) | null>(null);
  const unlock = useAction((v: Values) => call('keys.unlock', { passphrase: v.passphrase }));

  useEffect(() => {
    setUnlocker(async () => {
      const state = await call('keys.passphraseState', {});
      if (!state.asksInApp || state.unlocked) return state.unlocked;
      return new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setAsking({ keyExists: state.keyExists });
      });
    });
    return () => setUnlocker(null);
  }, []);

  const finish = (ok: boolean) => {
    form.resetFields();
    unlock.clearError();
    setAsking(null);
    answer.current?.(ok);
    answer.current = null;
  };
  if (!asking) return null;
  const isNew = !asking.keyExists;
  return (
    <Modal
      open
      title={isNew ? t('passphrase.newTitle') : t('passphrase.title')}
      okText={t('passphrase.ok')}
      cancelText={t('action.cancel')}
      onOk={() => form.submit()}
      onCancel={() => finish(false)}
      confirmLoading={unlock.busy}
      mask={{ closable: false }}
      width={520}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await unlock.run(v);
          if (!r?.unlocked) return;
          void message.success(t('passphrase.unlocked'));
          finish(true);
        }}
      >
        <Typography.Paragraph type="secondary">{isNew ? t('passphrase.newText') : t('passphrase.text')}</Typography.Paragraph>
        <FormError error={unlock.error} onClose={unlock.clearError} />
        <Form.Item
          name="passphrase"
          label={t('passphrase.label')}
          rules={[
            { required: true, message: t('form.required') },
            {
              validator: (_, v: string | undefined) =>
                [...(v ?? '')].length >= MIN_LENGTH ? Promise.resolve() : Promise.reject(new Error(t('passphrase.tooShort'))),
            },
          ]}
        >
          <Input.Password autoFocus autoComplete={isNew ? 'new-password' : 'current-password'} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="repeat"
            label={t('passphrase.repeat')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('form.required') },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  v === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('passphrase.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
