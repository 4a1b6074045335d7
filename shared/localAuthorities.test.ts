import { describe, expect, it } from 'vitest';
import { authorityLacksWelsh, authorityName } from './localAuthorities';

describe('an authority’s name in the reader’s language', () => {
  const typed = { localAuthority: 'Example County Borough Council', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '' };

  it('names a chosen authority by Mapio’s names, whatever Welsh was typed before it was chosen', () => {
    const chosen = { ...typed, localAuthority: 'Denbighshire', localAuthorityCode: '663' };
    expect([authorityName(chosen, 'en'), authorityName(chosen, 'cy')]).toEqual(['Denbighshire', 'Sir Ddinbych']);
    expect(authorityLacksWelsh({ ...chosen, localAuthorityCy: '' })).toBe(false);
  });

  it('names a typed authority by the Welsh name the school gave, in Welsh; by the English as typed where it gave none', () => {
    expect([authorityName(typed, 'en'), authorityName(typed, 'cy')]).toEqual(['Example County Borough Council', 'Cyngor Bwrdeistref Sirol Enghraifft']);
    expect(authorityLacksWelsh(typed)).toBe(false);
    const noWelsh = { ...typed, localAuthorityCy: '  ' };
    expect(authorityName(noWelsh, 'cy')).toBe('Example County Borough Council');
    expect(authorityLacksWelsh(noWelsh)).toBe(true);
  });

  it('names no authority the school has not named, in either language, and nothing lacks Welsh', () => {
    const none = { localAuthority: '', localAuthorityCy: '', localAuthorityCode: '' };
    expect([authorityName(none, 'en'), authorityName(none, 'cy')]).toEqual(['', '']);
    expect(authorityLacksWelsh(none)).toBe(false);
  });
});
