/**
 * The city's records behind the hub: uploads in flight and what became of them, the online
 * enrollment inbox, and the catalog handed to each ward. Kept in the city database, so an answer
 * survives a restart of the hub and the command line sees the same inbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, count, desc, eq, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import type { InboxItem } from '../../shared/api/contract-city-ops';
import type { HubOutcome } from '../../shared/api/contract-hub';
import type { ImportOutcome } from '../../shared/api/sync-types';
import { AppError } from '../../shared/errors';
import { formatMessage, type Lang } from '../../shared/i18n/messages';
import { fingerprintOf } from '../keys/ed25519';
import { verifyEnrollmentRequest } from '../keys/documents';
import type { SealingKey, StoredKey } from '../keys/key-store';
import { bundleIn, changeLog, enrollmentInbox as inbox, hubUpload, org, trustedKey } from '../schema';
import { newId, type Session } from '../session';
import { parseEnrollmentSummary } from '../stored-json';
import { answerEnrollment, enrollmentResponseSchema, grantEnrollment, type EnrollmentResponse } from './enroll';
import { publishCatalog } from './publish';

// ---- uploads ------------------------------------------------------------------------------

export function recordUploadDone(s: Session, uploadId: string, wardCode: string, keyId: string, outcome: HubOutcome): void {
  s.db.sqlite
    .prepare('INSERT INTO hub_upload (upload_id, ward_code, key_id, outcome, finished_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(upload_id) DO NOTHING')
    .run(uploadId, wardCode, keyId, JSON.stringify(outcome), s.now());
}

export function uploadOutcome(s: Session, uploadId: string): HubOutcome | null {
  const r = s.db.orm.select({ outcome: hubUpload.outcome }).from(hubUpload).where(eq(hubUpload.uploadId, uploadId)).get();
  return r ? storedOutcome(r.outcome) : null;
}

/**
 * hub_upload.outcome holds only what recordUploadDone wrote, JSON.stringify of a HubOutcome made by
 * hubOutcome on this machine; no ward's bytes reach it. Read back as the type it was written from.
 */
function storedOutcome(json: string): HubOutcome {
  const outcome: HubOutcome = JSON.parse(json);
  return outcome;
}

function outcomeMessage(lang: Lang, o: ImportOutcome, error: ImportOutcome['error']): string {
  const bundle = o.bundleId ?? path.basename(o.file);
  switch (o.status) {
    case 'applied':
      return formatMessage(lang, 'hub.outcome_applied', { bundle, applied: o.applied, seqFrom: o.seqFrom ?? 0, seqTo: o.seqTo ?? 0 });
    case 'duplicate':
      return formatMessage(lang, 'hub.outcome_duplicate', { bundle });
    case 'pending':
      return formatMessage(lang, 'hub.outcome_pending', { bundle, from: o.missing?.from ?? 0, to: o.missing?.to ?? 0 });
    default:
      return formatMessage(lang, 'hub.outcome_refused', { bundle, reason: error ? formatMessage(lang, error.code, error.params) : '' });
  }
}

/** The import's outcome as the ward sees it: the hub's file names mean nothing to the ward and stay on the hub. */
export function hubOutcome(uploadId: string, o: ImportOutcome): HubOutcome {
  const error = o.error ? { code: o.error.code, params: { ...o.error.params, file: o.bundleId ?? uploadId } } : null;
  return {
    uploadId,
    status: o.status,
    bundleId: o.bundleId,
    seqFrom: o.seqFrom,
    seqTo: o.seqTo,
    applied: o.applied,
    missing: o.missing,
    receipt: o.receipt,
    error,
    message: { vi: outcomeMessage('vi', o, error), en: outcomeMessage('en', o, error) },
  };
}

// ---- online enrollment --------------------------------------------------------------------

/** Beyond this many requests waiting, the inbox takes no more: a flood cannot bury real wards. */
export const ENROLLMENT_INBOX_LIMIT = 500;

export type { InboxItem };

/** A ward's self-signed request, kept until the city has read the fingerprint over the phone. */
export function submitEnrollment(s: Session, body: unknown): { id: string; fingerprint: string; status: string } {
  const request = verifyEnrollmentRequest(body);
  const existing = s.db.orm
    .select({ id: inbox.id, status: inbox.status })
    .from(inbox)
    .where(eq(inbox.keyId, request.keyId))
    .orderBy(desc(inbox.receivedAt))
    .limit(1)
    .get();
  if (existing) return { id: existing.id, fingerprint: fingerprintOf(request.publicKey), status: existing.status };
  const waiting = s.db.orm.select({ n: count() }).from(inbox).where(eq(inbox.status, 'pending')).get()!.n;
  if (waiting >= ENROLLMENT_INBOX_LIMIT) throw new AppError('hub.enrollment_inbox_full');
  const id = newId();
  const fingerprint = fingerprintOf(request.publicKey);
  s.db.sqlite
    .prepare("INSERT INTO enrollment_inbox (id, ward_code, key_id, fingerprint, request, status, received_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)")
    .run(id, request.wardCode, request.keyId, fingerprint, JSON.stringify(request), s.now());
  return { id, fingerprint, status: 'pending' };
}

