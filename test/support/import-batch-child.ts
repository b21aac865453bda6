/**
 * Imports bundle files as one batch in a process of its own, printing the number of files done
 * after each committed group, so a test can kill it part way through.
 */
import { openDatabase } from '../../db/database';
import { sessionFor } from '../../db/session';
import { importBundles } from '../../db/sync/import-batch';
import { keyStoreFor } from './sync-fixture';

const [dbPath, ...files] = process.argv.slice(2) as [string, ...string[]];
const db = openDatabase(dbPath);
const s = sessionFor(db);
await importBundles(s, files, { store: keyStoreFor(db.path), groupSize: 2, onCommitted: (n) => process.stdout.write(`${n}\n`) });
process.stdout.write('done\n');
