/**
 * Returns written by earlier Mapios, as the schools sent them, still import: each is checked against its
 * sheets as its own version drew them (backend/returns/returnWorkbook.ts), so an officer is never asked
 * for a fresh return only because Mapio has since changed how its sheets read. The files in fixtures/
 * were written by Mapio's `mapio return` when returns were at that version, from the demo school (its
 * authority set to Denbighshire, with an ALP definition date and a grant's end date) and from a blank
 * Welsh school, and are kept byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReturnWorkbook } from './readReturn';

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

describe('returns from earlier versions of Mapio', () => {
  it('imports a version-5 return in English and in Welsh, whose sheets showed ISO dates and the authority as stored', async () => {
    for (const name of ['version-5-demo-en.xlsx', 'version-5-demo-cy.xlsx']) {
      const read = await readReturnWorkbook(fixture(name));
      expect(read.version, name).toBe(5);
      expect(read.ret.school, name).toMatchObject({ name: 'Ysgol Cwm Glas (demo)', localAuthority: 'Denbighshire', localAuthorityCode: '663', alpDefinitionDate: '2025-09-01' });
      expect(
        read.ret.income.some((i) => i.endsOn === '2027-03-31'),
        name,
      ).toBe(true);
    }
  });

  it('imports a version-6 return from a blank school and from the demo, whose sheets had no row saying a list was empty', async () => {
    const blank = await readReturnWorkbook(fixture('version-6-blank-cy.xlsx'));
    expect(blank.version).toBe(6);
    expect(blank.ret.school.name).toBe('Ysgol Newydd');
    expect(blank.ret.lines).toEqual([]);
    const demo = await readReturnWorkbook(fixture('version-6-demo-cy.xlsx'));
    expect(demo.version).toBe(6);
    expect(demo.ret.lines.length).toBeGreaterThan(0);
  });

  it('imports a version-7 return in English and in Welsh, whose income table read “academic year” under “Financial year”', async () => {
    for (const name of ['version-7-demo-en.xlsx', 'version-7-demo-cy.xlsx']) {
      const read = await readReturnWorkbook(fixture(name));
      expect(read.version, name).toBe(7);
      expect(read.ret.school, name).toMatchObject({ name: 'Ysgol Cwm Glas (demo)', localAuthority: 'Denbighshire', localAuthorityCode: '663' });
      expect(
        read.ret.income.map((i) => i.financialYear),
        name,
      ).toEqual([null, 2026, null]);
    }
  });
});
