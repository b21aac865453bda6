/**
 * JSON kept in a text column, read back through a schema rather than trusted: a report's body and
 * recipients may have come in a ward's bundle (a signature proves who wrote them, not their shape),
 * and an enrollment request sat in the hub's inbox. Each reader keeps what it can use and says
 * here what it does with the rest.
 */
import { z } from 'zod';
import type { ReportBody } from '../shared/api/report-types';
import { REPORT_BODY_KEYS } from './reports/report-body';

const jsonObject = z.record(z.string(), z.unknown());

/**
 * The report sections an officer edited. A section that is not text is left out, which is how the
 * report has always treated it (effectiveReportBody writes that section from the figures).
 */
export function parseReportBody(json: string | null): Partial<ReportBody> | null {
  if (!json) return null;
  const raw = jsonObject.safeParse(JSON.parse(json));
  if (!raw.success) return null;
  const body: Partial<ReportBody> = {};
  for (const k of REPORT_BODY_KEYS) {
    const v = raw.data[k];
    if (typeof v === 'string') body[k] = v;
  }
  return body;
}

const recipientsSchema = z.array(z.string());

/** The "Nơi nhận" lines; anything but a list of lines is no list, and the default list applies. */
export function parseRecipients(json: string | null): string[] | null {
  if (!json) return null;
  const r = recipientsSchema.safeParse(JSON.parse(json));
  return r.success ? r.data : null;
}

/**
 * What the lists show of an enrollment request: it was verified (signature and shape) before the
 * inbox kept it, so only the fields read are named; a field missing is shown by the ward's code.
 */
const enrollmentSummarySchema = z.object({
  wardName: z.string().optional(),
  officer: z.object({ name: z.string().optional(), title: z.string().optional() }).optional(),
});

export type EnrollmentSummary = z.infer<typeof enrollmentSummarySchema>;

export function parseEnrollmentSummary(json: string): EnrollmentSummary {
  const r = enrollmentSummarySchema.safeParse(JSON.parse(json));
  return r.success ? r.data : {};
}
