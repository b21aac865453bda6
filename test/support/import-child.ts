/**
 * Imports one bundle in a process of its own and prints the outcome with the process's peak
 * memory before and after, so a test can bound what reading a hostile file costs.
 */
import { openDatabase } from '../../db/database';
import { sessionFor } from '../../db/session';
import { importBundle } from '../../db/sync/import';

const [dbPath, file] = process.argv.slice(2) as [string, string];
const s = sessionFor(openDatabase(dbPath));
const before = process.resourceUsage().maxRSS;
const r = await importBundle(s, file, { quarantine: false });
const after = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ status: r.status, error: r.error, peakGrowthKb: after - before }));
