/**
 * The ward's own lists (plans, units, directives, indicators) and the corrections of what was
 * entered by mistake (a task, a progress entry, an evidence file), plus the few calls the screens
 * need around them: opening an evidence file, unlocking the key in the browser host, and looking
 * into a backup before restoring it. Limits are exported so forms show the same numbers as counters.
 */
import { z } from 'zod';
import type { DirectiveRow, PlanRow, UnitRow } from './types';

export const LIMITS = {
  code: 32,
  planTitle: 500,
  docNumber: 100,
  signerName: 200,
  signerTitle: 200,
  generalGoal: 4000,
  unitName: 300,
  directiveNumber: 100,
  directiveIssuer: 300,
  directiveTitle: 1000,
  indicatorName: 500,
  indicatorUnit: 50,
  ratioLabel: 300,
  indicatorNote: 1000,
  reason: 500,
  progressNote: 4000,
} as const;

const id = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');
const code = z.string().trim().min(1).max(LIMITS.code);
const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().max(max).nullable().optional();
const finite = z.number().finite();
const reason = optional(LIMITS.reason);

/** The plan's own fields beside its year; shared with plans.add. */
export const planFields = {
  title: required(LIMITS.planTitle),
  docNumber: optional(LIMITS.docNumber),
  issuedOn: isoDate.nullable().optional(),
  signerName: optional(LIMITS.signerName),
  signerTitle: optional(LIMITS.signerTitle),
  generalGoal: optional(LIMITS.generalGoal),
};

const target = z.object({
  year: z.number().int().min(2000).max(2100),
  comparator: z.string().min(1).max(2),
  target: finite,
  baseline: finite.nullable().optional(),
});

const indicatorFields = {
  areaCode: code,
  name: required(LIMITS.indicatorName),
  unit: required(LIMITS.indicatorUnit),
  isRatio: z.boolean().optional(),
  numeratorLabel: optional(LIMITS.ratioLabel),
  denominatorLabel: optional(LIMITS.ratioLabel),
  note: optional(LIMITS.indicatorNote),
  target: target.nullable().optional(),
};

export const listsSchemas = {
  'plans.update': z.object({
    id,
    patch: z.object({
      title: planFields.title.optional(),
      docNumber: planFields.docNumber,
      issuedOn: planFields.issuedOn,
      signerName: planFields.signerName,
      signerTitle: planFields.signerTitle,
      generalGoal: planFields.generalGoal,
    }),
  }),
  'plans.retire': z.object({ id }),
  'units.update': z.object({ id, name: required(LIMITS.unitName) }),
  'units.retire': z.object({ id }),
  'directives.update': z.object({
    id,
    patch: z.object({
      number: optional(LIMITS.directiveNumber),
      date: isoDate.nullable().optional(),
      issuer: required(LIMITS.directiveIssuer).optional(),
      title: required(LIMITS.directiveTitle).optional(),
    }),
  }),
  'directives.retire': z.object({ id }),
  'indicators.add': z.object({ code, ...indicatorFields }),
  'indicators.update': z.object({
    id,
    patch: z.object({
      areaCode: code.optional(),
      name: indicatorFields.name.optional(),
      unit: indicatorFields.unit.optional(),
      isRatio: indicatorFields.isRatio,
      numeratorLabel: indicatorFields.numeratorLabel,
      denominatorLabel: indicatorFields.denominatorLabel,
      note: indicatorFields.note,
      target: indicatorFields.target,
    }),
  }),
  'indicators.retire': z.object({ id }),
  'tasks.delete': z.object({ id, reason }),
  'tasks.history': z.object({ id }),
  'progress.correct': z.object({
    id,
    status: z.enum(['not_started', 'in_progress', 'done']).optional(),
    // Any number passes here so the rules can say what is wrong with it (out of 0–100, not whole).
    percent: finite.optional(),
    note: optional(LIMITS.progressNote),
    date: isoDate.optional(),
    reason,
  }),
  'progress.remove': z.object({ id, reason }),
  'evidence.remove': z.object({ id, reason }),
  'evidence.get': z.object({ id }),
  'evidence.saveCopy': z.object({ id, outPath: z.string().min(1).max(1000).optional() }),
  'keys.passphraseState': z.object({}),
  // No length limit here beyond sanity: the service says "too short" in words.
  'keys.unlock': z.object({ passphrase: z.string().max(1000) }),
} as const;

/** One line of a task's history: who did what and when, with the old and new value of each field. */
export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** What the line is about: the task's number, a progress entry's date and percent, a file's name. */
  subject: string;
  reason: string | null;
  changes: Array<{ field: string; from: string | null; to: string | null }>;
}

export interface EvidenceContent {
  fileName: string;
  size: number;
  sha256: string;
  contentBase64: string;
}

export interface PassphraseState {
  /** This host keeps the key under a passphrase the officer types in the app (the browser host). */
  asksInApp: boolean;
  unlocked: boolean;
  /** false before the first key exists: the passphrase typed will protect a new key. */
  keyExists: boolean;
}

/** What a backup holds, read before anything is replaced. */
export interface BackupInfo {
  fileName: string;
  role: 'ward' | 'city';
  orgCode: string;
  orgName: string;
  /** When the backup was made (the time stamped in it), UTC ISO. */
  madeAt: string | null;
  /** The latest change recorded in it, UTC ISO. */
  lastChangeAt: string | null;
  counts: { plans: number; tasks: number; progress: number; evidence: number; indicatorValues: number; units: number; files: number };
  /** Whether it belongs to the organisation this installation speaks for. */
  sameOrg: boolean;
}

export interface ListsOutputs {
  'plans.update': PlanRow;
  'plans.retire': { id: string };
  'units.update': UnitRow;
  'units.retire': { id: string };
  'directives.update': DirectiveRow;
  'directives.retire': { id: string };
  'indicators.add': { id: string };
  'indicators.update': { id: string };
  'indicators.retire': { id: string };
  'tasks.delete': { id: string };
  'tasks.history': HistoryEntry[];
  'progress.correct': { id: string };
  'progress.remove': { id: string };
  'evidence.remove': { id: string };
  'evidence.get': EvidenceContent;
  'evidence.saveCopy': { path: string; fileName: string; size: number };
  'keys.passphraseState': PassphraseState;
  'keys.unlock': PassphraseState;
  'backup.inspect': BackupInfo;
}
