/**
 * Handlers of the plan import: a preview of the officer's file (or of the rows as edited in the
 * preview), and the import of the chosen rows. The Excel and XML libraries load on first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileInput } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import type { DatabaseHolder, HandlerGroup } from './database-holder';

const preview = () => import('../plan-import/preview');
const apply = () => import('../plan-import/apply');

/** The file's bytes and the name the officer knows it by, for messages. */
export function readImportFile(input: FileInput): { buffer: Buffer; name: string } {
  if ('contentBase64' in input) return { buffer: Buffer.from(input.contentBase64, 'base64'), name: input.fileName };
  try {
    const stat = fs.statSync(input.path);
    if (!stat.isFile()) throw new AppError('file.not_found', { path: input.path });
    return { buffer: fs.readFileSync(input.path), name: path.basename(input.path) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('file.not_found', { path: input.path });
  }
}

export function createPlanImportHandlers(holder: DatabaseHolder) {
  const s = () => holder.requireSession();
  return {
    'planImport.preview': async (i) => {
      const session = s();
      if (i.file) return (await preview()).previewFile(session, readImportFile(i.file), i.year, i.mapping);
      return (await preview()).previewRows(session, i.rows ?? [], i.year);
    },
    'planImport.apply': async (i) =>
      (await apply()).applyImport(s(), {
        year: i.year,
        file: i.file ? readImportFile(i.file) : undefined,
        rows: i.rows,
        mapping: i.mapping,
        fingerprint: i.fingerprint,
        createMissing: i.createMissing,
        onlyValid: i.onlyValid,
      }),
  } satisfies HandlerGroup;
}
