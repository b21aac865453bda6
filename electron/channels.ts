/** IPC channel names, shared by the preload and the main process so a typo cannot open a silent gap. */
export const CHANNELS = {
  call: 'wardplan:call',
  pickFolder: 'wardplan:pick-folder',
  pickFile: 'wardplan:pick-file',
  saveFile: 'wardplan:save-file',
  openEvidence: 'wardplan:open-evidence',
} as const;
