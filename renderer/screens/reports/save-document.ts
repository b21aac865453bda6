/**
 * Saving a document the core writes. In the desktop shell the officer first picks where (the
 * native save dialog) and the core writes there; in a browser the host writes into its own folder
 * and the page also downloads the bytes, so the file lands where the browser keeps downloads.
 */
import type { DocumentFile } from '../../../shared/api/contract';
import { bridge } from '../../api/bridge';

export type DocFormat = 'docx' | 'xlsx';

const MIME: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the screen shows afterwards; the bytes themselves are not kept. */
export interface SavedDocument {
  path: string;
  fileName: string;
  size: number;
  /** true: the browser downloaded it, and `path` is the host's own copy. */
  downloaded: boolean;
}

function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Offers the bytes as a download under `fileName`, as a link with `download` would. */
export function downloadBytes(fileName: string, contentBase64: string, format: DocFormat): void {
  const url = URL.createObjectURL(new Blob([decodeBase64(contentBase64)], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once it starts; the URL is released well after that.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Asks where (desktop) or downloads (browser). Resolves to undefined when the officer cancels the
 * dialog; a refusal by the core rejects, for the caller's useAction to show.
 */
export async function saveDocument(
  suggestedName: string,
  format: DocFormat,
  filterName: string,
  write: (outPath: string | undefined) => Promise<DocumentFile>,
): Promise<SavedDocument | undefined> {
  const b = bridge();
  if (b) {
    const chosen = await b.saveFile(suggestedName, [{ name: filterName, extensions: [format] }]);
    if (!chosen) return undefined;
    const r = await write(chosen.handle);
    return { path: r.path, fileName: r.fileName, size: r.size, downloaded: false };
  }
  const r = await write(undefined);
  downloadBytes(r.fileName, r.contentBase64, format);
  return { path: r.path, fileName: r.fileName, size: r.size, downloaded: true };
}
