/** Compacting the database: acknowledged history moved out of the change log, space given back. */
import { z } from 'zod';

export interface CompactResult {
  /** The highest sequence number whose history is now compacted (0: nothing was). */
  compactedThrough: number;
  /** Change-log entries moved out or removed by this run. */
  changesCompacted: number;
  /** Of those, the rows whose latest acknowledged version was kept. */
  rowsKept: number;
  /** Earlier versions the city had already acknowledged and that nothing needs any more. */
  versionsRemoved: number;
  vacuumed: boolean;
  bytesBefore: number;
  bytesAfter: number;
}

export const compactSchemas = {
  'db.compact': z.object({}),
} as const;

export interface CompactOutputs {
  'db.compact': CompactResult;
}
