/**
 * Sending over the network: the ward's side of the city's hub. `hub.send` starts a send in the
 * host and returns at once; the screen polls `hub.outbox` for progress, since a window should not
 * hold one call open for minutes. `hub.sendAndWait` answers when the send is over and reports its
 * progress on the way (`HubProgresses`), for a caller that does one thing per run: the command line.
 * `enroll.send` and `enroll.fetch` post the enrollment request to the hub and fetch the city's answer.
 */
import { z } from 'zod';
import type { ApiError } from './api-error';
import type { ImportStatus, ReceiptInfo } from './sync-types';

/** Only http(s) addresses: the hub is reached by URL, never by a path or another scheme. */
export const hubAddress = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i, 'hub.bad_address');

export const hubSchemas = {
  'hub.getAddress': z.object({}),
  'hub.setAddress': z.object({ url: hubAddress.or(z.literal('')) }),
  'hub.check': z.object({}),
  'hub.send': z.object({}),
  'hub.outbox': z.object({}),
  /** `url`: this send only, the saved address unchanged; absent, the saved address. */
  'hub.sendAndWait': z.object({ url: hubAddress.optional() }),
  'enroll.send': z.object({ url: hubAddress }),
  'enroll.fetch': z.object({ url: hubAddress }),
} as const;

/** What the hub answered for one upload; `message` is ready to show in either language. */
export interface HubOutcome {
  uploadId: string;
  status: ImportStatus;
  bundleId: string | null;
  seqFrom: number | null;
  seqTo: number | null;
  applied: number;
  missing: { from: number; to: number } | null;
  receipt: ReceiptInfo | null;
  error: ApiError | null;
  message: { vi: string; en: string };
}

export type OutboxStatus = 'waiting' | 'sent' | 'pending' | 'acknowledged' | 'refused';

export interface OutboxItem {
  bundleId: string;
  fileName: string;
  seqFrom: number;
  seqTo: number;
  size: number;
  createdAt: string;
  status: OutboxStatus;
  /** The hub's answer, once it gave one. */
  outcome: HubOutcome | null;
  /** Why the last attempt did not reach the hub; cleared once it does. */
  lastError: ApiError | null;
  acknowledgedAt: string | null;
}

export type HubStage = 'export' | 'upload' | 'catalog' | 'done' | 'failed';

export interface HubProgress {
  running: boolean;
  stage: HubStage | null;
  bundleId: string | null;
  bytesSent: number;
  bytesTotal: number;
  /** Attempts at the current bundle, counting retries after a dropped line. */
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why the last send stopped short, if it did. */
  error: ApiError | null;
}

export interface HubSendResult {
  exported: string | null;
  sent: HubOutcome[];
  acknowledged: string[];
  catalogError: ApiError | null;
}

export interface HubCheck {
  address: string | null;
  reachable: boolean;
  error: ApiError | null;
  version: string | null;
}

export interface HubOutputs {
  'hub.getAddress': { url: string | null };
  'hub.setAddress': { url: string | null };
  'hub.check': HubCheck;
  'hub.send': HubProgress;
  'hub.outbox': { items: OutboxItem[]; progress: HubProgress; address: string | null };
  'hub.sendAndWait': HubSendResult;
  /** The request's number at the hub, and the fingerprint the officer reads to the city on the phone. */
  'enroll.send': { id: string; fingerprint: string; status: string };
  'enroll.fetch': { cityCode: string; cityFingerprint: string; wardFingerprint: string };
}

/** What a method reports while it runs, before its answer. */
export interface HubProgresses {
  'hub.sendAndWait': HubProgress;
}
