/**
 * Enrollment requests as the dashboard handles them: a request file is uploaded and kept as
 * pending; an administrator reads the fingerprint back to the ward on the phone, then approves it
 * (the city signs the certificate with db/sync/enroll, exactly as `city enroll` does) or rejects it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { EnrollmentRow } from '../../shared/api/contract-city';
import { verifyEnrollmentRequest } from '../keys/documents';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import { enrollmentRequest } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { cityEnroll } from '../sync/enroll';
import { audit } from '../write';

type Raw = typeof enrollmentRequest.$inferSelect;

function toRow(r: Raw): EnrollmentRow {
  const { document: _document, response: _response, ...row } = r;
  return row;
}

function requireRequest(s: Session, id: string): Raw {
  const r = s.db.orm.select().from(enrollmentRequest).where(eq(enrollmentRequest.id, id)).get();
  if (!r) throw new AppError('city.enrollment_not_found', { id });
  return r;
}

export function listEnrollments(s: Session): EnrollmentRow[] {
  const e = enrollmentRequest;
  return s.db.orm
    .select()
    .from(e)
    .orderBy(desc(sql`${e.status} = 'pending'`), desc(e.receivedAt))
    .all()
    .map(toRow);
}

export function submitEnrollment(s: Session, fileName: string, content: Buffer, actor: string): EnrollmentRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch {
    throw new AppError('sync.not_json', { path: fileName });
  }
  // Checked (self-signature included) before anything is kept.
  const req = verifyEnrollmentRequest(parsed);
  return inTransaction(s, () => {
    const existing = s.db.orm.select().from(enrollmentRequest).where(eq(enrollmentRequest.keyId, req.keyId)).get();
    if (existing) return toRow(existing);
    const id = newId();
    s.db.sqlite
      .prepare(
        `INSERT INTO enrollment_request (id, ward_code, ward_name, key_id, fingerprint, officer_name, officer_title, document, received_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
      )
      .run(id, req.wardCode, req.wardName, req.keyId, fingerprintOf(req.publicKey), req.officer.name, req.officer.title ?? null, JSON.stringify(req), s.now());
    audit({ ...s, actor }, 'enrollment.submit', 'enrollment_request', id, { ward: req.wardCode, fileName });
    return toRow(requireRequest(s, id));
  });
}

export async function approveEnrollment(
  s: Session,
  store: KeyStore,
  id: string,
  actor: string,
): Promise<{ enrollment: EnrollmentRow; response: Buffer; fileName: string }> {
  const r = requireRequest(s, id);
  if (r.status !== 'pending') throw new AppError('city.enrollment_decided', { ward: r.wardCode, status: r.status });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-enroll-'));
  try {
    const reqFile = path.join(dir, 'request.json');
    const resFile = path.join(dir, 'response.json');
    fs.writeFileSync(reqFile, r.document);
    await cityEnroll(s, store, reqFile, resFile);
    const response = fs.readFileSync(resFile);
    // Kept only after it passed verifyEnrollmentRequest; read again through the same check rather than cast.
    const req = verifyEnrollmentRequest(JSON.parse(r.document));
    inTransaction(s, () => {
      s.db.sqlite
        .prepare("UPDATE enrollment_request SET status = 'approved', decided_at = ?, decided_by = ?, response = ? WHERE id = ?")
        .run(s.now(), actor, response.toString('utf8'), id);
      // The officer who asked is whom the city calls when the ward is late; keep what the city already typed.
      s.db.sqlite
        .prepare(
          `INSERT INTO ward_info (ward_code, contact_name, contact_title, contact_phone, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (ward_code) DO UPDATE SET contact_name = coalesce(contact_name, excluded.contact_name),
             contact_title = coalesce(contact_title, excluded.contact_title), contact_phone = coalesce(contact_phone, excluded.contact_phone),
             updated_at = excluded.updated_at`,
        )
        .run(r.wardCode, req.officer.name, req.officer.title ?? null, req.officer.phone ?? null, s.now());
      audit({ ...s, actor }, 'enrollment.approve', 'enrollment_request', id, { ward: r.wardCode, keyId: r.keyId, fingerprint: r.fingerprint });
    });
    return { enrollment: toRow(requireRequest(s, id)), response, fileName: `${r.wardCode}_tra-loi-dang-ky.json` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function rejectEnrollment(s: Session, id: string, actor: string): EnrollmentRow {
  return inTransaction(s, () => {
    const r = requireRequest(s, id);
    if (r.status !== 'pending') throw new AppError('city.enrollment_decided', { ward: r.wardCode, status: r.status });
    s.db.sqlite.prepare("UPDATE enrollment_request SET status = 'rejected', decided_at = ?, decided_by = ? WHERE id = ?").run(s.now(), actor, id);
    audit({ ...s, actor }, 'enrollment.reject', 'enrollment_request', id, { ward: r.wardCode, keyId: r.keyId });
    return toRow(requireRequest(s, id));
  });
}
