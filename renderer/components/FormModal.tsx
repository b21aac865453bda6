import { App, Form, Modal, type FormInstance } from 'antd';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../api/use-api';
import { FormError } from './FormError';

interface Props<V, T> {
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  save: (values: V) => Promise<T>;
  onClose: () => void;
  onSaved: (result: T) => void;
  /** What the toast says after a save; "Đã lưu." by default. */
  savedText?: string;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/**
 * Every data-entry dialog behaves the same: Enter submits, a refusal is shown above the fields
 * with everything typed kept, a save says it saved, and closing with unsaved changes asks first,
 * with the safe choice (keep editing) focused so a second Esc or Enter loses nothing.
 */
export function FormModal<V, T>({ title, form, initialValues, save, onClose, onSaved, savedText, okText, width = 580, children }: Props<V, T>) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const action = useAction(save);
  // Field ids are prefixed with the form's own name: a dialog opened over a form with the same
  // field names (a progress entry over the progress form) must not share ids, or labels point away.
  const formName = `dlg${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardText'),
      okText: t('form.discard'),
      cancelText: t('form.keepEditing'),
      autoFocusButton: 'cancel',
      onOk: onClose,
    });
  };
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={close}
      onOk={() => form.submit()}
      okText={okText ?? t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={action.busy}
      mask={{ closable: false }}
    >
      <Form<V>
        form={form}
        name={formName}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (v) => {
          const r = await action.run(v);
          if (r === undefined) return;
          void message.success(savedText ?? t('lists.saved'));
          onSaved(r);
        }}
      >
        <FormError error={action.error} onClose={action.clearError} />
        {children}
        {/* The form's default button: Enter in any single-line field submits the dialog. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
