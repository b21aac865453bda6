/**
 * Enrollment requests as the dashboard handles them, from either door: a request file uploaded
 * here, or a request a ward sent online to the hub's inbox (`enrollment_inbox`, which `city
 * approve` answers). Both are listed together; an administrator reads the fingerprint back to the
 * ward on the phone, then approves (the city signs the certificate with db/sync/enroll, exactly
 * as `city enroll` and `city approve` do) or rejects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { EnrollmentRow } from '../../shared/api/contract-city';
import { verifyEnrollmentRequest } from '../keys/documents';
import { fingerprintOf } from '../keys/ed25519';
import type { KeyStore } from '../keys/key-store';
import { enrollmentInbox, enrollmentRequest } from '../schema';
import { parseEnrollmentSummary } from '../stored-json';
import { inTransaction, newId, type Session } from '../session';
import { cityEnroll } from '../sync/enroll';
import { ensureKey } from '../sync/identity';
import { approveInboxEnrollment, enrollmentAnswer, refuseInboxEnrollment } from '../sync/hub-city';
import { audit } from '../write';

type Raw = typeof enrollmentRequest.$inferSelect;

function toRow(r: Raw): EnrollmentRow {
  const { document: _document, response: _response, ...row } = r;
  return { ...row, source: 'file' };
}

const i = enrollmentInbox;

/** The hub's inbox keeps no decider; the audit log does, for decisions taken here. */
function inboxSelect(s: Session) {
  return s.db.orm
    .select({
      id: i.id,
      wardCode: i.wardCode,
      keyId: i.keyId,
      fingerprint: i.fingerprint,
      request: i.request,
      status: i.status,
      receivedAt: i.receivedAt,
      decidedAt: i.decidedAt,
      // enrollment_inbox.id spelled out: drizzle leaves a single table's columns unqualified, and a bare id is audit_log's here.
      decidedBy: sql<string | null>`(SELECT a.actor FROM audit_log a WHERE a.entity = 'enrollment_inbox' AND a.entity_id = enrollment_inbox.id
         AND a.action IN ('enrollment.approve', 'enrollment.reject') ORDER BY a.id DESC LIMIT 1)`,
    })
    .from(i);
}

type InboxRaw = NonNullable<ReturnType<ReturnType<typeof inboxSelect>['get']>>;

function inboxToRow(r: InboxRaw): EnrollmentRow {
  const req = parseEnrollmentSummary(r.request);
  return {
    id: r.id,
    wardCode: r.wardCode,
    wardName: req.wardName ?? r.wardCode,
    keyId: r.keyId,
    fingerprint: r.fingerprint,
    officerName: req.officer?.name ?? null,
    officerTitle: req.officer?.title ?? null,
    receivedAt: r.receivedAt,
    status: r.status === 'refused' ? 'rejected' : r.status,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy,
    source: 'online',
  };
}

function inboxRequest(s: Session, id: string): InboxRaw | undefined {
  return inboxSelect(s).where(eq(i.id, id)).get();
}

function requireRequest(s: Session, id: string): Raw {
  const r = s.db.orm.select().from(enrollmentRequest).where(eq(enrollmentRequest.id, id)).get();
  if (!r) throw new AppError('city.enrollment_not_found', { id });
  return r;
}

/** Both doors in one list: the pending first (oldest call first is not the point; newest is), then the decided. */
export function listEnrollments(s: Session): EnrollmentRow[] {
  const files = s.db.orm.select().from(enrollmentRequest).all().map(toRow);
  const online = inboxSelect(s).all().map(inboxToRow);
  return [...files, ...online].sort(
    (a, b) => (a.status === 'pending' ? 0 : 1) - (b.status === 'pending' ? 0 : 1) || b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id),
  );
}

/** The officer who asked is whom the city calls when the ward is late; keep what the city already typed. */
function keepContact(s: Session, wardCode: string, officer: { name: string; title?: string | undefined; phone?: string | undefined }): void {
  s.db.sqlite
    .prepare(
      `INSERT INTO ward_info (ward_code, contact_name, contact_title, contact_phone, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (ward_code) DO UPDATE SET contact_name = coalesce(contact_name, excluded.contact_name),
         contact_title = coalesce(contact_title, excluded.contact_title), contact_phone = coalesce(contact_phone, excluded.contact_phone),
         updated_at = excluded.updated_at`,
    )
    .run(wardCode, officer.name, officer.title ?? null, officer.phone ?? null, s.now());
}

/**
 * An online request, approved exactly as `city approve` does (same certificate, same trust, the
 * ward fetches the answer from the hub), plus what the dashboard adds: the contact and the audit.
 */
async function approveOnline(
  s: Session,
  store: KeyStore,
  r: InboxRaw,
  actor: string,
): Promise<{ enrollment: EnrollmentRow; response: Buffer; fileName: string }> {
  if (r.status !== 'pending') throw new AppError('city.enrollment_decided', { ward: r.wardCode, status: r.status === 'refused' ? 'rejected' : r.status });
  const cityKey = await ensureKey(s, store);
  // Checked again as it was when the inbox took it: the officer's contact comes from it.
  const request = verifyEnrollmentRequest(JSON.parse(r.request));
  await approveInboxEnrollment(s, cityKey, r.id, () => {
    keepContact(s, r.wardCode, request.officer);
    audit({ ...s, actor }, 'enrollment.approve', 'enrollment_inbox', r.id, { ward: r.wardCode, keyId: r.keyId, fingerprint: r.fingerprint, online: true });
  });
  const answer = enrollmentAnswer(s, r.id);
  return {
    enrollment: inboxToRow(inboxRequest(s, r.id)!),
    response: Buffer.from(`${JSON.stringify(answer.response, null, 2)}\n`, 'utf8'),
    fileName: `${r.wardCode}_tra-loi-dang-ky.json`,
  };
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
  const online = inboxRequest(s, id);
  if (online) return approveOnline(s, store, online, actor);
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
      keepContact(s, r.wardCode, req.officer);
      audit({ ...s, actor }, 'enrollment.approve', 'enrollment_request', id, { ward: r.wardCode, keyId: r.keyId, fingerprint: r.fingerprint });
    });
    return { enrollment: toRow(requireRequest(s, id)), response, fileName: `${r.wardCode}_tra-loi-dang-ky.json` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function rejectEnrollment(s: Session, id: string, actor: string): EnrollmentRow {
  return inTransaction(s, () => {
    const online = inboxRequest(s, id);
    if (online) {
      if (online.status !== 'pending')
        throw new AppError('city.enrollment_decided', { ward: online.wardCode, status: online.status === 'refused' ? 'rejected' : online.status });
      refuseInboxEnrollment(s, id);
      audit({ ...s, actor }, 'enrollment.reject', 'enrollment_inbox', id, { ward: online.wardCode, keyId: online.keyId, online: true });
      return inboxToRow(inboxRequest(s, id)!);
    }
    const r = requireRequest(s, id);
    if (r.status !== 'pending') throw new AppError('city.enrollment_decided', { ward: r.wardCode, status: r.status });
    s.db.sqlite.prepare("UPDATE enrollment_request SET status = 'rejected', decided_at = ?, decided_by = ? WHERE id = ?").run(s.now(), actor, id);
    audit({ ...s, actor }, 'enrollment.reject', 'enrollment_request', id, { ward: r.wardCode, keyId: r.keyId });
    return toRow(requireRequest(s, id));
  });
}
