/**
 * "Gửi lên thành phố": export whatever is unsent, upload every bundle waiting in the outbox, then
 * fetch the catalog with this ward's receipts and mark what the city acknowledged. The outbox
 * (hub_send) keeps each bundle's file and upload address, so a send cut short by a dropped line
 * or a closed app carries on from where it stopped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HubOutcome, HubSendResult, OutboxItem, OutboxStatus } from '../../shared/api/contract-hub';
import type { ApiError } from '../../shared/api/contract';
import { toApiError } from '../../shared/api/errors';
import { AppError, appErrorFrom } from '../../shared/errors';
import { getMeta, setMeta } from '../database';
import type { KeyStore } from '../keys/key-store';
import type { Session } from '../session';
import { exportWardBundle } from '../sync/export';
import { credentialHeaders, signHubRequest } from '../sync/hub-auth';
import { ensureKey } from '../sync/identity';
import { importBundle } from '../sync/import';
import { hubBase, hubRequest, hubVersion } from './http';

export const HUB_ADDRESS_META = 'hub_url';

export function hubAddress(s: Session): string | null {
  return getMeta(s.db, HUB_ADDRESS_META) || null;
}

export function setHubAddress(s: Session, url: string): string | null {
  const value = url.trim() ? hubBase(url.trim()) : '';
  setMeta(s.db, HUB_ADDRESS_META, value);
  return value || null;
}

export function outboxDir(s: Session): string {
  return `${s.db.path}.hub-outbox`;
}

export interface SendProgress {
  stage: 'export' | 'upload' | 'catalog';
  bundleId: string | null;
  bytesSent: number;
  bytesTotal: number;
  attempt: number;
}

export interface SendOptions {
  retryDelaysMs?: number[] | undefined;
  stallTimeoutMs?: number | undefined;
  onProgress?: ((p: SendProgress) => void) | undefined;
}

/** A day of retries would hide a real fault; these cover a dropped line or a restarting hub. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000, 60_000];

interface SendRow {
  bundle_id: string;
  file_path: string;
  upload_url: string | null;
  attempts: number;
}

function touch(s: Session, bundleId: string, fields: Record<string, string | number | null>): void {
  const keys = Object.keys(fields);
  s.db.sqlite
    .prepare(`UPDATE hub_send SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE bundle_id = ?`)
    .run(...keys.map((k) => fields[k]), s.now(), bundleId);
}

/** The hub answers, perhaps after a retry or two on a poor line; else `hub.unreachable`. */
async function reachable(base: string, opts: SendOptions): Promise<void> {
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  for (let i = 0; ; i++) {
    try {
      await hubVersion(base, opts.stallTimeoutMs ?? 15_000);
      return;
    } catch (e) {
      // A few tries tell a dropped connection from a line that is down; the upload itself retries longer.
      if (!(e instanceof AppError) || e.code !== 'hub.unreachable' || i >= Math.min(3, delays.length)) throw e;
      await new Promise((r) => setTimeout(r, delays[i]));
    }
  }
}

