/**
 * Opening and saving an evidence file. The desktop shell opens a verified copy with the system's
 * viewer, or writes one where the officer chose; a browser downloads the bytes through the API,
 * under the host's token like every other call.
 */
import { bridge } from './bridge';
import { ApiFailure, call } from './client';

function download(fileName: string, contentBase64: string): void {
  const bin = atob(contentBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
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

export type EvidenceOutcome = { kind: 'opened' | 'downloaded'; fileName: string } | { kind: 'copied'; path: string } | null;

export async function openEvidence(id: string): Promise<EvidenceOutcome> {
  const b = bridge();
  if (b) {
    const r = await b.openEvidence(id);
    if (!r.ok) throw new ApiFailure(r.error);
    return { kind: 'opened', fileName: r.value.fileName };
  }
  const f = await call('evidence.get', { id });
  download(f.fileName, f.contentBase64);
  return { kind: 'downloaded', fileName: f.fileName };
}

/** null when the officer cancelled the save dialog. */
export async function saveEvidenceCopy(id: string, fileName: string): Promise<EvidenceOutcome> {
  const b = bridge();
  if (!b) return openEvidence(id);
  // The page holds only a handle of the place the officer picked; the main process knows the path.
  const place = await b.saveFile(fileName.replace(/[\\/]/g, '_'), []);
  if (!place) return null;
  const r = await call('evidence.saveCopy', { id, outPath: place.handle });
  return { kind: 'copied', path: r.path };
}
