import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { CoreClient } from './core-client';
import { WardApi } from './ward-api';
import { startCoreChild } from '../../test/support/core-child';
import { tempDir } from '../../test/support/temp';
import { PassphraseFileKeyStore } from '../keys/key-store';
import { openWithPassphrase, isPassphraseEnvelope } from '../keys/passphrase-envelope';

const SETUP = { wardCode: 'HP-X', wardName: 'Phường X', cityCode: 'HP', cityName: 'Hải Phòng', officerName: 'Cán bộ X', demo: true };
const started: Array<{ client: CoreClient; child: ChildProcess }> = [];

function start(dbPath: string, extra: Parameters<typeof startCoreChild>[1] = {}, keys?: 'host' | 'passphrase') {
  const core = startCoreChild({ dbPath, defaultOutDir: path.join(path.dirname(dbPath), 'out'), keys }, extra);
  started.push(core);
  return core;
}

afterEach(async () => {
  for (const c of started.splice(0)) await c.client.close();
});

describe('the core in a process of its own', () => {
  it('answers the API as WardApi does in the host thread, refusals included, with the same typed errors', async () => {
    const dir = tempDir('wardplan-core-');
    const { client } = start(path.join(dir, 'apart.db'));
    const here = new WardApi({ dbPath: path.join(dir, 'here.db') });
    // Errors name the database file; the two files differ by name only.
    const named = (r: unknown) => JSON.parse(JSON.stringify(r).replaceAll('apart.db', 'ward.db').replaceAll('here.db', 'ward.db')) as unknown;
    try {
      const calls: Array<[string, unknown]> = [
        ['app.status', {}],
        ['summary.get', {}],
        ['app.setup', { ...SETUP, wardCode: '' }],
        ['app.setup', SETUP],
        ['tasks.get', { id: 'not-a-uuid' }],
        ['tasks.get', { id: '00000000-0000-4000-8000-000000000000' }],
        ['no.such', {}],
        ['units.add', { code: 'BAD CODE!', name: 'x' }],
      ];
      for (const [method, input] of calls) {
        const apart = await client.call(method, input);
        const inThread = await here.call(method, input);
        if (!inThread.ok) expect(named(apart), method).toEqual(named(inThread));
        else expect(apart.ok, method).toBe(true);
      }
      const tasks = await client.call('tasks.list', { search: 'chuyen doi so' });
      expect(tasks.ok && Array.isArray(tasks.value) && tasks.value.length).toBeGreaterThan(0);
    } finally {
      here.close();
    }
  });

  it('keeps the signing key where the host says: the host loads and saves it on request', async () => {
    const dir = tempDir('wardplan-core-keys-');
    const keyFile = path.join(dir, 'held-by-host.key');
    const store = new PassphraseFileKeyStore(keyFile, async () => 'mật khẩu do máy chủ giữ');
    const { client } = start(path.join(dir, 'ward.db'), { keyStore: store }, 'host');
    expect((await client.call('app.setup', SETUP)).ok).toBe(true);
    const r = await client.call('keys.enrollmentRequest', {});
    expect(r.ok).toBe(true);
    // The key the request was signed with is the one the host's store sealed, in the host's file.
    const envelope: unknown = JSON.parse(fs.readFileSync(keyFile, 'utf8'));
    expect(isPassphraseEnvelope(envelope) && (await openWithPassphrase(envelope, 'mật khẩu do máy chủ giữ'))).toBeTruthy();
    expect(fs.existsSync(path.join(dir, 'ward.db.key'))).toBe(false);
  });

  it("passes the host's refusal to give a passphrase back as the API's own error", async () => {
    const dir = tempDir('wardplan-core-nopass-');
    const { client } = start(path.join(dir, 'ward.db'), {}, 'passphrase');
    expect((await client.call('app.setup', SETUP)).ok).toBe(true);
    const r = await client.call('keys.enrollmentRequest', {});
    expect(r).toEqual({ ok: false, error: { code: 'keys.passphrase_needed', params: {} } });
  });

  it('finishes the call under way, closes the database and ends when the host closes it', async () => {
    const dir = tempDir('wardplan-core-close-');
    const dbPath = path.join(dir, 'ward.db');
    const { client, child } = start(dbPath);
    const setup = client.call('app.setup', SETUP);
    await client.close();
    expect((await setup).ok).toBe(true);
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    // The last connection closed checkpoints the WAL into the file and removes it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    expect(await client.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'core.stopped' } });
  });

  it('answers calls in flight with core.stopped when the core dies', async () => {
    const dir = tempDir('wardplan-core-crash-');
    const { client, child } = start(path.join(dir, 'ward.db'));
    expect((await client.call('app.setup', SETUP)).ok).toBe(true);
    const pending = client.call('tasks.list', {});
    child.kill('SIGKILL');
    const r = await pending;
    // Either the answer beat the kill, or the call is told the core stopped: never left hanging.
    if (!r.ok) expect(r.error.code).toBe('core.stopped');
    await client.exited;
    expect(await client.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'core.stopped', params: { reason: 'killed (SIGKILL)' } } });
  });
});
