/** What the sync methods return, shared by the services, the hosts and the renderer. */
import type { ApiError } from './api-error';

export interface KeyInfo {
  keyId: string | null;
  fingerprint: string | null;
  enrolled: boolean;
  cityFingerprint: string | null;
}

export type ExportResult =
  | { status: 'nothing_new'; lastSeq: number }
  | {
      status: 'written';
      path: string;
      fileName: string;
      bundleId: string;
      kind: 'changes' | 'snapshot';
      seqFrom: number;
      seqTo: number;
      changes: number;
      blobs: number;
      size: number;
      fileSha256: string;
      manifestSha256: string;
    };

export type ImportStatus = 'applied' | 'pending' | 'duplicate' | 'refused';

export interface ReceiptInfo {
  bundleId: string;
  manifestSha256: string;
  wardCode: string;
  cityCode: string;
  seqFrom: number;
  seqTo: number;
  changes: number;
  appliedAt: string;
  signature: string;
}

export interface ImportOutcome {
  file: string;
  status: ImportStatus;
  bundleId: string | null;
  owner: string | null;
  seqFrom: number | null;
  seqTo: number | null;
  applied: number;
  /** For a pending bundle: the sequence numbers that must arrive first. */
  missing: { from: number; to: number } | null;
  receipt: ReceiptInfo | null;
  /** Bundles of ours the city acknowledged in this catalog. */
  acknowledged: string[];
  error: ApiError | null;
  /** Bundles that were waiting for this one and applied after it. */
  released: ImportOutcome[];
}

export interface BundleHistoryItem {
  bundleId: string;
  kind: string;
  fileName: string;
  seqFrom: number;
  seqTo: number;
  size: number;
  fileSha256: string;
  createdAt: string;
  acknowledgedAt: string | null;
  receipt: ReceiptInfo | null;
}

export interface WardSyncStatus {
  keyId: string | null;
  fingerprint: string | null;
  enrolled: boolean;
  cityFingerprint: string | null;
  lastSeq: number;
  lastExportedSeq: number;
  lastAcknowledgedSeq: number;
  /** Changes written since the last bundle: what the next export will carry at least. */
  waitingChanges: number;
  lastExportAt: string | null;
  lastCatalogAt: string | null;
  history: BundleHistoryItem[];
}