export function enrollmentInbox(s: Session, all = false): InboxItem[] {
  const rows = s.db.orm
    .select({
      id: inbox.id,
      wardCode: inbox.wardCode,
      keyId: inbox.keyId,
      fingerprint: inbox.fingerprint,
      request: inbox.request,
      status: inbox.status,
      receivedAt: inbox.receivedAt,
      decidedAt: inbox.decidedAt,
    })
    .from(inbox)
    .where(all ? undefined : eq(inbox.status, 'pending'))
    .orderBy(inbox.receivedAt)
    .all();
  return rows.map((r) => {
    // Verified when the inbox took it: a request without these fields never got in.
    const req = parseEnrollmentSummary(r.request);
    const name = req.officer?.name ?? '';
    return {
      id: r.id,
      wardCode: r.wardCode,
      wardName: req.wardName ?? r.wardCode,
      officer: req.officer?.title ? `${name} (${req.officer.title})` : name,
      keyId: r.keyId,
      fingerprint: r.fingerprint,
      status: r.status,
      receivedAt: r.receivedAt,
      decidedAt: r.decidedAt,
    };
  });
}

function inboxRow(s: Session, id: string): Pick<typeof inbox.$inferSelect, 'request' | 'status' | 'response'> {
  const row = s.db.orm.select({ request: inbox.request, status: inbox.status, response: inbox.response }).from(inbox).where(eq(inbox.id, id)).get();
  if (!row) throw new AppError('hub.enrollment_not_found', { id });
  return row;
}

/** The city approves after the phone call: same certificate and trust as `city enroll` on a file. */
/** @param also more writes that must land with the approval or not at all (the dashboard's contact and audit) */
export async function approveInboxEnrollment(s: Session, cityKey: SealingKey, id: string, also?: () => void): Promise<InboxItem> {
  const row = inboxRow(s, id);
  if (row.status !== 'pending') throw new AppError('hub.enrollment_decided', { id, status: row.status });
  const request = verifyEnrollmentRequest(JSON.parse(row.request));
  const response = await answerEnrollment(s, cityKey, request);
  s.db.sqlite.transaction(() => {
    grantEnrollment(s, request, response);
    s.db.sqlite
      .prepare("UPDATE enrollment_inbox SET status = 'approved', response = ?, decided_at = ? WHERE id = ?")
      .run(JSON.stringify(response), s.now(), id);
    also?.();
  })();
  return enrollmentInbox(s, true).find((i) => i.id === id)!;
}

export function refuseInboxEnrollment(s: Session, id: string): InboxItem {
  const row = inboxRow(s, id);
  if (row.status !== 'pending') throw new AppError('hub.enrollment_decided', { id, status: row.status });
  s.db.sqlite.prepare("UPDATE enrollment_inbox SET status = 'refused', decided_at = ? WHERE id = ?").run(s.now(), id);
  return enrollmentInbox(s, true).find((i) => i.id === id)!;
}

/** What the ward fetches: its certificate once approved. It holds nothing secret. */
export function enrollmentAnswer(s: Session, id: string): { status: string; response: EnrollmentResponse | null } {
  const row = inboxRow(s, id);
  // Written by approveInboxEnrollment from answerEnrollment's answer; the schema gives it its type back.
  return { status: row.status, response: row.response ? enrollmentResponseSchema.parse(JSON.parse(row.response)) : null };
}

// ---- the catalog for one ward -------------------------------------------------------------

/**
 * What a new catalog for this ward would differ by: the city's own change log and the ward's
 * receipts. While neither moves, the ward gets the same signed file again (and imports it as a
 * no-op) instead of the hub signing and storing a new one on every request.
 */
function catalogState(s: Session, wardCode: string): string {
  const seq = s.db.orm
    .select({ v: max(changeLog.seq) })
    .from(changeLog)
    .where(eq(changeLog.origin, s.installationId))
    .get()!.v;
  const applied = s.db.orm
    .select({ v: count() })
    .from(bundleIn)
    .where(and(eq(bundleIn.owner, wardCode), eq(bundleIn.status, 'applied')))
    .get()!.v;
  const orgs = s.db.orm
    .select({ v: max(org.updatedAt) })
    .from(org)
    .get()!.v;
  return [seq ?? '', applied, orgs ?? ''].join('|');
}

/** The note beside a ward's last catalog: the state it was made for and where it is. */
const catalogNote = z.object({ state: z.string(), file: z.string() });

export async function catalogForWard(s: Session, cityKey: StoredKey, wardCode: string, dir: string): Promise<string> {
  if (!lookupWardKnown(s, wardCode)) throw new AppError('hub.unknown_key', { keyId: wardCode });
  const wardDir = path.join(dir, wardCode);
  const stateFile = path.join(wardDir, 'state.json');
  const state = catalogState(s, wardCode);
  try {
    const kept = catalogNote.parse(JSON.parse(fs.readFileSync(stateFile, 'utf8')));
    if (kept.state === state && fs.existsSync(kept.file)) return kept.file;
  } catch {
    // No catalog made for this ward yet, or its note is unreadable: make a fresh one.
  }
  fs.mkdirSync(wardDir, { recursive: true });
  const r = await publishCatalog(s, null, wardDir, { forWard: wardCode, key: cityKey });
  for (const name of fs.readdirSync(wardDir))
    if (name.endsWith('.wpb') && path.join(wardDir, name) !== r.path) fs.rmSync(path.join(wardDir, name), { force: true });
  fs.writeFileSync(stateFile, JSON.stringify({ state, file: r.path }));
  return r.path;
}

function lookupWardKnown(s: Session, wardCode: string): boolean {
  const k = trustedKey;
  return !!s.db.orm
    .select({ keyId: k.keyId })
    .from(k)
    .where(and(eq(k.orgCode, wardCode), isNull(k.revokedAt)))
    .limit(1)
    .get();
}
