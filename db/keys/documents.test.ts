import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { AppError } from '../../shared/errors';
import {
  issueWardCertificate,
  makeEnrollmentRequest,
  makeRevocation,
  signDocument,
  verifyDocument,
  verifyEnrollmentRequest,
  verifyRevocation,
  verifyWardCertificate,
  type EnrollmentRequest,
} from './documents';
import { fingerprintOf, generateKeyPair, keyIdOf, sign, verify } from './ed25519';
import { newStoredKey } from './stored-key';

const ward = newStoredKey();
const city = newStoredKey();
const info = {
  wardCode: 'HP-HAIDUONG',
  wardName: 'Phường Hải Dương',
  officer: { name: 'Phạm Thị Thanh Vân', title: 'Chủ tịch', phone: '0912 345 678' },
  createdAt: '2026-03-02T01:30:00.000Z',
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-documents-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Documents travel as files: write, read back, parse, as the other side would. */
function throughFile<T>(doc: T): unknown {
  const file = path.join(dir, 'doc.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function expectAppError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('signDocument / verifyDocument', () => {
  it('signs canonical JSON of everything but the signature, checkable without this code', () => {
    const doc = signDocument(ward, { b: 'hai', a: [1, { z: true, y: null }] });
    const { signature, ...body } = doc;
    // What another implementation would do: sort keys, no spaces, Ed25519 over the UTF-8 bytes.
    expect(verify(ward.publicKey, '{"a":[1,{"y":null,"z":true}],"b":"hai"}', signature)).toBe(true);
    expect(canonicalJson(body)).toBe('{"a":[1,{"y":null,"z":true}],"b":"hai"}');
    expect(verifyDocument(throughFile(doc), ward.publicKey)).toBe(true);
  });

  it('does not depend on key order or whitespace in the file', () => {
    const doc = signDocument(ward, { first: 1, second: 'Phường' });
    const reordered = { signature: doc.signature, second: 'Phường', first: 1 };
    expect(verifyDocument(reordered, ward.publicKey)).toBe(true);
  });

  it('replaces an existing signature rather than signing it', () => {
    const once = signDocument(ward, { x: 1 });
    const twice = signDocument(ward, once);
    expect(twice.signature).toBe(once.signature); // Ed25519 is deterministic
  });

  it('refuses a changed value, an added field, a removed field, and another key', () => {
    const doc = signDocument(ward, { x: 1, y: 'a' });
    expect(verifyDocument({ ...doc, x: 2 }, ward.publicKey)).toBe(false);
    expect(verifyDocument({ ...doc, z: 0 }, ward.publicKey)).toBe(false);
    const { y: _y, ...withoutY } = doc;
    expect(verifyDocument(withoutY, ward.publicKey)).toBe(false);
    expect(verifyDocument(doc, city.publicKey)).toBe(false);
  });

  it('never throws on garbage', () => {
    for (const junk of [null, undefined, 1, 'x', [], {}, { signature: 5 }, { signature: 'abc' }]) {
      expect(verifyDocument(junk, ward.publicKey)).toBe(false);
    }
    expect(verifyDocument(signDocument(ward, { x: 1 }), 'not a key')).toBe(false);
  });
});

describe('enrollment request', () => {
  it('is self-signed, carries the key id, and survives the trip as a file', () => {
    const request = makeEnrollmentRequest(ward, info);
    expect(request).toMatchObject({ type: 'wardplan-enrollment-request', v: 1, keyId: ward.keyId, publicKey: ward.publicKey });
    expect(verifyEnrollmentRequest(throughFile(request))).toEqual(request);
  });

  it('leaves optional officer details out instead of writing them as null', () => {
    const request = makeEnrollmentRequest(ward, { ...info, officer: { name: 'Trần Văn An', title: undefined } });
    expect(Object.keys(request.officer)).toEqual(['name']);
    expect(verifyEnrollmentRequest(throughFile(request))).toEqual(request);
  });

  it.each<[string, (r: EnrollmentRequest) => unknown]>([
    ['a different ward code', (r) => ({ ...r, wardCode: 'HP-KHAC' })],
    ['a different officer phone', (r) => ({ ...r, officer: { ...r.officer, phone: '0999 999 999' } })],
    ['a wrong type', (r) => ({ ...r, type: 'wardplan-ward-certificate' })],
    ['a later version', (r) => ({ ...r, v: 2 })],
    ['no signature', ({ signature: _s, ...r }) => r],
    ['an unknown field', (r) => ({ ...r, extra: 'x' })],
    ['a local time instead of UTC', (r) => ({ ...r, createdAt: '2026-03-02T08:30:00+07:00' })],
    ['not an object', () => 'wardplan-enrollment-request'],
  ])('is refused with %s', (_label, change) => {
    const request = makeEnrollmentRequest(ward, info);
    expectAppError(() => verifyEnrollmentRequest(change(request)), 'keys.bad_enrollment_request');
  });

  it('is refused when signed by a key other than the one it presents (no proof of possession)', () => {
    const other = newStoredKey();
    const { signature: _s, ...body } = makeEnrollmentRequest(ward, info);
    const forged = signDocument(other, body);
    expectAppError(() => verifyEnrollmentRequest(forged), 'keys.bad_enrollment_request');
  });

  it('is refused when the key id does not belong to the key, even if correctly signed', () => {
    const { signature: _s, ...body } = makeEnrollmentRequest(ward, info);
    const lying = signDocument(ward, { ...body, keyId: city.keyId });
    expectAppError(() => verifyEnrollmentRequest(lying), 'keys.bad_enrollment_request');
  });

  it('tells the officer which detail is wrong before anything is sent', () => {
    try {
      makeEnrollmentRequest(ward, { ...info, wardCode: 'mã phường/../x' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toMatchObject({ code: 'keys.invalid_enrollment_details', params: { field: 'wardCode' } });
    }
    expectAppError(() => makeEnrollmentRequest(ward, { ...info, officer: { name: '' } }), 'keys.invalid_enrollment_details');
  });
});

describe('ward certificate', () => {
  const issuedAt = '2026-03-03T02:00:00.000Z';

  it('is issued from a valid request, signed by the city, and carries the phone fingerprint', () => {
    const cert = issueWardCertificate(city, 'HP', throughFile(makeEnrollmentRequest(ward, info)), issuedAt);
    expect(cert).toMatchObject({
      type: 'wardplan-ward-certificate',
      v: 1,
      cityCode: 'HP',
      cityKeyId: city.keyId,
      wardCode: 'HP-HAIDUONG',
      wardName: 'Phường Hải Dương',
      publicKey: ward.publicKey,
      keyId: ward.keyId,
      fingerprint: fingerprintOf(ward.publicKey),
      issuedAt,
    });
    expect(verifyWardCertificate(throughFile(cert), city.publicKey)).toEqual(cert);
  });

  it('is not issued for a tampered request', () => {
    const request = makeEnrollmentRequest(ward, info);
    expectAppError(() => issueWardCertificate(city, 'HP', { ...request, wardName: 'Phường Khác' }), 'keys.bad_enrollment_request');
  });

  it('is refused after any change', () => {
    const cert = issueWardCertificate(city, 'HP', makeEnrollmentRequest(ward, info), issuedAt);
    expectAppError(() => verifyWardCertificate({ ...cert, wardCode: 'HP-KHAC' }, city.publicKey), 'keys.bad_ward_certificate');
    const stranger = generateKeyPair().publicKey;
    expectAppError(
      () => verifyWardCertificate({ ...cert, publicKey: stranger, keyId: keyIdOf(stranger), fingerprint: fingerprintOf(stranger) }, city.publicKey),
      'keys.bad_ward_certificate',
    );
  });

  it('is refused when its fingerprint does not belong to the key, even if the city signed it', () => {
    const cert = issueWardCertificate(city, 'HP', makeEnrollmentRequest(ward, info), issuedAt);
    const { signature: _s, ...body } = cert;
    const resigned = signDocument(city, { ...body, fingerprint: '0000 0000 0000 0000 0000' });
    expectAppError(() => verifyWardCertificate(resigned, city.publicKey), 'keys.bad_ward_certificate');
  });

  it('says when it was signed by another city key', () => {
    const otherCity = newStoredKey();
    const cert = issueWardCertificate(otherCity, 'HP', makeEnrollmentRequest(ward, info), issuedAt);
    try {
      verifyWardCertificate(cert, city.publicKey);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toMatchObject({
        code: 'keys.certificate_wrong_city_key',
        params: { certificateKeyId: otherCity.keyId, expectedKeyId: city.keyId },
      });
    }
  });

  it('is refused when a forger copies the city key id but signs with another key', () => {
    const forger = newStoredKey();
    const cert = issueWardCertificate(city, 'HP', makeEnrollmentRequest(ward, info), issuedAt);
    const { signature: _s, ...body } = cert;
    const forged = { ...body, signature: sign(forger.privateKeyPem, canonicalJson(body)) };
    expectAppError(() => verifyWardCertificate(forged, city.publicKey), 'keys.bad_ward_certificate');
  });
});

describe('revocation', () => {
  const revocation = { keyId: ward.keyId, wardCode: 'HP-HAIDUONG', reason: 'Máy tính của phường bị mất trộm', at: '2026-04-01T03:00:00.000Z' };

  it('is signed by the signer and names it', () => {
    const statement = makeRevocation(city, revocation);
    expect(statement).toMatchObject({ type: 'wardplan-key-revocation', v: 1, ...revocation, byKeyId: city.keyId });
    expect(verifyRevocation(throughFile(statement), city.publicKey)).toEqual(statement);
  });

  it('is refused when altered, checked against another signer, or malformed', () => {
    const statement = makeRevocation(city, revocation);
    expectAppError(() => verifyRevocation({ ...statement, keyId: city.keyId }, city.publicKey), 'keys.bad_revocation');
    expectAppError(() => verifyRevocation(statement, ward.publicKey), 'keys.bad_revocation');
    expectAppError(() => verifyRevocation({ ...statement, reason: '' }, city.publicKey), 'keys.bad_revocation');
    expectAppError(() => verifyRevocation(null, city.publicKey), 'keys.bad_revocation');
  });

  it('is refused when it claims a signer other than the one that signed', () => {
    const { signature: _s, ...body } = makeRevocation(ward, revocation);
    const claimed = signDocument(ward, { ...body, byKeyId: city.keyId });
    expectAppError(() => verifyRevocation(claimed, ward.publicKey), 'keys.bad_revocation');
  });
});

describe('each refusal says which check failed', () => {
  const otherCity = newStoredKey();

  it('an enrollment request whose key id or signature is wrong', () => {
    const request = makeEnrollmentRequest(ward, info);
    const other = newStoredKey();
    // Re-signed by the key it names, but the id belongs to another key.
    const wrongId = signDocument(ward, { ...request, keyId: other.keyId });
    expect(() => verifyEnrollmentRequest(wrongId)).toThrow(/^keyId does not match publicKey$/);
    expect(() => verifyEnrollmentRequest({ ...request, wardName: 'Phường khác' })).toThrow(/^signature does not verify$/);
    expect(() => verifyEnrollmentRequest({ ...request, extra: 1 })).toThrow(
      expect.objectContaining({ code: 'keys.bad_enrollment_request', params: { field: '(document)' } }),
    );
    expect(() => verifyEnrollmentRequest({ ...request, officer: { name: '' } })).toThrow(expect.objectContaining({ params: { field: 'officer.name' } }));
  });

  it('a certificate from another city key, for another key, with a wrong fingerprint or signature', () => {
    const cert = issueWardCertificate(city, 'HP', makeEnrollmentRequest(ward, info), '2026-03-03T00:00:00.000Z');
    expect(() => verifyWardCertificate(cert, otherCity.publicKey)).toThrow(
      expect.objectContaining({ code: 'keys.certificate_wrong_city_key', params: { certificateKeyId: city.keyId, expectedKeyId: otherCity.keyId } }),
    );
    const other = newStoredKey();
    expect(() => verifyWardCertificate(signDocument(city, { ...cert, keyId: other.keyId }), city.publicKey)).toThrow(/^keyId does not match publicKey$/);
    const wrongPrint = signDocument(city, { ...cert, fingerprint: '0000 0000 0000 0000 0000' });
    expect(() => verifyWardCertificate(wrongPrint, city.publicKey)).toThrow(/^fingerprint does not match publicKey$/);
    expect(() => verifyWardCertificate({ ...cert, wardName: 'Phường khác' }, city.publicKey)).toThrow(/^signature does not verify$/);
  });

  it('a revocation signed by another key than it names, or altered', () => {
    const r = makeRevocation(city, { keyId: ward.keyId, wardCode: 'HP-HAIDUONG', reason: 'Máy tính bị mất', at: '2026-05-01T00:00:00.000Z' });
    expect(r.byKeyId).toBe(city.keyId);
    expect(() => verifyRevocation(r, otherCity.publicKey)).toThrow(/^byKeyId does not match the signer$/);
    expect(() => verifyRevocation({ ...r, reason: 'khác' }, city.publicKey)).toThrow(/^signature does not verify$/);
    expect(() => makeRevocation(city, { keyId: ward.keyId, wardCode: 'HP-HAIDUONG', reason: 'a\u0007b' })).toThrow(
      expect.objectContaining({ code: 'keys.invalid_revocation_details', params: { field: 'reason' } }),
    );
  });

  it('leaves out officer fields that were not given', () => {
    const request = makeEnrollmentRequest(ward, { ...info, officer: { name: 'Phạm Thị Thanh Vân', title: undefined, phone: undefined } });
    expect(request.officer).toEqual({ name: 'Phạm Thị Thanh Vân' });
    expect(Object.keys(request.officer)).toEqual(['name']);
  });
});
