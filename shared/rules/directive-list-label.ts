/**
 * How a directive (văn bản căn cứ) is named on screen and in lists (documents cite it with directive-label.ts): its number and date, then its
 * title, then who issued it — unless the title or the number already says so. A group of documents
 * with no single number ("Các Thông báo kết luận của Ban Chỉ đạo Trung ương") is named by its title.
 */
import { formatDateVi } from './format-vi';
import { foldVi } from './search-fold';

export interface DirectiveNaming {
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  title: string;
}

function mentions(text: string, part: string): boolean {
  const p = foldVi(part).replace(/\s+/g, ' ').trim();
  return p !== '' && foldVi(text).replace(/\s+/g, ' ').includes(p);
}

export function directiveListLabel(d: DirectiveNaming): string {
  const number = (d.number ?? '').trim();
  const title = d.title.trim();
  const issuer = d.issuer.trim();
  const head = [number, d.issuedOn ? `ngày ${formatDateVi(d.issuedOn)}` : ''].filter(Boolean).join(' ');
  const needsIssuer = issuer !== '' && !mentions(title, issuer) && !mentions(number, issuer);
  const body = needsIssuer ? `${title} (${issuer})` : title;
  return head ? `${head}: ${body}` : body;
}
