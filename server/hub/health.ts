/** Health for a monitor or load balancer, version for the ward to check it speaks to a WardPlan hub. */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { BUNDLE_VERSION } from '../../db/bundle/format';
import type { HubContext } from './context';

export const HUB_API_VERSION = 1;

function productVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function registerHealth(app: FastifyInstance, ctx: HubContext): void {
  const version = productVersion();
  app.get('/v1/health', async () => {
    // A query proves the database answers, not only that the process is alive.
    ctx.s.db.sqlite.prepare('SELECT 1').get();
    return { ok: true };
  });
  app.get('/v1/version', async () => ({ product: 'wardplan-hub', version, api: HUB_API_VERSION, bundleFormat: BUNDLE_VERSION, city: ctx.s.orgCode }));
}
