import { describe, expect, it } from 'vitest';
import { checkCallArgs, isTrustedSender, MAX_PAYLOAD_BYTES, parseDefaultName, parseFilters, payloadSize } from '../../electron/ipc-guards';

describe('IPC sender check', () => {
  const main = { webContentsId: 7, frameUrl: 'app://wardplan/index.html', isMainFrame: true };

  it('accepts the main window showing the app', () => {
    expect(isTrustedSender(main, 7)).toBe(true);
    expect(isTrustedSender({ ...main, frameUrl: 'app://wardplan/tasks/1?x=1' }, 7)).toBe(true);
  });

  it('refuses another window, an iframe, another origin, a gone frame, or no window yet', () => {
    expect(isTrustedSender({ ...main, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender({ ...main, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'https://evil.example/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'app://wardplan.evil/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: 'file:///C:/x.html' }, 7)).toBe(false);
    expect(isTrustedSender({ ...main, frameUrl: null }, 7)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('payload checks', () => {
  it('measures what a call carries', () => {
    expect(payloadSize({ contentBase64: 'x'.repeat(1000) })).toBeGreaterThanOrEqual(1000);
    expect(payloadSize(new Uint8Array(5000))).toBe(5000);
    expect(payloadSize({ a: [1, 2, 3], b: null, c: true })).toBeLessThan(100);
  });

  it('stops at the limit, at absurd nesting, and on cycles', () => {
    expect(payloadSize('x'.repeat(2000), 1000)).toBe(Number.POSITIVE_INFINITY);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = { deep };
    expect(payloadSize(deep)).toBe(Number.POSITIVE_INFINITY);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(payloadSize(cyclic)).toBe(Number.POSITIVE_INFINITY);
    // Shared references: tiny to send, huge to walk.
    let wide: unknown[] = [1];
    for (let i = 0; i < 30; i++) wide = [wide, wide];
    expect(payloadSize(wide)).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a method that is not a string', () => {
    for (const m of [undefined, null, 42, {}, ['tasks.list'], '']) {
      const r = checkCallArgs(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('api.unknown_method');
    }
  });

  it('refuses a payload over 80 MB with a message key, and passes anything else to the schema', () => {
    const r = checkCallArgs('tasks.attach', { contentBase64: 'A'.repeat(MAX_PAYLOAD_BYTES + 1) });
    expect(r).toEqual({ ok: false, error: { code: 'api.payload_too_large', params: { method: 'tasks.attach', limitMb: 80 } } });
    expect(checkCallArgs('tasks.attach', { contentBase64: 'A'.repeat(1024) })).toEqual({ ok: true, method: 'tasks.attach' });
    // Unknown names are WardApi's to refuse, with its own message.
    expect(checkCallArgs('no.such', {})).toEqual({ ok: true, method: 'no.such' });
  });
});

describe('dialog arguments', () => {
  it('accepts plain filters and nothing else', () => {
    expect(parseFilters(undefined)).toEqual([]);
    expect(parseFilters([{ name: 'Gói đồng bộ', extensions: ['wpb', 'zip'] }])).toEqual([{ name: 'Gói đồng bộ', extensions: ['wpb', 'zip'] }]);
    expect(parseFilters([{ name: 'Tất cả', extensions: ['*'] }])).toEqual([{ name: 'Tất cả', extensions: ['*'] }]);
    expect(parseFilters('wpb')).toBeNull();
    expect(parseFilters([{ name: 'x', extensions: ['../x'] }])).toBeNull();
    expect(parseFilters([{ name: 'x', extensions: [] }])).toBeNull();
    expect(parseFilters([{ name: '', extensions: ['a'] }])).toBeNull();
    expect(parseFilters([{ name: 'x', extensions: ['a'], extra: () => 1 }])).toEqual([{ name: 'x', extensions: ['a'] }]);
  });

  it('takes a bare file name for the save dialog, never a path', () => {
    expect(parseDefaultName('P-HD_sao-luu.wpbak')).toBe('P-HD_sao-luu.wpbak');
    expect(parseDefaultName('  Báo cáo quý 3.docx ')).toBe('Báo cáo quý 3.docx');
    for (const bad of ['../x', 'C:\\Windows\\x', '/etc/passwd', 'a:b', '', '..', 'x.', 42, null, 'a\u0000b', 'x'.repeat(201)]) {
      expect(parseDefaultName(bad)).toBeNull();
    }
  });
});
