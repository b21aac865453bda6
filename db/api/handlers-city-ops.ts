/**
 * Handlers of the city's own operations (shared/api/contract-city-ops.ts): they work on files of
 * the host's disk (request files, bundles on a USB stick), so they serve hosts that have one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CityOpsOutputs, cityOpsSchemas } from '../../shared/api/contract-city-ops';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { openDatabase } from '../database';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import type { Session } from '../session';
import { listReceivedReports } from '../services/reports';
import { initCity } from '../services/setup';
import { cityEnroll } from '../sync/enroll';
import { ensureKey } from '../sync/identity';
import { collectBundleFiles } from '../sync/import';
import { importBundles } from '../sync/import-batch';
import { cityProgress, cityStatus } from '../sync/status';
import { approveInboxEnrollment, enrollmentInbox, refuseInboxEnrollment } from '../sync/hub-city';
import { createBackup } from '../services/backup';

type OpsMethod = keyof typeof cityOpsSchemas;
type OpsHandlers = { [M in OpsMethod]: (input: z.output<(typeof cityOpsSchemas)[M]>) => CityOpsOutputs[M] | Promise<CityOpsOutputs[M]> };

export interface CityOpsHost {
  dbPath: string;
  now?: (() => string) | undefined;
  session(): Session;
  keyStore(): KeyStore;
}

export function createCityOpsHandlers(host: CityOpsHost): OpsHandlers {
  const s = () => host.session();
  return {
    'city.init': async (i) => {
      const file = path.resolve(host.dbPath);
      if (fs.existsSync(file)) throw new AppError('db.exists', { path: file });
      const store = host.keyStore();
      const created = [file, `${file}-wal`, `${file}-shm`];
      let made: CityOpsOutputs['city.init'] | undefined;
      const db = openDatabase(file);
      try {
        const session = initCity(db, i, host.now);
        const key = await ensureKey(session, store);
        made = { city: i.cityCode, keyId: key.keyId, fingerprint: fingerprintOf(key.publicKey) };
      } finally {
        db.close();
        // A half-made city database would make the next init refuse with "already exists".
        if (!made) for (const f of created) fs.rmSync(f, { force: true });
      }
      return made;
    },
    'city.enroll': (i) => cityEnroll(s(), host.keyStore(), path.resolve(i.requestPath), path.resolve(i.responsePath)),
    'city.import': async (i) => {
      const session = s();
      const files = collectBundleFiles(i.paths.map((p) => path.resolve(p)));
      // Unlocked once for the whole stick, not once per bundle.
      const cityKey = files.length ? await ensureKey(session, host.keyStore()) : undefined;
      return importBundles(session, files, { cityKey });
    },
    'city.status': (i) => cityStatus(s(), i.asOf),
    'city.progress': (i) => cityProgress(s(), i.asOf),
    'city.reports.received': () => listReceivedReports(s()),
    'city.inbox': (i) => enrollmentInbox(s(), !!i.all),
    'city.inbox.approve': async (i) => {
      const session = s();
      return approveInboxEnrollment(session, await ensureKey(session, host.keyStore()), i.id);
    },
    'city.inbox.refuse': (i) => refuseInboxEnrollment(s(), i.id),
    'city.backup': (i) => {
      const session = s();
      return createBackup(session.db, session.orgCode, path.resolve(i.outDir), session.now());
    },
  };
}
