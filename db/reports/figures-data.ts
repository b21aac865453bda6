/** Reads the facts a report's figures are computed from, for one ward and period. */
import type { Period } from '../../shared/rules/period';
import { getMeta } from '../database';
import { todayIso, type Session } from '../session';
import { listAreas } from '../services/catalog';
import { directivesInReportOrder } from '../services/directive-order';
import { isAggregation, type Aggregation } from '../../shared/rules/indicator';
import { listIndicators } from '../services/indicators';
import { requirePlan } from '../services/plans';
import { listTasks, progressByTask, timelineOf } from '../services/tasks';
import { computeFigures, type FigureInput, type ReportFigures, type ValueFact } from './figures';

function valuesByIndicator(s: Session): Map<string, ValueFact[]> {
  const rows = s.db.sqlite
    .prepare('SELECT indicator_id, period, value, numerator, denominator FROM indicator_value WHERE owner = ? AND deleted = 0')
    .all(s.orgCode) as Array<ValueFact & { indicator_id: string }>;
  const map = new Map<string, ValueFact[]>();
  for (const { indicator_id, ...v } of rows) {
    let list = map.get(indicator_id);
    if (!list) map.set(indicator_id, (list = []));
    list.push(v);
  }
  return map;
}

/** Every task's progress notes of the plan, oldest first. */
function notesByTask(s: Session, planId: string): Map<string, Array<{ date: string; note: string }>> {
  const rows = s.db.sqlite
    .prepare(
      `SELECT task_id, date, note FROM task_progress WHERE deleted = 0 AND note IS NOT NULL AND trim(note) <> ''
       AND task_id IN (SELECT id FROM task WHERE plan_id = ?) ORDER BY date, created_at`,
    )
    .all(planId) as Array<{ task_id: string; date: string; note: string }>;
  const map = new Map<string, Array<{ date: string; note: string }>>();
  for (const r of rows) {
    let list = map.get(r.task_id);
    if (!list) map.set(r.task_id, (list = []));
    list.push({ date: r.date, note: r.note });
  }
  return map;
}

/** Aggregation rules and ratio flags, which listIndicators does not return. */
function indicatorRules(s: Session): Map<string, { isRatio: boolean; aggregation: Aggregation | null }> {
  const rows = s.db.sqlite.prepare('SELECT id, is_ratio, aggregation FROM indicator WHERE deleted = 0').all() as Array<{ id: string; is_ratio: number; aggregation: string | null }>;
  return new Map(rows.map((r) => [r.id, { isRatio: r.is_ratio === 1, aggregation: isAggregation(r.aggregation) ? r.aggregation : null }]));
}

export function readFigureInput(s: Session, period: Period, signer?: { title: string | null; name: string | null }): FigureInput {
  const plan = requirePlan(s, period.year);
  const today = todayIso(s.now());
  const tasks = listTasks(s, { planYear: plan.year, asOf: today });
  const progress = progressByTask(s, { planId: plan.id });
  const values = valuesByIndicator(s);
  const notes = notesByTask(s, plan.id);
  const rules = indicatorRules(s);
  const directives = directivesInReportOrder(s);
  return {
    period,
    today,
    context: {
      orgCode: s.orgCode,
      orgName: getMeta(s.db, s.role === 'ward' ? 'ward_name' : 'city_name') ?? s.orgCode,
      cityName: getMeta(s.db, 'city_name') ?? '',
      plan: { year: plan.year, title: plan.title, docNumber: plan.docNumber, issuedOn: plan.issuedOn, issuer: plan.issuer },
      signer: signer ?? { title: plan.signerTitle, name: plan.signerName },
    },
    areas: listAreas(s).map((a) => ({ code: a.code, name: a.name })),
    directives: directives.map((d) => ({ code: d.code, number: d.number, issuer: d.issuer, issuedOn: d.issuedOn, title: d.title })),
    tasks: tasks.map((t) => ({
      no: t.no,
      content: t.content,
      areaCode: t.areaCode,
      leadUnitCode: t.leadUnitCode,
      leadUnitName: t.leadUnitName,
      sourceCode: t.sourceCode,
      timelineText: t.timeline,
      timeline: timelineOf(t, plan.year),
      progress: progress.get(t.id) ?? [],
      notes: notes.get(t.id) ?? [],
    })),
    indicators: listIndicators(s, { year: plan.year }).map((i) => ({
      code: i.code,
      name: i.name,
      areaCode: i.areaCode,
      unit: i.unit,
      comparator: i.comparator,
      target: i.target,
      baseline: i.baseline,
      ...(rules.get(i.id) ?? { isRatio: i.isRatio, aggregation: null }),
      values: values.get(i.id) ?? [],
    })),
  };
}

/** The live figures of a period, as a draft report shows them. */
export function computeReportFigures(s: Session, period: Period, signer?: { title: string | null; name: string | null }): ReportFigures {
  return computeFigures(readFigureInput(s, period, signer));
}
