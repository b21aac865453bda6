/**
 * The only thing the page gets from Electron: `window.wardplan`, six members, each a thin
 * wrapper over one IPC channel. ipcRenderer itself never crosses the bridge, so the page cannot
 * send on a channel of its choosing or listen to anything.
 *
 * Runs sandboxed: it may import nothing but 'electron' at run time (the build bundles the rest).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { WardplanBridge } from '../shared/api/bridge-types';
import { CHANNELS } from './channels';

const bridge: WardplanBridge = {
  host: 'electron',
  call: (method, input) => ipcRenderer.invoke(CHANNELS.call, method, input),
  pickFolder: () => ipcRenderer.invoke(CHANNELS.pickFolder),
  pickFile: (filters) => ipcRenderer.invoke(CHANNELS.pickFile, filters),
  saveFile: (defaultName, filters) => ipcRenderer.invoke(CHANNELS.saveFile, defaultName, filters),
  openEvidence: (id) => ipcRenderer.invoke(CHANNELS.openEvidence, id),
};

contextBridge.exposeInMainWorld('wardplan', bridge);
