import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { initCity } from '../services/setup';
import { addUser, countAdmins, disableUser, listUsers, sessionOf, signIn, signOut } from './accounts';

function city() {
  return initCity(openDatabase(path.join(tempDir(), 'city.db')), { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, fixedClock);
}

describe("the city's accounts", () => {
  it('keeps one administrator who can sign in, and a disabled account loses its session', async () => {
    const s = city();
    await addUser(s, { name: 'quantri', role: 'admin', password: 'mật khẩu quản trị 1' }, 'setup');
    expect(countAdmins(s)).toBe(1);
    expect(() => disableUser(s, 'quantri', 'setup')).toThrow(expect.objectContaining({ code: 'auth.last_admin' }));

    await addUser(s, { name: 'xem', role: 'viewer', password: 'mật khẩu người xem' }, 'quantri');
    await addUser(s, { name: 'quantri2', role: 'admin', password: 'mật khẩu quản trị 2' }, 'quantri');
    expect(countAdmins(s)).toBe(2);

    const signed = await signIn(s, 'xem', 'mật khẩu người xem');
    expect(sessionOf(s, signed.token)).toEqual({ user: expect.objectContaining({ name: 'xem', role: 'viewer', disabled: false }), csrf: signed.csrf });
    expect(sessionOf(s, `${signed.token}x`)).toBeNull();

    disableUser(s, 'xem', 'quantri');
    expect(sessionOf(s, signed.token)).toBeNull();
    disableUser(s, 'quantri', 'quantri2');
    expect(countAdmins(s)).toBe(1);
    expect(listUsers(s).map((u) => [u.name, u.role, u.disabled])).toEqual([
      ['quantri', 'admin', true],
      ['quantri2', 'admin', false],
      ['xem', 'viewer', true],
    ]);

    const admin = await signIn(s, 'quantri2', 'mật khẩu quản trị 2');
    signOut(s, admin.token);
    expect(sessionOf(s, admin.token)).toBeNull();
  });
});
