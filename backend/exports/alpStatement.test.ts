import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { createI18n } from '../../shared/i18n';
import { buildAlpStatementHtml, redactForParents } from './alpStatement';
import { variedSchoolYear } from './variedSchools';

describe('the statement for parents of what the school regards as ALP', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`names no learner and shows no cost (${lang})`, () => {
      for (const year of [demoSchoolYear(), variedSchoolYear(21)]) {
        const html = buildAlpStatementHtml(year, { lang, generatedOn: '2026-11-24' });
        for (const l of year.learners) {
          expect(html, l.name).not.toContain(l.name);
          expect(html, l.ref).not.toContain(l.ref);
        }
        expect(html).not.toMatch(/£|\d+\.\d\d\b/);
        expect(html).toContain(`<html lang="${lang}">`);
      }
    });
  }

  it('lists the universal, targeted and ALP offer by area of need, with names and descriptions', () => {
    const year = demoSchoolYear();
    const html = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    const at = (s: string) => html.indexOf(s);
    expect(at('For every learner: our universal offer')).toBeGreaterThan(0);
    expect(at('Targeted support')).toBeGreaterThan(at('For every learner'));
    expect(at('Additional learning provision (ALP)</h2>')).toBeGreaterThan(at('Targeted support'));
    for (const line of year.lines) expect(html).toContain(line.name.replace(/&/g, '&amp;'));
    expect(html).toContain('<h3>Cognition and learning</h3>');
    expect(html).toContain('Small-group phonics, three times a week for a term.');
    expect(html).toContain('@page { size: A4;');
  });

  it('speaks Welsh for the statutory terms', () => {
    const html = buildAlpStatementHtml(demoSchoolYear(), { lang: 'cy', generatedOn: '2026-11-24' });
    expect(html).toContain('Darpariaeth ddysgu ychwanegol (DDY)</h2>');
    expect(html).toContain('cynllun datblygu unigol (CDU)');
    expect(html).toContain('<h3>Gwybyddiaeth a dysgu</h3>');
    expect(html).toContain('(CADY)');
    expect(html).toContain('24 Tachwedd 2026');
  });

  it('takes learners’ names, references and amounts of money out of the school’s free text', () => {
    const year = demoSchoolYear();
    const learner = year.learners[0]!;
    const t = createI18n('en').t;
    expect(redactForParents(`1:1 for ${learner.name} (${learner.ref}), £1,250.50 a term plus 45p a copy`, year, t)).toBe('1:1 for a learner (a learner), a term plus a copy');
    year.lines[0]!.description = `Run for ${learner.name.toUpperCase()} with a £45 resource pack.`;
    const html = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    expect(html).toContain('Run for a learner with a resource pack.');
    expect(html).not.toContain('<script');
  });
});
