/** The dashboard's doors, tried on a real socket: token, session, CSRF, roles, lock-out, audit. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { addUser } from '../../db/city/accounts';
import { initCity } from '../../db/services/setup';
import { makeEnrollmentRequest } from '../../db/keys/documents';
import { newStoredKey } from '../../db/keys/stored-key';
import { sessionFor } from '../../db/session';
import { enrollmentAnswer, submitEnrollment } from '../../db/sync/hub-city';
import { PASSPHRASE } from '../../test/support/sync-fixture';
import { tempDir } from '../../test/support/temp';
import { startDashboard, type RunningDashboard } from './standalone';

let d: RunningDashboard;
let dbPath: string;

beforeAll(async () => {
  const dir = tempDir('wardplan-dash-');
  dbPath = path.join(dir, 'city.db');
  const db = openDatabase(dbPath);
  const s = initCity(db, { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' });
  await addUser(s, { name: 'admin', role: 'admin', password: 'mật khẩu quản trị 1' }, 'test');
  await addUser(s, { name: 'xem', role: 'viewer', password: 'mật khẩu chỉ xem 1' }, 'test');
  await addUser(s, { name: 'khoa', role: 'viewer', password: 'mật khẩu bị khóa 1' }, 'test');
  db.close();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'city'), { recursive: true });
  fs.mkdirSync(path.join(renderer, 'assets'));
  fs.writeFileSync(path.join(renderer, 'city', 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  d = await startDashboard({ dbPath, rendererDir: renderer, passphrase: async () => PASSPHRASE });
}, 30_000);

afterAll(async () => {
  await d?.close();
});

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string } };
  cookie: string | null;
}

async function post(p: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${d.origin}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wardplan-token': d.token, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], cookie: res.headers.get('set-cookie') };
}

async function login(name: string, password: string): Promise<{ cookie: string; csrf: string; answer: Answer }> {
  const answer = await post('/api/city/login', { name, password });
  return { cookie: (answer.cookie ?? '').split(';')[0]!, csrf: (answer.body.value as { csrf?: string } | undefined)?.csrf ?? '', answer };
}

function users(): number {
  const db = openDatabase(dbPath, { mustExist: true });
  try {
    return (db.sqlite.prepare('SELECT count(*) AS n FROM city_user').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('the dashboard served alone', () => {
  it('serves the page only at the printed address (with its token), and says so otherwise', async () => {
    expect((await fetch(`${d.origin}/city/`)).status).toBe(401);
    const ok = await fetch(d.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(`<meta name="wardplan-token" content="${d.token}">`);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: d.port, path: d.url.slice(d.origin.length), headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses an API call without the start token, without a session, and without the CSRF token', async () => {
    const noToken = await fetch(`${d.origin}/api/city/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'city.overview', input: {} }),
    });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as Answer['body']).error?.code).toBe('host.bad_token');
    const noSession = await post('/api/city/call', { method: 'city.overview', input: {} });
    expect([noSession.status, noSession.body.error?.code]).toEqual([401, 'auth.no_session']);
    const { cookie, csrf, answer } = await login('admin', 'mật khẩu quản trị 1');
    expect(answer.status).toBe(200);
    expect(answer.cookie).toMatch(/HttpOnly/i);
    expect(answer.cookie).toMatch(/SameSite=Strict/i);
    expect(answer.cookie).not.toMatch(/Secure/i);
    const noCsrf = await post('/api/city/call', { method: 'city.users.add', input: { name: 'moi', role: 'viewer', password: 'mật khẩu mới dài' } }, { cookie });
    expect([noCsrf.status, noCsrf.body.error?.code]).toEqual([403, 'auth.csrf']);
    const wrongCsrf = await post('/api/city/call', { method: 'city.overview', input: {} }, { cookie, 'x-csrf-token': `${csrf}x` });
    expect(wrongCsrf.status).toBe(403);
    expect(users()).toBe(3);
    const ok = await post('/api/city/call', { method: 'city.overview', input: {} }, { cookie, 'x-csrf-token': csrf });
    expect(ok.body).toMatchObject({ ok: true, value: { city: { code: 'HP' } } });
  });

  it('an administrator adds a user, and the action is audited', async () => {
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    const r = await post(
      '/api/city/call',
      { method: 'city.users.add', input: { name: 'moi', role: 'viewer', password: 'mật khẩu mới dài' } },
      { cookie, 'x-csrf-token': csrf },
    );
    expect(r.body).toMatchObject({ ok: true, value: { name: 'moi', role: 'viewer' } });
    const audit = await post('/api/city/call', { method: 'city.audit', input: {} }, { cookie, 'x-csrf-token': csrf });
    expect((audit.body.value as { rows: Array<{ actor: string; action: string }> }).rows).toContainEqual(
      expect.objectContaining({ actor: 'admin', action: 'user.add' }),
    );
  });

  it("refuses revoking a ward without a key, a malformed period, and a method that is not the city's", async () => {
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    const h = { cookie, 'x-csrf-token': csrf };
    const none = await post('/api/city/call', { method: 'city.keys.revoke', input: { wardCode: 'HP-KHONGCO', reason: 'mất máy' } }, h);
    expect(none.body).toMatchObject({ ok: false, error: { code: 'sync.no_key_to_revoke' } });
    const bad = await post('/api/city/call', { method: 'city.completeness', input: { period: '2026-Q5' } }, h);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'period.format' } });
    const unknown = await post('/api/city/call', { method: 'tasks.add', input: {} }, h);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'api.unknown_method' } });
  });

  it('a viewer reads but is refused every administrative action, and nothing changes', async () => {
    const { cookie, csrf } = await login('xem', 'mật khẩu chỉ xem 1');
    const read = await post('/api/city/call', { method: 'city.completeness', input: { period: '2026-Q3' } }, { cookie, 'x-csrf-token': csrf });
    expect(read.body.ok).toBe(true);
    const before = users();
    for (const [method, input] of [
      ['city.users.add', { name: 'lau', role: 'admin', password: 'mật khẩu lẻn vào' }],
      ['city.catalog.publish', {}],
      ['city.enrollments.approve', { id: '00000000-0000-4000-8000-000000000000' }],
      ['city.users.list', {}],
    ] as const) {
      const r = await post('/api/city/call', { method, input }, { cookie, 'x-csrf-token': csrf });
      expect([r.status, r.body.error?.code], method).toEqual([403, 'auth.admin_only']);
    }
    expect(users()).toBe(before);
  });

  it('locks an account after 5 failures within 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await login('khoa', 'sai mật khẩu');
      expect(r.answer.status).toBe(i < 4 ? 401 : 429);
    }
    const right = await login('khoa', 'mật khẩu bị khóa 1');
    expect([right.answer.status, right.answer.body.error?.code]).toEqual([429, 'auth.locked']);
    expect(right.answer.cookie).toBeNull();
    // Another account is not affected.
    expect((await login('xem', 'mật khẩu chỉ xem 1')).answer.status).toBe(200);
  });

  it('signing out ends the session', async () => {
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    expect((await post('/api/city/logout', {}, { cookie, 'x-csrf-token': csrf })).status).toBe(200);
    const after = await post('/api/city/call', { method: 'city.overview', input: {} }, { cookie, 'x-csrf-token': csrf });
    expect([after.status, after.body.error?.code]).toEqual([401, 'auth.no_session']);
  });
});

/** A ward's request sent online to the hub's inbox, as server/hub stores it. */
function sendOnline(wardCode: string): { id: string; fingerprint: string } {
  const key = newStoredKey();
  const request = makeEnrollmentRequest(key, {
    wardCode,
    wardName: `Phường ${wardCode}`,
    officer: { name: 'Nguyễn Văn Phường', title: 'Công chức', phone: '0912 000 111' },
  });
  const db = openDatabase(dbPath, { mustExist: true });
  try {
    return submitEnrollment(sessionFor(db), request);
  } finally {
    db.close();
  }
}

