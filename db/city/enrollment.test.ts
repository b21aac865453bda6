import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWard, fixedClock, tempDir } from '../../test/support/temp';
import { openDatabase } from '../database';
import { PassphraseFileKeyStore } from '../keys/key-store';
import { initCity } from '../services/setup';
import { importEnrollmentResponse, writeEnrollmentRequest } from '../sync/enroll';
import { setWardInfo } from './catalog';
import { approveEnrollment, listEnrollments, rejectEnrollment, submitEnrollment } from './enrollment';

describe('enrollment requests handled from the dashboard', () => {
  it('keeps an uploaded request as pending, approves it once, and remembers whom to call', async () => {
    const { s: ward, dir } = demoWard();
    const city = initCity(openDatabase(path.join(tempDir(), 'city.db')), { cityCode: 'HP', cityName: 'Thành phố Hải Phòng' }, fixedClock);
    const passphrase = async () => 'một cụm mật khẩu thử nghiệm';
    const wardKeys = new PassphraseFileKeyStore(path.join(dir, 'ward.key'), passphrase);
    const cityKeys = new PassphraseFileKeyStore(path.join(dir, 'city.key'), passphrase);
    const requestFile = path.join(dir, 'request.json');
    await writeEnrollmentRequest(ward, wardKeys, requestFile);

    const content = fs.readFileSync(requestFile);
    const pending = submitEnrollment(city, 'request.json', content, 'quantri');
    expect(pending).toMatchObject({ wardCode: ward.orgCode, status: 'pending', decidedAt: null });
    expect(pending).not.toHaveProperty('document');
    // The same request twice is the same request.
    expect(submitEnrollment(city, 'request.json', content, 'quantri').id).toBe(pending.id);
    expect(listEnrollments(city).map((e) => [e.wardCode, e.status])).toEqual([[ward.orgCode, 'pending']]);

    const approved = await approveEnrollment(city, cityKeys, pending.id, 'quantri');
    expect(approved.enrollment).toMatchObject({ status: 'approved', decidedBy: 'quantri' });
    fs.writeFileSync(path.join(dir, 'response.json'), approved.response);
    expect(importEnrollmentResponse(ward, path.join(dir, 'response.json')).cityCode).toBe('HP');
    const contact = city.db.sqlite.prepare('SELECT contact_name FROM ward_info WHERE ward_code = ?').get(ward.orgCode) as { contact_name: string | null };
    expect(contact.contact_name).toBe(pending.officerName);
    expect(() => rejectEnrollment(city, pending.id, 'quantri')).toThrow(expect.objectContaining({ code: 'city.enrollment_decided' }));

    // The city edits what it knows of the ward: a field left out keeps its value, an empty one clears it.
    setWardInfo(city, { wardCode: ward.orgCode, group: 'Cụm 1', contactPhone: '0225 3841 234' }, 'quantri');
    setWardInfo(city, { wardCode: ward.orgCode, contactPhone: '' }, 'quantri');
    expect(city.db.sqlite.prepare('SELECT ward_group, contact_name, contact_phone FROM ward_info WHERE ward_code = ?').get(ward.orgCode)).toEqual({
      ward_group: 'Cụm 1',
      contact_name: pending.officerName,
      contact_phone: null,
    });
    expect(() => setWardInfo(city, { wardCode: 'NOPE', group: 'x' }, 'quantri')).toThrow(expect.objectContaining({ code: 'city.ward_not_found' }));
  });
});
