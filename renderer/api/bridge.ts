/** The Electron preload's `window.wardplan`, typed by the shell's own declaration. */
import type { WardplanBridge } from '../../shared/api/bridge-types';

export type { FileFilter, WardplanBridge } from '../../shared/api/bridge-types';

declare global {
  interface Window {
    wardplan?: WardplanBridge;
  }
}

/** The bridge when running inside the desktop shell; null in a browser. */
export function bridge(): WardplanBridge | null {
  return typeof window !== 'undefined' && window.wardplan?.host === 'electron' ? window.wardplan : null;
}