export async function sendToHub(s: Session, store: KeyStore, hubUrl: string | null, opts: SendOptions = {}): Promise<HubSendResult> {
  if (s.role !== 'ward') throw new AppError('sync.ward_only');
  const base = hubBase(hubUrl ?? hubAddress(s));
  if (!getMeta(s.db, 'certificate')) throw new AppError('hub.not_enrolled');
  const key = await ensureKey(s, store);
  const progress = opts.onProgress ?? (() => {});

  // Offline, nothing is exported: the changes stay for the USB export, which would otherwise find them already packed.
  await reachable(base, opts);
  progress({ stage: 'export', bundleId: null, bytesSent: 0, bytesTotal: 0, attempt: 0 });
  fs.mkdirSync(outboxDir(s), { recursive: true });
  const exported = await exportWardBundle(s, store, { outDir: outboxDir(s) });
  if (exported.status === 'written') {
    s.db.sqlite
      .prepare("INSERT INTO hub_send (bundle_id, file_path, status, updated_at) VALUES (?, ?, 'waiting', ?)")
      .run(exported.bundleId, exported.path, s.now());
  }

  const waiting = s.db.sqlite
    .prepare(
      `SELECT h.bundle_id, h.file_path, h.upload_url, h.attempts FROM hub_send h JOIN bundle_out o ON o.bundle_id = h.bundle_id
       WHERE h.status = 'waiting' AND o.acknowledged_at IS NULL ORDER BY o.seq_from, o.created_at`,
    )
    .all() as SendRow[];
  const sent: HubOutcome[] = [];
  // tus-js-client is loaded when there is something to upload, not by every command that opens the API.
  const { uploadBundle } = await import('./upload');
  for (const row of waiting) {
    if (!fs.existsSync(row.file_path)) {
      // The file went missing (cleaned by hand): the next export carries the same changes again.
      s.db.sqlite.prepare('DELETE FROM hub_send WHERE bundle_id = ?').run(row.bundle_id);
      continue;
    }
    const total = fs.statSync(row.file_path).size;
    let attempts = row.attempts;
    let outcome: HubOutcome;
    try {
      outcome = await uploadBundle({
        base,
        file: row.file_path,
        key,
        uploadUrl: row.upload_url,
        retryDelaysMs: opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
        stallTimeoutMs: opts.stallTimeoutMs ?? 60_000,
        onUploadUrl: (url) => touch(s, row.bundle_id, { upload_url: url }),
        onProgress: (sentBytes) => progress({ stage: 'upload', bundleId: row.bundle_id, bytesSent: sentBytes, bytesTotal: total, attempt: attempts }),
        onAttempt: (n, err) => {
          attempts = row.attempts + n;
          touch(s, row.bundle_id, { attempts, error: err ? JSON.stringify(toApiError(err)) : null });
          progress({ stage: 'upload', bundleId: row.bundle_id, bytesSent: 0, bytesTotal: total, attempt: n });
        },
      });
    } catch (e) {
      const err = toApiError(e);
      // A refusal before the hub saw the bundle (unknown or revoked key) is the city's answer too.
      if (['hub.unknown_key', 'hub.revoked_key', 'hub.upload_too_large'].includes(err.code)) {
        touch(s, row.bundle_id, { status: 'refused', error: JSON.stringify(err), upload_url: null });
      } else touch(s, row.bundle_id, { error: JSON.stringify(err) });
      throw e;
    }
    touch(s, row.bundle_id, { status: outcome.status === 'refused' ? 'refused' : 'sent', outcome: JSON.stringify(outcome), error: null, upload_url: null });
    sent.push(outcome);
  }

  progress({ stage: 'catalog', bundleId: null, bytesSent: 0, bytesTotal: 0, attempt: 1 });
  let acknowledged: string[] = [];
  let catalogError: ApiError | null = null;
  try {
    acknowledged = await fetchCatalog(s, store, base, opts.stallTimeoutMs);
  } catch (e) {
    catalogError = toApiError(e);
  }
  return { exported: exported.status === 'written' ? exported.bundleId : null, sent, acknowledged, catalogError };
}

/** The catalog with this ward's receipts, imported as a stick's catalog would be. */
export async function fetchCatalog(s: Session, store: KeyStore, hubUrl: string, timeoutMs?: number): Promise<string[]> {
  const base = hubBase(hubUrl);
  const key = await ensureKey(s, store);
  const res = await hubRequest(base, '/v1/catalog', { headers: credentialHeaders(signHubRequest(key, 'catalog', '')), ...(timeoutMs ? { timeoutMs } : {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-catalog-'));
  try {
    const file = path.join(dir, 'catalog.wpb');
    fs.writeFileSync(file, bytes);
    const r = await importBundle(s, file, { quarantine: false });
    if (r.status === 'refused') throw appErrorFrom(r.error!);
    const done = s.db.sqlite
      .prepare('SELECT h.bundle_id, h.file_path FROM hub_send h JOIN bundle_out o ON o.bundle_id = h.bundle_id WHERE o.acknowledged_at IS NOT NULL')
      .all() as { bundle_id: string; file_path: string }[];
    // Acknowledged: the city holds it and the ward holds the receipt; the copy in the outbox has done its job.
    for (const d of done) fs.rmSync(d.file_path, { force: true });
    return r.acknowledged;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function outbox(s: Session): OutboxItem[] {
  const rows = s.db.sqlite
    .prepare(
      `SELECT o.bundle_id, o.file_name, o.seq_from, o.seq_to, o.size, o.created_at, o.acknowledged_at, h.status, h.outcome, h.error
       FROM bundle_out o LEFT JOIN hub_send h ON h.bundle_id = o.bundle_id
       WHERE o.kind IN ('changes', 'snapshot') ORDER BY o.created_at DESC, o.seq_to DESC LIMIT 200`,
    )
    .all() as Array<{
    bundle_id: string;
    file_name: string;
    seq_from: number;
    seq_to: number;
    size: number;
    created_at: string;
    acknowledged_at: string | null;
    status: string | null;
    outcome: string | null;
    error: string | null;
  }>;
  return rows.map((r) => {
    const outcome = r.outcome ? (JSON.parse(r.outcome) as HubOutcome) : null;
    let status: OutboxStatus = 'waiting';
    if (r.acknowledged_at) status = 'acknowledged';
    else if (r.status === 'refused') status = 'refused';
    else if (r.status === 'sent') status = outcome?.status === 'pending' ? 'pending' : 'sent';
    return {
      bundleId: r.bundle_id,
      fileName: r.file_name,
      seqFrom: r.seq_from,
      seqTo: r.seq_to,
      size: r.size,
      createdAt: r.created_at,
      status,
      outcome,
      lastError: r.error ? (JSON.parse(r.error) as ApiError) : null,
      acknowledgedAt: r.acknowledged_at,
    };
  });
}
