/**
 * The browser host as a process of its own, for the end-to-end tests and the benchmark:
 *   node --import tsx test/support/run-host.ts --db FILE [--port N] [--out DIR]
 * Prints one JSON line ({"url","port","pid"}) once listening, and stops on SIGTERM or SIGINT.
 * The key's passphrase comes from WARDPLAN_PASSPHRASE. Officers use `wardplan host` instead.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../../server/browser-host';
import { parsePort } from '../../server/port';

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, out: { type: 'string' }, renderer: { type: 'string' } },
});
const port = parsePort(values.port);
if (!values.db || port === null) {
  process.stderr.write('usage: run-host.ts --db FILE [--port N (0-65535)] [--out DIR] [--renderer DIR]\n');
  process.exit(2);
}

const host = await startBrowserHost({
  dbPath: path.resolve(values.db),
  port,
  outDir: values.out ? path.resolve(values.out) : undefined,
  rendererDir: values.renderer ? path.resolve(values.renderer) : undefined,
});
process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, pid: process.pid })}\n`);

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
