import { describe, expect, it } from 'vitest';
import { searchKey, searchMatcher } from './searchText';

describe('search as people type', () => {
  it('ignores case and accents both ways', () => {
    expect(searchMatcher('sian')('Siân Evans')).toBe(true);
    expect(searchMatcher('SIÂN')('sian evans')).toBe(true);
    expect(searchMatcher('llyr')('Ŵyn ap Llŷr')).toBe(true);
    expect(searchMatcher('wyn')('Ŵyn ap Llŷr')).toBe(true);
    expect(searchMatcher('gwenllian')('Gwenllïan Jones')).toBe(true);
    expect(searchMatcher('cafe')('Café club')).toBe(true);
  });

  it('matches any of the texts given, everything for an empty query, and nothing that is not there', () => {
    expect(searchMatcher('cg10')('Osian Pritchard', 'CG1014')).toBe(true);
    expect(searchMatcher('  ')('anything')).toBe(true);
    expect(searchMatcher('siani')('Siân Evans')).toBe(false);
    expect(searchKey('Ŵ ŷ â ê î ô û ï ë')).toBe('w y a e i o u i e');
  });
});
