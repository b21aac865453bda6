import type { UploadFile } from 'antd';
import { ApiFailure, call } from '../../api/client';
import { fileToBase64 } from '../../api/files';

/** The core's limit; checked here too so a 60 MB scan is refused before it is read into memory. */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

/**
 * Attaches the files one by one and marks each as done, so after a failure a retry sends only
 * the files that did not go through.
 */
export async function attachFiles(taskId: string, files: UploadFile[], progressId: string | null, markDone: (uid: string) => void): Promise<void> {
  for (const f of files) {
    if (f.status === 'done' || !f.originFileObj) continue;
    if (f.originFileObj.size > MAX_EVIDENCE_BYTES)
      throw new ApiFailure({ code: 'evidence.too_large', params: { file: f.name, maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024 } });
    const contentBase64 = await fileToBase64(f.originFileObj);
    await call('tasks.attach', { taskId, progressId, fileName: f.name, contentBase64 });
    markDone(f.uid);
  }
}
