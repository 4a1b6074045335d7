/**
 * Search as people type: case and accents are ignored, so "sian" finds Siân, "llyr" finds Llŷr and
 * "gwenllian" finds Gwenllïan (and the other way round). Letters are compared after Unicode
 * decomposition with the combining marks taken off; nothing else is changed.
 */

/** The form a text is compared in: lower case, accents removed. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A test for "does any of these texts contain what was typed?"; an empty query matches everything. */
export function searchMatcher(query: string): (...texts: string[]) => boolean {
  const q = searchKey(query.trim());
  if (q === '') return () => true;
  return (...texts) => texts.some((t) => searchKey(t).includes(q));
}
