/**
 * Accent-insensitive search for Vietnamese.
 *
 * Officers type without diacritics on machines that lack a Vietnamese input
 * method, and Word/Excel text may arrive in either composed (NFC) or
 * decomposed (NFD, "Unicode tổ hợp") form; folding both sides the same way
 * makes all of these meet.
 */

const COMBINING_MARKS = /\p{M}/gu;

export function foldVi(text: string | null | undefined): string {
  if (text == null) return '';
  return (
    String(text)
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      // đ/Đ are letters of their own, not d plus a mark, so NFD leaves them alone.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Every word of the query appears somewhere in the haystack, in any order. An empty query is one
 * empty word, which every text contains, so it matches everything.
 */
export function matchesSearch(haystack: string | null | undefined, query: string | null | undefined): boolean {
  const words = foldVi(query).split(' ');
  const folded = foldVi(haystack);
  return words.every((w) => folded.includes(w));
}
