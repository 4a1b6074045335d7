import { describe, expect, it } from 'vitest';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { createI18n } from '../../shared/i18n';
import { buildAlpStatementHtml, redactForParents } from './alpStatement';
import { variedSchoolYear } from '../../test/support/variedSchools';

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
    // Each tier under the school's own name for it, introduced by what it is (whole school, targeted, ALP).
    expect(at('<h2>Universal</h2>\n<p class="intro">Good teaching, adapted for every learner')).toBeGreaterThan(0);
    expect(at('<h2>Targeted</h2>\n<p class="intro">Short-term, targeted teaching')).toBeGreaterThan(at('<h2>Universal'));
    expect(at('<h2>ALP</h2>\n<p class="intro">Provision in addition to')).toBeGreaterThan(at('<h2>Targeted'));
    for (const line of year.lines) expect(html).toContain(line.name.replace(/&/g, '&amp;'));
    expect(html).toContain('<h3>Cognition and learning</h3>');
    expect(html).toContain('Small-group phonics, three times a week for a term.');
    expect(html).toContain('@page { size: A4;');
  });

  it('speaks Welsh for the statutory terms', () => {
    const html = buildAlpStatementHtml(demoSchoolYear(), { lang: 'cy', generatedOn: '2026-11-24' });
    expect(html).toContain('<h2>DDY</h2>');
    expect(html).toContain('<h2>Cyffredinol</h2>');
    expect(html).toContain('cynllun datblygu unigol (CDU)');
    expect(html).toContain('<h3>Gwybyddiaeth a dysgu</h3>');
    expect(html).toContain('(CADY)');
    expect(html).toContain('24 Tachwedd 2026');
  });

  it('in Welsh uses the Welsh line names and descriptions, and marks as English what has no Welsh yet', () => {
    const year = demoSchoolYear();
    const [first, second] = year.lines as [(typeof year.lines)[number], (typeof year.lines)[number]];
    first.nameCy = 'Grŵp sgiliau cymdeithasol';
    first.descriptionCy = 'Sesiynau bach i feithrin sgiliau cymdeithasol.';
    const html = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(html).toContain('<strong>Grŵp sgiliau cymdeithasol</strong> — Sesiynau bach i feithrin sgiliau cymdeithasol.');
    expect(html).not.toContain(`<strong>${first.name}</strong>`);
    expect(html).toContain(`<strong><span lang="en">${second.name.replace(/&/g, '&amp;')}</span></strong>`);
    // In English nothing is marked
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).not.toContain('lang="en"><');
  });

  it('bilingual is one document: the Welsh statement, then the English on a new page, each marked with its language', () => {
    const year = demoSchoolYear();
    year.lines[0]!.nameCy = 'Grŵp sgiliau cymdeithasol';
    const html = buildAlpStatementHtml(year, { lang: 'bilingual', generatedOn: '2026-11-24' });
    const cy = html.indexOf('<div class="language" lang="cy">');
    const en = html.indexOf('<div class="language" lang="en">');
    expect(cy).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(cy);
    expect(html.slice(cy, en)).toContain('Grŵp sgiliau cymdeithasol');
    expect(html.slice(en)).toContain(`<strong>${year.lines[0]!.name}</strong>`);
    expect(html.slice(en)).not.toContain('Grŵp sgiliau cymdeithasol');
    expect(html).toContain('<html lang="cy">');
    expect(html.match(/<h1>/g)).toHaveLength(2);
    expect(html).toContain('.language + .language { break-before: page;');
  });

  it('introduces an authority’s own tiers by their costing mode and ALP mark, under their Welsh names in Welsh', () => {
    const year = demoSchoolYear();
    year.tiers = [
      { id: 'sylfaen', name: 'Foundation', nameCy: 'Sylfaen', isAlp: false, costing: 'whole_school', sortOrder: 1 },
      { id: 'targedu', name: 'Focused', nameCy: 'Ffocws', isAlp: false, costing: 'shared', sortOrder: 2 },
      { id: 'arbenigol', name: 'Specialist', nameCy: 'Arbenigol', isAlp: true, costing: 'shared', sortOrder: 3 },
    ];
    const moved: Record<string, string> = { universal: 'sylfaen', targeted: 'targedu', alp: 'arbenigol' };
    year.lines = year.lines.map((l) => ({ ...l, tierId: moved[l.tierId] ?? l.tierId }));
    const en = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    expect(en).toContain('<h2>Foundation</h2>\n<p class="intro">Good teaching, adapted for every learner');
    expect(en).toContain('<h2>Focused</h2>\n<p class="intro">Short-term, targeted teaching');
    expect(en).toContain('<h2>Specialist</h2>\n<p class="intro">Provision in addition to');
    const cy = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(cy).toContain('<h2>Sylfaen</h2>');
    expect(cy).toContain('<h2>Arbenigol</h2>');
    expect(cy).not.toContain('Foundation');
  });

  it('says who the school is under its title: authority, official number (or that it is not entered), roll and year', () => {
    const year = demoSchoolYear();
    year.school = { ...year.school, localAuthority: 'Gwynedd', localAuthorityCode: '661', officialNumber: '6614003', numberOnRoll: 1100 };
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<p class="meta">Gwynedd · Official school number 6614003 · 1,100 pupils on roll · 2026-27</p>');
    expect(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' })).toContain(
      '<p class="meta">Gwynedd · Rhif swyddogol yr ysgol 6614003 · 1,100 o ddisgyblion ar y gofrestr · 2026-27</p>',
    );
    year.school = { ...year.school, officialNumber: '' };
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('Official school number not entered');
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
