/**
 * Files and folders the officer picked in a native dialog, known to the page only by handles.
 *
 * The page never names a place on disk: were it compromised (a script injected through imported
 * data, a bug in a library), a path of its choosing would let it read any file the user can read
 * (restore from it, import it) or write wherever it likes (export, backup, documents). The main
 * process keeps handle → path for what the dialogs returned; an API call from the page carries
 * handles, swapped back for their paths here before the API sees the call.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError } from '../shared/api/contract';
import type { PickedPlace } from '../shared/api/bridge-types';

/** Which dialog chose a place: an open-file, a folder, or a save dialog. */
export type PickKind = 'file' | 'folder' | 'save';

/**
 * The API input fields that name a place on disk, and the dialog each must come from: a file to
 * read comes from an open-file dialog, a folder to write into from a folder dialog, a file to
 * write from a save dialog (which asked the officer before overwriting).
 */
const PATH_FIELDS: Record<string, PickKind> = { path: 'file', outDir: 'folder', outPath: 'save' };

export class PickedPaths {
  private readonly byHandle = new Map<string, { kind: PickKind; path: string }>();

  constructor(private readonly newId: () => string = randomUUID) {}

  /** Remembers a place a dialog returned; the page gets the handle and a name to show. */
  remember(kind: PickKind, filePath: string): PickedPlace {
    const handle = `${kind}:${this.newId()}`;
    this.byHandle.set(handle, { kind, path: filePath });
    return { handle, name: filePath.split(/[\\/]/).filter(Boolean).pop() ?? filePath };
  }

  /** The path behind a handle of this kind, or null for anything else (a raw path included). */
  resolve(handle: unknown, kind: PickKind): string | null {
    if (typeof handle !== 'string') return null;
    const entry = this.byHandle.get(handle);
    return entry && entry.kind === kind ? entry.path : null;
  }
}

export type PathCheck = { ok: true; input: unknown } | { ok: false; error: ApiError };

/**
 * The page's call input with every handle replaced by its path. A place given any other way (a
 * path typed into the call, a handle from another kind of dialog, one never issued) is refused
 * with a message key, before the API or the disk is touched.
 */
export function resolvePickedPaths(input: unknown, picked: PickedPaths): PathCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, input };
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [field, kind] of Object.entries(PATH_FIELDS)) {
    if (out[field] === undefined) continue;
    const resolved = picked.resolve(out[field], kind);
    if (resolved === null) return { ok: false, error: { code: 'ipc.not_picked', params: { field } } };
    out[field] = resolved;
  }
  return { ok: true, input: out };
}
