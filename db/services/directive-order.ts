/**
 * The order reports and plans list directives in: the city's catalog order first (the order the
 * city reports them), then the ward's own directives in the order the ward set. Directives never
 * ordered fall back to their date, undated ones last, so a new catalog reads sensibly before anyone
 * orders it.
 */
import { and, eq } from 'drizzle-orm';
import type { DirectiveRow } from '../../shared/api/types';
import { AppError } from '../../shared/errors';
import { getMeta } from '../database';
import { directive } from '../schema';
import { inTransaction, type Session } from '../session';
import { saveOwnedRow } from '../write';
import { listDirectives } from './catalog';

export interface OrderedDirective extends DirectiveRow {
  sort: number;
}

export function directivesInReportOrder(s: Session): OrderedDirective[] {
  const sorts = new Map(
    s.db.orm
      .select({ id: directive.id, sort: directive.sort })
      .from(directive)
      .where(eq(directive.deleted, 0))
      .all()
      .map((r) => [r.id, r.sort]),
  );
  const city = getMeta(s.db, 'city_code');
  const group = (d: DirectiveRow) => (d.owner === s.orgCode ? 1 : d.owner === city ? 0 : 2);
  const unsorted = (n: number) => (n > 0 ? n : Number.MAX_SAFE_INTEGER);
  return listDirectives(s)
    .map((d) => ({ ...d, sort: sorts.get(d.id) ?? 0 }))
    .sort(
      (a, b) =>
        group(a) - group(b) ||
        unsorted(a.sort) - unsorted(b.sort) ||
        (a.issuedOn ?? '9999').localeCompare(b.issuedOn ?? '9999') ||
        a.code.localeCompare(b.code),
    );
}

/**
 * Sets the order of this organisation's own directives: the codes given, first to last. Codes of
 * directives it does not own are refused (the city's order is the city's to set); its own
 * directives left out keep their place after the ones given.
 */
export function setDirectiveOrder(s: Session, codes: string[]): OrderedDirective[] {
  return inTransaction(s, () => {
    const own = new Map(
      s.db.orm
        .select({ id: directive.id, code: directive.code, sort: directive.sort })
        .from(directive)
        .where(and(eq(directive.owner, s.orgCode), eq(directive.deleted, 0)))
        .all()
        .map((r) => [r.code, r]),
    );
    const seen = new Set<string>();
    for (const c of codes) {
      if (!own.has(c)) throw new AppError('directive.not_own', { code: c });
      if (seen.has(c)) throw new AppError('directive.order_duplicate', { code: c });
      seen.add(c);
    }
    const rest = [...own.values()].filter((r) => !seen.has(r.code)).sort((a, b) => (a.sort || 1e9) - (b.sort || 1e9) || a.code.localeCompare(b.code));
    const order = [...codes.map((c) => own.get(c)!), ...rest];
    order.forEach((r, i) => {
      if (r.sort !== i + 1) saveOwnedRow(s, 'directive', { id: r.id, sort: i + 1 }, 'directive.order');
    });
    return directivesInReportOrder(s);
  });
}
