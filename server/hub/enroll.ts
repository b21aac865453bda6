/**
 * Online enrollment: the ward posts its self-signed request; the city approves it from the
 * command line after both officers read the fingerprint aloud; the ward fetches the answer by the
 * request's id. The answer holds the city's certificate for the ward's public key and nothing secret.
 */
import type { FastifyInstance } from 'fastify';
import { enrollmentAnswer, submitEnrollment } from '../../db/sync/hub-city';
import { AppError } from '../../shared/errors';
import type { HubContext } from './context';

const ID = /^[0-9a-f-]{36}$/;

export function registerEnrollment(app: FastifyInstance, ctx: HubContext): void {
  app.post('/v1/enrollments', { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const r = await ctx.serial(async () => submitEnrollment(ctx.s, req.body));
    return reply.code(r.status === 'pending' ? 202 : 200).send(r);
  });
  app.get<{ Params: { id: string } }>('/v1/enrollments/:id', async (req) => {
    if (!ID.test(req.params.id)) throw new AppError('hub.enrollment_not_found', { id: req.params.id.slice(0, 40) });
    return enrollmentAnswer(ctx.s, req.params.id);
  });
}
