/**
 * The document methods: the report's sections and recipients, supplementary reports, the plan
 * document's own sections and issue details, the ward's document settings, the order directives
 * are listed in, and how an indicator's values add up over a period.
 */
import { z } from 'zod';
import type { DocumentSettings, PlanDocumentView } from './document-types';
import type { ReportView } from './report-types';
import type { DirectiveRow } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');
const code = z.string().trim().min(1).max(32);
const periodCode = z.string().regex(/^\d{4}(-(Q[1-4]|H[12]|M?\d{2}))?$/, 'period.format');
/** The service holds the exact limits and says them in words. */
const sectionText = z.string().max(100_000).optional();
const recipients = z.array(z.string().max(2000)).max(200);
export const supplementNo = z.number().int().min(0).max(99).optional();

export const documentsSchemas = {
  'documents.settings': z.object({}),
  'documents.saveSettings': z.object({
    draftingUnit: z.string().max(1000).optional(),
    reportRecipients: recipients.optional(),
    planRecipients: recipients.optional(),
  }),
  'planDocument.get': z.object({
    year: z.number().int().min(2000).max(2100).optional(),
  }),
  'planDocument.save': z.object({
    year: z.number().int().min(2000).max(2100).optional(),
    docNumber: z.string().max(100).nullable().optional(),
    issuedOn: isoDate.nullable().optional(),
    signerName: z.string().max(200).nullable().optional(),
    signerTitle: z.string().max(200).nullable().optional(),
    generalGoal: z.string().max(100_000).nullable().optional(),
    previousResults: sectionText,
    objectives: sectionText,
    solutions: sectionText,
    organisation: sectionText,
    recipients: recipients.nullable().optional(),
  }),
  'reports.saveBody': z.object({
    period: periodCode,
    supplement: supplementNo,
    results: sectionText,
    shortcomings: sectionText,
    nextTasks: sectionText,
    proposals: sectionText,
    recipients: recipients.nullable().optional(),
  }),
  'reports.createSupplement': z.object({ period: periodCode }),
  'directives.setOrder': z.object({ codes: z.array(code).max(500) }),
  'indicators.setAggregation': z.object({
    code,
    aggregation: z.enum(['latest', 'sum', 'average']),
  }),
} as const;

export interface DocumentsOutputs {
  'documents.settings': DocumentSettings;
  'documents.saveSettings': DocumentSettings;
  'planDocument.get': PlanDocumentView;
  'planDocument.save': PlanDocumentView;
  'reports.saveBody': ReportView;
  'reports.createSupplement': ReportView;
  'directives.setOrder': DirectiveRow[];
  'indicators.setAggregation': {
    code: string;
    aggregation: 'latest' | 'sum' | 'average';
  };
}
