/** Uploads that finish together are imported together: each ward still gets its own outcome and receipt. */
import { afterEach, describe, expect, it } from 'vitest';
import { sendToHub } from '../../db/hub-client/send';
import { enrolledPair, secondWard, startHub } from '../../test/support/hub-fixture';

const FAST = { retryDelaysMs: [20, 50, 100, 200, 400], stallTimeoutMs: 5_000 };
const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('the hub under many uploads at once', () => {
  it('two wards sending at the same moment both land, each with its own receipt', async () => {
    const { ward, city, dir } = await enrolledPair();
    const hub = await startHub(city, {});
    open.push(hub.app);
    const other = await secondWard(dir, city, hub.url);
    const [a, b] = await Promise.all([sendToHub(ward.s, ward.store, hub.url, FAST), sendToHub(other.s, other.store, hub.url, FAST)]);
    expect(a.sent.map((x) => x.status)).toEqual(['applied']);
    expect(b.sent.map((x) => x.status)).toEqual(['applied']);
    expect(a.sent[0]!.receipt?.wardCode).toBe(ward.s.orgCode);
    expect(b.sent[0]!.receipt?.wardCode).toBe(other.s.orgCode);
    const owners = city.db.sqlite.prepare("SELECT owner, count(*) AS n FROM bundle_in WHERE status = 'applied' GROUP BY owner ORDER BY owner").all();
    expect(owners).toEqual(
      [
        { owner: ward.s.orgCode, n: 1 },
        { owner: other.s.orgCode, n: 1 },
      ].sort((x, y) => x.owner.localeCompare(y.owner)),
    );
  });
});
