import type { useAppProps } from 'antd/es/app/context';
import type { TFunction } from 'i18next';
import { toApiError } from '../api/client';
import { errorText } from '../i18n/errors';

interface Removal {
  title: string;
  content: string;
  okText: string;
  run: () => Promise<unknown>;
  /** Said once it is done. */
  done: string;
  /** After it is done, beyond what the change reloads by itself (closing a drawer on what was removed). */
  onDone?: () => void;
}

/**
 * Asks before a change that removes something. The safe answer is focused, so Enter or Esc
 * pressed out of habit keeps the data; a refusal is shown in words and nothing changed.
 */
export function confirmRemoval(app: Pick<useAppProps, 'modal' | 'message'>, t: TFunction<'ui'>, r: Removal): void {
  app.modal.confirm({
    title: r.title,
    content: r.content,
    okText: r.okText,
    okButtonProps: { danger: true },
    cancelText: t('lists.keep'),
    autoFocusButton: 'cancel',
    onOk: async () => {
      try {
        await r.run();
      } catch (e) {
        app.modal.error({ title: t('state.saveFailed'), content: errorText(toApiError(e)) });
        return;
      }
      void app.message.success(r.done);
      r.onDone?.();
    },
  });
}
