/**
 * Matching what the officer wrote to the ward's units, areas and directives, by code or by name
 * (diacritics and case aside), and proposing the units and directives a file names that the ward
 * does not have yet, with codes made from their names.
 */
import { isValidIsoDate } from '../../shared/rules/period';
import { foldVi } from '../../shared/rules/search-fold';
import type { ProposedDirective, ProposedUnit } from '../../shared/api/contract-plan-import';

export interface CatalogSnapshot {
  units: Array<{ code: string; name: string }>;
  areas: Array<{ code: string; name: string }>;
  directives: Array<{ code: string; number: string; title: string; issuer: string }>;
}

/** A name as compared: folded, bullets and trailing punctuation gone. */
export function nameKey(text: string): string {
  return foldVi(text)
    .replace(/^[-+•*–]\s*/, '')
    .replace(/[.;,:]+$/, '')
    .trim();
}

function words(text: string): string[] {
  return foldVi(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "Phòng Văn hóa - Xã hội" → "PVHXH": initials, as wards abbreviate their units. */
function initialsCode(text: string, max: number): string {
  const w = words(text).filter((x) => !['va', 'cua', 'cac', 've'].includes(x));
  const code = w
    .map((x) => (/^\d+$/.test(x) ? x : x[0]!))
    .join('')
    .toUpperCase();
  return (code || 'X').slice(0, max);
}

function uniqueCode(base: string, taken: Set<string>): string {
  let code = base;
  for (let n = 2; taken.has(code.toUpperCase()); n++) code = `${base.slice(0, 28)}-${n}`;
  taken.add(code.toUpperCase());
  return code;
}

export interface UnitHit {
  code: string;
  name: string;
  proposed: boolean;
}

export class UnitBook {
  private readonly byCode = new Map<string, UnitHit>();
  private readonly byName = new Map<string, UnitHit>();
  private readonly taken = new Set<string>();
  readonly proposals: ProposedUnit[] = [];

  constructor(units: CatalogSnapshot['units']) {
    for (const u of units) this.index({ code: u.code, name: u.name, proposed: false });
  }

  private index(hit: UnitHit): void {
    this.taken.add(hit.code.toUpperCase());
    if (!this.byCode.has(hit.code.toUpperCase())) this.byCode.set(hit.code.toUpperCase(), hit);
    const k = nameKey(hit.name);
    if (k !== '' && !this.byName.has(k)) this.byName.set(k, hit);
  }

  find(text: string): UnitHit | null {
    const t = text
      .trim()
      .replace(/^[-+•*–]\s*/, '')
      .replace(/[.;,:]+$/, '')
      .trim();
    if (t === '') return null;
    return this.byCode.get(t.toUpperCase()) ?? this.byName.get(nameKey(t)) ?? null;
  }

  /** The unit named, proposing it when the ward has none by that code or name. */
  findOrPropose(text: string): UnitHit {
    const found = this.find(text);
    if (found) return found;
    const name = text
      .trim()
      .replace(/^[-+•*–]\s*/, '')
      .replace(/[.;,:]+$/, '')
      .trim();
    const hit: UnitHit = { code: uniqueCode(initialsCode(name, 8), this.taken), name, proposed: true };
    this.index(hit);
    this.proposals.push({ code: hit.code, name: hit.name });
    return hit;
  }
}

/**
 * Areas by code, by name, or by a section heading that names one loosely: "LÃNH ĐẠO, CHỈ ĐẠO,
 * ĐIỀU HÀNH…" for "Lãnh đạo, chỉ đạo, điều hành; kiểm tra, giám sát", "KINH TẾ SỐ, XÃ HỘI SỐ" for
 * "Kinh tế số và xã hội số". A loose match must be clearly the best one.
 */
export class AreaBook {
  constructor(private readonly areas: CatalogSnapshot['areas']) {}

  find(text: string): { code: string; name: string } | null {
    const t = text
      .trim()
      .replace(/[.…]+$/, '')
      .trim();
    if (t === '') return null;
    const byCode = this.areas.find((a) => a.code.toUpperCase() === t.toUpperCase());
    if (byCode) return byCode;
    const tw = words(t);
    if (tw.length === 0) return null;
    const key = tw.join(' ');
    const exact = this.areas.find((a) => words(a.name).join(' ') === key);
    if (exact) return exact;
    // A heading cut short, or an area name with a qualifier added ("PHÁT TRIỂN HẠ TẦNG SỐ").
    const partial = this.areas.filter((a) => {
      const aw = words(a.name).join(' ');
      return (tw.length >= 2 && aw.startsWith(`${key} `)) || ` ${key} `.includes(` ${aw} `);
    });
    if (partial.length === 1) return partial[0]!;
    const scored = this.areas
      .map((a) => {
        const aw = new Set(words(a.name));
        const common = tw.filter((w) => aw.has(w)).length;
        return { a, score: common / new Set([...aw, ...tw]).size };
      })
      .sort((x, y) => y.score - x.score);
    const best = scored[0];
    if (best && best.score >= 0.5 && (scored[1]?.score ?? 0) < best.score) return best.a;
    return null;
  }
}

/** A directive's number and symbol inside a phrase: "Nghị quyết số 57-NQ/TW ngày ..." → "57-NQ/TW". */
export function directiveNumberIn(text: string): string | null {
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\d+[-/][\p{L}\p{N}./-]*\p{L}[\p{L}\p{N}./-]*/gu)) {
    return m[0].replace(/[./-]+$/, '');
  }
  return null;
}

