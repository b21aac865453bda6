/**
 * Handlers of the document methods (shared/api/contract-documents.ts): settings, the plan
 * document, the report's sections and supplementary reports, directive order, indicator rules.
 */
import { setDirectiveOrder } from '../services/directive-order';
import { getDocumentSettings, getPlanDocument, saveDocumentSettings, savePlanDocument } from '../services/documents';
import { setAggregation } from '../services/indicators';
import { createSupplement, saveReportBody } from '../services/reports';
import type { DatabaseHolder, HandlerGroup } from './database-holder';

export function createDocumentHandlers(holder: DatabaseHolder) {
  const s = () => holder.requireSession();
  return {
    'documents.settings': () => getDocumentSettings(s()),
    'documents.saveSettings': (i) => saveDocumentSettings(s(), i),
    'planDocument.get': (i) => getPlanDocument(s(), i.year),
    'planDocument.save': (i) => savePlanDocument(s(), i),
    'reports.saveBody': (i) => saveReportBody(s(), i),
    'reports.createSupplement': (i) => createSupplement(s(), i.period),
    'directives.setOrder': (i) => setDirectiveOrder(s(), i.codes).map(({ sort: _sort, ...d }) => d),
    'indicators.setAggregation': (i) => setAggregation(s(), i.code, i.aggregation),
  } satisfies HandlerGroup;
}
