import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { chooseKeyProtection, keyStoreFor, UnavailableKeyStore, type SafeStorageLike } from '../../electron/key-protection';
import { defaultUserData, resolveLocations, userDataOverride } from '../../electron/locations';
import { createFileLogger } from '../../electron/log';
import { buildMenuTemplate } from '../../electron/menu';
import { loadOrCreateKey, SealedFileKeyStore } from '../../db/keys/key-store';
import { isAppError } from '../../shared/errors';
import { tempDir } from '../support/temp';

function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').toString('base64').split('').reverse().join('')),
    decryptString: (b) => Buffer.from(b.toString().split('').reverse().join(''), 'base64').toString('utf8'),
  };
}

describe('key protection', () => {
  it('uses the OS on Windows and a real Linux keyring', () => {
    expect(chooseKeyProtection(fakeSafeStorage(true), 'win32')).toMatchObject({ kind: 'os', backend: 'dpapi' });
    expect(chooseKeyProtection(fakeSafeStorage(true, 'kwallet6'), 'linux')).toMatchObject({ kind: 'os', backend: 'kwallet6' });
  });

  it('refuses when the OS has no encryption, or Linux would only obfuscate', () => {
    expect(chooseKeyProtection(fakeSafeStorage(false), 'win32')).toEqual({ kind: 'unavailable', reason: 'no_os_encryption' });
    expect(chooseKeyProtection(fakeSafeStorage(true, 'basic_text'), 'linux')).toEqual({ kind: 'unavailable', reason: 'plain_text_backend' });
  });

  it('seals the key file through safeStorage and opens it again', async () => {
    const file = path.join(tempDir(), 'wardplan.key');
    const store = keyStoreFor(chooseKeyProtection(fakeSafeStorage(true), 'win32'), file);
    expect(store).toBeInstanceOf(SealedFileKeyStore);
    const { key, created } = await loadOrCreateKey(store);
    expect(created).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'wardplan-key', sealed: 'os' });
    expect(text).not.toContain('PRIVATE KEY');
    expect(await store.load()).toEqual(key);
  });

  it('refuses every key operation with a message when there is no protection', async () => {
    const store = keyStoreFor({ kind: 'unavailable', reason: 'no_os_encryption' }, '/nonexistent/wardplan.key');
    expect(store).toBeInstanceOf(UnavailableKeyStore);
    const err = await store.load().catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('keys.sealing_unavailable');
  });
});

describe('locations', () => {
  const base = {
    userData: '/home/cb/.config/WardPlan',
    documents: '/home/cb/Documents',
    resourcesPath: '/opt/WardPlan/resources',
    mainDir: '/repo/dist/electron',
  };

  it('keeps data in userData and finds the build beside the bundle in development', () => {
    const l = resolveLocations({ ...base, isPackaged: false, env: {} });
    expect(l.dbPath).toBe(path.join(base.userData, 'wardplan.db'));
    expect(l.keyFile).toBe(path.join(base.userData, 'wardplan.key'));
    expect(l.logDir).toBe(path.join(base.userData, 'logs'));
    expect(l.migrationsFolder).toBe(path.join('/repo/dist', 'migrations'));
    expect(l.rendererRoot).toBe(path.join('/repo/dist', 'renderer'));
    expect(l.preload).toBe(path.join(base.mainDir, 'preload.cjs'));
    expect(l.coreEntry).toBe(path.join(base.mainDir, 'core.cjs'));
    expect(l.defaultOutDir).toBe(path.join(base.documents, 'WardPlan'));
  });

  it('names the profile folder itself, apart for development builds', () => {
    expect(defaultUserData('/home/cb/.config', true)).toBe(path.join('/home/cb/.config', 'WardPlan'));
    expect(defaultUserData('/home/cb/.config', false)).toBe(path.join('/home/cb/.config', 'WardPlan-dev'));
  });

  it('reads migrations from resources once installed', () => {
    expect(resolveLocations({ ...base, isPackaged: true, env: {} }).migrationsFolder).toBe(path.join(base.resourcesPath, 'migrations'));
  });

  it('lets tests move the database, and the key moves with it', () => {
    const l = resolveLocations({ ...base, isPackaged: false, env: { WARDPLAN_DB: '/tmp/t1/ward.db' } });
    expect(l.dbPath).toBe(path.resolve('/tmp/t1/ward.db'));
    expect(l.keyFile).toBe(path.join(path.resolve('/tmp/t1'), 'wardplan.key'));
    expect(userDataOverride({ WARDPLAN_USER_DATA: '/tmp/p' })).toBe(path.resolve('/tmp/p'));
    expect(userDataOverride({ WARDPLAN_USER_DATA: '  ' })).toBeNull();
  });
});

