import { describe, expect, it } from 'vitest';
import { PickedPaths, resolvePickedPaths } from '../../electron/picked-paths';

function registry() {
  let n = 0;
  return new PickedPaths(() => `id-${++n}`);
}

describe('places picked in a dialog, known to the page by handle', () => {
  it('gives the page a handle and a name, never the path', () => {
    const picked = registry();
    expect(picked.remember('file', 'C:\\Users\\lan\\USB\\P-HD_0001.wpb')).toEqual({ handle: 'file:id-1', name: 'P-HD_0001.wpb' });
    expect(picked.remember('folder', '/media/lan/USB/')).toEqual({ handle: 'folder:id-2', name: 'USB' });
    expect(picked.remember('save', '/')).toEqual({ handle: 'save:id-3', name: '/' });
  });

  it('resolves a handle only for the kind of dialog that issued it', () => {
    const picked = registry();
    const file = picked.remember('file', '/media/usb/a.wpb');
    expect(picked.resolve(file.handle, 'file')).toBe('/media/usb/a.wpb');
    expect(picked.resolve(file.handle, 'folder')).toBeNull();
    expect(picked.resolve('file:id-2', 'file')).toBeNull();
    expect(picked.resolve('/media/usb/a.wpb', 'file')).toBeNull();
    expect(picked.resolve(42, 'file')).toBeNull();
    expect(new PickedPaths().remember('file', '/x').handle).toMatch(/^file:[0-9a-f-]{36}$/);
  });

  it('swaps handles for paths in a call, leaving everything else as it was', () => {
    const picked = registry();
    const file = picked.remember('file', '/media/usb/a.wpb');
    const dir = picked.remember('folder', '/media/usb');
    const save = picked.remember('save', '/home/lan/Báo cáo.docx');
    expect(resolvePickedPaths({ path: file.handle, confirm: true }, picked)).toEqual({ ok: true, input: { path: '/media/usb/a.wpb', confirm: true } });
    expect(resolvePickedPaths({ outDir: dir.handle, full: true }, picked)).toEqual({ ok: true, input: { outDir: '/media/usb', full: true } });
    expect(resolvePickedPaths({ period: '2026-Q3', format: 'docx', outPath: save.handle }, picked)).toEqual({
      ok: true,
      input: { period: '2026-Q3', format: 'docx', outPath: '/home/lan/Báo cáo.docx' },
    });
    // No place named: the host's own folder, or bytes from a browser.
    expect(resolvePickedPaths({ outDir: undefined }, picked)).toEqual({ ok: true, input: { outDir: undefined } });
    expect(resolvePickedPaths({ fileName: 'a.wpb', contentBase64: 'AA==' }, picked)).toEqual({ ok: true, input: { fileName: 'a.wpb', contentBase64: 'AA==' } });
    for (const other of [undefined, null, 'x', [1]]) expect(resolvePickedPaths(other, picked)).toEqual({ ok: true, input: other });
  });

  it('refuses a raw path, a handle of the wrong kind, and one never issued', () => {
    const picked = registry();
    const file = picked.remember('file', '/media/usb/a.wpb');
    const dir = picked.remember('folder', '/media/usb');
    const refused = (field: string) => ({ ok: false, error: { code: 'ipc.not_picked', params: { field } } });
    expect(resolvePickedPaths({ path: '/etc/passwd' }, picked)).toEqual(refused('path'));
    expect(resolvePickedPaths({ path: 'C:\\Windows\\System32\\config\\SAM', confirm: true }, picked)).toEqual(refused('path'));
    expect(resolvePickedPaths({ outDir: 'C:\\Windows\\Startup' }, picked)).toEqual(refused('outDir'));
    expect(resolvePickedPaths({ outPath: '/home/lan/.bashrc' }, picked)).toEqual(refused('outPath'));
    expect(resolvePickedPaths({ path: dir.handle }, picked)).toEqual(refused('path'));
    expect(resolvePickedPaths({ outDir: file.handle }, picked)).toEqual(refused('outDir'));
    expect(resolvePickedPaths({ outPath: file.handle }, picked)).toEqual(refused('outPath'));
    expect(resolvePickedPaths({ path: 'file:forged' }, picked)).toEqual(refused('path'));
    expect(resolvePickedPaths({ path: null }, picked)).toEqual(refused('path'));
  });
});
