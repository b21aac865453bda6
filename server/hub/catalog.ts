/**
 * The catalog and receipts for one ward. The request is signed by the ward's enrolled key (see
 * db/sync/hub-auth.ts), and the bundle served holds the city's catalog, which every ward receives
 * alike, plus the receipts of that ward only: no ward learns what another sent.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { authenticateWard, parseRotation } from '../../db/sync/hub-auth';
import { catalogForWard } from '../../db/sync/hub-city';
import type { HubContext } from './context';

export function registerCatalog(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/catalog', async (req, reply) => {
    const h = (name: string) => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const who = authenticateWard(
      ctx.s,
      'catalog',
      { keyId: h('x-wardplan-key'), at: h('x-wardplan-at'), signature: h('x-wardplan-signature'), rotation: parseRotation(h('x-wardplan-rotation')) },
      '',
    );
    const key = await ctx.cityKey();
    const file = await ctx.serial(() => catalogForWard(ctx.s, key, who.wardCode, ctx.catalogDir));
    return reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'no-store').send(fs.readFileSync(file));
  });
}
