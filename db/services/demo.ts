/**
 * The demo plan: Hải Dương ward's real 2026 plan, kept in the product (shared/demo) so the app,
 * the tests and the benchmarks all start from the same data.
 */
import demoPlan from '../../shared/demo/phuong-hai-duong-2026.json';
import type { Database } from '../database';
import { inTransaction, systemClock, type Session } from '../session';
import { addDirective, addUnit, upsertAreaByCode } from './catalog';
import { addIndicator, setTarget } from './indicators';
import { savePlanDocument } from './documents';
import { addPlan } from './plans';
import { initWard } from './setup';
import { addTask } from './tasks';

export type DemoPlan = typeof demoPlan;
export const DEMO_PLAN: DemoPlan = demoPlan;

/** Loads a plan document of the fixture's shape into an initialised ward. */
export function loadPlanData(s: Session, data: DemoPlan): void {
  inTransaction(s, () => {
    data.areas.forEach((a, i) => upsertAreaByCode(s, { code: a.code, name: a.name, sort: i + 1 }));
    for (const u of data.units) addUnit(s, u);
    // The plan cites its directives in this order; reports list them the same way.
    data.directives.forEach((d, i) => addDirective(s, { code: d.code, number: d.number, date: d.date, issuer: d.issuer, title: d.title, sort: i + 1 }));
    const p = data.plan;
    addPlan(s, {
      year: p.year,
      title: p.title,
      docNumber: p.docNumber,
      issuer: p.issuer,
      signerTitle: p.signerTitle,
      signerName: p.signerName,
      generalGoal: p.generalGoal,
      budgetVnd: p.budgetPreviousYearVnd,
    });
    // The plan's own account of the year before, as its section I prints it.
    savePlanDocument(s, { year: p.year, previousResults: data.previousYearResults.facts.map((f) => `- ${f}`).join('\n') });
    data.indicators.forEach((ind, i) => {
      const ratio = ind.ratio;
      addIndicator(s, {
        code: ind.code,
        areaCode: ind.area,
        name: ind.name,
        unit: ind.unit,
        isRatio: !!ratio,
        numeratorLabel: ratio?.numerator ?? null,
        denominatorLabel: ratio?.denominator ?? null,
        note: ind.note ?? null,
        sort: i + 1,
      });
      setTarget(s, {
        indicatorCode: ind.code,
        year: p.year,
        comparator: ind.comparator,
        target: ind.target,
        baseline: ind.baseline,
        span: ind.span ?? null,
      });
    });
    for (const t of data.tasks) {
      addTask(s, {
        planYear: p.year,
        no: t.no,
        areaCode: t.area,
        content: t.content,
        leadUnitCode: t.lead,
        partnerUnitCodes: t.partners,
        timeline: t.timeline,
        sourceCode: t.source,
        output: t.product,
        authority: p.issuer,
      });
    }
  });
}

export function createDemoWard(db: Database, opts: { officerName?: string; now?: () => string } = {}): Session {
  const now = opts.now ?? systemClock;
  const s = initWard(
    db,
    {
      wardCode: DEMO_PLAN.ward.code,
      wardName: DEMO_PLAN.ward.name,
      cityCode: DEMO_PLAN.city.code,
      cityName: DEMO_PLAN.city.name,
      officerName: opts.officerName ?? 'Cán bộ chuyên trách CNTT',
    },
    now,
  );
  loadPlanData(s, DEMO_PLAN);
  return s;
}
