/**
 * Compacts a database in a process of its own and stops dead at the stage named on the command
 * line, announcing it on stdout, so a test can kill it there with SIGKILL.
 */
import fs from 'node:fs';
import { openDatabase } from '../../db/database';
import { sessionFor } from '../../db/session';
import { compactDatabase } from '../../db/sync/compact';

const [dbPath, stopAt] = process.argv.slice(2) as [string, string];
const s = sessionFor(openDatabase(dbPath));
compactDatabase(s, {
  onStage: (stage) => {
    if (stage !== stopAt) return;
    fs.writeSync(1, `at ${stage}\n`);
    // Blocks the thread where it stands: the test's SIGKILL is the only way out.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
process.stdout.write('finished\n');
