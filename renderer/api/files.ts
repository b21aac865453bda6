/**
 * A file the user picks for the core to read. In the desktop shell the native dialog gives a
 * handle that only the main process can turn back into the path (the page never names a place on
 * disk); in a browser the bytes travel as base64.
 */
import { bridge, type FileFilter } from './bridge';

/** `path` holds the desktop shell's handle, which the main process swaps for the real path. */
export type PickedFile = { path: string; name: string } | { fileName: string; contentBase64: string; name: string };

/** The API's file input: a picked file's handle or the bytes, never both, and never the display name. */
export function asFileInput(f: PickedFile): { path: string } | { fileName: string; contentBase64: string } {
  return 'path' in f ? { path: f.path } : { fileName: f.fileName, contentBase64: f.contentBase64 };
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export async function fromBrowserFile(file: File): Promise<PickedFile> {
  return { fileName: file.name, contentBase64: await fileToBase64(file), name: file.name };
}

/** Opens the native dialog in the desktop shell; null in a browser, where an <input type=file> is used. */
export async function pickNative(filters?: FileFilter[]): Promise<PickedFile | null | 'browser'> {
  const b = bridge();
  if (!b) return 'browser';
  const p = await b.pickFile(filters);
  return p ? { path: p.handle, name: p.name } : null;
}

/**
 * Where a file the core writes should go. The desktop shell asks for a folder (a USB stick);
 * the browser host cannot, so the core uses its outbox and the result names the path.
 * `null` means the officer cancelled the dialog.
 */
export async function pickOutDir(): Promise<{ outDir?: string } | null> {
  const b = bridge();
  if (!b) return {};
  const dir = await b.pickFolder();
  return dir ? { outDir: dir.handle } : null;
}