function query<T>(sql: string, ...args: unknown[]): T | undefined {
  const db = openDatabase(dbPath, { mustExist: true });
  try {
    return db.sqlite.prepare(sql).get(...args) as T | undefined;
  } finally {
    db.close();
  }
}

describe('enrollment from both doors, and the city key', () => {
  it("lists a request sent online with its fingerprint; approving it is `city approve`'s effect, audited", async () => {
    const sent = sendOnline('HP-ONLINE1');
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    const h = { cookie, 'x-csrf-token': csrf };
    const list = await post('/api/city/call', { method: 'city.enrollments', input: {} }, h);
    const row = (list.body.value as Array<{ id: string; source: string; status: string; fingerprint: string; officerName: string }>).find(
      (r) => r.id === sent.id,
    );
    expect(row).toMatchObject({ source: 'online', status: 'pending', fingerprint: sent.fingerprint, officerName: 'Nguyễn Văn Phường' });
    const ok = await post('/api/city/call', { method: 'city.enrollments.approve', input: { id: sent.id } }, h);
    expect(ok.body).toMatchObject({ ok: true, value: { enrollment: { id: sent.id, status: 'approved', decidedBy: 'admin', source: 'online' } } });
    // What the ward fetches from the hub is now there, and the city trusts the key.
    const db = openDatabase(dbPath, { mustExist: true });
    try {
      const answer = enrollmentAnswer(sessionFor(db), sent.id);
      expect(answer.status).toBe('approved');
      expect(answer.response?.certificate).toMatchObject({ wardCode: 'HP-ONLINE1' });
    } finally {
      db.close();
    }
    expect(query<{ n: number }>("SELECT count(*) AS n FROM trusted_key WHERE org_code = 'HP-ONLINE1' AND revoked_at IS NULL")?.n).toBe(1);
    expect(query<{ c: string }>("SELECT contact_name AS c FROM ward_info WHERE ward_code = 'HP-ONLINE1'")?.c).toBe('Nguyễn Văn Phường');
    expect(query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'enrollment.approve' AND entity_id = ?", sent.id)?.actor).toBe('admin');
    const again = await post('/api/city/call', { method: 'city.enrollments.approve', input: { id: sent.id } }, h);
    expect(again.body).toMatchObject({ ok: false, error: { code: 'city.enrollment_decided' } });
  });

  it('rejects an online request: the inbox says refused, no key is trusted', async () => {
    const sent = sendOnline('HP-ONLINE2');
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    const r = await post('/api/city/call', { method: 'city.enrollments.reject', input: { id: sent.id } }, { cookie, 'x-csrf-token': csrf });
    expect(r.body).toMatchObject({ ok: true, value: { status: 'rejected', source: 'online', decidedBy: 'admin' } });
    expect(query<{ s: string }>('SELECT status AS s FROM enrollment_inbox WHERE id = ?', sent.id)?.s).toBe('refused');
    expect(query<{ n: number }>("SELECT count(*) AS n FROM trusted_key WHERE org_code = 'HP-ONLINE2'")?.n).toBe(0);
  });

  it('a viewer cannot approve an online request nor rotate the key; without CSRF nothing happens either', async () => {
    const sent = sendOnline('HP-ONLINE3');
    const keyBefore = query<{ v: string }>("SELECT value AS v FROM meta WHERE key = 'key_id'")?.v;
    const viewer = await login('xem', 'mật khẩu chỉ xem 1');
    for (const [method, input] of [
      ['city.enrollments.approve', { id: sent.id }],
      ['city.keys.rotate', {}],
    ] as const) {
      const r = await post('/api/city/call', { method, input }, { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf });
      expect([r.status, r.body.error?.code], method).toEqual([403, 'auth.admin_only']);
    }
    const admin = await login('admin', 'mật khẩu quản trị 1');
    const noCsrf = await post('/api/city/call', { method: 'city.keys.rotate', input: {} }, { cookie: admin.cookie });
    expect([noCsrf.status, noCsrf.body.error?.code]).toEqual([403, 'auth.csrf']);
    expect(query<{ s: string }>('SELECT status AS s FROM enrollment_inbox WHERE id = ?', sent.id)?.s).toBe('pending');
    expect(query<{ v: string }>("SELECT value AS v FROM meta WHERE key = 'key_id'")?.v).toBe(keyBefore);
  });

  it('an administrator rotates the city key: a new key and fingerprint, the old one named in the audit', async () => {
    const { cookie, csrf } = await login('admin', 'mật khẩu quản trị 1');
    const h = { cookie, 'x-csrf-token': csrf };
    // The key exists once something was signed; make sure of it the way the screen shows it.
    const first = await post('/api/city/call', { method: 'city.keys.rotate', input: {} }, h);
    const a = first.body.value as { keyId: string; fingerprint: string; oldKeyId: string; rotatedBy: string };
    expect(first.body.ok).toBe(true);
    expect(a.keyId).not.toBe(a.oldKeyId);
    expect(a.rotatedBy).toBe('admin');
    const shown = await post('/api/city/call', { method: 'city.keys', input: {} }, h);
    expect(shown.body.value).toMatchObject({ keyId: a.keyId, fingerprint: a.fingerprint });
    const audit = query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'key.rotate' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(audit!.detail)).toMatchObject({ oldKeyId: a.oldKeyId, newKeyId: a.keyId });
  });
});
