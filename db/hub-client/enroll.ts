/** Enrollment over the network: post the request to the hub, later fetch the city's answer. */
import { AppError } from '../../shared/errors';
import { getMeta, setMeta } from '../database';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import type { Session } from '../session';
import { acceptEnrollmentResponse, buildEnrollmentRequest } from '../sync/enroll';
import { hubBase, hubJson } from './http';

const REQUEST_ID_META = 'hub_enrollment_id';

export async function postEnrollmentRequest(s: Session, store: KeyStore, hubUrl: string): Promise<{ id: string; fingerprint: string; status: string }> {
  const base = hubBase(hubUrl);
  const request = await buildEnrollmentRequest(s, store);
  const r = await hubJson<{ id: string; fingerprint: string; status: string }>(base, '/v1/enrollments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  // The fingerprint read over the phone must be this machine's, whatever the server says.
  if (r.fingerprint !== fingerprintOf(request.publicKey)) throw new AppError('hub.bad_answer', { url: base });
  setMeta(s.db, REQUEST_ID_META, r.id);
  return r;
}

export async function fetchEnrollmentAnswer(s: Session, hubUrl: string): Promise<{ cityCode: string; cityFingerprint: string; wardFingerprint: string }> {
  const base = hubBase(hubUrl);
  const id = getMeta(s.db, REQUEST_ID_META);
  if (!id) throw new AppError('hub.no_enrollment_request');
  const r = await hubJson<{ status: string; response: unknown }>(base, `/v1/enrollments/${id}`);
  if (r.status === 'pending') throw new AppError('hub.enrollment_pending');
  if (r.status === 'refused' || !r.response) throw new AppError('hub.enrollment_refused');
  // The certificate is checked exactly as one brought on a stick: for this ward, this key, by the city's key.
  return acceptEnrollmentResponse(s, r.response);
}
