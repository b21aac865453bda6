/**
 * Handlers for periodic reports, the plan and report documents, and plans imported from Excel.
 *
 * Documents are written atomically to the path the officer chose (the desktop shell's save
 * dialog) or, when none was given, into the host's default folder (the browser host's outbox),
 * and their bytes come back too, so a browser can offer them as a download.
 *
 * The DOCX and Excel libraries are loaded on first use, as the command line does, so a host
 * starts as fast as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileInput, DocumentFile } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { reportsError } from '../reports/errors';
import { listAreas, listDirectives, listUnits } from '../services/catalog';
import { listPlans, requirePlan } from '../services/plans';
import { approveReport, getReport, listReports, markSent, saveNarrative } from '../services/reports';
import { todayIso, type Session } from '../session';
import type { DatabaseHolder, HandlerGroup } from './database-holder';
import { planFileName, PLAN_TEMPLATE_FILE_NAME, reportFileName } from '../../shared/api/document-names';

export interface ReportHostOptions {
  /** Where documents go when the officer chose no path (the browser host's outbox). */
  defaultOutDir: () => string;
}

const docxReport = () => import('../reports/docx-report');
const docxPlan = () => import('../reports/docx-plan');
const xlsx = () => import('../reports/xlsx');

/** The sheet's bytes, read from where the officer picked it or decoded from the upload. */
function readSheet(input: FileInput): Buffer {
  if ('contentBase64' in input) return Buffer.from(input.contentBase64, 'base64');
  try {
    return fs.readFileSync(input.path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('file.not_found', { path: input.path });
    throw reportsError('plan_import.not_xlsx', { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/** The plan a sheet goes into when none is named: the latest one, as `wardplan plan import` does. */
function sheetYear(s: Session, year: number | undefined): number {
  return year ?? listPlans(s)[0]?.year ?? Number(todayIso(s.now()).slice(0, 4));
}

export function createReportHandlers(holder: DatabaseHolder, host: ReportHostOptions) {
  const s = () => holder.requireSession();

  /** Writes where asked, or into the default folder under `fileName`; never a half-written file. */
  async function deliver(data: Buffer, fileName: string, outPath: string | undefined): Promise<DocumentFile> {
    let target: string;
    if (outPath) target = path.resolve(outPath);
    else {
      const dir = host.defaultOutDir();
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw reportsError('output.write_failed', { path: dir, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      }
      target = path.join(dir, fileName);
    }
    try {
      await writeFileAtomic(target, data);
    } catch (e) {
      throw reportsError('output.write_failed', { path: target, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
    return { path: target, fileName: path.basename(target), size: data.length, contentBase64: data.toString('base64') };
  }

  return {
    'reports.list': () => listReports(s()),
    'reports.get': (i) => getReport(s(), i.period, i.supplement ?? 0),
    'reports.saveNarrative': (i) => saveNarrative(s(), i),
    'reports.approve': (i) => approveReport(s(), i),
    'reports.markSent': (i) => markSent(s(), i.period, i.supplement ?? 0),

    'documents.report': async (i) => {
      const session = s();
      // Also refuses a month or a year without a plan, before any library is loaded.
      const supplement = i.supplement ?? 0;
      const report = getReport(session, i.period, supplement);
      const data =
        i.format === 'xlsx'
          ? await (await xlsx()).buildReportXlsx(session, report.period, supplement)
          : await (await docxReport()).buildReportDocx(session, report.period, { supplement });
      return deliver(data, reportFileName(report.period, i.format, report.status, supplement), i.outPath);
    },
    'documents.plan': async (i) => {
      const session = s();
      const plan = requirePlan(session, i.year);
      const data = i.format === 'xlsx' ? await (await xlsx()).buildPlanXlsx(session, plan.year) : await (await docxPlan()).buildPlanDocx(session, plan.year);
      return deliver(data, planFileName(plan.year, i.format), i.outPath);
    },
    'documents.planTemplate': async (i) => {
      // With this ward's units, areas and directives on the "Danh mục" sheet, as `plan template --db` does.
      const session = holder.trySession();
      const { writePlanTemplate } = await xlsx();
      const data = session
        ? await writePlanTemplate({ units: listUnits(session), areas: listAreas(session), directives: listDirectives(session) })
        : await writePlanTemplate();
      return deliver(data, PLAN_TEMPLATE_FILE_NAME, i.outPath);
    },

    'plan.checkSheet': async (i) => {
      const session = s();
      const year = sheetYear(session, i.year);
      const { parsePlanSheet, planSheetContext } = await xlsx();
      // A file that is not a workbook, has no header or no rows still throws: there are no rows to list.
      const r = await parsePlanSheet(readSheet(i), planSheetContext(session, year));
      if (r.ok) return { ok: true, rows: r.rows.length, year };
      return {
        ok: false,
        year,
        problems: r.problems.map((p) => ({ row: p.row, reasons: p.reasons.map((x) => ({ code: x.code, params: x.params ?? {} })) })),
      };
    },
    'plan.importSheet': async (i) => {
      const session = s();
      const year = sheetYear(session, i.year);
      const { importPlanSheet } = await xlsx();
      // A bad sheet throws PlanImportError ('plan_import.bad_rows', with the rows in its parameters).
      const r = await importPlanSheet(session, readSheet(i), { year });
      return { imported: r.imported, year: r.year, planCreated: r.planCreated };
    },
  } satisfies HandlerGroup;
}
