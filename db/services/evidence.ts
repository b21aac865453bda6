import path from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { MAX_EVIDENCE_BYTES, putBlob, readBlob } from '../blobs';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { evidence, task, taskProgress } from '../schema';

export interface AttachInput {
  taskId: string;
  fileName: string;
  data: Buffer;
  progressId?: string | null | undefined;
  note?: string | null | undefined;
}

/** Keeps a file name that is safe to show and to write back out on any file system. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  // Control characters are exactly what must not reach a file name on Windows.
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').trim();
  return clean === '' || clean === '.' || clean === '..' ? 'tep-dinh-kem' : clean.slice(0, 200);
}

export async function attachEvidence(s: Session, input: AttachInput): Promise<{ id: string; sha256: string }> {
  if (input.data.length === 0) throw new AppError('evidence.empty', { file: input.fileName });
  if (input.data.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('evidence.too_large', { file: input.fileName, maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
  }
  const found = s.db.orm.select({ deleted: task.deleted, owner: task.owner }).from(task).where(eq(task.id, input.taskId)).get();
  if (!found || found.deleted || found.owner !== s.orgCode) throw new AppError('task.not_found', { id: input.taskId });
  if (input.progressId) {
    const p = s.db.orm.select({ taskId: taskProgress.taskId }).from(taskProgress).where(eq(taskProgress.id, input.progressId)).get();
    if (!p || p.taskId !== input.taskId) throw new AppError('progress.not_found', { id: input.progressId });
  }
  // The file is on disk before the row that names it commits: a crash leaves at worst an
  // unreferenced blob, never a row pointing at nothing.
  const sha256 = await putBlob(s.db.blobDir, input.data);
  return inTransaction(s, () => {
    const id = newId();
    saveOwnedRow(
      s,
      'evidence',
      {
        id,
        sha256,
        file_name: safeFileName(input.fileName),
        size: input.data.length,
        task_id: input.taskId,
        progress_id: input.progressId ?? null,
        note: input.note ?? null,
        added_at: s.now(),
      },
      'evidence.attach',
    );
    return { id, sha256 };
  });
}

export function readEvidence(s: Session, id: string): { fileName: string; data: Buffer } {
  const row = s.db.orm
    .select({ deleted: evidence.deleted, fileName: evidence.fileName, sha256: evidence.sha256 })
    .from(evidence)
    .where(eq(evidence.id, id))
    .get();
  if (!row || row.deleted) throw new AppError('evidence.not_found', { id });
  return { fileName: row.fileName, data: readBlob(s.db.blobDir, row.sha256) };
}
