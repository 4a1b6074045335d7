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
    // Every line but those for one learner, which are described only as individual support.
    for (const line of year.lines.filter((l) => l.groups * l.groupCapacity > 1)) expect(html).toContain(line.name.replace(/&/g, '&amp;'));
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
    second.nameCy = '';
    const html = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(html).toMatch(/<strong>Grŵp sgiliau cymdeithasol<\/strong>( <span class="also">[^<]*<\/span>)? — Sesiynau bach i feithrin sgiliau cymdeithasol\./);
    expect(html).not.toContain(`<strong>${first.name}</strong>`);
    expect(html).toContain(`<strong><span lang="en">${second.name.replace(/&/g, '&amp;')}</span></strong>`);
    // In English nothing is marked
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).not.toContain('lang="en"><');
  });

  it('in Welsh marks as English the school, tier and area names typed only in English', () => {
    // A newcomer's school: one whole-school tier and one area, named only in English, and an English-only school name.
    const year = demoSchoolYear();
    year.school.name = 'St Mary’s Church in Wales Primary';
    year.school.nameCy = '';
    year.tiers = [{ id: 'whole', name: 'Quality first teaching', nameCy: '', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 }];
    year.areas = [
      { id: 'learning', name: 'Learning', nameCy: '', sortOrder: 1 },
      { id: 'talk', name: 'Talk', nameCy: 'Siarad', sortOrder: 2 },
      { id: 'senses', name: 'Senses', nameCy: '', sortOrder: 3 },
    ];
    year.lines = year.lines.slice(0, 2).map((l, i) => ({ ...l, tierId: 'whole', areaIds: i === 0 ? ['learning', 'senses'] : ['talk'], groupCapacity: 30 }));
    year.enrolments = [];
    const html = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    const school = '<span lang="en">St Mary’s Church in Wales Primary</span>';
    expect(html).toContain(`<h1>Yr hyn y mae ${school} yn ei ystyried`);
    expect(html).toContain(`swyddfa’r ysgol (${school})`);
    expect(html).toContain(`<p>${school} · 2026-27`);
    expect(html).toContain('<h2><span lang="en">Quality first teaching</span></h2>');
    expect(html).toContain('<h3><span lang="en">Learning</span></h3>');
    expect(html).toContain('<span lang="en">Senses</span>)</span>');
    // What has Welsh is not marked, and the document's title (no markup there) is words only.
    expect(html).toContain('<h3>Siarad</h3>');
    expect(html).toContain('<title>Yr hyn y mae St Mary’s Church in Wales Primary yn ei ystyried');
    // In English nothing is marked
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).not.toContain('<span lang="en">');
  });

  it('names whose definition of ALP the school applied in Welsh where it gave Welsh, marks the English as English where it did not, and in English the English', () => {
    const year = demoSchoolYear();
    const welsh = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(welsh).toContain('<p>Rydym yn dosbarthu ein darpariaeth gan ddefnyddio Canllawiau CDU a DDY Sir Enghraifft i ysgolion (1 Medi 2025).</p>');
    expect(welsh).not.toContain(year.school.alpDefinitionSource);
    const english = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    expect(english).toContain('<p>We class our provision using Example County ILP and ALP guidance for schools (1 September 2025).</p>');
    expect(english).not.toContain('Canllawiau CDU a DDY');
    year.school = { ...year.school, alpDefinitionSourceCy: '' };
    expect(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' })).toContain(
      '<p>Rydym yn dosbarthu ein darpariaeth gan ddefnyddio <span lang="en">Example County ILP and ALP guidance for schools</span> (1 Medi 2025).</p>',
    );
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

  it('introduces an authority’s own tiers with no description by what is true of any tier with their costing mode and ALP mark, under their Welsh names in Welsh', () => {
    const year = demoSchoolYear();
    year.tiers = [
      { id: 'sylfaen', name: 'Foundation', nameCy: 'Sylfaen', description: '', descriptionCy: '', isAlp: false, costing: 'whole_school', sortOrder: 1 },
      { id: 'targedu', name: 'Focused', nameCy: 'Ffocws', description: '', descriptionCy: '', isAlp: false, costing: 'shared', sortOrder: 2 },
      { id: 'arbenigol', name: 'Specialist', nameCy: 'Arbenigol', description: '', descriptionCy: '', isAlp: true, costing: 'shared', sortOrder: 3 },
    ];
    const moved: Record<string, string> = { universal: 'sylfaen', targeted: 'targedu', alp: 'arbenigol' };
    year.lines = year.lines.map((l) => ({ ...l, tierId: moved[l.tierId] ?? l.tierId }));
    const en = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    expect(en).toContain('<h2>Foundation</h2>\n<p class="intro">Good teaching, adapted for every learner');
    expect(en).toContain('<h2>Focused</h2>\n<p class="intro">Support for the learners chosen for it. This is not ALP');
    expect(en).toContain('<h2>Specialist</h2>\n<p class="intro">Provision in addition to');
    const cy = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(cy).toContain('<h2>Sylfaen</h2>');
    expect(cy).toContain('<h2>Arbenigol</h2>');
    expect(cy).not.toContain('Foundation');
  });

  describe('each tier introduced in the school’s own words', () => {
    /** The demo school with a shared, non-ALP tier of its own ("Wellbeing groups"), and the nurture group moved into it. */
    function withWellbeingTier(description = '', descriptionCy = '') {
      const year = demoSchoolYear();
      year.tiers.push({ id: 'wellbeing', name: 'Wellbeing groups', nameCy: 'Grwpiau lles', description, descriptionCy, isAlp: false, costing: 'shared', sortOrder: 4 });
      const moved = year.lines.find((l) => l.tierId === 'targeted' && l.groups * l.groupCapacity > 1)!;
      moved.tierId = 'wellbeing';
      return { year, moved };
    }
    /** The tier's heading and the paragraph introducing it. */
    const section = (html: string, heading: string) => html.slice(html.indexOf(`<h2>${heading}</h2>`), html.indexOf('</p>', html.indexOf(`<h2>${heading}</h2>`)) + 4);

    it('never calls a shared tier of the school’s own short-term catch-up when it has no description: it says only what is true of any such tier', () => {
      const { year } = withWellbeingTier();
      const en = section(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' }), 'Wellbeing groups');
      expect(en).toContain('<h2>Wellbeing groups</h2>\n<p class="intro">Support for the learners chosen for it. This is not ALP and does not need an individual development plan (IDP).</p>');
      const cy = section(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' }), 'Grwpiau lles');
      expect(cy).toContain('<h2>Grwpiau lles</h2>\n<p class="intro">Cymorth i’r dysgwyr a ddewiswyd ar ei gyfer. Nid DDY yw hyn ac nid oes angen cynllun datblygu unigol (CDU) ar ei gyfer.</p>');
      for (const [html, short] of [
        [en, /short-term|catch-up/i],
        [cy, /cyfnod byr|dal i fyny/i],
      ] as const)
        expect(html).not.toMatch(short);
      // Nor does the statement's opening promise that the support it lists is only for a time.
      const whole = buildAlpStatementHtml(year, { lang: 'bilingual', generatedOn: '2026-11-24' });
      expect(whole).not.toMatch(/for a time|am gyfnod,/);
    });

    it('with no description, an ALP tier is introduced by what ALP is and a whole-school tier as provision for every learner', () => {
      const year = demoSchoolYear();
      year.tiers = year.tiers.map((x) => ({ ...x, description: '', descriptionCy: '' }));
      const en = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
      expect(en).toContain('<h2>Universal</h2>\n<p class="intro">Good teaching, adapted for every learner in the class');
      expect(en).toContain('<h2>ALP</h2>\n<p class="intro">Provision in addition to, or different from');
      expect(en).toContain('<h2>Targeted</h2>\n<p class="intro">Support for the learners chosen for it.');
      expect(en).not.toContain('Short-term');
    });

    it('uses the tier’s own description in the statement’s language, and the English marked as English where it has no Welsh', () => {
      const { year } = withWellbeingTier('Small groups that meet all year to build confidence.', 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn i fagu hyder.');
      const en = buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
      expect(en).toContain('<h2>Wellbeing groups</h2>\n<p class="intro">Small groups that meet all year to build confidence.</p>');
      expect(en).not.toContain('Grwpiau bach');
      const cy = buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
      expect(cy).toContain('<h2>Grwpiau lles</h2>\n<p class="intro">Grwpiau bach sy’n cwrdd drwy’r flwyddyn i fagu hyder.</p>');
      expect(cy).not.toContain('Small groups');
      const bilingual = buildAlpStatementHtml(year, { lang: 'bilingual', generatedOn: '2026-11-24' });
      expect(bilingual).toContain('Grwpiau bach sy’n cwrdd drwy’r flwyddyn i fagu hyder.');
      expect(bilingual).toContain('Small groups that meet all year to build confidence.');
      // No Welsh given: the Welsh statement shows the English, marked as English, as it does a line's description.
      year.tiers.find((x) => x.id === 'wellbeing')!.descriptionCy = '';
      expect(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' })).toContain(
        '<h2>Grwpiau lles</h2>\n<p class="intro"><span lang="en">Small groups that meet all year to build confidence.</span></p>',
      );
    });

    it('takes learners’ names and amounts of money out of a tier’s description, and escapes it', () => {
      const year = demoSchoolYear();
      const learner = year.learners[0]!;
      const { year: withTier } = withWellbeingTier(`Started for ${learner.name}; costs £1,200 a year. <b>All year</b>`, `Dechreuwyd i ${learner.name}; mae’n costio £1,200 y flwyddyn.`);
      withTier.learners = year.learners;
      for (const lang of ['en', 'cy'] as const) {
        const html = buildAlpStatementHtml(withTier, { lang, generatedOn: '2026-11-24' });
        expect(html, lang).not.toContain(learner.name);
        expect(html, lang).not.toContain('1,200');
        expect(html, lang).not.toContain('<b>');
      }
      expect(buildAlpStatementHtml(withTier, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<p class="intro">Started for a learner; costs a year. &lt;b&gt;All year&lt;/b&gt;</p>');
      expect(buildAlpStatementHtml(withTier, { lang: 'cy', generatedOn: '2026-11-24' })).toContain('<p class="intro">Dechreuwyd i ddysgwr; mae’n costio y flwyddyn.</p>');
    });

    it('prints Mapio’s own sentence for a tier only while the tier is still of that kind: a default tier marked ALP is never “not ALP”', () => {
      const year = demoSchoolYear();
      // The school kept the default descriptions, then marked its targeted tier as ALP and costed its universal tier by enrolment.
      const targeted = year.tiers.find((x) => x.name === 'Targeted')!;
      const universal = year.tiers.find((x) => x.name === 'Universal')!;
      targeted.isAlp = true;
      universal.costing = 'shared';
      for (const lang of ['en', 'cy'] as const) {
        const { t } = createI18n(lang);
        const html = buildAlpStatementHtml(year, { lang, generatedOn: '2026-11-24' });
        const targetedSection = section(html, lang === 'en' ? targeted.name : targeted.nameCy);
        expect(targetedSection, lang).toContain(`<p class="intro">${t('export.statement.alpIntro')}</p>`);
        expect(targetedSection, lang).not.toContain(t('export.statement.targetedIntro'));
        const universalSection = section(html, lang === 'en' ? universal.name : universal.nameCy);
        expect(universalSection, lang).toContain(`<p class="intro">${t('export.statement.sharedIntro')}</p>`);
      }
      // A school’s own words stay, whatever the tier is: Mapio cannot judge them.
      targeted.description = 'Our own words about this tier.';
      expect(section(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' }), targeted.name)).toContain('<p class="intro">Our own words about this tier.</p>');
    });

    it('a description that is nothing but money falls back to what is true of the tier', () => {
      const { year } = withWellbeingTier('£1,200', '£1,200');
      expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<h2>Wellbeing groups</h2>\n<p class="intro">Support for the learners chosen for it.');
    });
  });

  it('says, under an ALP heading, that the school lists no provision as ALP when no tier is marked as ALP', () => {
    const year = demoSchoolYear();
    const count = (html: string, s: string) => html.split(s).length - 1;
    // The demo marks one tier as ALP: its own section, and no other.
    for (const lang of ['en', 'cy'] as const) expect(count(buildAlpStatementHtml(year, { lang, generatedOn: '2026-11-24' }), '<section class="tier alp">'), lang).toBe(1);
    // Only a whole-school tier, as a newcomer's file may have: the ALP section still says what ALP is, and that none is listed.
    const universalOnly = { ...year, tiers: year.tiers.filter((x) => x.id === 'universal'), lines: year.lines.filter((l) => l.tierId === 'universal') };
    const en = buildAlpStatementHtml(universalOnly, { lang: 'en', generatedOn: '2026-11-24' });
    expect(en).toContain(
      '<section class="tier alp">\n<h2>Additional learning provision (ALP)</h2>\n<p class="intro">Provision in addition to, or different from, what is normally made available in a mainstream school.',
    );
    expect(en).toContain('<p class="none">We list no provision as ALP this year.</p>\n</section>');
    expect(en.indexOf('<h2>Additional learning provision (ALP)</h2>')).toBeGreaterThan(en.indexOf('<h2>Universal</h2>'));
    expect(en.indexOf('<h2>Additional learning provision (ALP)</h2>')).toBeLessThan(en.indexOf('<h2>Who to talk to</h2>'));
    const cy = buildAlpStatementHtml(universalOnly, { lang: 'cy', generatedOn: '2026-11-24' });
    expect(cy).toContain('<h2>Darpariaeth ddysgu ychwanegol (DDY)</h2>\n<p class="intro">Darpariaeth sy’n ychwanegol at yr hyn a ddarperir fel arfer');
    expect(cy).toContain('<p class="none">Nid ydym yn rhestru unrhyw ddarpariaeth fel DDY eleni.</p>');
    const bilingual = buildAlpStatementHtml(universalOnly, { lang: 'bilingual', generatedOn: '2026-11-24' });
    expect(count(bilingual, '<section class="tier alp">')).toBe(2);
    expect(bilingual).toContain('Nid ydym yn rhestru unrhyw ddarpariaeth fel DDY eleni.');
    expect(bilingual).toContain('We list no provision as ALP this year.');
    // The tier's ALP mark decides, never its code or name: a tier called "ALP" but not marked as ALP is not ALP…
    const unmarked = { ...year, tiers: year.tiers.map((x) => ({ ...x, isAlp: false })) };
    const unmarkedHtml = buildAlpStatementHtml(unmarked, { lang: 'en', generatedOn: '2026-11-24' });
    expect(unmarkedHtml).toContain('<h2>ALP</h2>');
    expect(unmarkedHtml).toContain('We list no provision as ALP this year.');
    // …and a tier of another name marked as ALP is.
    const renamed = {
      ...year,
      tiers: year.tiers.map((x) => (x.isAlp ? { ...x, id: 'arbenigol', name: 'Specialist' } : x)),
      lines: year.lines.map((l) => (l.tierId === 'alp' ? { ...l, tierId: 'arbenigol' } : l)),
    };
    const renamedHtml = buildAlpStatementHtml(renamed, { lang: 'en', generatedOn: '2026-11-24' });
    expect(renamedHtml).not.toContain('We list no provision as ALP this year.');
    expect(count(renamedHtml, '<section class="tier alp">')).toBe(1);
  });

  it('says who the school is under its title: authority, official number (left out when not entered), roll and year', () => {
    const year = demoSchoolYear();
    year.school = { ...year.school, localAuthority: 'Gwynedd', localAuthorityCode: '661', officialNumber: '6614003', numberOnRoll: 1100 };
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<p class="meta">Gwynedd · Official school number 6614003 · 1,100 pupils on roll · 2026-27</p>');
    expect(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' })).toContain(
      '<p class="meta">Gwynedd · Rhif swyddogol yr ysgol 6614003 · 1,100 o ddisgyblion ar y gofrestr · 2026-27</p>',
    );
    // A parent reads what the school is, not a gap in its records: with no number, the item is left out.
    year.school = { ...year.school, officialNumber: '' };
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<p class="meta">Gwynedd · 1,100 pupils on roll · 2026-27</p>');
    expect(buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' })).toContain('<p class="meta">Gwynedd · 1,100 o ddisgyblion ar y gofrestr · 2026-27</p>');
    const bilingual = buildAlpStatementHtml(year, { lang: 'bilingual', generatedOn: '2026-11-24' });
    for (const gap of ['not entered', 'heb ei nodi', 'Official school number', 'Rhif swyddogol']) expect(bilingual).not.toContain(gap);
    // Nor an authority the school has not named.
    year.school = { ...year.school, localAuthority: '', localAuthorityCode: '' };
    expect(buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' })).toContain('<p class="meta">1,100 pupils on roll · 2026-27</p>');
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

  it('in Welsh, mutates “dysgwr” after a word that soft-mutates the next: “i ddysgwr”, “neu ddysgwr”, but “gyda dysgwr”', () => {
    const year = demoSchoolYear();
    const [a, b] = [year.learners[0]!, year.learners[1]!];
    const t = createI18n('cy').t;
    expect(redactForParents(`Cymorth i ${a.name} neu ${b.ref}, gyda ${b.name}. ${a.ref} yn gyntaf; am ${a.name}`, year, t)).toBe(
      'Cymorth i ddysgwr neu ddysgwr, gyda dysgwr. dysgwr yn gyntaf; am ddysgwr',
    );
  });

  describe('what it tells families besides the offer', () => {
    const en = (year = demoSchoolYear()) => buildAlpStatementHtml(year, { lang: 'en', generatedOn: '2026-11-24' });
    const cy = (year = demoSchoolYear()) => buildAlpStatementHtml(year, { lang: 'cy', generatedOn: '2026-11-24' });
    const text = (html: string) => html.replace(/<style>[\s\S]*<\/style>/, '').replace(/<[^>]*>/g, ' ');

    it('names the ALNCo and how to reach them (the school office), or only the office when no ALNCo is set', () => {
      const year = demoSchoolYear();
      const alnco = year.staff.find((s) => s.id === year.workload.alncoStaffId)!;
      expect(en(year)).toContain(
        `Our Additional Learning Needs Coordinator (ALNCo) is ${alnco.name}. To talk about your child’s learning, contact the ALNCo through the school office (${year.school.name}).`,
      );
      expect(cy(year)).toContain(`Ein Cydlynydd Anghenion Dysgu Ychwanegol (CADY) yw ${alnco.name}.`);
      // The demo's ALNCo is named as a person is, not with her role after her name ("… (ALNCo) is Rhian Morgan (ALNCo)").
      expect(en(year)).toContain('Our Additional Learning Needs Coordinator (ALNCo) is Rhian Morgan. To talk');
      expect(cy(year)).toContain('Ein Cydlynydd Anghenion Dysgu Ychwanegol (CADY) yw Rhian Morgan. I siarad');
      year.workload = { ...year.workload, alncoStaffId: null };
      expect(en(year)).toContain(`contact the school’s Additional Learning Needs Coordinator (ALNCo) through the school office (${year.school.name})`);
      expect(en(year)).not.toContain(alnco.name);
    });

    it('says how to ask the school to decide whether a child has ALN, and that it has 35 school days', () => {
      expect(en()).toContain('<h2>Asking the school whether your child has ALN</h2>');
      expect(en()).toContain('within 35 school days of being asked');
      expect(cy()).toContain('o fewn 35 diwrnod ysgol i’r cais');
    });

    it('explains the local authority’s part, by name when the school gave one', () => {
      const year = demoSchoolYear();
      year.school = { ...year.school, localAuthority: 'Gwynedd', localAuthorityCode: '661' };
      expect(en(year)).toContain('The school’s local authority is Gwynedd. For some children the local authority decides instead of the school');
      expect(en(year)).toContain('12 weeks');
      expect(cy(year)).toContain('Awdurdod lleol yr ysgol yw Gwynedd.');
      year.school = { ...year.school, localAuthority: '', localAuthorityCode: '' };
      expect(en(year)).toContain('<p>For some children the local authority decides');
    });

    it('names an authority the school typed by the Welsh name it gave in Welsh, by the English name (marked English) where it gave none; a chosen one by Mapio’s names', () => {
      const year = demoSchoolYear();
      const typed = 'Example County Borough Council';
      year.school = { ...year.school, localAuthority: typed, localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '', officialNumber: '' };
      expect(cy(year)).toContain('<p class="meta">Cyngor Bwrdeistref Sirol Enghraifft · ');
      expect(cy(year)).toContain('<p>Awdurdod lleol yr ysgol yw Cyngor Bwrdeistref Sirol Enghraifft. ');
      expect(cy(year)).not.toContain(typed);
      expect(en(year)).toContain(`<p class="meta">${typed} · `);
      expect(en(year)).toContain(`<p>The school’s local authority is ${typed}. `);
      expect(en(year)).not.toContain('Cyngor Bwrdeistref Sirol');
      // In both languages of a bilingual statement, each in its own.
      const bilingual = buildAlpStatementHtml(year, { lang: 'bilingual', generatedOn: '2026-11-24' });
      expect(bilingual).toContain('Awdurdod lleol yr ysgol yw Cyngor Bwrdeistref Sirol Enghraifft.');
      expect(bilingual).toContain(`The school’s local authority is ${typed}.`);
      // No Welsh name given: the English as typed, marked as English for screen readers; never marked in English.
      year.school = { ...year.school, localAuthorityCy: '' };
      expect(cy(year)).toContain(`<p class="meta"><span lang="en">${typed}</span> · `);
      expect(cy(year)).toContain(`<p>Awdurdod lleol yr ysgol yw <span lang="en">${typed}</span>. `);
      expect(en(year)).not.toContain(`<span lang="en">${typed}`);
      // A chosen authority reads under Mapio's names, whatever Welsh was typed before it was chosen.
      year.school = { ...year.school, localAuthority: 'Denbighshire', localAuthorityCy: 'Cyngor Bwrdeistref Sirol Enghraifft', localAuthorityCode: '663' };
      expect(cy(year)).toContain('<p class="meta">Sir Ddinbych · ');
      expect(cy(year)).toContain('Awdurdod lleol yr ysgol yw Sir Ddinbych.');
      expect(cy(year)).not.toContain('Cyngor Bwrdeistref Sirol');
      expect(en(year)).toContain('The school’s local authority is Denbighshire.');
    });

    it('points to free, independent advice from SNAP Cymru, with its website and phone number', () => {
      for (const html of [en(), cy()]) {
        expect(html).toContain('<a href="https://www.snapcymru.org">www.snapcymru.org</a>');
        expect(html).toContain('0808 801 0608');
      }
      expect(en()).toContain('SNAP Cymru gives families free, independent advice');
      expect(cy()).toContain('Mae SNAP Cymru yn rhoi cyngor a chymorth annibynnol am ddim');
    });

    it('gives the right to ask the authority to reconsider and to appeal to the Education Tribunal for Wales', () => {
      expect(en()).toContain('you can ask the local authority to reconsider that decision');
      expect(en()).toContain('you can appeal to the Education Tribunal for Wales');
      expect(cy()).toContain('gallwch ofyn i’r awdurdod lleol ailystyried y penderfyniad hwnnw');
      expect(cy()).toContain('gallwch apelio i Dribiwnlys Addysg Cymru');
    });

    it('explains every abbreviation it uses, and only those, in the statement’s language', () => {
      const year = demoSchoolYear();
      const html = en(year);
      const glossary = html.slice(html.indexOf('<section class="glossary">'), html.indexOf('</section>', html.indexOf('<section class="glossary">')));
      const terms = [...glossary.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]);
      expect(terms).toEqual(expect.arrayContaining(['ALN', 'ALP', 'IDP', 'ALNCo', 'TA', 'SALT', 'ELSA']));
      const body = text(html.slice(0, html.indexOf('<section class="glossary">')));
      for (const term of terms) expect(body, term).toMatch(new RegExp(`(?<![\\p{L}])${term}(?![\\p{L}])`, 'u'));
      expect(terms).not.toContain('HLTA');
      expect(terms).not.toContain('OT');
      expect(glossary).toContain('<dt>SALT</dt><dd>speech and language therapy</dd>');
      // A description that uses OT brings it into the glossary.
      year.lines.find((l) => l.name === 'Sensory diet and regulation plan')!.description = 'Planned with the OT.';
      expect(en(year)).toContain('<dt>OT</dt><dd>occupational therapy</dd>');
      // In Welsh: the Welsh forms, explained in Welsh, with an English form the school's own text uses.
      const welsh = cy();
      expect(welsh).toContain('<dt>ADY</dt><dd>anghenion dysgu ychwanegol</dd>');
      expect(welsh).toContain('<dt>CDU</dt><dd>cynllun datblygu unigol</dd>');
      expect(welsh).toContain('<dt>CADY</dt><dd>Cydlynydd Anghenion Dysgu Ychwanegol</dd>');
      // A Welsh description that says "ALNCo": the English form is explained beside the Welsh.
      year.lines.find((l) => l.name === 'Zones of Regulation, all classes')!.descriptionCy = 'Dull yr ysgol gyfan, dan arweiniad yr ALNCo.';
      expect(cy(year)).toContain('<dt>CADY / ALNCo</dt><dd>Cydlynydd Anghenion Dysgu Ychwanegol</dd>');
      expect(welsh).toContain('<h2>Byrfoddau yn y datganiad hwn</h2>');
    });

    it('lists each line once, under its first area of need, naming its other areas beside it', () => {
      const year = demoSchoolYear();
      const html = en(year);
      for (const line of year.lines.filter((l) => l.groups * l.groupCapacity > 1)) {
        const name = `<strong>${line.name.replace(/&/g, '&amp;')}</strong>`;
        expect(html.split(name).length - 1, line.name).toBe(1);
      }
      expect(html).toContain('<strong>Lego-based social skills</strong> <span class="also">(also Behaviour, emotional and social development)</span>');
    });

    it('describes a line for one learner without its name, description or hours, and a line whose only learner is LA-maintained too', () => {
      const year = demoSchoolYear();
      const oneToOne = year.lines.filter((l) => l.groups * l.groupCapacity === 1);
      expect(oneToOne.length).toBeGreaterThan(0);
      // A group line with one learner on it all year, whose IDP the authority maintains.
      const group = year.lines.find((l) => l.name === 'Social communication group')!;
      const la = year.learners.find((l) => l.alnStatus === 'idp_la')!;
      year.enrolments = [...year.enrolments.filter((e) => e.lineId !== group.id), { ...year.enrolments[0]!, id: 9999, lineId: group.id, learnerId: la.id }];
      group.description = 'Three hours a week with Mrs Jones.';
      for (const html of [en(year), cy(year)]) {
        for (const line of [...oneToOne, group]) {
          expect(html).not.toContain(line.name);
          expect(html).not.toContain(line.description);
        }
        expect(html).not.toMatch(/\d+(\.\d+)? hours/);
      }
      expect(en(year)).toContain('<strong>Individual support</strong>');
      expect(en(year)).toContain('Support planned for one learner, as their IDP sets out.');
      expect(cy(year)).toContain('<strong>Cymorth unigol</strong>');
    });

    it('marks a line staffed only by vacancies as not yet running, and no other', () => {
      const year = demoSchoolYear();
      const vacancy = { ...year.staff[0]!, id: 900, name: 'TA (vacancy)', isPlaceholder: true };
      year.staff = [...year.staff.map((s) => ({ ...s, isPlaceholder: false })), vacancy];
      const [onlyVacancy, mixed] = year.lines.filter((l) => l.groups * l.groupCapacity > 1 && l.staff.length > 0);
      onlyVacancy!.staff = [{ staffId: 900, count: 1 }];
      mixed!.staff = [...mixed!.staff, { staffId: 900, count: 1 }];
      const html = en(year);
      const item = (name: string) => html.slice(html.indexOf(`<strong>${name}`), html.indexOf('</li>', html.indexOf(`<strong>${name}`)));
      expect(item(onlyVacancy!.name)).toContain('<em class="not-running">Not running yet: we are recruiting staff for it.</em>');
      expect(item(mixed!.name)).not.toContain('not-running');
      expect(html.match(/class="not-running"/g)).toHaveLength(1);
      expect(cy(year)).toContain('Nid yw’n rhedeg eto: rydym yn recriwtio staff ar ei gyfer.');
    });

    it('in Welsh carries none of the English guidance', () => {
      const welsh = cy();
      for (const english of ['Who to talk to', 'If you disagree', 'Free, independent advice', 'Abbreviations in this statement', 'The local authority']) expect(welsh).not.toContain(english);
    });
  });
});
