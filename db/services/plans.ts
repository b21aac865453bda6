import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { plan } from '../schema';
import { inTransaction, newId, type Session } from '../session';
import { saveOwnedRow } from '../write';
import type { PlanRow } from '../../shared/api/types';

export interface PlanInput {
  year: number;
  title: string;
  docNumber?: string | null | undefined;
  issuedOn?: string | null | undefined;
  issuer?: string | null | undefined;
  signerTitle?: string | null | undefined;
  signerName?: string | null | undefined;
  generalGoal?: string | null | undefined;
  budgetVnd?: number | null | undefined;
}

const COLUMNS = {
  id: plan.id,
  year: plan.year,
  title: plan.title,
  docNumber: plan.docNumber,
  issuedOn: plan.issuedOn,
  issuer: plan.issuer,
  signerTitle: plan.signerTitle,
  signerName: plan.signerName,
  generalGoal: plan.generalGoal,
  budgetVnd: plan.budgetVnd,
};

export function listPlans(s: Session): PlanRow[] {
  return s.db.orm
    .select(COLUMNS)
    .from(plan)
    .where(and(eq(plan.owner, s.orgCode), eq(plan.deleted, 0)))
    .orderBy(desc(plan.year))
    .all();
}

export function findPlan(s: Session, year: number): PlanRow | undefined {
  return s.db.orm
    .select(COLUMNS)
    .from(plan)
    .where(and(eq(plan.owner, s.orgCode), eq(plan.year, year), eq(plan.deleted, 0)))
    .get();
}

export function requirePlan(s: Session, year?: number): PlanRow {
  if (year === undefined) {
    const latest = listPlans(s)[0];
    if (!latest) throw new AppError('plan.none');
    return latest;
  }
  const p = findPlan(s, year);
  if (!p) throw new AppError('plan.not_found', { year });
  return p;
}

function toRow(input: PlanInput): Record<string, unknown> {
  return {
    year: input.year,
    title: input.title,
    doc_number: input.docNumber ?? null,
    issued_on: input.issuedOn ?? null,
    issuer: input.issuer ?? null,
    signer_title: input.signerTitle ?? null,
    signer_name: input.signerName ?? null,
    general_goal: input.generalGoal ?? null,
    budget_vnd: input.budgetVnd ?? null,
  };
}

export function addPlan(s: Session, input: PlanInput): PlanRow {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('plan.bad_year', { year: input.year });
  return inTransaction(s, () => {
    if (findPlan(s, input.year)) throw new AppError('plan.duplicate', { year: input.year });
    const id = newId();
    saveOwnedRow(s, 'plan', { id, ...toRow(input) }, 'plan.add');
    return findPlan(s, input.year)!;
  });
}

/** Changes only the fields given; the year, which identifies the plan, never changes. */
export function updatePlan(s: Session, id: string, input: Partial<Omit<PlanInput, 'year'>>): PlanRow {
  return inTransaction(s, () => {
    const existing = s.db.orm.select().from(plan).where(eq(plan.id, id)).get();
    if (!existing || existing.deleted || existing.owner !== s.orgCode) throw new AppError('plan.not_found', { year: '?' });
    const full = toRow({ year: existing.year, title: existing.title, ...input });
    const given = new Set(
      Object.entries(input)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
    );
    const patch = Object.fromEntries(Object.entries(full).filter(([k]) => given.has(k)));
    saveOwnedRow(s, 'plan', { id, ...patch }, 'plan.update');
    return findPlan(s, existing.year)!;
  });
}
