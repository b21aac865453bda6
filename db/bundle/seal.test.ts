import { Encrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { ageRecipientOf, newAgeIdentity } from '../keys/age-identity';
import { openPayload, sealPayload } from './seal';

describe('sealed payloads', () => {
  it('open with any of their recipients, to exactly the bytes sealed, and are compressed before they are encrypted', async () => {
    const [city, ward, other] = [await newAgeIdentity(), await newAgeIdentity(), await newAgeIdentity()];
    const plain = Buffer.from('Cán bộ chuyên trách CNTT\n'.repeat(200));
    const sealed = await sealPayload(plain, [await ageRecipientOf(city), await ageRecipientOf(ward)]);
    // Compressed at the strongest level: repeated text shrinks to a small fraction.
    expect(sealed.length).toBeLessThan(plain.length / 4);
    expect((await openPayload('f', sealed, [city], plain.length)).equals(plain)).toBe(true);
    expect((await openPayload('f', sealed, [other, ward], plain.length)).equals(plain)).toBe(true);
    await expect(openPayload('f', sealed, [other], plain.length)).rejects.toMatchObject({ code: 'bundle.sealed_for_other', params: { file: 'f' } });
  });

  it('inflate no further than the limit, and refuse what decrypts but does not inflate', async () => {
    const id = await newAgeIdentity();
    const sealed = await sealPayload(Buffer.alloc(100_000), [await ageRecipientOf(id)]);
    // The limit is said in MiB, rounded: 99,999 bytes is 0 MiB, 3 MiB less one byte is 3.
    await expect(openPayload('f', sealed, [id], 99_999)).rejects.toMatchObject({
      code: 'bundle.entry_too_large',
      params: { file: 'f', entry: 'changes.age', limitMb: 0 },
    });
    const big = await sealPayload(Buffer.alloc(3 * 1048576), [await ageRecipientOf(id)]);
    await expect(openPayload('f', big, [id], 3 * 1048576 - 1, 'sealed-blobs/x')).rejects.toMatchObject({
      params: { entry: 'sealed-blobs/x', limitMb: 3 },
    });
    expect((await openPayload('f', sealed, [id], 100_000)).length).toBe(100_000);
    const e = new Encrypter();
    e.addRecipient(await ageRecipientOf(id));
    const notDeflate = Buffer.from(await e.encrypt(Buffer.from([0xff, 0xff, 0xff, 0xff])));
    // The reason carries the library's own words, for whoever investigates the sender's software.
    const reason = expect.stringMatching(/\S/);
    await expect(openPayload('f', notDeflate, [id], 1000)).rejects.toMatchObject({ code: 'bundle.seal_broken', params: { file: 'f', reason } });
    const truncated = sealed.subarray(0, sealed.length - 10);
    await expect(openPayload('f', truncated, [id], 100_000)).rejects.toMatchObject({ code: 'bundle.seal_broken', params: { file: 'f', reason } });
  });
});