function numberKey(n: string): string {
  return foldVi(n).replace(/\s+/g, '');
}

export interface DirectiveHit {
  code: string;
  label: string;
  proposed: boolean;
}

export class DirectiveBook {
  private readonly entries: Array<DirectiveHit & { numberKey: string; titleKey: string }> = [];
  private readonly taken = new Set<string>();
  readonly proposals: ProposedDirective[] = [];

  constructor(directives: CatalogSnapshot['directives']) {
    for (const d of directives) {
      this.taken.add(d.code.toUpperCase());
      this.entries.push({ code: d.code, label: d.number || d.title, proposed: false, numberKey: numberKey(d.number), titleKey: nameKey(d.title) });
    }
  }

  find(text: string): DirectiveHit | null {
    const t = text.trim();
    if (t === '') return null;
    const code = this.entries.find((d) => d.code.toUpperCase() === t.toUpperCase());
    if (code) return code;
    const nk = numberKey(t);
    const byNumber = this.entries.find((d) => d.numberKey !== '' && d.numberKey === nk);
    if (byNumber) return byNumber;
    const tk = nameKey(t);
    const byTitle = this.entries.find((d) => d.titleKey !== '' && d.titleKey === tk);
    if (byTitle) return byTitle;
    // The number within a longer citation, standing as a word of its own; the first one cited is the
    // directive itself ("238/KH-UBND ... thực hiện Kế hoạch hành động số 12-KH/TU").
    const folded = foldVi(t);
    let best: { at: number; hit: DirectiveHit } | null = null;
    for (const d of this.entries) {
      const n = d.numberKey;
      if (n === '' || !/\d/.test(n)) continue;
      for (let at = folded.indexOf(n); at >= 0; at = folded.indexOf(n, at + 1)) {
        const before = folded[at - 1];
        const after = folded[at + n.length];
        if ((before === undefined || !/[a-z0-9]/.test(before)) && (after === undefined || !/[a-z0-9]/.test(after))) {
          if (!best || at < best.at) best = { at, hit: d };
          break;
        }
      }
    }
    if (best) return best.hit;
    // A group cited by its title alone ("Các Thông báo kết luận của Ban Chỉ đạo Trung ương"), inside a longer label.
    const key = nameKey(t);
    const byTitleIn = this.entries.filter((d) => d.titleKey.length >= 12 && key.includes(d.titleKey));
    return byTitleIn.length === 1 ? byTitleIn[0]! : null;
  }

  findOrPropose(text: string): DirectiveHit {
    const found = this.find(text);
    if (found) return found;
    const t = text.trim().replace(/\s+/g, ' ');
    const number = directiveNumberIn(t) ?? t.slice(0, 100);
    const issuer = /\bcủa\s+(.+?)(?:\s+về\s+|$)/iu.exec(t)?.[1]?.trim() ?? '';
    const title = /\svề\s+(.+)$/iu.exec(t)?.[1]?.trim() ?? t;
    const date = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(t);
    const written = date ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}` : null;
    const iso = written && isValidIsoDate(written) ? written : null;
    const base = directiveNumberIn(t)
      ? foldVi(number)
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 28)
      : `VB-${initialsCode(t, 10)}`;
    const code = uniqueCode(base || 'VB', this.taken);
    const hit = { code, label: number, proposed: true, numberKey: numberKey(number), titleKey: nameKey(title) };
    this.entries.push(hit);
    this.proposals.push({ code, number, issuer: issuer.slice(0, 300), title: title.slice(0, 1000), date: iso });
    return hit;
  }
}