describe('log file', () => {
  it('appends lines with the stack of an error, and rolls over when large', () => {
    const dir = path.join(tempDir(), 'logs');
    const logger = createFileLogger(dir, () => new Date('2026-10-15T03:00:00Z'));
    logger.log('info', 'start');
    logger.log('error', 'boom', new Error('đĩa đầy'));
    const text = fs.readFileSync(logger.file, 'utf8');
    expect(text).toContain('2026-10-15T03:00:00.000Z INFO start');
    expect(text).toMatch(/ERROR boom\nError: đĩa đầy\n\s+at /);
    fs.writeFileSync(logger.file, 'x'.repeat(2 * 1024 * 1024));
    logger.log('info', 'after');
    expect(fs.readFileSync(logger.file, 'utf8')).toMatch(/INFO after\n$/);
    expect(fs.existsSync(`${logger.file}.1`)).toBe(true);
  });

  it('never throws when the folder cannot be written', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => createFileLogger(path.join(file, 'logs')).log('info', 'x')).not.toThrow();
  });
});

describe('application menu', () => {
  const labels = (items: MenuItemConstructorOptions[]): string[] => items.filter((i) => i.type !== 'separator').map((i) => String(i.label).replace('&', ''));
  const sub = (t: MenuItemConstructorOptions[], i: number) => (t[i]?.submenu ?? []) as MenuItemConstructorOptions[];
  const menu = (lang: 'vi' | 'en', isPackaged = true) => buildMenuTemplate({ isPackaged, lang, actions: { backup: () => {}, about: () => {} } });
  /** Every item, submenus included, in order. */
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...walk(Array.isArray(i.submenu) ? (i.submenu as MenuItemConstructorOptions[]) : [])]);
  const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

  it('is in Vietnamese, with keyboard access letters', () => {
    const t = menu('vi');
    expect(labels(t)).toEqual(['Tệp', 'Chỉnh sửa', 'Hiển thị', 'Trợ giúp']);
    expect(t.every((m) => String(m.label).includes('&'))).toBe(true);
    expect(labels(sub(t, 0))).toEqual(['Sao lưu…', 'Thoát']);
    expect(labels(sub(t, 1))).toEqual(['Hoàn tác', 'Làm lại', 'Cắt', 'Sao chép', 'Dán', 'Chọn tất cả']);
    expect(labels(sub(t, 2))).toEqual(['Tải lại', 'Phóng to', 'Thu nhỏ', 'Kích thước thật', 'Toàn màn hình']);
    expect(labels(sub(t, 3))).toEqual(['Giới thiệu WardPlan']);
  });

  it('is in English when the dialogs are, item for item, with no Vietnamese left', () => {
    for (const isPackaged of [true, false]) {
      const [vi, en] = [walk(menu('vi', isPackaged)), walk(menu('en', isPackaged))];
      expect(en.map((i) => [i.type, i.role, i.accelerator])).toEqual(vi.map((i) => [i.type, i.role, i.accelerator]));
      en.forEach((item, n) => {
        if (item.type === 'separator') return;
        expect(String(item.label).trim(), JSON.stringify(item)).not.toBe('');
        expect(item.label, String(item.label)).not.toMatch(VIETNAMESE);
        expect(item.label).not.toBe(vi[n]!.label);
      });
    }
    const t = menu('en');
    expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(t.every((m) => String(m.label).includes('&'))).toBe(true);
    expect(labels(sub(t, 0))).toEqual(['Back up…', 'Quit']);
    expect(labels(sub(t, 3))).toEqual(['About WardPlan']);
  });

  it('offers DevTools only in development', () => {
    const roles = (packaged: boolean) => sub(menu('vi', packaged), 2).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('runs the backup and about actions', () => {
    const calls: string[] = [];
    const t = buildMenuTemplate({ isPackaged: true, lang: 'en', actions: { backup: () => calls.push('backup'), about: () => calls.push('about') } });
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();
    click(sub(t, 0)[0]);
    click(sub(t, 3)[0]);
    expect(calls).toEqual(['backup', 'about']);
  });
});
