import { Button } from 'antd';
import { useRef, type ReactNode } from 'react';
import { fromBrowserFile, pickNative, type PickedFile } from '../api/files';
import type { FileFilter } from '../api/bridge';

interface Props {
  label: ReactNode;
  /** For the browser's file input, e.g. '.wpb'. */
  accept: string;
  /** For the desktop shell's native dialog. */
  filters: FileFilter[];
  onPicked: (f: PickedFile) => void;
  busy?: boolean;
  type?: 'primary' | 'default';
  icon?: ReactNode;
  testId?: string;
}

/** Picks one file: the native dialog in the desktop shell, the browser's file input elsewhere. */
export function FilePickButton({ label, accept, filters, onPicked, busy, type, icon, testId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const open = async () => {
    const native = await pickNative(filters);
    if (native === 'browser') input.current?.click();
    else if (native) onPicked(native);
  };
  return (
    <>
      <Button type={type} icon={icon} loading={busy} onClick={() => void open()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (after fixing something) fires again.
          e.target.value = '';
          if (file) onPicked(await fromBrowserFile(file));
        }}
      />
    </>
  );
}
