/**
 * The shape of `window.wardplan` in the Electron app. Type-only and free of any Electron import,
 * so the renderer can `import type` it without pulling Electron into the browser bundle.
 */
import type { ApiResult, Input, Method } from './contract';

/** Same shape as Electron's FileFilter, restated so the renderer never depends on Electron's types. */
export interface FileFilter {
  /** Shown in the dialog, e.g. "Gói đồng bộ WardPlan". */
  name: string;
  /** Without the dot, e.g. ["wpb"]; "*" for all files. */
  extensions: string[];
}

/**
 * A file or folder the officer picked in a native dialog. The page holds only the handle and a
 * name to show; the main process alone knows the path, and swaps it back in when a call carries
 * the handle (as `path`, `outDir` or `outPath`).
 */
export interface PickedPlace {
  handle: string;
  /** The file or folder name, for display. */
  name: string;
}

export interface WardplanBridge {
  readonly host: 'electron';
  /** The one typed API; every argument is validated again in the main process. Never rejects for a refused call: the result says why. */
  call<M extends Method>(method: M, input: Input<M>): Promise<ApiResult<M>>;
  /** A folder chosen in the native dialog (for example the USB stick), or null when cancelled. */
  pickFolder(): Promise<PickedPlace | null>;
  /** A file to open, or null when cancelled. */
  pickFile(filters?: FileFilter[]): Promise<PickedPlace | null>;
  /** Where to save a file, or null when cancelled. `defaultName` is a bare file name, not a path. */
  saveFile(defaultName: string, filters?: FileFilter[]): Promise<PickedPlace | null>;
  /** Opens a verified copy of an evidence file with the system's viewer; the result says where the copy is, or why not. */
  openEvidence(id: string): Promise<ApiResult<'evidence.saveCopy'>>;
}
